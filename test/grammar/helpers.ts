/**
 * Helpers for the front-end tests: parsing snippets, printing expressions compactly, stripping
 * spans for structural comparison, checking span consistency, and locating the conformance suite.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Expr, Statement, TemplateFile, TypeSpec } from '../../grammar/ast.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { spanFromOffsets, type Span } from '../../src/diagnostics/span.js';
import { parseTemplate } from '../../src/syntax/parse.js';

/** The repository root. */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The shared conformance suite (read at run time, never copied). */
export const CONFORMANCE_DIR = path.resolve(REPO_ROOT, '..', 'shared', 'conformance');

/** Parses a file that must be free of diagnostics. */
export function parseOk(text: string, file = 't.pan'): TemplateFile {
  const r = parseTemplate(text, file);
  if (r.diagnostics.length > 0 || !r.ast) {
    throw new Error('unexpected diagnostics:\n' + r.diagnostics.map(show).join('\n'));
  }
  return r.ast;
}

/** Diagnostics of a file that must have at least one error (and then no AST). */
export function parseErrors(text: string, file = 't.pan'): Diagnostic[] {
  const r = parseTemplate(text, file);
  if (r.diagnostics.length === 0) throw new Error('expected diagnostics, got none');
  expect(r.ast).toBeUndefined();
  return r.diagnostics;
}

/** `line:col CODE message` of a diagnostic. */
export function show(d: Diagnostic): string {
  return `${d.span ? `${d.span.line}:${d.span.col}` : '?'} ${d.code} ${d.message}`;
}

/** Statements of `template t;` followed by `body`. */
export function statements(body: string): readonly Statement[] {
  return parseOk(`template t;\n${body}`).statements;
}

/** The value expression of the single assignment `'/x' = <dml>;`. */
export function dml(source: string): Expr {
  const [s] = statements(`'/x' = ${source};`);
  if (s?.kind !== 'Assign') throw new Error('not an assignment');
  return s.value;
}

/** The full type of `type t = <source>;`. */
export function typeOf(source: string): TypeSpec {
  const [s] = statements(`type t = ${source};`);
  if (s?.kind !== 'Type') throw new Error('not a type statement');
  return s.type.spec;
}

/** Compact prefix form of an expression, e.g. `(+ 1 (* 2 3))`, for precedence tests. */
export function sexpr(e: Expr): string {
  switch (e.kind) {
    case 'Literal':
      return typeof e.value === 'string' ? JSON.stringify(e.value) : typeof e.value === 'bigint' ? `${e.value}L` : String(e.value);
    case 'Var':
      return e.name + e.subscripts.map((s) => `[${sexpr(s)}]`).join('');
    case 'Call':
      return `${e.name}(${e.args.map(sexpr).join(', ')})`;
    case 'Unary':
      return `(${e.op} ${sexpr(e.operand)})`;
    case 'Binary':
      return `(${e.op} ${sexpr(e.left)} ${sexpr(e.right)})`;
    case 'LocalAssign':
      return `(= ${sexpr(e.target)} ${sexpr(e.value)})`;
    case 'If':
      return `(if ${sexpr(e.cond)} ${sexpr(e.then)}${e.else ? ' ' + sexpr(e.else) : ''})`;
    case 'While':
      return `(while ${sexpr(e.cond)} ${sexpr(e.body)})`;
    case 'For':
      return `(for ${sexpr(e.init)} ${sexpr(e.cond)} ${sexpr(e.step)} ${sexpr(e.body)})`;
    case 'Foreach':
      return `(foreach ${sexpr(e.key)} ${sexpr(e.value)} ${sexpr(e.collection)} ${sexpr(e.body)})`;
    case 'Block':
      return `{${e.body.map(sexpr).join('; ')}}`;
  }
}

const SPAN_KEYS = new Set(['span', 'opSpan', 'nameSpan', 'pathSpan']);

/** Deep copy without span fields, for structural comparison. */
export function stripSpans(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripSpans);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (!SPAN_KEYS.has(k)) out[k] = stripSpans(v);
  return out;
}

/** Problems with a span relative to `text` (empty when the span is consistent and inside it). */
export function spanProblems(span: Span, text: string): string[] {
  const problems: string[] = [];
  if (!(span.offset >= 0 && span.length >= 0 && span.offset + span.length <= text.length)) {
    problems.push(`offsets outside the text: ${span.offset}+${span.length} > ${text.length}`);
    return problems;
  }
  const expected = spanFromOffsets(span.file, text, span.offset, span.offset + span.length);
  for (const key of ['line', 'col', 'endLine', 'endCol'] as const) {
    if (span[key] !== expected[key]) problems.push(`${key} is ${span[key]}, expected ${expected[key]}`);
  }
  return problems;
}

/** Every span in an AST (recursively). */
export function allSpans(value: unknown, out: Span[] = []): Span[] {
  if (Array.isArray(value)) {
    for (const v of value) allSpans(v, out);
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (SPAN_KEYS.has(k)) out.push(v as Span);
      else allSpans(v, out);
    }
  }
  return out;
}
