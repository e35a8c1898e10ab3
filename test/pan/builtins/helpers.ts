/**
 * Helpers for the built-in tests: calling a registered pure built-in, capturing its
 * BuiltinError message, running its compile-time check, and building Pan values.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PURE_BUILTINS } from '../../../src/pan/builtins/index.js';
import { BuiltinError, type PureBuiltin, type StaticArg } from '../../../src/pan/builtins/registry-types.js';
import { PanDict, PanList, type Value } from '../../../src/pan/element.js';

/** The shared conformance suite (read at run time, never copied). */
export const CONFORMANCE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..', 'shared', 'conformance');

export function builtin(name: string): PureBuiltin {
  const b = PURE_BUILTINS.get(name);
  if (b === undefined) throw new Error(`no built-in ${name}`);
  return b;
}

/** Calls a built-in (after checking the argument count against its arity). */
export function call(name: string, ...args: Value[]): Value {
  const b = builtin(name);
  if (args.length < b.minArgs || args.length > b.maxArgs) throw new Error(`bad arity for ${name}`);
  return b.call(args);
}

/** The BuiltinError message of a call that must fail. */
export function callError(name: string, ...args: Value[]): string {
  try {
    call(name, ...args);
  } catch (e) {
    if (e instanceof BuiltinError) return e.message;
    throw e;
  }
  throw new Error(`${name} did not fail`);
}

/** A non-literal argument for static checks. */
export const DYNAMIC: StaticArg = { literal: false };

/** Runs the static check with literal values (use DYNAMIC for non-literal arguments). */
export function staticCheck(name: string, ...args: (Value | StaticArg)[]): string | undefined {
  const statics = args.map((a) => (a === DYNAMIC ? DYNAMIC : ({ literal: true, value: a as Value } as StaticArg)));
  return builtin(name).staticCheck?.(statics);
}

export function list(...items: Value[]): PanList {
  return new PanList(items);
}

export function dict(...kv: [string, Value][]): PanDict {
  return new PanDict(new Map(kv));
}

/** A plain structure of a value for deep comparisons (lists as arrays, dicts as objects). */
export function plain(v: Value): unknown {
  if (v instanceof PanList) return v.items.map(plain);
  if (v instanceof PanDict) return Object.fromEntries(v.keys().map((k) => [k, plain(v.get(k))]));
  return v;
}
