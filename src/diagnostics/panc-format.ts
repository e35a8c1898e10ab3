/**
 * Rebuilds the exception class and message panc would report for a diagnostic, so that
 * panc's test expectations (class names and whole-message regexes) can be checked against
 * our diagnostics, and so that users who know panc's messages recognise ours.
 */
import type { Diagnostic } from './diagnostic.js';
import { codeInfo, type PanErrorClass } from './codes.js';
import { pancRange, type Span } from './span.js';

/** Fully-qualified Java class of each panc error class. */
const CLASS_NAMES: Record<PanErrorClass, string> = {
  Parse: 'org.quattor.pan.parser.ParseException',
  Syntax: 'org.quattor.pan.exceptions.SyntaxException',
  Evaluation: 'org.quattor.pan.exceptions.EvaluationException',
  Validation: 'org.quattor.pan.exceptions.ValidationException',
  System: 'org.quattor.pan.exceptions.SystemException',
};

/** The panc exception class of a diagnostic, or undefined for codes outside Pan compilation. */
export function pancClassName(d: Diagnostic): string | undefined {
  const panClass = codeInfo(d.code).panClass;
  return panClass === undefined ? undefined : CLASS_NAMES[panClass];
}

export interface PancFormatOptions {
  /** Source file of the object template, named in the header of validation errors. */
  readonly objectFile?: string;
}

/**
 * The message panc's exception would carry: `<class> error [file:L.C-L.C]` then the text;
 * evaluation errors add the call stack trace (the failing construct, then each enclosing
 * include or call, innermost first); validation errors name the object file and the
 * element path.
 */
export function formatPancMessage(d: Diagnostic, opts: PancFormatOptions = {}): string {
  switch (codeInfo(d.code).panClass) {
    case 'Parse':
      return `parse error [${where(d.span)}]\n${d.message}`;
    case 'Syntax':
      return `syntax error [${where(d.span)}]\n${d.message}\n`;
    case 'Evaluation':
      return `evaluation error [${where(d.span)}]\n${d.message}\n${traceback(d)}`;
    case 'Validation':
      return `validation error [${opts.objectFile ?? d.span?.file ?? '?'}]\n${d.message}\n${elementPath(d)}`;
    case 'System':
      return `system error [${d.span?.file ?? opts.objectFile ?? '?'}]\n${d.message}\n`;
    default:
      return d.span ? `${d.span.file}:${d.span.line}.${d.span.col}: ${d.message}` : d.message;
  }
}

function where(span: Span | undefined): string {
  return span ? pancRange(span) : '?:?';
}

/** `>>> call stack trace` block of an evaluation error, empty when the error has no location. */
function traceback(d: Diagnostic): string {
  if (!d.span) return '';
  const related = d.related ?? [];
  // The innermost frame repeats the failing construct when the error is raised at a call site.
  const skipFirst = related.length > 0 && sameSpan(related[0]!.span, d.span);
  const frames: Span[] = [d.span, ...related.slice(skipFirst ? 1 : 0).map((r) => r.span)];
  const lines = frames.map((s) => `>>> [${pancRange(s)}]\n`).join('');
  return `>>> call stack trace \n${lines}>>> ====================\n\n\n`;
}

function elementPath(d: Diagnostic): string {
  if (d.path === undefined || d.message.includes('element path:')) return '';
  return `element path: '${d.path}'\n`;
}

function sameSpan(a: Span, b: Span): boolean {
  return a.file === b.file && a.offset === b.offset && a.length === b.length;
}
