/**
 * The Pan data model: properties are JavaScript primitives (long = bigint, double = number,
 * string, boolean), resources are PanList / PanDict, `undef` is `undefined`, `null` is `null`.
 * Dict keys iterate in Java string order (UTF-16 code-unit order, JavaScript's default).
 */

export type Property = bigint | number | string | boolean;
export type Resource = PanList | PanDict;
/** A value that may appear in a finished profile. */
export type Element = Property | Resource;
/** Any value during evaluation: an element, undef (`undefined`) or null. */
export type Value = Element | undefined | null;

/** Kind names as panc prints them in messages and XML tags. */
export type Kind = 'boolean' | 'long' | 'double' | 'string' | 'list' | 'nlist' | 'undef' | 'null';

/** An ordered list of values. */
export class PanList {
  /** True once the list is protected (see protect.ts); never reset. */
  frozen = false;
  constructor(public items: Value[] = []) {}
  get size(): number {
    return this.items.length;
  }
}

/** A dict (panc: nlist): string keys, iterated in sorted order. */
export class PanDict {
  /** True once the dict is protected (see protect.ts); never reset. */
  frozen = false;
  private sorted: string[] | null = null;
  constructor(public readonly map: Map<string, Value> = new Map()) {}

  get size(): number {
    return this.map.size;
  }
  get(key: string): Value {
    return this.map.get(key);
  }
  has(key: string): boolean {
    return this.map.has(key);
  }
  set(key: string, value: Value): void {
    // One hash lookup: a new key is one that grows the map.
    const size = this.map.size;
    this.map.set(key, value);
    if (this.map.size !== size) this.sorted = null;
  }
  delete(key: string): boolean {
    const had = this.map.delete(key);
    if (had) this.sorted = null;
    return had;
  }
  /** Keys in Java string order. The returned array must not be modified. */
  keys(): readonly string[] {
    if (this.sorted === null) this.sorted = sortedKeys(this.map);
    return this.sorted;
  }
}

/** Largest dict sorted by insertion (faster than Array.prototype.sort for the usual small dicts). */
const INSERTION_SORT_MAX = 16;

/** The keys of a map in UTF-16 code-unit order (the order of `<` on strings and of the default sort). */
function sortedKeys(map: ReadonlyMap<string, unknown>): string[] {
  if (map.size > INSERTION_SORT_MAX) return [...map.keys()].sort();
  const out: string[] = [];
  for (const k of map.keys()) {
    let j = out.length;
    while (j > 0 && out[j - 1]! > k) {
      out[j] = out[j - 1]!;
      j--;
    }
    out[j] = k;
  }
  return out;
}

/** The kind of a value. */
export function kindOf(v: Value): Kind {
  switch (typeof v) {
    case 'bigint':
      return 'long';
    case 'number':
      return 'double';
    case 'string':
      return 'string';
    case 'boolean':
      return 'boolean';
    case 'undefined':
      return 'undef';
    default:
      if (v === null) return 'null';
      return v instanceof PanList ? 'list' : 'nlist';
  }
}

export function isProperty(v: Value): v is Property {
  const t = typeof v;
  return t === 'bigint' || t === 'number' || t === 'string' || t === 'boolean';
}

export function isResource(v: Value): v is Resource {
  return v instanceof PanList || v instanceof PanDict;
}

/** Deep copy of a value (properties are immutable and returned as is). */
export function deepCopy<T extends Value>(v: T): T {
  if (v instanceof PanList) return new PanList(v.items.map(deepCopy)) as T;
  if (v instanceof PanDict) {
    const m = new Map<string, Value>();
    for (const [k, x] of v.map) m.set(k, deepCopy(x));
    return new PanDict(m) as T;
  }
  return v;
}

/** Deep equality as panc's `index()` uses it: same kinds and values (long 1 differs from double 1.0). */
export function deepEqual(a: Value, b: Value): boolean {
  if (a instanceof PanList) {
    if (!(b instanceof PanList) || a.items.length !== b.items.length) return false;
    return a.items.every((x, i) => deepEqual(x, b.items[i]));
  }
  if (a instanceof PanDict) {
    if (!(b instanceof PanDict) || a.size !== b.size) return false;
    for (const [k, x] of a.map) if (!b.has(k) || !deepEqual(x, b.get(k))) return false;
    return true;
  }
  if (typeof a === 'number' && typeof b === 'number') return a === b || (Number.isNaN(a) && Number.isNaN(b));
  return a === b;
}

const LONG_MIN = -(1n << 63n);
/** Wraps a bigint to a signed 64-bit long, as Java arithmetic does. */
export function wrapLong(v: bigint): bigint {
  return BigInt.asIntN(64, v);
}
export { LONG_MIN };

/**
 * Java's `Double.toString`: plain notation for 1e-3 <= |x| < 1e7 with at least one fractional
 * digit, otherwise `d.dddEn` (no `+` in the exponent). Digits are the shortest that round-trip.
 */
export function formatDouble(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return 'Infinity';
  if (x === -Infinity) return '-Infinity';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const abs = Math.abs(x);
  const sign = x < 0 ? '-' : '';
  if (abs >= 1e-3 && abs < 1e7) {
    // JavaScript prints this range without an exponent, with the same shortest digits.
    const s = abs.toString();
    return sign + (s.includes('.') ? s : s + '.0');
  }
  const [mantissa, exp] = abs.toExponential().split('e');
  const m = mantissa!.includes('.') ? mantissa! : mantissa + '.0';
  return `${sign}${m}E${exp!.startsWith('+') ? exp!.slice(1) : exp}`;
}
