/**
 * Java regex escape sequences and character classes (`[...]` with ranges, nesting, `&&`
 * intersection and negation), parsed with java.util.regex.Pattern's rules.
 */
import { caseModeOf } from './flags.js';
import { complement, intersect, ranges, singleChar, union, withCase, type SetExpr } from './charset.js';
import { predefinedClass, propertyClass } from './classes.js';
import { END, LITERAL, type Scanner } from './scanner.js';

/** An escape is a character, a character set, or (outside classes) an anchor/sequence. */
export type Escape =
  | { readonly kind: 'char'; readonly cp: number }
  | { readonly kind: 'set'; readonly set: SetExpr }
  | { readonly kind: 'anchor'; readonly letter: string };

const BACKSLASH = 0x5c;
const HEX = /^[0-9a-fA-F]$/;

function isHex(c: number): boolean {
  return c >= 0 && c < 0x80 && HEX.test(String.fromCharCode(c));
}

function isOctal(c: number): boolean {
  return c >= 0x30 && c <= 0x37;
}

/** Literal code point of a scanned value (quoted markers are literal). */
export function literalOf(c: number): number {
  return c >= LITERAL ? c - LITERAL : c;
}

function octal(sc: Scanner): number {
  const n = sc.read();
  if (!isOctal(n)) throw sc.error('Illegal octal escape sequence');
  const m = sc.read();
  if (!isOctal(m)) {
    sc.pos--;
    return n - 0x30;
  }
  const o = sc.read();
  if (isOctal(o) && n <= 0x33) return (n - 0x30) * 64 + (m - 0x30) * 8 + (o - 0x30);
  sc.pos--;
  return (n - 0x30) * 8 + (m - 0x30);
}

function hex(sc: Scanner): number {
  const n = sc.read();
  if (isHex(n)) {
    const m = sc.read();
    if (isHex(m)) return parseInt(String.fromCharCode(n, m), 16);
  } else if (n === 0x7b && isHex(sc.at())) {
    let value = 0;
    let c: number;
    while (isHex((c = sc.read()))) {
      value = value * 16 + parseInt(String.fromCharCode(c), 16);
      if (value > 0x10ffff) throw sc.error('Hexadecimal codepoint is too big');
    }
    if (c !== 0x7d) throw sc.error('Unclosed hexadecimal escape sequence');
    return value;
  }
  throw sc.error('Illegal hexadecimal escape sequence');
}

function fourHex(sc: Scanner): number {
  let value = 0;
  for (let i = 0; i < 4; i++) {
    const c = sc.read();
    if (!isHex(c)) throw sc.error('Illegal Unicode escape sequence');
    value = value * 16 + parseInt(String.fromCharCode(c), 16);
  }
  return value;
}

function unicode(sc: Scanner): number {
  const n = fourHex(sc);
  if (n >= 0xd800 && n <= 0xdbff) {
    const save = sc.pos;
    if (sc.read() === BACKSLASH && sc.read() === 0x75) {
      const low = fourHex(sc);
      if (low >= 0xdc00 && low <= 0xdfff) return 0x10000 + ((n - 0xd800) << 10) + (low - 0xdc00);
    }
    sc.pos = save;
  }
  return n;
}

/** \p{...} / \pL / \P...: the property set (complemented for P). `pos` is after the p/P. */
export function property(sc: Scanner, negated: boolean): SetExpr {
  let name: string;
  const first = sc.read();
  if (first !== 0x7b) {
    name = first === END ? '\u0000' : String.fromCodePoint(literalOf(first));
  } else {
    const start = sc.pos;
    while (sc.at() !== END && sc.at() !== 0x7d) sc.pos++;
    if (sc.at() === END) throw sc.error('Unclosed character family', sc.cps.length);
    if (sc.pos === start) throw sc.error('Empty character family', sc.pos);
    name = String.fromCodePoint(...sc.cps.slice(start, sc.pos).map(literalOf));
    sc.pos++;
  }
  const found = propertyClass(name, sc.flags);
  if ('unknown' in found) throw sc.error(found.unknown);
  if ('block' in found) throw sc.unsupported(`Unicode block property {${found.block}}`);
  return negated ? complement(found) : found;
}

/**
 * Parses an escape; `sc.pos` is at the backslash. Back references and `\k` are handled by the
 * caller. In classes, anchors are errors; `\v` as a range end is the VT character.
 */
export function escape(sc: Scanner, inClass: boolean, isRangeEnd: boolean): Escape {
  sc.pos++;
  const c = sc.read();
  if (c === END) throw sc.error('Unexpected internal error', sc.cps.length);
  if (c >= LITERAL) return { kind: 'char', cp: c - LITERAL };
  const ch = String.fromCodePoint(c);
  switch (ch) {
    case '0':
      return { kind: 'char', cp: octal(sc) };
    case 'd': case 'D': case 's': case 'S': case 'w': case 'W': case 'h': case 'H': case 'V':
      return { kind: 'set', set: predefinedClass(ch, sc.flags) };
    case 'v':
      if (isRangeEnd) return { kind: 'char', cp: 0x0b };
      return { kind: 'set', set: predefinedClass('v', sc.flags) };
    case 'p': case 'P':
      if (isRangeEnd) break;
      return { kind: 'set', set: property(sc, ch === 'P') };
    case 'A': case 'B': case 'G': case 'R': case 'X': case 'Z': case 'b': case 'z':
      if (inClass) break;
      return { kind: 'anchor', letter: ch };
    case 'N':
      throw sc.unsupported('the named-character escape \\N{...}');
    case 'a':
      return { kind: 'char', cp: 0x07 };
    case 'c':
      if (sc.pos < sc.cps.length) return { kind: 'char', cp: literalOf(sc.read()) ^ 64 };
      throw sc.error('Illegal control escape sequence');
    case 'e':
      return { kind: 'char', cp: 0x1b };
    case 'f':
      return { kind: 'char', cp: 0x0c };
    case 'n':
      return { kind: 'char', cp: 0x0a };
    case 'r':
      return { kind: 'char', cp: 0x0d };
    case 't':
      return { kind: 'char', cp: 0x09 };
    case 'u':
      return { kind: 'char', cp: unicode(sc) };
    case 'x':
      return { kind: 'char', cp: hex(sc) };
    default:
      if (!/^[A-Za-z0-9]$/.test(ch)) return { kind: 'char', cp: c };
  }
  throw sc.error('Illegal/unsupported escape sequence');
}

/** Class parsing state: the union built so far and the single characters collected. */
class ClassState {
  prev: SetExpr | undefined;
  curr: SetExpr | undefined;
  singles: SetExpr[] = [];

  addSingles(): void {
    if (this.singles.length === 0) return;
    const s = union(this.singles);
    this.singles = [];
    if (this.prev === undefined) this.prev = this.curr = s;
    else this.prev = union([this.prev, s]);
  }

  add(set: SetExpr): void {
    this.curr = set;
    this.prev = this.prev === undefined ? set : union([this.prev, set]);
  }

  result(): SetExpr {
    this.addSingles();
    return this.prev!;
  }
}

/**
 * Parses a character class. `sc.pos` is at the `[` (or, for the right operand of `a&&bc`, just
 * before it). With `consume` false the closing `]` is left for the enclosing class.
 */
export function parseClass(sc: Scanner, consume: boolean): SetExpr {
  const st = new ClassState();
  let negated = false;
  let ch = sc.next();
  if (ch === 0x5e && sc.at(sc.pos - 1) === 0x5b) {
    ch = sc.next();
    negated = true;
  }
  for (;;) {
    if (ch === 0x5b) {
      st.add(parseClass(sc, true));
      ch = sc.peek();
      continue;
    }
    if (ch === 0x26) {
      ch = sc.next();
      if (ch === 0x26) {
        intersection(sc, st);
        ch = sc.peek();
        continue;
      }
      sc.pos--;
    } else if (ch === END) {
      throw sc.error('Unclosed character class', sc.cps.length - 1);
    } else if (ch === 0x5d && (st.prev !== undefined || st.singles.length > 0)) {
      if (consume) sc.next();
      const set = st.result();
      return negated ? complement(set) : set;
    }
    const item = range(sc);
    if (item.single) st.singles.push(item.set);
    else st.add(item.set);
    ch = sc.peek();
  }
}

/** `X&&Y`: intersects everything so far with the right operand. `sc.pos` is at the second `&`. */
function intersection(sc: Scanner, st: ClassState): void {
  let ch = sc.next();
  let right: SetExpr | undefined;
  while (ch !== 0x5d && ch !== 0x26) {
    if (ch === 0x5b) {
      const nested = parseClass(sc, true);
      right = right === undefined ? nested : union([right, nested]);
    } else {
      sc.pos--;
      right = parseClass(sc, false);
    }
    ch = sc.peek();
  }
  if (st.singles.length > 0) st.addSingles();
  if (right !== undefined) st.curr = right;
  if (st.prev === undefined) {
    if (right === undefined) throw sc.error('Bad class syntax');
    st.prev = right;
  } else {
    st.prev = intersect([st.prev, st.curr ?? st.prev]);
  }
}

/**
 * One class item: a character, a range or an escape; `single` marks a lone character (Java keeps
 * those apart until the class is complete). Case variants are added under flag i.
 */
function range(sc: Scanner): { set: SetExpr; single: boolean } {
  const mode = caseModeOf(sc.flags);
  let ch = sc.peek();
  if (ch === BACKSLASH) {
    const isRange = sc.at(sc.pos + 2) === 0x2d;
    const e = escape(sc, true, isRange);
    if (e.kind === 'set') return { set: e.set, single: false };
    if (e.kind === 'anchor') throw sc.error('Illegal/unsupported escape sequence');
    ch = e.cp;
  } else {
    sc.next();
    ch = literalOf(ch);
  }
  if (sc.peek() === 0x2d) {
    const endRange = sc.at(sc.pos + 1);
    if (endRange !== 0x5b && endRange !== 0x5d) {
      sc.next();
      let m = sc.peek();
      if (m === BACKSLASH) {
        const e = escape(sc, true, true);
        m = e.kind === 'char' ? e.cp : -1;
      } else {
        sc.next();
        m = m === END ? -1 : literalOf(m);
      }
      if (m < ch) throw sc.error('Illegal character range');
      return { set: withCase(ranges([ch, m]), mode), single: false };
    }
  }
  return { set: withCase(singleChar(ch), mode), single: true };
}
