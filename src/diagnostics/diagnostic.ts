/**
 * The one diagnostic type used by every stage (syntax, evaluation, validation,
 * site checks, artifacts, deploy). Control flow keys on `code`, never on `message`.
 */
import type { Span } from './span.js';
import { codeInfo, type DiagnosticCode } from './codes.js';

export type Severity = 'error' | 'warning' | 'info';

/** A secondary location that contributes to a diagnostic (the other side of a conflict, a call site). */
export interface RelatedSpan {
  readonly message: string;
  readonly span: Span;
}

export interface Diagnostic {
  /** Stable code from the catalogue in codes.ts, e.g. `PF101`. */
  readonly code: DiagnosticCode;
  readonly severity: Severity;
  /** Human-readable text; never parsed by the program. */
  readonly message: string;
  /** Primary location, when the problem has one. */
  readonly span?: Span;
  /** Other locations involved (call stack frames, the conflicting definition, ...). */
  readonly related?: readonly RelatedSpan[];
  /** Path in the configuration model (e.g. `/system/network/hostname`) when one applies. */
  readonly path?: string;
  /**
   * Object templates (profiles) the problem concerns, sorted, when the stage that reports it
   * knows them (site model and site checks). Lets tools attach a diagnostic to machines
   * without reading its spans or message.
   */
  readonly objects?: readonly string[];
}

/** Builds a diagnostic whose severity is the catalogue default for `code`. */
export function diagnostic(
  code: DiagnosticCode,
  message: string,
  span?: Span,
  extra: { related?: readonly RelatedSpan[]; path?: string; severity?: Severity; objects?: readonly string[] } = {},
): Diagnostic {
  const d: { -readonly [K in keyof Diagnostic]: Diagnostic[K] } = {
    code,
    severity: extra.severity ?? codeInfo(code).severity,
    message,
  };
  if (span) d.span = span;
  if (extra.related && extra.related.length > 0) d.related = extra.related;
  if (extra.path !== undefined) d.path = extra.path;
  if (extra.objects && extra.objects.length > 0) d.objects = [...new Set(extra.objects)].sort();
  return d;
}

/** True if any diagnostic in the list is an error. */
export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** An exception that carries a diagnostic; thrown inside a stage, caught at its boundary. */
export class DiagnosticError extends Error {
  constructor(readonly diagnostic: Diagnostic) {
    super(diagnostic.message);
    this.name = 'DiagnosticError';
  }
}

/** Orders diagnostics by file, position, then code, so output never depends on processing order. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  const fa = a.span?.file ?? '';
  const fb = b.span?.file ?? '';
  if (fa !== fb) return fa < fb ? -1 : 1;
  const oa = a.span?.offset ?? -1;
  const ob = b.span?.offset ?? -1;
  if (oa !== ob) return oa - ob;
  return a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
}
