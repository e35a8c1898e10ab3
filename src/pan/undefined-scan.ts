/**
 * The first undef or null element of a profile (validation stage 1 starts with this scan):
 * depth first, dict keys in order, list elements in order (looked for in order only when there
 * is one).
 */
import { PanDict, PanList, type Value } from './element.js';

/** The path (`/a/0/b`) of the first undef/null element, or undefined if there is none. */
export function findUndefined(root: Value): string | undefined {
  if (!hasUndefined(root)) return undefined;
  const rel = scan(root);
  return rel === undefined ? undefined : '/' + rel;
}

/** True if some element is undef or null (in any order: most profiles have none, found without sorting keys). */
function hasUndefined(v: Value): boolean {
  if (v === undefined || v === null) return true;
  if (v instanceof PanList) {
    for (const x of v.items) if (hasUndefined(x)) return true;
  } else if (v instanceof PanDict) {
    for (const x of v.map.values()) if (hasUndefined(x)) return true;
  }
  return false;
}

function scan(v: Value): string | undefined {
  if (v === undefined || v === null) return '';
  if (v instanceof PanList) {
    for (let i = 0; i < v.items.length; i++) {
      const r = scan(v.items[i]);
      if (r !== undefined) return r === '' ? String(i) : `${i}/${r}`;
    }
  } else if (v instanceof PanDict) {
    for (const k of v.keys()) {
      const r = scan(v.get(k));
      if (r !== undefined) return r === '' ? k : `${k}/${r}`;
    }
  }
  return undefined;
}
