/**
 * `${name}` substitution as panc does it with Apache StrSubstitutor (substitute() and dynamic
 * bind paths): `$${` escapes a literal `${`, resolved values are substituted again (nested
 * references), and an unknown name or a reference cycle is an error.
 */
import type { Value } from './element.js';
import { PanError } from './errors.js';
import { toPanString } from './tostring.js';
import { MISSING } from './tree.js';

/** Resolves a variable name; MISSING when undefined. */
export type SubstituteLookup = (name: string) => Value | typeof MISSING;

/** Index of the `}` closing the reference that starts at `start` (after `${`), or -1. */
function closingBrace(text: string, start: number): number {
  let depth = 1;
  let j = start;
  while (j < text.length) {
    if (text.startsWith('${', j)) {
      depth++;
      j += 2;
    } else if (text[j] === '}') {
      depth--;
      if (depth === 0) return j;
      j++;
    } else {
      j++;
    }
  }
  return -1;
}

function substituteIn(text: string, lookup: SubstituteLookup, prior: readonly string[]): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    if (text.startsWith('$${', i)) {
      out += '${';
      i += 3;
      continue;
    }
    if (!text.startsWith('${', i)) {
      out += text[i];
      i++;
      continue;
    }
    const end = closingBrace(text, i + 2);
    if (end < 0) {
      out += text.slice(i);
      break;
    }
    const name = text.slice(i + 2, end);
    if (prior.includes(name)) {
      throw new PanError('PF210', `infinite loop in variable substitution of \${${name}}: ${[...prior, name].join('->')}`);
    }
    const v = lookup(name);
    if (v === MISSING) throw new PanError('PF202', `variable (${name}) undefined in substitute()`);
    out += substituteIn(toPanString(v), lookup, [...prior, name]);
    i = end + 1;
  }
  return out;
}

/** Replaces every `${name}` in `text` by the string form of the named value. */
export function substitute(text: string, lookup: SubstituteLookup): string {
  return substituteIn(text, lookup, []);
}
