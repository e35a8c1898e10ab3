/**
 * Pan's string form of a value (to_string(), format's handling of resources, messages):
 * strings unchanged, longs in decimal, doubles as Java's Double.toString, lists as
 * `[ a, b ]`, dicts as `{ k1, v1, k2, v2 }` in key order, `undef` and `null`.
 */
import { formatDouble, PanDict, PanList, type Value } from './element.js';

/** The to_string() form of a value. */
export function toPanString(v: Value): string {
  switch (typeof v) {
    case 'string':
      return v;
    case 'bigint':
      return v.toString();
    case 'number':
      return formatDouble(v);
    case 'boolean':
      return v ? 'true' : 'false';
    case 'undefined':
      return 'undef';
    default:
      if (v === null) return 'null';
      if (v instanceof PanList) return `[ ${v.items.map(toPanString).join(', ')} ]`;
      return dictString(v);
  }
}

function dictString(d: PanDict): string {
  const parts: string[] = [];
  for (const k of d.keys()) parts.push(`${k}, ${toPanString(d.get(k))}`);
  return `{ ${parts.join(', ')} }`;
}
