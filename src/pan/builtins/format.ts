/**
 * format(): Java's String.format over Pan values (longs as Long, doubles as Double, strings,
 * booleans, resources as their to_string form). Conversions b h s c d o x e f g a % n, flags
 * `-#+ 0,(<`, width, precision and argument indices, with java.util.Formatter's checks and
 * exception texts behind "invalid format specification or mismatched types in format(): ".
 */
import { PanDict, PanList, type Value } from '../element.js';
import { toPanString } from '../tostring.js';
import { javaHashCode } from './java-lang.js';
import type { PureBuiltin } from './registry-types.js';
import { fail } from './util.js';
import { Spec, parseFormat, FormatError } from './format-spec.js';
import { addZeros, fixedDigits, generalDigits, hexDouble, hexDoubleRounded, scientificDigits } from './format-number.js';

type Arg = bigint | number | string | boolean;

const JAVA_CLASS: Record<string, string> = {
  bigint: 'java.lang.Long',
  number: 'java.lang.Double',
  string: 'java.lang.String',
  boolean: 'java.lang.Boolean',
};

function mismatch(spec: Spec, arg: Arg): never {
  throw new FormatError(`${spec.conversion} != ${JAVA_CLASS[typeof arg]}`);
}

/** Pads to the width with spaces, on the right for `-`. */
function justify(spec: Spec, s: string): string {
  if (spec.width === -1 || s.length >= spec.width) return s;
  const pad = ' '.repeat(spec.width - s.length);
  return spec.has('-') ? s + pad : pad + s;
}

function printText(spec: Spec, text: string): string {
  let s = spec.precision !== -1 && spec.precision < text.length ? text.slice(0, spec.precision) : text;
  if (spec.upper) s = s.toUpperCase();
  return justify(spec, s);
}

function generalText(spec: Spec, arg: Arg): string {
  switch (spec.conversion) {
    case 'b':
      return typeof arg === 'boolean' ? String(arg) : 'true';
    case 'h':
      return (javaHashCode(arg) >>> 0).toString(16);
    default:
      if (spec.has('#')) throw spec.mismatch('#');
      return typeof arg === 'number' ? toPanString(arg) : String(arg);
  }
}

/** Formatter.localizedMagnitude: grouping of the integer part and zero padding to `width`. */
function magnitude(spec: Spec, prefix: string, digits: string, width: number): string {
  let body = digits;
  if (spec.has(',')) {
    const dot = body.indexOf('.');
    const int = dot < 0 ? body : body.slice(0, dot);
    body = int.replace(/\B(?=(\d{3})+$)/g, ',') + (dot < 0 ? '' : body.slice(dot));
  }
  if (width !== -1 && spec.has('0')) body = body.padStart(width - prefix.length, '0');
  return prefix + body;
}

function leadingSign(spec: Spec, negative: boolean): string {
  if (negative) return spec.has('(') ? '(' : '-';
  return spec.has('+') ? '+' : spec.has(' ') ? ' ' : '';
}

/** Width available to the number when `(` wraps a negative value. */
function adjustWidth(spec: Spec, width: number, negative: boolean): number {
  return width !== -1 && negative && spec.has('(') ? width - 1 : width;
}

function printInteger(spec: Spec, value: bigint): string {
  if (spec.conversion === 'd') {
    const negative = value < 0n;
    const sign = leadingSign(spec, negative);
    const digits = (negative ? -value : value).toString();
    const body = magnitude(spec, sign, digits, adjustWidth(spec, spec.width, negative));
    return justify(spec, body + (negative && spec.has('(') ? ')' : ''));
  }
  for (const bad of ['(', ' ', '+']) if (spec.has(bad)) throw spec.mismatch(bad);
  const hex = spec.conversion === 'x';
  let digits = BigInt.asUintN(64, value).toString(hex ? 16 : 8);
  const prefix = spec.has('#') ? (hex ? (spec.upper ? '0X' : '0x') : '0') : '';
  if (spec.has('0')) digits = digits.padStart(spec.width - prefix.length, '0');
  if (spec.upper) digits = digits.toUpperCase();
  return justify(spec, prefix + digits);
}

function floatBody(spec: Spec, v: number, negative: boolean, sign: string): string {
  const alternate = (m: string, prec: number): string => (spec.has('#') && prec === 0 ? m + '.' : m);
  const e = spec.upper ? 'E' : 'e';
  switch (spec.conversion) {
    case 'e': {
      const prec = spec.precision === -1 ? 6 : spec.precision;
      const [m, exp] = scientificDigits(v, prec);
      const width = spec.width === -1 ? -1 : adjustWidth(spec, spec.width - exp.length - 1, negative);
      return magnitude(spec, sign, alternate(addZeros(m, prec), prec), width) + e + exp;
    }
    case 'f': {
      const prec = spec.precision === -1 ? 6 : spec.precision;
      const m = alternate(addZeros(fixedDigits(v, prec), prec), prec);
      return magnitude(spec, sign, m, adjustWidth(spec, spec.width, negative));
    }
    case 'g': {
      const prec = spec.precision === -1 ? 6 : spec.precision === 0 ? 1 : spec.precision;
      const g = generalDigits(v, prec);
      const m = alternate(addZeros(g.mantissa, g.fraction), g.fraction);
      if (g.exponent === undefined) return magnitude(spec, sign, m, adjustWidth(spec, spec.width, negative));
      const width = spec.width === -1 ? -1 : adjustWidth(spec, spec.width - g.exponent.length - 1, negative);
      return magnitude(spec, sign, m, width) + e + g.exponent;
    }
    default:
      return sign + hexFloat(spec, v);
  }
}

/** `%a`: hexadecimal significand and binary exponent. */
function hexFloat(spec: Spec, v: number): string {
  const prec = spec.precision === -1 ? 0 : spec.precision === 0 ? 1 : spec.precision;
  const text = prec === 0 || prec >= 13 || v === 0 ? hexDouble(v) : hexDoubleRounded(v, prec);
  const p = text.indexOf('p');
  let significand = text.slice(2, p);
  if (prec !== 0) significand = addZeros(significand, prec);
  if (spec.upper) significand = significand.toUpperCase();
  const prefix = spec.upper ? '0X' : '0x';
  const exponent = (spec.upper ? 'P' : 'p') + text.slice(p + 1);
  const zeros = spec.has('0') ? spec.width - significand.length - exponent.length - prefix.length : 0;
  return prefix + '0'.repeat(Math.max(0, zeros)) + significand + exponent;
}

function printFloat(spec: Spec, value: number): string {
  if (Number.isNaN(value)) return justify(spec, spec.upper ? 'NAN' : 'NaN');
  const negative = value < 0 || Object.is(value, -0);
  const v = Math.abs(value);
  const sign = leadingSign(spec, negative);
  const body = Number.isFinite(v) ? floatBody(spec, v, negative, sign) : sign + (spec.upper ? 'INFINITY' : 'Infinity');
  return justify(spec, body + (negative && spec.has('(') ? ')' : ''));
}

function printArg(spec: Spec, arg: Arg): string {
  switch (spec.conversion) {
    case 'b':
    case 'h':
    case 's':
      return printText(spec, generalText(spec, arg));
    case 'c':
      return mismatch(spec, arg);
    case 'd':
    case 'o':
    case 'x':
      return typeof arg === 'bigint' ? printInteger(spec, arg) : mismatch(spec, arg);
    case 't':
      if (typeof arg === 'bigint') throw new FormatError(`date/time conversion ${spec.text} is not supported`);
      return mismatch(spec, arg);
    default:
      return typeof arg === 'number' ? printFloat(spec, arg) : mismatch(spec, arg);
  }
}

/** Java's String.format over Java values; throws FormatError with the exception text. */
export function javaFormat(format: string, args: readonly Arg[]): string {
  const parts = parseFormat(format);
  let out = '';
  let last = -1;
  let ordinary = -1;
  for (const part of parts) {
    if (typeof part === 'string') {
      out += part;
      continue;
    }
    if (part.index === -2) {
      out += part.conversion === 'n' ? '\n' : printText(part, '%');
      continue;
    }
    if (part.index === -1) {
      if (last < 0 || last > args.length - 1) throw new FormatError(`Format specifier '${part.text}'`);
    } else {
      last = part.index === 0 ? ++ordinary : part.index - 1;
      if (last > args.length - 1) throw new FormatError(`Format specifier '${part.text}'`);
    }
    out += printArg(part, args[last]!);
  }
  return out;
}

/** The Java value panc passes to String.format for a Pan value. */
function javaArg(v: Value): Arg {
  if (v instanceof PanList || v instanceof PanDict) return toPanString(v);
  if (v === undefined || v === null) return fail('all arguments to format() must be primitive types');
  return v;
}

const format: PureBuiltin = {
  name: 'format',
  minArgs: 1,
  maxArgs: Infinity,
  arityMessage: 'first argument of format() must be a string',
  call: (args) => {
    const fmt = args[0];
    if (typeof fmt !== 'string') return fail('first argument to format() must be a string');
    const values = args.slice(1).map(javaArg);
    try {
      return javaFormat(fmt, values);
    } catch (e) {
      if (e instanceof FormatError) fail(`invalid format specification or mismatched types in format(): ${e.message}`);
      throw e;
    }
  },
};

/** The format built-in. */
export const FORMAT_BUILTINS: readonly PureBuiltin[] = [format];
