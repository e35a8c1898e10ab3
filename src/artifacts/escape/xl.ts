/**
 * Escapers for xl.cfg (docs/artifacts.md §1.1-§1.5): values are always written as double-quoted
 * strings with `\` and `"` escaped, control characters (newline, TAB included) rejected;
 * numbers in decimal only; DISKSPEC and VIFSPEC strings in one canonical form whose parts come
 * from closed sets or whitelists, with no `,` `=` `"` `\` or whitespace inside a VIFSPEC value.
 */
import { kernelArgs } from './boot.js';
import { CONTROL_CHARS, firstMatch, prepare, rejectFormat } from './core.js';
import { Rejected } from './value.js';

/** A value as an xl string literal: `"…"`. */
export function xlString(value: unknown): string | Rejected {
  const p = prepare(value);
  if (p instanceof Rejected) return p;
  const bad = firstMatch(p.text, CONTROL_CHARS);
  if (bad !== undefined) return rejectFormat(p, `contains ${bad}, which would end an xl string and start a new key`);
  return `"${p.text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** A non-negative integer in decimal. */
export function xlNumber(value: unknown): string | Rejected {
  const p = prepare(value);
  if (p instanceof Rejected) return p;
  if (!/^(?:0|[1-9][0-9]*)$/.test(p.text)) return rejectFormat(p, 'is not a decimal number');
  return p.text;
}

/** Kernel arguments (one value or a list) as one xl string, separated by spaces. */
export function xlArgs(values: unknown): string | Rejected {
  const joined = kernelArgs(values, 'xl', /(?!)/);
  return joined instanceof Rejected ? joined : xlString(joined);
}

/** A guest disk as a canonical DISKSPEC string: `"format=…, vdev=…, access=…, target=…"`. */
export function xlDisk(disk: unknown): string | Rejected {
  if (typeof disk !== 'object' || disk === null) return new Rejected('PF503', 'xldisk expects a disk', undefined);
  const d = disk as Record<string, unknown>;
  const format = closedSet(d['format'], ['raw', 'qcow', 'qcow2', 'vhd', 'qed'], 'disk format');
  if (format instanceof Rejected) return format;
  const access = closedSet(d['access'], ['rw', 'ro'], 'disk access mode');
  if (access instanceof Rejected) return access;
  const vdev = matching(d['vdev'], /^(?:xvd|hd|sd)[a-z]{1,2}$/, 'a virtual disk device (xvda, hda, sda, …)');
  if (vdev instanceof Rejected) return vdev;
  const target = prepare(d['target']);
  if (target instanceof Rejected) return target;
  // target= is last, so it may contain anything but what would break the string.
  const bad = firstMatch(target.text, /[\u0000-\u001f\u007f-\u009f"\\]/);
  if (bad !== undefined) return rejectFormat(target, `contains ${bad}, which a disk target may not contain`);
  return xlString(`format=${format}, vdev=${vdev}, access=${access}, target=${target.text}`);
}

/** A guest network interface as a VIFSPEC string: `"mac=…,bridge=…[,model=…]"`. */
export function xlVif(vif: unknown): string | Rejected {
  if (typeof vif !== 'object' || vif === null) return new Rejected('PF503', 'xlvif expects an interface', undefined);
  const v = vif as Record<string, unknown>;
  const items: string[] = [];
  for (const key of ['mac', 'bridge', 'model'] as const) {
    if (v[key] === undefined) continue;
    const word = xlWord(v[key], `a vif ${key}`, /[\s,="\\]/);
    if (word instanceof Rejected) return word;
    items.push(`${key}=${word}`);
  }
  return xlString(items.join(','));
}

/** A string list as an xl list of strings on one line: `[ "a", "b" ]`. */
export function xlList(values: unknown): string | Rejected {
  const list = Array.isArray(values) ? values : [values];
  const out: string[] = [];
  for (const v of list) {
    const s = xlString(v);
    if (s instanceof Rejected) return s;
    out.push(s);
  }
  return `[ ${out.join(', ')} ]`;
}

function xlWord(value: unknown, what: string, forbidden: RegExp = /[\s"\\]/): string | Rejected {
  const p = prepare(value);
  if (p instanceof Rejected) return p;
  const bad = firstMatch(p.text, forbidden) ?? firstMatch(p.text, CONTROL_CHARS);
  if (bad !== undefined) return rejectFormat(p, `contains ${bad}, which ${what} may not contain`);
  if (p.text === '') return rejectFormat(p, `is empty; ${what} must not be`);
  return p.text;
}

function closedSet(value: unknown, allowed: readonly string[], what: string): string | Rejected {
  const p = prepare(value);
  if (p instanceof Rejected) return p;
  return allowed.includes(p.text) ? p.text : rejectFormat(p, `is not a ${what} (${allowed.join(', ')})`);
}

function matching(value: unknown, re: RegExp, what: string): string | Rejected {
  const p = prepare(value);
  if (p instanceof Rejected) return p;
  return re.test(p.text) ? p.text : rejectFormat(p, `is not ${what}`);
}
