/**
 * Parser for Java regular expressions (java.util.regex.Pattern syntax and error rules):
 * alternation, sequences, groups of every kind, inline and scoped flags, quantifiers
 * (greedy, lazy, possessive), anchors, back references. Literals, classes and anchors are
 * translated as they are parsed, under the flags in effect at that point.
 */
import { maxWidth, type GroupKind, type Node, type ParsedRegex, type QuantMode } from './ast.js';
import { singleChar, withCase, type SetExpr } from './charset.js';
import { wordBoundaryClass } from './classes.js';
import { escape, literalOf, parseClass } from './escapes.js';
import {
  CANON_EQ, CASE_INSENSITIVE, caseModeOf, DOTALL, has, INLINE_FLAGS, MULTILINE, UNICODE_CHARACTER_CLASS, UNIX_LINES,
} from './flags.js';
import { END, LITERAL, Scanner } from './scanner.js';

const MAX_REPS = 0x7fffffff;
const LINE_TERMINATORS = '[\\n\\r\\u{85}\\u{2028}\\u{2029}]';

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function isAsciiLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

function raw(src: string, width = 0): Node {
  return { t: 'raw', src, maxWidth: width };
}

function setNode(set: SetExpr): Node {
  return { t: 'set', set };
}

class Parser {
  private readonly sc: Scanner;
  private groupCount = 0;
  private readonly names = new Map<string, number>();
  private caseSensitiveSeen = false;
  private caseInsensitiveBackref = false;

  constructor(pattern: string, flags: number) {
    this.sc = new Scanner(pattern, flags);
    if (has(flags, CANON_EQ)) throw this.sc.unsupported('the CANON_EQ flag');
  }

  parse(): ParsedRegex {
    const root = this.expr();
    if (this.sc.at() !== END) {
      if (this.sc.peek() === 0x29) throw this.sc.error("Unmatched closing ')'");
      throw this.sc.error('Unexpected internal error');
    }
    if (this.caseInsensitiveBackref && this.caseSensitiveSeen) {
      throw this.sc.unsupported('a case-insensitive back reference in a partly case-sensitive pattern');
    }
    return { root, groupCount: this.groupCount, names: this.names, needsIgnoreCase: this.caseInsensitiveBackref };
  }

  private noteCase(): void {
    if (!has(this.sc.flags, CASE_INSENSITIVE)) this.caseSensitiveSeen = true;
  }

  private expr(): Node {
    const branches = [this.sequence()];
    while (this.sc.peek() === 0x7c) {
      this.sc.next();
      branches.push(this.sequence());
    }
    return branches.length === 1 ? branches[0]! : { t: 'alt', branches };
  }

  private sequence(): Node {
    const items: Node[] = [];
    for (;;) {
      const ch = this.sc.peek();
      if (ch === END || ch === 0x7c || ch === 0x29) break;
      if (ch === 0x28) {
        const group = this.group();
        if (group !== null) items.push(group);
        continue;
      }
      items.push(this.closure(this.atom(ch)));
    }
    return items.length === 1 ? items[0]! : { t: 'seq', items };
  }

  private atom(ch: number): Node {
    const sc = this.sc;
    switch (ch) {
      case 0x5b:
        this.noteCase();
        return setNode(parseClass(sc, true));
      case 0x5c:
        return this.escapeNode();
      case 0x5e:
        sc.next();
        return this.caret();
      case 0x24:
        sc.next();
        return this.dollar(has(sc.flags, MULTILINE));
      case 0x2e:
        sc.next();
        return this.dot();
      case 0x7b:
        // Java: a quantifier brace where an atom is expected repeats the empty string.
        return { t: 'seq', items: [] };
      case 0x3f:
      case 0x2a:
      case 0x2b: {
        const at = sc.pos;
        sc.next();
        throw sc.error(`Dangling meta character '${String.fromCharCode(ch)}'`, at);
      }
      default:
        sc.next();
        return this.literal(literalOf(ch));
    }
  }

  private literal(cp: number): Node {
    this.noteCase();
    return setNode(withCase(singleChar(cp), caseModeOf(this.sc.flags)));
  }

  private escapeNode(): Node {
    const sc = this.sc;
    const letter = sc.at(sc.pos + 1);
    if (letter >= 0x31 && letter <= 0x39) return this.backref();
    if (letter === 0x6b) return this.namedBackref();
    if (letter === 0x62 && sc.at(sc.pos + 2) === 0x7b && sc.at(sc.pos + 3) === 0x67) {
      sc.pos += 4;
      if (sc.read() === 0x7d) throw sc.unsupported('the grapheme boundary \\b{g}');
      throw sc.error('Illegal/unsupported escape sequence');
    }
    const e = escape(sc, false, false);
    if (e.kind === 'char') return this.literal(e.cp);
    if (e.kind === 'set') return setNode(e.set);
    return this.anchor(e.letter);
  }

  private anchor(letter: string): Node {
    switch (letter) {
      case 'A':
        return raw('^');
      case 'z':
        return raw('$');
      case 'Z':
        return this.dollar(false);
      case 'b':
        return raw(this.wordBoundary(true));
      case 'B':
        return raw(this.wordBoundary(false));
      case 'R':
        return this.linebreak();
      case 'G':
        throw this.sc.unsupported('the end-of-previous-match anchor \\G');
      default:
        throw this.sc.unsupported('the grapheme cluster \\X');
    }
  }

  /** \R: an atomic `\r\n` or a single vertical whitespace character. */
  private linebreak(): Node {
    const crlf: Node = { t: 'seq', items: [setNode(singleChar(0x0d)), setNode(singleChar(0x0a))] };
    const single = raw('[\\n\\u{b}\\u{c}\\r\\u{85}\\u{2028}\\u{2029}]', 1);
    return { t: 'group', kind: 'atomic', body: { t: 'alt', branches: [crlf, single] } };
  }

  private wordBoundary(boundary: boolean): string {
    const w = wordBoundaryClass(this.sc.flags);
    let left = `(?<=${w})`;
    let notLeft = `(?<!${w})`;
    let right = `(?=${w})`;
    let notRight = `(?!${w})`;
    if (!has(this.sc.flags, UNICODE_CHARACTER_CLASS)) {
      const marked = '[\\p{L}\\p{Nd}]\\p{Mn}';
      left = `(?<=${w}|${marked}+)`;
      notLeft = `(?<!${w}|${marked}+)`;
      right = `(?:(?=${w})|(?=\\p{Mn})(?<=${marked}*))`;
      notRight = `(?!${w})(?:(?!\\p{Mn})|(?<!${marked}*))`;
    }
    return boundary ? `(?:${left}${notRight}|${notLeft}${right})` : `(?:${left}${right}|${notLeft}${notRight})`;
  }

  private caret(): Node {
    if (!has(this.sc.flags, MULTILINE)) return raw('^');
    if (has(this.sc.flags, UNIX_LINES)) return raw('(?:^|(?<=\\n))(?=[\\s\\S])');
    return raw('(?:^|(?<=[\\n\\u{85}\\u{2028}\\u{2029}]|\\r(?!\\n)))(?=[\\s\\S])');
  }

  private dollar(multiline: boolean): Node {
    const unix = has(this.sc.flags, UNIX_LINES);
    if (multiline) return raw(unix ? '(?=\\n|$)' : '(?=(?<!\\r)\\n|[\\r\\u{85}\\u{2028}\\u{2029}]|$)');
    return raw(unix ? '(?=\\n?$)' : '(?=(?:\\r\\n|(?<!\\r)\\n|[\\r\\u{85}\\u{2028}\\u{2029}])?$)');
  }

  private dot(): Node {
    if (has(this.sc.flags, DOTALL)) return raw('[\\s\\S]', 1);
    if (has(this.sc.flags, UNIX_LINES)) return raw('[^\\n]', 1);
    return raw(`[^${LINE_TERMINATORS.slice(1, -1)}]`, 1);
  }

  private backref(): Node {
    const sc = this.sc;
    sc.pos++;
    let refNum = sc.read() - 0x30;
    while (isDigit(sc.at())) {
      const candidate = refNum * 10 + (sc.at() - 0x30);
      if (this.groupCount < candidate) break;
      refNum = candidate;
      sc.pos++;
    }
    return this.refTo(refNum);
  }

  private namedBackref(): Node {
    const sc = this.sc;
    sc.pos += 2;
    if (sc.read() !== 0x3c) throw sc.error("\\k is not followed by '<' for named capturing group");
    const name = this.groupName(sc.read());
    const n = this.names.get(name);
    if (n === undefined) throw sc.error(`named capturing group <${name}> does not exist`);
    return this.refTo(n);
  }

  private refTo(group: number): Node {
    if (has(this.sc.flags, CASE_INSENSITIVE)) this.caseInsensitiveBackref = true;
    else this.caseSensitiveSeen = true;
    return { t: 'backref', group };
  }

  private groupName(first: number): string {
    const sc = this.sc;
    if (!isAsciiLetter(first)) throw sc.error('capturing group name does not start with a Latin letter');
    let name = String.fromCharCode(first);
    let c: number;
    while (isAsciiLetter((c = sc.read())) || isDigit(c)) name += String.fromCharCode(c);
    if (c !== 0x3e) throw sc.error("named capturing group is missing trailing '>'");
    return name;
  }

  /** A parenthesized construct; null for an inline flag setting such as `(?i)`. */
  private group(): Node | null {
    const sc = this.sc;
    const saved = sc.flags;
    let kind: GroupKind = 'capture';
    let number: number | undefined;
    if (sc.next() === 0x3f) {
      const ch = sc.at(sc.pos + 1);
      sc.pos += 2;
      const simple: Record<number, GroupKind> = { 0x3a: 'group', 0x3d: 'ahead', 0x21: 'notAhead', 0x3e: 'atomic' };
      if (simple[ch] !== undefined) kind = simple[ch]!;
      else if (ch === 0x3c) {
        const c = sc.read();
        if (c === 0x3d || c === 0x21) kind = c === 0x3d ? 'behind' : 'notBehind';
        else number = this.namedGroup(c);
      } else if (ch === 0x24 || ch === 0x40) {
        throw sc.error('Unknown group type');
      } else {
        sc.pos--;
        this.inlineFlags();
        const c = sc.read();
        if (c === 0x29) return null;
        if (c !== 0x3a) throw sc.error('Unknown inline modifier');
        kind = 'group';
      }
    } else {
      number = ++this.groupCount;
    }
    const body = this.expr();
    if (sc.peek() !== 0x29) throw sc.error('Unclosed group', sc.pos);
    sc.pos++;
    sc.flags = saved;
    if ((kind === 'behind' || kind === 'notBehind') && maxWidth(body) === Infinity) {
      throw sc.error('Look-behind group does not have an obvious maximum length');
    }
    const node: Node = number === undefined ? { t: 'group', kind, body } : { t: 'group', kind, body, number };
    return this.closure(node);
  }

  private namedGroup(first: number): number {
    const name = this.groupName(first);
    if (this.names.has(name)) throw this.sc.error(`Named capturing group <${name}> is already defined`);
    const n = ++this.groupCount;
    this.names.set(name, n);
    return n;
  }

  /** `idmsuxU-idmsuxU` of an inline flag group; stops at the first other character. */
  private inlineFlags(): void {
    const sc = this.sc;
    let ch = sc.peek();
    let clearing = false;
    for (;;) {
      if (ch === 0x2d && !clearing) clearing = true;
      else {
        const flag = ch >= 0 && ch < LITERAL ? INLINE_FLAGS[String.fromCodePoint(ch)] : undefined;
        if (flag === undefined) return;
        if (flag === CANON_EQ && !clearing) throw sc.unsupported('the CANON_EQ flag');
        sc.flags = clearing ? sc.flags & ~flag : sc.flags | flag;
      }
      ch = sc.next();
    }
  }

  private closure(node: Node): Node {
    const sc = this.sc;
    const ch = sc.peek();
    let min: number;
    let max: number;
    if (ch === 0x3f || ch === 0x2a || ch === 0x2b) {
      sc.next();
      [min, max] = ch === 0x3f ? [0, 1] : ch === 0x2a ? [0, Infinity] : [1, Infinity];
    } else if (ch === 0x7b) {
      [min, max] = this.counted();
    } else {
      return node;
    }
    let mode: QuantMode = 'greedy';
    const suffix = sc.peek();
    if (suffix === 0x3f || suffix === 0x2b) {
      sc.next();
      mode = suffix === 0x3f ? 'lazy' : 'possessive';
    }
    return { t: 'quant', body: node, min, max, mode };
  }

  /** `{n}`, `{n,}` or `{n,m}`; `sc.pos` is at the `{`. */
  private counted(): [number, number] {
    const sc = this.sc;
    if (!isDigit(sc.at(sc.pos + 1))) throw sc.error('Illegal repetition');
    sc.pos++;
    let c: number;
    let min = 0;
    while (isDigit((c = sc.read()))) min = min * 10 + (c - 0x30);
    let max = min;
    if (c === 0x2c) {
      c = sc.read();
      max = Infinity;
      if (c !== 0x7d) {
        max = 0;
        while (isDigit(c)) {
          max = max * 10 + (c - 0x30);
          c = sc.read();
        }
      }
    }
    if (c !== 0x7d) throw sc.error('Unclosed counted closure');
    if (min > MAX_REPS || (max !== Infinity && max > MAX_REPS) || max < min) throw sc.error('Illegal repetition range');
    return [min, max];
  }
}

/** Parses a Java regular expression under the given Pattern flags. Throws RegexError. */
export function parseJavaRegex(pattern: string, flags: number): ParsedRegex {
  return new Parser(pattern, flags).parse();
}
