/**
 * Character-set expressions of the Java regex translator: literal ranges, Unicode property
 * operands, unions, intersections and complements, with case-insensitive expansion and
 * emission as JavaScript `u`-mode syntax (intersections and complements of composite sets
 * become look-aheads, as `u` mode has no nested classes).
 */
import { caseVariants, rangeCaseExtras, type CaseMode, type Range } from './casefold.js';

/** A set of code points. `prop` holds `\p{..}`/`\P{..}` or a flat `[...]`/`[^...]` class. */
export type SetExpr =
  | { readonly t: 'ranges'; readonly ranges: readonly Range[] }
  | { readonly t: 'prop'; readonly src: string }
  | { readonly t: 'union'; readonly items: readonly SetExpr[] }
  | { readonly t: 'inter'; readonly items: readonly SetExpr[] }
  | { readonly t: 'not'; readonly item: SetExpr };

/** A set of explicit ranges. */
export function ranges(...rs: Range[]): SetExpr {
  return { t: 'ranges', ranges: rs };
}

/** A set containing one character. */
export function singleChar(cp: number): SetExpr {
  return { t: 'ranges', ranges: [[cp, cp]] };
}

/** A set given by a JavaScript class operand. */
export function prop(src: string): SetExpr {
  return { t: 'prop', src };
}

export function union(items: SetExpr[]): SetExpr {
  return items.length === 1 ? items[0]! : { t: 'union', items };
}

export function intersect(items: SetExpr[]): SetExpr {
  return items.length === 1 ? items[0]! : { t: 'inter', items };
}

export function complement(item: SetExpr): SetExpr {
  return item.t === 'not' ? item.item : { t: 'not', item };
}

/** Expands every literal character and range of the set to its case variants. */
export function withCase(set: SetExpr, mode: CaseMode): SetExpr {
  if (mode === 'none') return set;
  switch (set.t) {
    case 'ranges': {
      const out: Range[] = [...set.ranges];
      for (const r of set.ranges) {
        if (r[0] === r[1]) {
          for (const c of caseVariants(r[0], mode)) if (c !== r[0]) out.push([c, c]);
        } else {
          for (const c of rangeCaseExtras(r, mode)) out.push([c, c]);
        }
      }
      return { t: 'ranges', ranges: out };
    }
    case 'prop':
      return set;
    case 'union':
      return { t: 'union', items: set.items.map((s) => withCase(s, mode)) };
    case 'inter':
      return { t: 'inter', items: set.items.map((s) => withCase(s, mode)) };
    case 'not':
      return { t: 'not', item: withCase(set.item, mode) };
  }
}

const PLAIN = /^[A-Za-z0-9 _]$/;

/** A code point written so that it is literal both inside and outside classes. */
export function escapeCodePoint(cp: number): string {
  const ch = String.fromCodePoint(cp);
  return PLAIN.test(ch) ? ch : `\\u{${cp.toString(16)}}`;
}

function emitRange(r: Range): string {
  return r[0] === r[1] ? escapeCodePoint(r[0]) : `${escapeCodePoint(r[0])}-${escapeCodePoint(r[1])}`;
}

/**
 * A set lowered to `u`-mode syntax: the contents of a class (`flat`), the contents of a
 * negated class (`negated`), or an atom matching one code point (look-aheads for `&&`).
 */
type Lowered = { readonly kind: 'flat' | 'negated' | 'atom'; readonly text: string };

function atomOf(l: Lowered): string {
  return l.kind === 'flat' ? `[${l.text}]` : l.kind === 'negated' ? `[^${l.text}]` : l.text;
}

/** Class contents of a property operand: `\p{..}` as is, a flat `[...]` unwrapped. */
function lowerProp(src: string): Lowered {
  if (!src.startsWith('[')) return { kind: 'flat', text: src };
  if (src.startsWith('[^')) return { kind: 'negated', text: src.slice(2, -1) };
  return { kind: 'flat', text: src.slice(1, -1) };
}

function lower(set: SetExpr): Lowered {
  switch (set.t) {
    case 'ranges':
      return { kind: 'flat', text: set.ranges.map(emitRange).join('') };
    case 'prop':
      return lowerProp(set.src);
    case 'union': {
      const items = set.items.map(lower);
      if (items.every((l) => l.kind === 'flat')) return { kind: 'flat', text: items.map((l) => l.text).join('') };
      return { kind: 'atom', text: `(?:${items.map(atomOf).join('|')})` };
    }
    case 'inter': {
      const items = set.items.map((i) => atomOf(lower(i)));
      const last = items.pop()!;
      return { kind: 'atom', text: `(?:${items.map((a) => `(?=${a})`).join('')}${last})` };
    }
    case 'not': {
      const item = lower(set.item);
      if (item.kind === 'flat') return { kind: 'negated', text: item.text };
      if (item.kind === 'negated') return { kind: 'flat', text: item.text };
      return { kind: 'atom', text: `(?:(?!${item.text})[\\s\\S])` };
    }
  }
}

/** The set as a `u`-mode regex atom matching one code point; a single character as itself. */
export function emitSetAtom(set: SetExpr): string {
  if (set.t === 'ranges' && set.ranges.length === 1 && set.ranges[0]![0] === set.ranges[0]![1]) {
    return escapeCodePoint(set.ranges[0]![0]);
  }
  return atomOf(lower(set));
}
