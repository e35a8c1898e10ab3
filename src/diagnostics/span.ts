/**
 * Source spans: where in which file a construct or a value comes from.
 * Every AST node and every diagnostic carries one.
 */

/** A range of characters in one source file. Lines and columns are 1-based; `endCol` is inclusive. */
export interface Span {
  /** File name as given to the loader (relative or absolute). */
  readonly file: string;
  /** 0-based character offset of the first character. */
  readonly offset: number;
  /** Number of characters covered (0 for a point, e.g. end of file). */
  readonly length: number;
  readonly line: number;
  readonly col: number;
  readonly endLine: number;
  readonly endCol: number;
}

/**
 * A plain copy of a span, its seven fields in the usual order. Spans of parsed files compute their
 * lines and columns when read (grammar/line-index.ts `SourceSpan`): copy them with this function
 * before spreading, cloning or serialising them other than through JSON.stringify.
 */
export function toPlainSpan(s: Span): Span {
  return { file: s.file, offset: s.offset, length: s.length, line: s.line, col: s.col, endLine: s.endLine, endCol: s.endCol };
}

/** A span covering `a` through `b` (same file; `b` ends after `a` starts). */
export function joinSpans(a: Span, b: Span): Span {
  return {
    file: a.file,
    offset: a.offset,
    length: Math.max(a.length, b.offset + b.length - a.offset),
    line: a.line,
    col: a.col,
    endLine: b.endLine,
    endCol: b.endCol,
  };
}

/** panc's position notation: `file:L1.C1-L2.C2`. */
export function pancRange(span: Span): string {
  return `${span.file}:${span.line}.${span.col}-${span.endLine}.${span.endCol}`;
}

/** Computes a span from offsets in `text` (slow path, used for synthesized spans). */
export function spanFromOffsets(file: string, text: string, start: number, end: number): Span {
  const clampedStart = Math.max(0, Math.min(start, text.length));
  const clampedEnd = Math.max(clampedStart, Math.min(end, text.length));
  const [line, col] = lineCol(text, clampedStart);
  const [endLine, endCol] = lineCol(text, Math.max(clampedStart, clampedEnd - 1));
  return { file, offset: clampedStart, length: clampedEnd - clampedStart, line, col, endLine, endCol };
}

function lineCol(text: string, offset: number): [number, number] {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      line++;
      lineStart = i + 1;
    } else if (c === 13 && text.charCodeAt(i + 1) !== 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return [line, offset - lineStart + 1];
}
