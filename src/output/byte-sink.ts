/**
 * An output buffer for the profile writers: ASCII text is stored straight as bytes (with
 * table-driven escaping), so rendering builds no intermediate strings; text with other
 * characters is kept as strings in place. The result is taken either as UTF-8 bytes (as
 * `Buffer.from(text, 'utf8')` would encode the same text) or as a string. A `TextSlab` encodes
 * whole strings into the same kind of shared slabs.
 */

/**
 * How an escaping writer treats each ASCII char code: `''` writes the character as is, any
 * other string is its replacement, `undefined` means the writer cannot handle the text (the
 * caller then escapes it as a string and writes it with `text`).
 */
export interface AsciiEscapes {
  readonly codes: readonly (string | undefined)[];
  /** 1 for each char code written as is, 0 for the others. */
  readonly plain: Uint8Array;
  /** Length of the longest replacement (at least 1). */
  readonly widest: number;
}

/** The escape table of a function giving, for each ASCII char code, what `AsciiEscapes.codes` holds. */
export function asciiEscapes(escape: (code: number) => string | undefined): AsciiEscapes {
  const codes = Array.from({ length: 128 }, (_, c) => escape(c));
  const plain = Uint8Array.from(codes, (e) => (e === '' ? 1 : 0));
  const widest = Math.max(1, ...codes.map((e) => e?.length ?? 0));
  return { codes, plain, widest };
}

/** The bytes of an ASCII string, for markup written often. */
export function asciiBytes(s: string): Uint8Array {
  return Uint8Array.from(s, (ch) => ch.charCodeAt(0));
}

/** Stores the ASCII string `s` at `at` (room known) and returns the offset after it. */
function copyAscii(b: Buffer, at: number, s: string): number {
  for (let i = 0; i < s.length; i++) b[at++] = s.charCodeAt(i);
  return at;
}

/**
 * Stores `s` from index `i` escaped at `at` (room known) and returns the offset after it, or
 * -1 when `s` holds a character `codes` does not handle.
 */
function escapeRest(b: Buffer, at: number, s: string, i: number, codes: AsciiEscapes['codes']): number {
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const e = c < 128 ? codes[c] : undefined;
    if (e === undefined) return -1;
    if (e.length === 0) b[at++] = c;
    else at = copyAscii(b, at, e);
  }
  return at;
}

/** Size of the slabs outputs are written into (a larger one is made for a larger output). */
const SLAB_SIZE = 256 * 1024;
/** Size of the first buffer. */
const MIN_SIZE = 64;

/**
 * Bytes of ASCII text, plus the non-ASCII texts written among them (each with the byte offset
 * it belongs at). One sink serves one rendering at a time: `start` begins a new one. Outputs
 * are written one after the other into a slab, and taken as bytes they are views of it: no
 * copy, and one allocation per slab rather than per output.
 */
export class ByteSink {
  /** Small at first, doubled up to a slab by the first outputs (see `reserve`). */
  private buf = Buffer.alloc(0);
  /** Where the current output begins in `buf`. */
  private base = 0;
  /** Where writing continues. */
  private pos = 0;
  private readonly pieces: string[] = [];
  /** Offset of each piece from `base`. */
  private readonly offsets: number[] = [];

  /** Begins a new output (dropping whatever an unfinished one wrote). */
  start(): void {
    this.pos = this.base;
    if (this.pieces.length === 0) return;
    this.pieces.length = 0;
    this.offsets.length = 0;
  }

  /** Appends `s`, which the caller knows to be ASCII (numbers, keywords, markup). */
  ascii(s: string): void {
    this.reserve(s.length);
    this.pos = copyAscii(this.buf, this.pos, s);
  }

  /** Appends bytes (ASCII markup encoded once with `asciiBytes`). */
  raw(bytes: Uint8Array): void {
    const n = bytes.length;
    this.reserve(n);
    this.buf.set(bytes, this.pos);
    this.pos += n;
  }

  /**
   * Appends `prefix`, `s` escaped by `escapes` and `suffix` (both ASCII) and returns true, or
   * returns false having written nothing when `s` holds a character the table does not
   * handle (any non-ASCII one).
   */
  escaped(s: string, escapes: AsciiEscapes, prefix: string, suffix: string): boolean {
    const n = s.length;
    this.reserve(prefix.length + n * escapes.widest + suffix.length);
    const b = this.buf;
    const plain = escapes.plain;
    let p = copyAscii(b, this.pos, prefix);
    let i = 0;
    for (; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c >= 128 || plain[c] === 0) break;
      b[p++] = c;
    }
    if (i < n) {
      p = escapeRest(b, p, s, i, escapes.codes);
      if (p < 0) return false;
    }
    this.pos = copyAscii(b, p, suffix);
    return true;
  }

  /** Appends any text (kept as a string until the result is taken). */
  text(s: string): void {
    this.pieces.push(s);
    this.offsets.push(this.pos - this.base);
  }

  /** What was written, as UTF-8 bytes. The buffer is never written again by this sink. */
  bytes(): Buffer {
    const out = this.pieces.length === 0 ? this.buf.subarray(this.base, this.pos) : this.joinedBytes();
    this.base = this.pos;
    if (this.buf.length > SLAB_SIZE) this.newSlab();
    return out;
  }

  /** The written bytes with the pieces encoded in place, in a buffer of their own. */
  private joinedBytes(): Buffer {
    let size = this.pos - this.base;
    for (const piece of this.pieces) size += Buffer.byteLength(piece, 'utf8');
    const out = Buffer.allocUnsafe(size);
    let from = this.base;
    let at = 0;
    for (let i = 0; i < this.pieces.length; i++) {
      const to = this.base + this.offsets[i]!;
      at += this.buf.copy(out, at, from, to);
      at += out.write(this.pieces[i]!, at, 'utf8');
      from = to;
    }
    this.buf.copy(out, at, from, this.pos);
    this.pos = this.base;
    return out;
  }

  /** What was written, as a string. */
  string(): string {
    let out = '';
    let from = this.base;
    for (let i = 0; i < this.pieces.length; i++) {
      const to = this.base + this.offsets[i]!;
      out += this.buf.toString('latin1', from, to) + this.pieces[i];
      from = to;
    }
    out += this.buf.toString('latin1', from, this.pos);
    this.pos = this.base;
    if (this.buf.length > SLAB_SIZE) this.newSlab();
    return out;
  }

  /**
   * Makes room for `needed` more bytes. Every write goes through here. The buffer starts
   * small and doubles, so the growth path has run a dozen times before the optimizing compiler
   * compiles the writers: it is then part of their optimized code, which a slab filling up
   * later does not undo.
   */
  private reserve(needed: number): void {
    if (this.pos + needed > this.buf.length) this.grow(needed);
  }

  /**
   * Moves the current output to a buffer with room for `needed` more bytes: twice as large
   * while smaller than a slab, else a new slab (or larger, for a large output).
   */
  private grow(needed: number): void {
    const used = this.pos - this.base;
    const size = this.buf.length < SLAB_SIZE ? Math.max(2 * this.buf.length, MIN_SIZE) : SLAB_SIZE;
    const next = Buffer.allocUnsafe(Math.max(size, 2 * (used + needed)));
    this.buf.copy(next, 0, this.base, this.pos);
    this.buf = next;
    this.base = 0;
    this.pos = used;
  }

  /** Leaves a slab grown for a large output (the outputs taken from it keep it alive). */
  private newSlab(): void {
    this.buf = Buffer.allocUnsafe(SLAB_SIZE);
    this.base = this.pos = 0;
  }
}

/**
 * Whole strings encoded as bytes, each into a slab shared with the results before it: one
 * native copy per string, and one allocation per slab rather than per result.
 */
export class TextSlab {
  private buf = Buffer.allocUnsafe(0);
  private pos = 0;

  /**
   * The UTF-8 bytes of `text`, a view of the current slab (never written again); `ascii`
   * says that `text` is all ASCII (its bytes are then its Latin-1 bytes).
   */
  bytes(text: string, ascii: boolean): Buffer {
    const size = ascii ? text.length : Buffer.byteLength(text, 'utf8');
    if (this.pos + size > this.buf.length) {
      this.buf = Buffer.allocUnsafe(Math.max(SLAB_SIZE, size));
      this.pos = 0;
    }
    const start = this.pos;
    this.pos += this.buf.write(text, start, size, ascii ? 'latin1' : 'utf8');
    return this.buf.subarray(start, this.pos);
  }
}
