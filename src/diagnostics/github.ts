/**
 * GitHub Actions workflow-command annotations: one `::error …::message` line per diagnostic,
 * which a workflow run shows on the files and lines of a pull request. Property values and the
 * message are escaped as the runner expects (`%`, CR, LF everywhere; `:` and `,` in properties).
 */
import type { Diagnostic } from './diagnostic.js';
import { codeInfo } from './codes.js';
import { location } from './format.js';

/** Escapes the message part of a workflow command. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a property value of a workflow command. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** The annotation command of one diagnostic (`error`, `warning` or `notice`). */
export function formatGithubAnnotation(d: Diagnostic): string {
  const command = d.severity === 'info' ? 'notice' : d.severity;
  const props: Array<[string, string]> = [];
  if (d.span) {
    props.push(['file', d.span.file], ['line', String(d.span.line)], ['col', String(d.span.col)]);
    if (d.span.endLine !== d.span.line) props.push(['endLine', String(d.span.endLine)]);
    else props.push(['endColumn', String(d.span.endCol)]);
  }
  props.push(['title', `${d.code} ${codeInfo(d.code).title}`]);
  const properties = props.map(([k, v]) => `${k}=${escapeProperty(v)}`).join(',');
  return `::${command} ${properties}::${escapeData(messageWithContext(d))}`;
}

/** Formats every diagnostic as an annotation line. */
export function formatGithub(diagnostics: readonly Diagnostic[]): string {
  return diagnostics.map((d) => formatGithubAnnotation(d) + '\n').join('');
}

/** The message followed by the model path and the related locations, one per line. */
function messageWithContext(d: Diagnostic): string {
  const lines = [d.message];
  if (d.path !== undefined) lines.push(`at path ${d.path}`);
  for (const r of d.related ?? []) lines.push(`note: ${location(r.span)}: ${r.message}`);
  return lines.join('\n');
}
