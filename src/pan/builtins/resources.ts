/**
 * Resource built-ins: list, dict/nlist, merge, splice (strings and lists), clone, length,
 * key and index (substring, list element and dict value forms), with panc's messages.
 * Results share child values with the arguments, as in panc.
 */
import { deepCopy, PanDict, PanList, type Value } from '../element.js';
import { isKey, termFromString } from '../terms.js';
import { javaEquals } from './java-lang.js';
import type { PureBuiltin, StaticArg } from './registry-types.js';
import { addInt, asBuiltin, fail, fitsInt, intValue, putEntry, typeName } from './util.js';

const list: PureBuiltin = {
  name: 'list',
  minArgs: 0,
  maxArgs: Infinity,
  call: (args) => new PanList([...args]),
};

/** A dict key from a dict()/nlist() argument (string, valid key term, `{...}` escaped). */
function dictKey(v: Value): string {
  if (typeof v !== 'string') fail(`nlist keys must be string; argument is of type ${typeName(v)}`);
  const term = asBuiltin(() => termFromString(v));
  if (!isKey(term)) fail(`invalid key (${v}) for nlist() or hash()`);
  return term;
}

function dictStaticCheck(args: readonly StaticArg[]): string | undefined {
  if (args.length % 2 !== 0) return 'hash/nlist function must have an even number of arguments';
  const seen = new Set<string>();
  try {
    for (let i = 0; i < args.length; i += 2) {
      const a = args[i]!;
      if (!a.literal) continue;
      const key = dictKey(a.value);
      if (seen.has(key)) return `duplicate key (${key}) in nlist function`;
      seen.add(key);
    }
  } catch (e) {
    return (e as Error).message;
  }
  return undefined;
}

function dictCall(args: readonly Value[]): Value {
  const d = new PanDict();
  for (let i = 0; i < args.length; i += 2) {
    const key = dictKey(args[i]);
    if (putEntry(d, key, args[i + 1])) fail(`duplicate key (${key}) in nlist function`);
  }
  return d;
}

function dictBuiltin(name: string): PureBuiltin {
  return { name, minArgs: 0, maxArgs: Infinity, staticCheck: dictStaticCheck, call: dictCall };
}

const MERGE_KINDS = 'merge() arguments must be all lists or dicts';

const merge: PureBuiltin = {
  name: 'merge',
  minArgs: 1,
  maxArgs: Infinity,
  arityMessage: 'merge() requires at least one argument',
  call: (args) => {
    if (args[0] instanceof PanDict) {
      const result = new PanDict();
      for (const a of args) {
        if (!(a instanceof PanDict)) fail(MERGE_KINDS);
        for (const k of a.keys()) {
          if (putEntry(result, k, a.get(k))) fail(`two (or more) children have the same name in merge(): ${k}`);
        }
      }
      return result;
    }
    if (args[0] instanceof PanList) {
      const items: Value[] = [];
      for (const a of args) {
        if (!(a instanceof PanList)) fail(MERGE_KINDS);
        items.push(...a.items);
      }
      return new PanList(items);
    }
    return fail(MERGE_KINDS);
  },
};

/** A splice()/substr() position argument: a long that fits a Java int. */
function intArg(v: Value, ordinal: string, fn: string): number {
  if (typeof v !== 'bigint') fail(`${ordinal} argument to ${fn}() must be a long`);
  if (!fitsInt(v)) fail(`${ordinal} argument to ${fn}() cannot be converted to int: ${v}`);
  return Number(v);
}

/** Start and end of a splice, checked against `size`; `what` is "string" or "list". */
function spliceBounds(size: number, startArg: number, length: number, what: string): [number, number] {
  const start = startArg < 0 ? addInt(size, startArg) : startArg;
  const end = length >= 0 ? addInt(start, length) : addInt(size, length);
  if (start < 0) fail(`start index in splice() is before beginning of ${what}`);
  if (start > size) fail(`start index in splice() is after end of ${what}`);
  if (end < 0) fail(`end index in splice() is before beginning of ${what}`);
  if (end > size) fail(`end index in splice() is after end of ${what}`);
  if (end < start) fail('end index is before the start index');
  return [start, end];
}

const SPLICE_SAME_TYPE = 'fourth argument of splice() must be of the same type as the first';

const splice: PureBuiltin = {
  name: 'splice',
  minArgs: 3,
  maxArgs: 4,
  arityMessage: 'splice() must have three or four arguments',
  call: (args) => {
    const startArg = intArg(args[1], 'second', 'splice');
    const length = intArg(args[2], 'third', 'splice');
    const target = args[0];
    const replacement = args[3];
    if (typeof target === 'string') {
      if (args.length === 4 && typeof replacement !== 'string') fail(SPLICE_SAME_TYPE);
      const [start, end] = spliceBounds(target.length, startArg, length, 'string');
      return target.slice(0, start) + (replacement ?? '') + target.slice(end);
    }
    if (target instanceof PanList) {
      if (args.length === 4 && !(replacement instanceof PanList)) fail(SPLICE_SAME_TYPE);
      const [start, end] = spliceBounds(target.items.length, startArg, length, 'list');
      const middle = replacement instanceof PanList ? replacement.items : [];
      return new PanList([...target.items.slice(0, start), ...middle, ...target.items.slice(end)]);
    }
    return fail('first argument of splice() must be a string or list');
  },
};

const clone: PureBuiltin = {
  name: 'clone',
  minArgs: 1,
  maxArgs: 1,
  arityMessage: 'clone() requires exactly one argument',
  call: (args) => deepCopy(args[0]),
};

const length: PureBuiltin = {
  name: 'length',
  minArgs: 1,
  maxArgs: 1,
  arityMessage: 'length() requires exactly one argument',
  call: ([v]) => {
    if (typeof v === 'string') return BigInt(v.length);
    if (v instanceof PanList || v instanceof PanDict) return BigInt(v.size);
    if (v === undefined) return 0n;
    return fail(`argument to length must be undef, string, or resource; element of type ${typeName(v)} is not valid`);
  },
};

const key: PureBuiltin = {
  name: 'key',
  minArgs: 2,
  maxArgs: 2,
  arityMessage: 'key() requires exactly two arguments',
  call: ([d, i]) => {
    if (!(d instanceof PanDict)) return fail('first argument to key() must be a dict');
    if (typeof i !== 'bigint') return fail('second argument to key() must be a long');
    if (i > 2147483647n) fail(`index exceeds maximum value (2147483647): ${i}`);
    if (i < 0n || i > BigInt(d.size - 1)) fail(`index out of bounds in key(): ${i}`);
    return d.keys()[Number(i)]!;
  },
};

function indexInList(e: Value, l: PanList, from: number): bigint {
  for (let i = from; i < l.items.length; i++) if (javaEquals(e, l.items[i])) return BigInt(i);
  return -1n;
}

function indexInDict(e: Value, d: PanDict, skip: number): string {
  let count = 0;
  for (const k of d.keys()) {
    if (!javaEquals(e, d.get(k))) continue;
    if (count >= skip) return k;
    count++;
  }
  return '';
}

const index: PureBuiltin = {
  name: 'index',
  minArgs: 2,
  maxArgs: 3,
  arityMessage: 'index() must have two or three arguments',
  call: (args) => {
    let from = 0;
    if (args.length === 3) {
      const f = args[2];
      if (typeof f !== 'bigint') return fail('third argument of index() must be a long');
      from = Math.max(0, intValue(f));
    }
    const [e, target] = args;
    if (typeof e === 'string' && typeof target === 'string') return BigInt(target.indexOf(e, from));
    if (target instanceof PanList) return indexInList(e, target, from);
    if (target instanceof PanDict) return indexInDict(e, target, from);
    return fail('invalid argument(s) in call to index()');
  },
};

const dict = dictBuiltin('dict');
const nlist = dictBuiltin('nlist');

/** The resource built-ins. */
export const RESOURCE_BUILTINS: readonly PureBuiltin[] = [list, dict, nlist, merge, splice, clone, length, key, index];

/** Built-ins whose result is a new resource holding their argument values and nothing else. */
export const CONSTRUCTOR_BUILTINS: ReadonlySet<PureBuiltin> = new Set([list, dict, nlist]);
