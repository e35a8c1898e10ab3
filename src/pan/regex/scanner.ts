/**
 * Cursor over the code points of a Java regex with Java's conventions: `\Q...\E` quoting
 * turned into literal markers, `peek`/`next` skipping whitespace and `#` comments under the
 * COMMENTS flag, `read` never skipping, and errors formatted like PatternSyntaxException.
 */
import { javaSyntaxError, untranslatable, type RegexError } from './errors.js';
import { COMMENTS, has, UNIX_LINES } from './flags.js';

/** End of pattern. */
export const END = -1;
/** Quoted literal code points are stored as LITERAL + code point. */
export const LITERAL = 0x200000;

/** Replaces `\Q...\E` sections by literal markers (an unterminated `\Q` quotes to the end). */
function removeQuoting(cps: number[]): number[] {
  const out: number[] = [];
  let i = 0;
  while (i < cps.length) {
    const c = cps[i]!;
    if (c !== 0x5c || i + 1 >= cps.length) {
      out.push(c);
      i++;
    } else if (cps[i + 1] !== 0x51) {
      out.push(c, cps[i + 1]!);
      i += 2;
    } else {
      i += 2;
      while (i < cps.length && !(cps[i] === 0x5c && cps[i + 1] === 0x45)) out.push(LITERAL + cps[i++]!);
      i += 2;
    }
  }
  return out;
}

function isSpace(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d);
}

export class Scanner {
  readonly cps: number[];
  pos = 0;

  constructor(
    readonly pattern: string,
    public flags: number,
  ) {
    this.cps = removeQuoting(Array.from(pattern, (ch) => ch.codePointAt(0)!));
  }

  /** The code point at `pos` without skipping anything. */
  at(pos = this.pos): number {
    return pos < this.cps.length ? this.cps[pos]! : END;
  }

  /** The current code point, after skipping comments and whitespace under COMMENTS. */
  peek(): number {
    if (has(this.flags, COMMENTS)) this.skipIgnorable();
    return this.at();
  }

  /** Advances past the current code point and peeks at the next one. */
  next(): number {
    this.pos++;
    return this.peek();
  }

  /** Returns the current code point and advances, without skipping. */
  read(): number {
    const c = this.at();
    this.pos++;
    return c;
  }

  private skipIgnorable(): void {
    for (;;) {
      const c = this.at();
      if (isSpace(c)) this.pos++;
      else if (c === 0x23) {
        while (this.at() !== END && !this.isLineSeparator(this.at())) this.pos++;
      } else return;
    }
  }

  private isLineSeparator(c: number): boolean {
    if (has(this.flags, UNIX_LINES)) return c === 0x0a;
    return c === 0x0a || c === 0x0d || c === 0x85 || c === 0x2028 || c === 0x2029;
  }

  /** A Java syntax error at the position Java would report (the last consumed code point). */
  error(description: string, index = this.pos - 1): RegexError {
    return javaSyntaxError(description, this.pattern, index);
  }

  unsupported(what: string): RegexError {
    return untranslatable(what, this.pattern);
  }
}
