/**
 * Canonical keys of values, for memos keyed by a value's content: two values get the same key
 * exactly when they have the same kinds, list items in the same order, the same dict entries,
 * and the same protection (frozen or not) at every resource — everything DML can tell apart
 * about them. Strings are length-prefixed, so no two different values share a key.
 */
import { PanDict, PanList, type Value } from './element.js';
import { isFrozen } from './protect.js';

/** Builds a key, giving up once it would exceed its length budget. */
class KeyWriter {
  text = '';
  constructor(private readonly maxLength: number) {}

  /** Appends `s`; false when the key gets too long. */
  add(s: string): boolean {
    if (this.text.length + s.length > this.maxLength) return false;
    this.text += s;
    return true;
  }
}

/** The key of a value, or undefined when it would be longer than `maxLength`. */
export function valueKey(v: Value, maxLength: number): string | undefined {
  const w = new KeyWriter(maxLength);
  return write(w, v) ? w.text : undefined;
}

function write(w: KeyWriter, v: Value): boolean {
  switch (typeof v) {
    case 'string':
      return w.add(`s${v.length}:`) && w.add(v);
    case 'bigint':
      return w.add(`l${v};`);
    case 'number':
      return w.add(`d${Object.is(v, -0) ? '-0' : String(v)};`);
    case 'boolean':
      return w.add(v ? 't' : 'f');
    case 'undefined':
      return w.add('u');
  }
  if (v === null) return w.add('n');
  if (v instanceof PanList) {
    if (!w.add(isFrozen(v) ? '[*' : '[')) return false;
    for (const x of v.items) if (!write(w, x)) return false;
    return w.add(']');
  }
  const dict = v as PanDict;
  if (!w.add(isFrozen(dict) ? '{*' : '{')) return false;
  for (const k of dict.keys()) if (!w.add(`${k.length}:${k}`) || !write(w, dict.get(k))) return false;
  return w.add('}');
}
