/**
 * Java library behaviour the built-ins reproduce: UTF-8 encoding of Java strings,
 * Character.digit, Long.parseLong / Long.decode, Double.parseDouble, Math.round,
 * String.equalsIgnoreCase, Object.equals and hashCode of Pan values.
 */
import { PanDict, PanList, type Value } from '../element.js';

const LONG_MAX = (1n << 63n) - 1n;
const LONG_MIN = -(1n << 63n);

/** String.getBytes(UTF_8): unpaired surrogates become `?`. */
export function utf8Bytes(s: string): Uint8Array {
  return new TextEncoder().encode(s.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '?'));
}

/** new String(bytes, UTF_8): malformed sequences become U+FFFD. */
export function utf8Decode(bytes: Uint8Array): string {
  return new TextDecoder('utf-8').decode(bytes);
}

/** Value of a Unicode decimal digit (general category Nd), computed from its run of digits. */
function decimalDigitValue(code: number): number {
  let start = code;
  while (start > 0 && /\p{Nd}/u.test(String.fromCharCode(start - 1))) start--;
  return (code - start) % 10;
}

/** Character.digit(char, radix): decimal digits of any script, ASCII and fullwidth letters. */
export function javaDigit(code: number, radix: number): number {
  let value = -1;
  if (code >= 0x30 && code <= 0x39) value = code - 0x30;
  else if ((code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a)) value = (code | 0x20) - 0x61 + 10;
  else if ((code >= 0xff21 && code <= 0xff3a) || (code >= 0xff41 && code <= 0xff5a)) value = ((code - 0xff21) % 32) + 10;
  else if (/\p{Nd}/u.test(String.fromCharCode(code))) value = decimalDigitValue(code);
  return value < radix ? value : -1;
}

/** Long.parseLong(s, radix); undefined where Java throws NumberFormatException. */
export function parseJavaLong(s: string, radix: number): bigint | undefined {
  let i = 0;
  let negative = false;
  if (s.length === 0) return undefined;
  if (s[0] === '-' || s[0] === '+') {
    negative = s[0] === '-';
    if (s.length === 1) return undefined;
    i = 1;
  }
  let value = 0n;
  const r = BigInt(radix);
  for (; i < s.length; i++) {
    const d = javaDigit(s.charCodeAt(i), radix);
    if (d < 0) return undefined;
    value = value * r + BigInt(d);
    if (value > -LONG_MIN) return undefined;
  }
  const result = negative ? -value : value;
  return result > LONG_MAX ? undefined : result;
}

/** Long.decode: optional sign, then `0x`/`0X`/`#` (hex), leading `0` (octal) or decimal. */
export function decodeJavaLong(s: string): bigint | undefined {
  if (s.length === 0) return undefined;
  let index = 0;
  let negative = false;
  if (s[0] === '-' || s[0] === '+') {
    negative = s[0] === '-';
    index = 1;
  }
  let radix = 10;
  if (s.startsWith('0x', index) || s.startsWith('0X', index)) {
    index += 2;
    radix = 16;
  } else if (s.startsWith('#', index)) {
    index += 1;
    radix = 16;
  } else if (s.startsWith('0', index) && s.length > index + 1) {
    index += 1;
    radix = 8;
  }
  const rest = s.slice(index);
  if (rest.startsWith('-') || rest.startsWith('+')) return undefined;
  return parseJavaLong((negative ? '-' : '') + rest, radix);
}

const DECIMAL = /^[+-]?(?:NaN|Infinity|(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?[fFdD]?)$/;
const HEX_FLOAT = /^([+-]?)0[xX]([0-9a-fA-F]*)\.?([0-9a-fA-F]*)[pP]([+-]?[0-9]+)[fFdD]?$/;

/** Double.parseDouble; undefined where Java throws NumberFormatException. */
export function parseJavaDouble(input: string): number | undefined {
  const s = input.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '');
  const hex = HEX_FLOAT.exec(s);
  if (hex !== null) return parseHexDouble(hex);
  if (!DECIMAL.test(s)) return undefined;
  const body = s.replace(/[fFdD]$/, '');
  if (body.endsWith('NaN')) return NaN;
  return Number(body);
}

function parseHexDouble(m: RegExpExecArray): number | undefined {
  const [, sign, intDigits, fracDigits, exp] = m;
  if (intDigits!.length + fracDigits!.length === 0) return undefined;
  const mantissa = BigInt('0x' + (intDigits! + fracDigits! || '0'));
  const e = Number(exp) - 4 * fracDigits!.length;
  let value = Number(mantissa) * 2 ** e;
  if (!Number.isFinite(value) && mantissa !== 0n && e < 0) value = Number(mantissa) / 2 ** -e;
  return sign === '-' ? -value : value;
}

/** Math.round(double): floor(x + 0.5) computed exactly, NaN gives 0, clamped to the long range. */
export function javaRound(x: number): bigint {
  if (Number.isNaN(x)) return 0n;
  if (x >= 2 ** 63) return LONG_MAX;
  if (x <= -(2 ** 63)) return LONG_MIN;
  let r = Math.floor(x);
  if (x - r >= 0.5) r += 1;
  return BigInt(r);
}

function upperChar(c: string): string {
  const u = c.toUpperCase();
  return u.length === 1 ? u : c;
}

function lowerChar(c: string): string {
  const l = c.toLowerCase();
  return l.length === 1 ? l : c;
}

/** String.equalsIgnoreCase: same length, each UTF-16 unit equal in upper or lower case. */
export function equalsIgnoreCase(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x === y) continue;
    const ux = upperChar(x);
    const uy = upperChar(y);
    if (ux !== uy && lowerChar(ux) !== lowerChar(uy)) return false;
  }
  return true;
}

/** Element.equals: same kind and value (Double.equals: NaN equals NaN, 0.0 differs from -0.0). */
export function javaEquals(a: Value, b: Value): boolean {
  if (a instanceof PanList) {
    if (!(b instanceof PanList) || a.items.length !== b.items.length) return false;
    return a.items.every((x, i) => javaEquals(x, b.items[i]));
  }
  if (a instanceof PanDict) {
    if (!(b instanceof PanDict) || a.size !== b.size) return false;
    for (const [k, x] of a.map) if (!b.has(k) || !javaEquals(x, b.get(k))) return false;
    return true;
  }
  if (typeof a === 'number') return typeof b === 'number' && Object.is(a, b);
  return a === b;
}

/** hashCode() of the Java object panc passes to String.format for a property. */
export function javaHashCode(v: bigint | number | string | boolean): number {
  if (typeof v === 'boolean') return v ? 1231 : 1237;
  if (typeof v === 'string') {
    let h = 0;
    for (let i = 0; i < v.length; i++) h = (Math.imul(h, 31) + v.charCodeAt(i)) | 0;
    return h;
  }
  let bits: bigint;
  if (typeof v === 'bigint') bits = BigInt.asUintN(64, v);
  else {
    const view = new DataView(new ArrayBuffer(8));
    view.setFloat64(0, Number.isNaN(v) ? NaN : v);
    bits = view.getBigUint64(0);
  }
  return Number(BigInt.asIntN(32, bits ^ (bits >> 32n)));
}
