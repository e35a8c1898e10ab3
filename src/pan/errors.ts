/**
 * The evaluator's exception: a Pan error with a stable code, panc's detail text, the failing
 * construct's span and the call stack at the moment the error got its location. Thrown inside
 * compilation and execution, turned into a Diagnostic at the compiler boundary.
 */
import { codeInfo, type DiagnosticCode, type PanErrorClass } from '../diagnostics/codes.js';
import { diagnostic, type Diagnostic, type RelatedSpan } from '../diagnostics/diagnostic.js';
import type { Span } from '../diagnostics/span.js';

/** Supplies the call-stack frames (call sites, innermost first) when an error gets its location. */
export interface FrameSource {
  callFrames(): RelatedSpan[];
}

/** A Pan compilation error (Parse, Syntax, Evaluation, Validation or System class). */
export class PanError extends Error {
  /** Call stack: the failing construct first, then each enclosing call site, innermost first. */
  frames: RelatedSpan[] | undefined;
  /** Element path in the profile, for validation errors. */
  path: string | undefined;

  constructor(
    public code: DiagnosticCode,
    message: string,
    public span?: Span,
    frames?: RelatedSpan[],
  ) {
    super(message);
    this.name = 'PanError';
    this.frames = frames;
    this.path = undefined;
  }

  /** The panc class of this error. */
  get panClass(): PanErrorClass | undefined {
    return codeInfo(this.code).panClass;
  }

  /**
   * Gives the error a location if it has none yet (panc's addExceptionInfo): the span of the
   * construct being executed and, if no call stack was recorded when the error was raised, the
   * call stack at this enclosing construct (errors raised without a context). Returns this error.
   */
  locate(span: Span | undefined, frames?: FrameSource): this {
    if (span === undefined) return this;
    if (this.span === undefined) this.span = span;
    if (this.frames === undefined && frames !== undefined) {
      this.frames = [{ message: 'here', span: this.span }, ...frames.callFrames()];
    }
    return this;
  }

  /** The diagnostic reported for this error. */
  toDiagnostic(): Diagnostic {
    const extra: { related?: readonly RelatedSpan[]; path?: string } = {};
    if (this.frames && this.frames.length > 0) extra.related = this.frames;
    if (this.path !== undefined) extra.path = this.path;
    return diagnostic(this.code, this.message, this.span, extra);
  }
}

/** An Evaluation-class error (default code PF200). */
export function evalError(message: string, span?: Span, code: DiagnosticCode = 'PF200'): PanError {
  return new PanError(code, message, span);
}

/** A Syntax-class error of a file (default code PF115). */
export function syntaxError(message: string, span?: Span, code: DiagnosticCode = 'PF115'): PanError {
  return new PanError(code, message, span);
}

/** True if the error is of the Syntax class. */
export function isSyntax(e: PanError): boolean {
  return codeInfo(e.code).panClass === 'Syntax';
}

/** True for JavaScript's stack-overflow RangeError (from any realm). */
function isStackOverflow(e: unknown): boolean {
  if (typeof e !== 'object' || e === null) return false;
  const { name, message } = e as { name?: unknown; message?: unknown };
  return name === 'RangeError' && typeof message === 'string' && message.includes('call stack');
}

/** True for JavaScript's "Invalid string length" / "Invalid array length" RangeErrors. */
function isSizeOverflow(e: unknown): boolean {
  if (typeof e !== 'object' || e === null) return false;
  const { name, message } = e as { name?: unknown; message?: unknown };
  return name === 'RangeError' && typeof message === 'string' && /^Invalid (string|array|typed array) length/.test(message);
}

/**
 * Converts a JavaScript stack overflow or an oversized string/array into a Pan limit error;
 * other non-Pan errors are reported as internal errors. PanErrors pass through unchanged.
 */
export function asPanError(e: unknown, span?: Span): PanError {
  if (e instanceof PanError) return e;
  if (isSizeOverflow(e)) {
    return new PanError('PF219', `resource size limit exceeded (${(e as Error).message})`, span);
  }
  if (isStackOverflow(e)) {
    return new PanError('PF208', 'stack overflow; check for circular data structure or unbounded recursion', span);
  }
  const message = e instanceof Error ? e.message : String(e);
  return new PanError('PF901', `internal error: ${message}`, span);
}

function rangeText(span: Span): string {
  return `${span.file}:${span.line}.${span.col}-${span.endLine}.${span.endCol}`;
}

/** panc's full text of an error: `<class> error [file:range]`, the message, the call stack. */
export function formatPanError(e: PanError): string {
  const cls = (e.panClass ?? 'System').toLowerCase();
  let s = `${cls} error [${e.span === undefined ? '?' : rangeText(e.span)}]\n${e.message}`;
  if (e.frames !== undefined && e.frames.length > 0) {
    s += '\n>>> call stack trace \n' + e.frames.map((f) => `>>> [${rangeText(f.span)}]`).join('\n');
    s += '\n>>> ====================';
  }
  return s;
}
