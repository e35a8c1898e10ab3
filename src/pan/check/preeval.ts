/**
 * Statement pre-evaluation (§7.9 B): runs a DML in panc's compile-time context — no global
 * variables, no user functions, no SELF, no tree or file access, iteration limit 1000, call depth
 * 50. Success means the statement is a constant; any failure means "evaluate at run time".
 */
import { ExecContext } from '../context.js';
import type { Value } from '../element.js';
import { asPanError, type PanError } from '../errors.js';
import { runDml } from '../exec.js';
import type { Node } from '../ir.js';
import { freeze } from '../protect.js';

/** Iteration limit of the compile-time context. */
export const COMPILE_TIME_ITERATIONS = 1000;
/** Call-depth limit of the compile-time context. */
export const COMPILE_TIME_DEPTH = 50;

export type PreEvaluation = { readonly ok: true; readonly value: Value } | { readonly ok: false; readonly error: PanError };

/** Pre-evaluates a DML; a successful value is frozen. */
export function preEvaluate(node: Node): PreEvaluation {
  if (node.k === 'lit') return { ok: true, value: node.v };
  const ctx = new ExecContext(undefined, COMPILE_TIME_ITERATIONS, COMPILE_TIME_DEPTH, undefined);
  // Failures are the common case (any non-constant statement) and their JavaScript stack is
  // never shown, so errors raised here skip stack capture.
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return { ok: true, value: freeze(runDml(ctx, node)) };
  } catch (e) {
    return { ok: false, error: asPanError(e) };
  } finally {
    Error.stackTraceLimit = limit;
  }
}
