/**
 * Fast offset → line/column conversion for one source text, used to give every token,
 * AST node and diagnostic a Span. Line ends are `\n`, `\r\n` and a lone `\r` (the same rule as
 * src/diagnostics/span.ts), lines and columns are 1-based, and `endLine`/`endCol` name the last
 * covered character (for an empty span: the start position).
 *
 * AST nodes get compact spans (`SourceSpan`: the offsets and the file's line index; lines and
 * columns are computed when read). Plain seven-field spans made up over half of the memory of an
 * AST, and allocating and collecting them a large part of the parsing time (bench/parser.ts).
 */
import { toPlainSpan, type Span } from '../src/diagnostics/span.js';

/**
 * Line-start table of one text with a cursor that makes mostly-forward lookups cheap. The table
 * is built on the first lookup: most parsed files never have a line or column read.
 */
export class LineIndex {
  /** Offset of the first character of each line (index 0 = line 1), once computed. */
  private lineStarts: number[] | undefined = undefined;
  private cursor = 0;

  constructor(
    readonly file: string,
    readonly text: string,
  ) {}

  /** The line-start table, computed on first use. */
  private get starts(): number[] {
    return (this.lineStarts ??= computeLineStarts(this.text));
  }

  /** Offset of the first character of the line holding `offset`. */
  lineStartOf(offset: number): number {
    return this.starts[this.lineOf(offset)]!;
  }

  /** Number of lines (an empty text has one line). */
  get lineCount(): number {
    return this.starts.length;
  }

  /** 0-based line index of `offset` (clamped to the text). */
  lineOf(offset: number): number {
    const starts = this.starts;
    let i = this.cursor;
    if (offset >= starts[i]!) {
      // Walk forward a few lines, then fall back to binary search.
      const n = starts.length;
      for (let steps = 0; steps < 8; steps++) {
        if (i + 1 >= n || starts[i + 1]! > offset) {
          this.cursor = i;
          return i;
        }
        i++;
      }
    }
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    this.cursor = lo;
    return lo;
  }

  /** Span from `start` (inclusive) to `end` (exclusive), clamped to the text (NaN counts as 0). */
  span(start: number, end: number): Span {
    const len = this.text.length;
    const s = !(start >= 0) ? 0 : start > len ? len : start;
    const e = !(end >= s) ? s : end > len ? len : end;
    const startLine = this.lineOf(s);
    const starts = this.starts;
    const last = e > s ? e - 1 : s;
    const next = starts[startLine + 1];
    const endLine = next === undefined || last < next ? startLine : this.lineOf(last);
    const lineStart = starts[startLine]!;
    return {
      file: this.file,
      offset: s,
      length: e - s,
      line: startLine + 1,
      col: s - lineStart + 1,
      endLine: endLine + 1,
      endCol: last - (endLine === startLine ? lineStart : starts[endLine]!) + 1,
    };
  }

  /** Empty span at `offset`. */
  point(offset: number): Span {
    return this.span(offset, offset);
  }
}

/**
 * The span of a construct of a parsed file. Only the offsets are stored; `file`, lines and
 * columns are read from the file's line index. Its own enumerable properties are `offset` and
 * `length` only: copy it with `toPlainSpan` (JSON.stringify does so through `toJSON`).
 */
export class SourceSpan implements Span {
  readonly #lines: LineIndex;

  constructor(
    lines: LineIndex,
    readonly offset: number,
    readonly length: number,
  ) {
    this.#lines = lines;
  }

  get file(): string {
    return this.#lines.file;
  }

  get line(): number {
    return this.#lines.lineOf(this.offset) + 1;
  }

  get col(): number {
    return this.offset - this.#lines.lineStartOf(this.offset) + 1;
  }

  get endLine(): number {
    return this.#lines.lineOf(this.last()) + 1;
  }

  get endCol(): number {
    const last = this.last();
    return last - this.#lines.lineStartOf(last) + 1;
  }

  /** The plain seven-field form. */
  toJSON(): Span {
    return toPlainSpan(this);
  }

  /** Offset of the last covered character (the start for an empty span). */
  private last(): number {
    return this.length > 0 ? this.offset + this.length - 1 : this.offset;
  }
}

/**
 * `value` made fit for structured cloning (worker messages): every `SourceSpan` in it, in
 * arrays, maps and plain objects at any depth, replaced by its plain form in a copy of its
 * containers (the input is not changed). Other class instances (profiles, for example) hold no
 * spans and are kept as they are.
 */
export function withPlainSpans<V>(value: V): V {
  return plainCopy(value, new Map()) as V;
}

/**
 * `value` with its spans plain; containers holding no span are returned as they are, and a
 * container reached twice is copied once (shared sub-values stay shared, as structured clone
 * keeps them).
 */
function plainCopy(value: unknown, copies: Map<object, unknown>): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof SourceSpan) return toPlainSpan(value);
  const done = copies.get(value);
  if (done !== undefined) return done;
  let copy: unknown = value;
  if (Array.isArray(value)) {
    const items = value.map((v) => plainCopy(v, copies));
    if (items.some((v, i) => v !== value[i])) copy = items;
  } else if (value instanceof Map) {
    const entries = [...value].map(([k, v]): [unknown, unknown] => [k, plainCopy(v, copies)]);
    if (entries.some(([k, v]) => v !== value.get(k))) copy = new Map(entries);
  } else if (Object.getPrototypeOf(value) === Object.prototype) {
    const entries = Object.entries(value).map(([k, v]): [string, unknown] => [k, plainCopy(v, copies)]);
    if (entries.some(([k, v]) => v !== (value as Record<string, unknown>)[k])) copy = Object.fromEntries(entries);
  }
  copies.set(value, copy);
  return copy;
}

function computeLineStarts(text: string): number[] {
  const starts = [0];
  let nl = text.indexOf('\n');
  let cr = text.indexOf('\r');
  while (nl >= 0 || cr >= 0) {
    let next: number;
    if (cr < 0 || (nl >= 0 && nl < cr)) next = nl + 1;
    else next = text.charCodeAt(cr + 1) === 10 ? cr + 2 : cr + 1;
    starts.push(next);
    if (nl >= 0 && nl < next) nl = text.indexOf('\n', next);
    if (cr >= 0 && cr < next) cr = text.indexOf('\r', next);
  }
  return starts;
}
