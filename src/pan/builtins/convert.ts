/**
 * Conversion built-ins: to_string, to_long (with optional radix), to_double and to_boolean,
 * with Java's parsing rules (Long.decode, Long.parseLong, Double.parseDouble, Math.round).
 */
import { PanDict, PanList, type Value } from '../element.js';
import { toPanString } from '../tostring.js';
import { decodeJavaLong, equalsIgnoreCase, javaRound, parseJavaDouble, parseJavaLong } from './java-lang.js';
import type { PureBuiltin } from './registry-types.js';
import { fail, typeName } from './util.js';

function isProperty(v: Value): v is bigint | number | string | boolean {
  return !(v instanceof PanList || v instanceof PanDict) && v !== undefined && v !== null;
}

const toString: PureBuiltin = {
  name: 'to_string',
  minArgs: 1,
  maxArgs: 1,
  arityMessage: 'to_string() requires exactly one argument',
  call: ([v]) => toPanString(v),
};

/** to_long of a property other than a string. */
function longOf(v: bigint | number | boolean): bigint {
  if (typeof v === 'boolean') return v ? 1n : 0n;
  return typeof v === 'number' ? javaRound(v) : v;
}

function radixOf(v: Value): number {
  if (!isProperty(v)) return fail(`invalid argument of type ${typeName(v)}; expecting a property`);
  if (typeof v !== 'bigint') return fail(`radix must be a long not class org.quattor.pan.dml.data.${javaClassName(v)}`);
  if (v < 2n || v > 36n) fail(`radix value ${v} is not within valid range [2, 36]`);
  return Number(v);
}

function javaClassName(v: number | string | boolean): string {
  return typeof v === 'number' ? 'DoubleProperty' : typeof v === 'string' ? 'StringProperty' : 'BooleanProperty';
}

const toLong: PureBuiltin = {
  name: 'to_long',
  minArgs: 1,
  maxArgs: 2,
  arityMessage: 'to_long() requires exactly one or two arguments',
  call: (args) => {
    const v = args[0];
    const radix = args.length === 2 ? radixOf(args[1]) : undefined;
    if (!isProperty(v)) return fail(`invalid argument of type ${typeName(v)}; expecting a property`);
    if (typeof v !== 'string') return longOf(v);
    const parsed = radix === undefined ? decodeJavaLong(v) : parseJavaLong(v, radix);
    return parsed ?? fail(`string cannot be converted to long: ${v}`);
  },
};

const toDouble: PureBuiltin = {
  name: 'to_double',
  minArgs: 1,
  maxArgs: 1,
  arityMessage: 'to_double() requires exactly one argument',
  call: ([v]) => {
    if (!isProperty(v)) return fail(`to_double argument is not a property: ${typeName(v)}`);
    if (typeof v === 'boolean') return v ? 1 : 0;
    if (typeof v === 'bigint') return Number(v);
    if (typeof v === 'number') return v;
    return parseJavaDouble(v) ?? fail(`string cannot be converted to double: ${v}`);
  },
};

const toBoolean: PureBuiltin = {
  name: 'to_boolean',
  minArgs: 1,
  maxArgs: 1,
  arityMessage: 'to_boolean() requires exactly one argument',
  call: ([v]) => {
    if (!isProperty(v)) return fail(`to_boolean argument is not a property: ${typeName(v)}`);
    if (typeof v === 'bigint') return v !== 0n;
    if (typeof v === 'number') return v !== 0;
    if (typeof v === 'string') return !(v === '' || equalsIgnoreCase(v, 'false'));
    return v;
  },
};

/** The conversion built-ins. */
export const CONVERT_BUILTINS: readonly PureBuiltin[] = [toString, toLong, toDouble, toBoolean];
