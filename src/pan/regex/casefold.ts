/**
 * Case-insensitive matching support for the Java regex translator: the characters that Java
 * considers equal to a given character or range under CASE_INSENSITIVE (ASCII only) or
 * CASE_INSENSITIVE|UNICODE_CASE (simple Unicode case mappings).
 */

/** Inclusive code point range. */
export type Range = readonly [number, number];

/** Case mode of a literal: none, ASCII-only (flag i) or Unicode (flags i and u). */
export type CaseMode = 'none' | 'ascii' | 'unicode';

const HIGHEST_CASED = 0x1ffff;

function single(s: string, fallback: number): number {
  const cp = s.codePointAt(0)!;
  return s.length === String.fromCodePoint(cp).length ? cp : fallback;
}

/** Character.toUpperCase(int): the simple (single code point) upper-case mapping. */
export function upperOf(cp: number): number {
  if (cp >= 0xd800 && cp <= 0xdfff) return cp;
  return single(String.fromCodePoint(cp).toUpperCase(), cp);
}

/** Character.toLowerCase(int): the simple (single code point) lower-case mapping. */
export function lowerOf(cp: number): number {
  if (cp >= 0xd800 && cp <= 0xdfff) return cp;
  return single(String.fromCodePoint(cp).toLowerCase(), cp);
}

/** Java's Unicode case-insensitive key of a character: toLowerCase(toUpperCase(c)). */
function foldOf(cp: number): number {
  return lowerOf(upperOf(cp));
}

interface FoldTables {
  /** Characters sharing a fold key, by key. */
  readonly members: Map<number, number[]>;
  /** Every character whose upper or folded form differs from itself. */
  readonly cased: number[];
}

let tables: FoldTables | undefined;

function foldTables(): FoldTables {
  if (tables !== undefined) return tables;
  const members = new Map<number, number[]>();
  const cased: number[] = [];
  for (let cp = 0; cp <= HIGHEST_CASED; cp++) {
    if (cp >= 0xd800 && cp <= 0xdfff) continue;
    const up = upperOf(cp);
    const f = lowerOf(up);
    if (up === cp && f === cp) continue;
    cased.push(cp);
    let list = members.get(f);
    if (list === undefined) {
      list = [f];
      members.set(f, list);
    }
    if (cp !== f) list.push(cp);
  }
  tables = { members, cased };
  return tables;
}

function isAsciiLetter(cp: number): boolean {
  return (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a);
}

function otherAsciiCase(cp: number): number {
  return cp <= 0x5a ? cp + 32 : cp - 32;
}

/** The characters equal to `cp` under the case mode (including `cp`). */
export function caseVariants(cp: number, mode: CaseMode): number[] {
  if (mode === 'none') return [cp];
  if (mode === 'ascii') return isAsciiLetter(cp) ? [cp, otherAsciiCase(cp)] : [cp];
  const list = foldTables().members.get(foldOf(cp));
  if (list === undefined) return [cp];
  return list.includes(cp) ? [...list] : [cp, ...list];
}

/**
 * Extra characters a range matches under the case mode (Java's CIRange / CIRangeU: a character
 * matches if it, its upper case or the lower case of its upper case lies in the range).
 */
export function rangeCaseExtras(range: Range, mode: CaseMode): number[] {
  const [lo, hi] = range;
  const inRange = (c: number): boolean => c >= lo && c <= hi;
  const extras: number[] = [];
  if (mode === 'ascii') {
    for (let c = 0x41; c <= 0x7a; c++) {
      if (isAsciiLetter(c) && !inRange(c) && inRange(otherAsciiCase(c))) extras.push(c);
    }
    return extras;
  }
  if (mode === 'unicode') {
    for (const c of foldTables().cased) {
      if (inRange(c)) continue;
      const up = upperOf(c);
      if (inRange(up) || inRange(lowerOf(up))) extras.push(c);
    }
  }
  return extras;
}
