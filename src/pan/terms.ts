/**
 * Path terms: classification of term strings into dict keys and list indices (the rules panc
 * applies to path pieces, dict keys, json_decode object names and DML subscripts), their
 * printing and ordering, and the escape()/unescape() encodings used for `{...}` terms.
 * Errors are PanErrors (PF214) carrying panc's message text.
 */
import type { Value } from './element.js';
import { kindOf } from './element.js';
import { PanError } from './errors.js';

/** A path term: a dict key (string) or a list index (number, 32-bit signed, may be negative). */
export type Term = string | number;

const INT_MAX = 2147483647n;
const INT_MIN = -2147483648n;
const LONG_MAX = (1n << 63n) - 1n;
const LONG_MIN = -(1n << 63n);
const INDEX_PATTERN = /^-?[0-9]+$/;
const LEADING_ZEROS_PATTERN = /^-?0[0-9]+$/;
const KEY_PATTERN = /^[A-Za-z0-9_][A-Za-z0-9_+.-]*$/;

function termError(message: string): PanError {
  return new PanError('PF214', message);
}

/** Formats an integer the way Java's MessageFormat `{0,number}` does in the US locale. */
export function groupDigits(n: bigint): string {
  const digits = (n < 0n ? -n : n).toString();
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return n < 0n ? '-' + grouped : grouped;
}

function checkIndexRange(n: bigint): number {
  if (n > INT_MAX) {
    throw termError(`index (${groupDigits(n)}) exceeds largest permitted value (${groupDigits(INT_MAX)})`);
  }
  if (n < INT_MIN) {
    throw termError(`index (${groupDigits(n)}) below smallest permitted value (${groupDigits(INT_MIN)})`);
  }
  return Number(n);
}

/** True if the term is a dict key (as opposed to a list index). */
export function isKey(term: Term): term is string {
  return typeof term === 'string';
}

/** Terms of the strings classified lately (the same keys and indices come back all the time). */
const KNOWN_TERMS_MAX = 10_000;
const knownTerms = new Map<string, Term>();

/**
 * Classifies a term string. A string written as `{...}` as a whole is first replaced by the
 * escaped form of its contents. Throws PanError PF214 with panc's message for invalid terms.
 */
export function termFromString(text: string): Term {
  let term = knownTerms.get(text);
  if (term === undefined) {
    term = classifyTerm(text);
    if (knownTerms.size >= KNOWN_TERMS_MAX) knownTerms.clear();
    knownTerms.set(text, term);
  }
  return term;
}

function classifyTerm(text: string): Term {
  let term = text;
  if (term.length >= 2 && term.startsWith('{') && term.endsWith('}')) {
    term = escapeKey(term.slice(1, -1));
  }
  if (term === '') throw termError('empty string cannot be used as a path term or nlist key');
  if (INDEX_PATTERN.test(term)) {
    if (LEADING_ZEROS_PATTERN.test(term)) {
      throw termError(`index cannot start with leading zero(s): '${term}'`);
    }
    const n = BigInt(term);
    if (n > LONG_MAX || n < LONG_MIN) {
      throw termError(`path term or nlist key cannot start with a digit: '${term}'`);
    }
    return checkIndexRange(n);
  }
  if (KEY_PATTERN.test(term)) return term;
  throw termError(`invalid path term or nlist key: '${term}'`);
}

/** Converts a long to an index term (panc checks the 32-bit range). */
export function termFromLong(n: bigint): Term {
  return checkIndexRange(n);
}

/** Converts a string or long value to a term; other kinds are rejected as panc does. */
/**
 * The term of a value known before running (a literal), when it is a valid one; undefined when
 * it is not, so that the error is raised where the value is used, as for computed values.
 */
export function literalTerm(v: Value): Term | undefined {
  try {
    return termFromValue(v);
  } catch {
    return undefined;
  }
}

export function termFromValue(v: Value): Term {
  if (typeof v === 'string') return termFromString(v);
  if (typeof v === 'bigint') return termFromLong(v);
  throw termError(`element of type ${kindOf(v)} is not a valid index`);
}

/** The term as written in paths and messages. */
export function termToString(term: Term): string {
  return String(term);
}

/** panc's term order: indices (numerically) before keys (Java string order). */
export function compareTerms(a: Term, b: Term): number {
  if (typeof a === 'number') {
    return typeof b === 'number' ? a - b : -1;
  }
  if (typeof b === 'number') return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** True if the string (after `{...}` escaping) classifies as a dict key. */
export function isValidKey(text: string): boolean {
  try {
    return isKey(termFromString(text));
  } catch (e) {
    if (e instanceof PanError) return false;
    throw e;
  }
}

/**
 * escape(): `""` becomes `_`; ASCII letters are kept, ASCII digits are kept except at position
 * 0, every other character below 256 becomes `_` plus two lowercase hex digits; characters at
 * or above 256 are an error.
 */
export function escapeKey(s: string): string {
  if (s === '') return '_';
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.codePointAt(i)!;
    if (c >= 256) throw termError(`string contains character which cannot be escaped: ${c.toString(16)}`);
    const isLetter = (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
    const isDigit = c >= 0x30 && c <= 0x39;
    if (isLetter || (i !== 0 && isDigit)) out += String.fromCharCode(c);
    else out += '_' + c.toString(16).padStart(2, '0');
  }
  return out;
}

/**
 * unescape(): `_` alone becomes `""`; each `_HH` becomes the character with hex code HH (the
 * two characters are parsed like Java's Integer.parseInt, so a sign is accepted); other
 * characters are copied. Like panc, the loop walks UTF-16 units but copies whole code points,
 * so a supplementary character is followed by a copy of its low surrogate.
 */
export function unescapeKey(s: string): string {
  if (s === '_') return '';
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.codePointAt(i)!;
    if (c !== 0x5f) {
      out += String.fromCodePoint(c);
      continue;
    }
    if (i + 2 >= s.length) throw termError('string contains incomplete escape sequence');
    const hex = s.substring(i + 1, i + 3);
    const value = parseSignedHex(hex);
    if (value === undefined || value < 0) throw termError(`string contains invalid escape sequence: ${hex}`);
    out += String.fromCodePoint(value);
    i += 2;
  }
  return out;
}

/** Java's Integer.parseInt(s, 16) for the two characters of an escape: optional sign, hex digits. */
function parseSignedHex(s: string): number | undefined {
  const m = /^([+-]?)([0-9a-fA-F]+)$/.exec(s);
  if (m === null) return undefined;
  const value = parseInt(m[2]!, 16);
  return m[1] === '-' ? -value : value;
}
