/**
 * Lexical diagnostics and annotation nodes of a scanned text: unexpected characters (PF100),
 * unterminated strings (PF102), invalid escapes (PF103), unterminated heredocs (PF104),
 * malformed annotations (PF105), malformed numbers (PF107) and out-of-range longs (PF108).
 */
import type { Annotation } from './ast.js';
import { diagnostic, type Diagnostic } from '../src/diagnostics/diagnostic.js';
import { readAnnotation } from './annotation.js';
import type { LineIndex } from './line-index.js';
import { Scanner, type PanToken } from './scanner.js';
import { finishHeredocs, scanState } from './scanners.js';

/**
 * Completes a scan (reports heredocs left open) and returns the lexical diagnostics and the
 * annotations; appends the diagnostics to `out`.
 */
export function finishScan(scanner: Scanner, lines: LineIndex, out: Diagnostic[]): Annotation[] {
  finishHeredocs();
  if (scanState.diagnostics.length > 0 || scanner.unknown.length > 0 || scanner.badAnnotations.length > 0) {
    reportProblems(scanner, lines, out);
  }
  return scanner.annotations.length > 0 ? readAnnotations(scanner.annotations, lines, out) : [];
}

/** Appends the lexical diagnostics of a scan to `out`. */
function reportProblems(scanner: Scanner, lines: LineIndex, out: Diagnostic[]): void {
  const text = lines.text;
  for (const raw of scanState.diagnostics) out.push(diagnostic(raw.code, raw.message, lines.span(raw.start, raw.end)));
  for (const run of scanner.unknown) {
    const shown = printable(text.substr(run.offset, Math.min(run.length, 20)));
    const what = run.length > 1 ? 'characters' : 'character';
    out.push(diagnostic('PF100', `unexpected ${what} '${shown}'`, lines.span(run.offset, run.offset + run.length)));
  }
  for (const offset of scanner.badAnnotations) {
    out.push(
      diagnostic('PF105', "malformed annotation: '@' must be followed by an optional name and a (...), [...] or {...} body", lines.span(offset, offset + 1)),
    );
  }
}

function readAnnotations(tokens: readonly PanToken[], lines: LineIndex, out: Diagnostic[]): Annotation[] {
  const annotations: Annotation[] = [];
  for (const token of tokens) {
    const span = lines.span(token.startOffset, token.startOffset + token.image.length);
    const reading = readAnnotation(token.image);
    if (reading.ok) {
      annotations.push({ kind: 'Annotation', name: reading.name, entries: reading.entries, body: reading.body, span });
    } else {
      out.push(diagnostic('PF105', reading.message, span));
    }
  }
  return annotations;
}

/** All tokens, annotations and lexical diagnostics of a text (for tests and tools). */
export function tokenize(lines: LineIndex): { tokens: PanToken[]; annotations: Annotation[]; diagnostics: Diagnostic[] } {
  const scanner = new Scanner(lines.text);
  const tokens = scanner.all();
  const diagnostics: Diagnostic[] = [];
  const annotations = finishScan(scanner, lines, diagnostics);
  return { tokens, annotations, diagnostics };
}

/** Makes control characters visible in a message. */
export function printable(s: string): string {
  return s.replace(/[\x00-\x1f\x7f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}
