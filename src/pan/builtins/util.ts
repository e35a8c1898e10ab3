/**
 * Shared helpers of the pure built-ins: raising BuiltinError, kind names as panc prints them,
 * Java int conversions, panc's replacement rule for dict entries, literal-argument inspection.
 */
import { kindOf, PanDict, PanList, type Value } from '../element.js';
import { PanError } from '../errors.js';
import { BuiltinError, type StaticArg } from './registry-types.js';

/** Throws a BuiltinError with panc's message. */
export function fail(message: string): never {
  throw new BuiltinError(message);
}

/** Runs `f`, turning a PanError (term and escape errors) into a BuiltinError with its message. */
export function asBuiltin<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof PanError) throw new BuiltinError(e.message);
    throw e;
  }
}

/** The type name panc prints for a value (`nlist` for dicts). */
export function typeName(v: Value): string {
  return kindOf(v);
}

const INT_MAX = 2147483647n;
const INT_MIN = -2147483648n;

/** True if the long fits a Java int. */
export function fitsInt(v: bigint): boolean {
  return v >= INT_MIN && v <= INT_MAX;
}

/** Java's Long.intValue(): the low 32 bits as a signed int. */
export function intValue(v: bigint): number {
  return Number(BigInt.asIntN(32, v));
}

/** Java int addition (wrapping). */
export function addInt(a: number, b: number): number {
  return (a + b) | 0;
}

/** The class panc compares in checkValidReplacement. */
function replacementClass(v: Value): string {
  if (v instanceof PanList) return 'list';
  if (v instanceof PanDict) return 'nlist';
  return kindOf(v);
}

/**
 * panc's checkValidReplacement: undef and null replace anything and are replaced by anything;
 * otherwise the kinds must agree.
 */
export function checkReplacement(old: Value, replacement: Value): void {
  if (old === undefined || old === null || replacement === undefined || replacement === null) return;
  const a = replacementClass(old);
  const b = replacementClass(replacement);
  if (a !== b) fail(`existing element of type ${a} cannot be replaced by one of type ${b}`);
}

/**
 * HashResource.put: null removes the key; otherwise the replacement rule is checked. Returns
 * true if the key was present before.
 */
export function putEntry(d: PanDict, key: string, value: Value): boolean {
  const had = d.has(key);
  if (value === null) {
    d.delete(key);
  } else {
    if (had) checkReplacement(d.get(key), value);
    d.set(key, value);
  }
  return had;
}

/** The literal value of a static argument, or undefined (as a tagged result) if not literal. */
export function literal(arg: StaticArg | undefined): { value: Value } | undefined {
  return arg !== undefined && arg.literal ? { value: arg.value } : undefined;
}
