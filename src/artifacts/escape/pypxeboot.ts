/**
 * Escapers for pypxeboot's restricted pxelinux dialect (docs/artifacts.md §2.7): it reads only
 * DEFAULT, LABEL, KERNEL, APPEND and LOCALBOOT, fetches files by TFTP with the path verbatim,
 * and splits APPEND into a dictionary — so every token must be `key=value` with exactly one
 * `=`, keys must not repeat, and bare flags are refused (the renderer rewrites the installer's
 * own boolean flags as `flag=1` before they get here).
 */
import { kernelWord } from './boot.js';
import { prepare, rejectFormat } from './core.js';
import { bootFileWord } from './boot.js';
import { Rejected } from './value.js';

const SPECIAL = /["']/;

/** APPEND tokens for pypxeboot. */
export function pypxeArgs(values: unknown): string | Rejected {
  const list = Array.isArray(values) ? values : [values];
  const keys = new Set<string>();
  const out: string[] = [];
  for (const v of list) {
    const word = kernelWord(v, 'pypxeboot', SPECIAL);
    if (word instanceof Rejected) return word;
    const p = prepare(v);
    const base = p instanceof Rejected ? { text: word, value: undefined } : p;
    const parts = word.split('=');
    if (parts.length !== 2 || parts[0] === '') {
      return rejectFormat(base, 'is not a key=value token with exactly one =, which pypxeboot requires');
    }
    if (keys.has(parts[0]!)) return rejectFormat(base, `repeats the key ${parts[0]}, which pypxeboot keeps only once`);
    keys.add(parts[0]!);
    out.push(word);
  }
  return out.join(' ');
}

/** A KERNEL file or initrd path, fetched by TFTP verbatim (no URLs). */
export function pypxeFile(value: unknown): string | Rejected {
  const word = bootFileWord(value, 'pypxeboot', /["',=]/);
  if (word instanceof Rejected) return word;
  const p = prepare(value);
  if (!(p instanceof Rejected) && /^[a-z][a-z0-9+.-]*:/i.test(word)) return rejectFormat(p, 'is a URL; pypxeboot fetches files by TFTP only');
  return word;
}
