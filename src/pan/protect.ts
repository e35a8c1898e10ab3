/**
 * Protected (immutable, copy-on-write) resources. Values that panc protects — constant statement
 * values, type defaults, global variable values, finished profiles — are frozen here so they can
 * be shared without copying; any write goes through `writable`, which makes a shallow copy whose
 * children stay frozen. Invariant: every descendant of a frozen resource is frozen.
 */
import { PanDict, PanList, type Resource, type Value } from './element.js';

/** True if the value is a frozen resource. */
export function isFrozen(v: Value): boolean {
  return (v instanceof PanList || v instanceof PanDict) && v.frozen;
}

/** Freezes a value and all its descendants in place; returns the value. */
export function freeze<T extends Value>(v: T): T {
  if (v instanceof PanList) {
    if (v.frozen) return v;
    v.frozen = true;
    for (const x of v.items) freeze(x);
  } else if (v instanceof PanDict) {
    if (v.frozen) return v;
    v.frozen = true;
    for (const x of v.map.values()) freeze(x);
  }
  return v;
}

/** A writable version of a resource: the resource itself, or a shallow copy if it is frozen. */
export function writable<T extends Resource>(r: T): T {
  if (!r.frozen) return r;
  if (r instanceof PanList) return new PanList(r.items.slice()) as T;
  return new PanDict(copyMap((r as PanDict).map)) as T;
}

/** A shallow copy of a map (a loop of set() is much faster than `new Map(map)`). */
function copyMap<K, V>(m: ReadonlyMap<K, V>): Map<K, V> {
  const copy = new Map<K, V>();
  for (const [k, v] of m) copy.set(k, v);
  return copy;
}

/**
 * Deep copy that shares frozen sub-trees (they are immutable). Used wherever panc duplicates an
 * element; throws RangeError on absurdly deep nesting, which callers report as a stack overflow.
 */
export function copyValue<T extends Value>(v: T): T {
  if (v instanceof PanList) {
    if (v.frozen) return v;
    return new PanList(v.items.map(copyValue)) as T;
  }
  if (v instanceof PanDict) {
    if (v.frozen) return v;
    const m = new Map<string, Value>();
    for (const [k, x] of v.map) m.set(k, copyValue(x));
    return new PanDict(m) as T;
  }
  return v;
}
