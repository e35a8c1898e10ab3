/**
 * String built-ins: substr, to_uppercase, to_lowercase, join, escape, unescape, base64_encode,
 * base64_decode and digest, with panc's runtime messages and compile-time checks; the regular
 * expression ones (replace, split, match, matches) come from regex-builtins.ts.
 */
import { PanDict, PanList, type Value } from '../element.js';
import { escapeKey, unescapeKey } from '../terms.js';
import { base64Decode, base64Encode, digestBytes, digestHex, isDigestAlgorithm } from './encoding.js';
import { utf8Bytes, utf8Decode } from './java-lang.js';
import type { PureBuiltin, StaticArg } from './registry-types.js';
import { REGEX_BUILTINS } from './regex-builtins.js';
import { addInt, asBuiltin, fail, fitsInt, typeName } from './util.js';

/** A substr() position: a long that fits a Java int. */
function substrInt(v: Value, ordinal: string, typeMessage: string): number {
  if (typeof v !== 'bigint') fail(typeMessage);
  if (!fitsInt(v)) fail(`${ordinal} argument to substr() cannot be converted to int: ${v}`);
  return Number(v);
}

const substr: PureBuiltin = {
  name: 'substr',
  minArgs: 2,
  maxArgs: 3,
  arityMessage: 'substr() must have two or three arguments',
  call: (args) => {
    const s = args[0];
    if (typeof s !== 'string') return fail('first argument to substr() must be a string');
    let start = substrInt(args[1], 'second', 'second argument to substr() must be a long');
    if (start < 0) start = addInt(s.length, start);
    if (start > s.length) fail('start index in substr() is greater than the string length');
    if (start < 0) fail('start index in substr() is less than zero');
    let end = s.length;
    if (args.length === 3) {
      const len = substrInt(args[2], 'third', 'second and optional third arguments to substr() must be longs');
      end = len >= 0 ? addInt(start, len) : addInt(s.length, len);
      if (end > s.length) fail('end index in substr() is greater than the string length');
      if (end < 0) fail('end index in substr() is less than zero');
      if (end < start) fail('start index is after ending index in substr()');
    }
    return s.slice(start, end);
  },
};

function caseBuiltin(name: string, convert: (s: string) => string): PureBuiltin {
  return {
    name,
    minArgs: 1,
    maxArgs: 1,
    arityMessage: `${name}() requires exactly one string argument`,
    call: ([s]) => (typeof s === 'string' ? convert(s) : fail(`invalid argument to ${name}(); string required`)),
  };
}

function joinStaticCheck(args: readonly StaticArg[]): string | undefined {
  const isNull = (a: StaticArg | undefined): boolean => a !== undefined && a.literal && a.value === null;
  if (isNull(args[0]) || isNull(args[1])) return 'value cannot be null for join()';
  const second = args[1]!;
  if (args.length === 2 && second.literal && !(second.value instanceof PanList)) {
    return 'second argument of join() must be a variable reference or a list';
  }
  return undefined;
}

function joinItems(args: readonly Value[]): string[] {
  if (args.length === 2) {
    const l = args[1];
    if (!(l instanceof PanList)) fail('join() only accepts strings or a list of strings as input arguments');
    return l.items.map((e) => {
      if (e instanceof PanList || e instanceof PanDict) fail("join() doesn't accept nested elements in the passed list");
      if (typeof e !== 'string') fail('join() only accepts strings as elements in the list');
      return e;
    });
  }
  return args.slice(1).map((e) => {
    if (e instanceof PanList) {
      fail('join() only accepts a single list as an argument or all the arguments individually');
    }
    if (typeof e !== 'string') fail('join() only accepts strings or a list of strings as input arguments');
    return e;
  });
}

const join: PureBuiltin = {
  name: 'join',
  minArgs: 2,
  maxArgs: Infinity,
  arityMessage: 'join() requires two or more arguments',
  staticCheck: joinStaticCheck,
  call: (args) => {
    const sep = args[0];
    if (typeof sep !== 'string') return fail('first argument in join() must be a string');
    return joinItems(args).join(sep);
  },
};

/** escape()/unescape(): literal arguments are evaluated at compile time (errors are Syntax). */
function termCodec(name: string, convert: (s: string) => string): PureBuiltin {
  const call = ([s]: readonly Value[]): Value => {
    if (typeof s !== 'string') return fail(`${name} argument is not a string: ${typeName(s)}`);
    return asBuiltin(() => convert(s));
  };
  return {
    name,
    minArgs: 1,
    maxArgs: 1,
    arityMessage: `${name}() requires exactly one string argument`,
    staticCheck: ([a]) => {
      if (!a!.literal) return undefined;
      try {
        call([a!.value]);
        return undefined;
      } catch (e) {
        return (e as Error).message;
      }
    },
    call,
  };
}

const base64Encoder: PureBuiltin = {
  name: 'base64_encode',
  minArgs: 1,
  maxArgs: 1,
  arityMessage: 'base64_encode() requires exactly one argument',
  call: ([s]) =>
    typeof s === 'string' ? base64Encode(utf8Bytes(s)) : fail('argument for base64_encode() must be a string'),
};

const base64Decoder: PureBuiltin = {
  name: 'base64_decode',
  minArgs: 1,
  maxArgs: 1,
  arityMessage: 'base64_decode() requires exactly one argument',
  call: ([s]) =>
    typeof s === 'string'
      ? utf8Decode(base64Decode(utf8Bytes(s)))
      : fail('argument for base64_decode() must be a string'),
};

const digest: PureBuiltin = {
  name: 'digest',
  minArgs: 2,
  maxArgs: 2,
  arityMessage: 'digest() requires exactly two arguments',
  staticCheck: ([alg]) => {
    if (!alg!.literal) return undefined;
    if (typeof alg!.value !== 'string') return 'first argument of digest() must be a string';
    return isDigestAlgorithm(alg!.value) ? undefined : `invalid digest algorithm (${alg!.value})`;
  },
  call: ([alg, s]) => {
    if (typeof alg !== 'string') return fail('first argument of digest() must be a string');
    if (typeof s !== 'string') return fail('second argument of digest() must be a string');
    if (!isDigestAlgorithm(alg)) return fail(`invalid digest algorithm (${alg})`);
    // panc hashes only as many UTF-8 bytes as the string has UTF-16 units.
    return digestHex(digestBytes(alg, utf8Bytes(s).subarray(0, s.length)));
  },
};

/** The string built-ins, including the regular expression ones of regex-builtins.ts. */
export const STRING_BUILTINS: readonly PureBuiltin[] = [
  ...REGEX_BUILTINS,
  substr,
  caseBuiltin('to_uppercase', (s) => s.toUpperCase()),
  caseBuiltin('to_lowercase', (s) => s.toLowerCase()),
  join,
  termCodec('escape', escapeKey),
  termCodec('unescape', unescapeKey),
  base64Encoder,
  base64Decoder,
  digest,
];
