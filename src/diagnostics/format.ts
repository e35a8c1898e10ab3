/**
 * Diagnostic formatters: human (file:line:col: code message, source excerpt with a caret,
 * colour on a TTY) and JSON (one object per diagnostic, stable field order).
 */
import type { Diagnostic } from './diagnostic.js';
import { toPlainSpan, type Span } from './span.js';

/** Gives the text of a source file, for excerpts; undefined when unavailable. */
export type SourceLookup = (file: string) => string | undefined;

export interface HumanFormatOptions {
  readonly color?: boolean;
  readonly sources?: SourceLookup;
  /** Lines of context before the primary line (default 0). */
  readonly contextLines?: number;
}

const ANSI = { red: '\x1b[31m', yellow: '\x1b[33m', cyan: '\x1b[36m', bold: '\x1b[1m', dim: '\x1b[2m', reset: '\x1b[0m' };

/** `file:line:col` of a span, or `<unknown>`. */
export function location(span: Span | undefined): string {
  return span ? `${span.file}:${span.line}:${span.col}` : '<unknown>';
}

/**
 * Formats one diagnostic for people: `file:line:col: CODE message` (non-errors say `warning:` or
 * `info:` before the message), then the source excerpt with a caret and the related locations.
 */
export function formatHuman(d: Diagnostic, opts: HumanFormatOptions = {}): string {
  const paint = (code: keyof typeof ANSI, s: string) => (opts.color ? ANSI[code] + s + ANSI.reset : s);
  const codeColor = d.severity === 'error' ? 'red' : d.severity === 'warning' ? 'yellow' : 'cyan';
  const sev = d.severity === 'error' ? '' : `${d.severity}: `;
  const where = d.span ? paint('bold', location(d.span) + ':') + ' ' : '';
  const out = [`${where}${paint(codeColor, d.code)} ${sev}${d.message}`];
  if (d.path !== undefined) out.push(`  at path ${d.path}`);
  if (d.span) out.push(...excerpt(d.span, opts, paint));
  for (const r of d.related ?? []) {
    out.push(`  ${paint('dim', 'note:')} ${location(r.span)}: ${r.message}`);
  }
  return out.join('\n');
}

function excerpt(
  span: Span,
  opts: HumanFormatOptions,
  paint: (code: keyof typeof ANSI, s: string) => string,
): string[] {
  const text = opts.sources?.(span.file);
  if (text === undefined) return [];
  const lines = text.split(/\r\n|\r|\n/);
  const lineText = lines[span.line - 1];
  if (lineText === undefined) return [];
  const gutter = String(span.line).length;
  const shown = lineText.replace(/\t/g, ' ');
  const width = span.endLine === span.line ? Math.max(1, span.endCol - span.col + 1) : Math.max(1, shown.length - span.col + 1);
  const caret = ' '.repeat(Math.max(0, span.col - 1)) + '^' + '~'.repeat(Math.max(0, Math.min(width, 200) - 1));
  return [
    `${' '.repeat(gutter)} |`,
    `${span.line} | ${shown}`,
    `${' '.repeat(gutter)} | ${paint('red', caret)}`,
  ];
}

/** Plain object form of a diagnostic for JSON output (stable key order). */
export function toJsonObject(d: Diagnostic): Record<string, unknown> {
  const o: Record<string, unknown> = { code: d.code, severity: d.severity, message: d.message };
  if (d.span) o.span = toPlainSpan(d.span);
  if (d.path !== undefined) o.path = d.path;
  if (d.related) o.related = d.related.map((r) => ({ ...r, span: toPlainSpan(r.span) }));
  return o;
}

/** Formats a list of diagnostics as a JSON document. */
export function formatJson(diagnostics: readonly Diagnostic[]): string {
  return JSON.stringify({ diagnostics: diagnostics.map(toJsonObject) }, null, 2) + '\n';
}
