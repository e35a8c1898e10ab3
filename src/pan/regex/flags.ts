/**
 * Java Pattern flags as a bit set, and the case mode they select for literal matching.
 */
import type { CaseMode } from './casefold.js';

export const CASE_INSENSITIVE = 1;
export const UNIX_LINES = 2;
export const MULTILINE = 4;
export const DOTALL = 8;
export const UNICODE_CASE = 16;
export const COMMENTS = 32;
export const UNICODE_CHARACTER_CLASS = 64;
export const CANON_EQ = 128;

/** Inline flag letters accepted by Java in `(?idmsuxU-idmsuxU)`. */
export const INLINE_FLAGS: Readonly<Record<string, number>> = {
  i: CASE_INSENSITIVE,
  d: UNIX_LINES,
  m: MULTILINE,
  s: DOTALL,
  u: UNICODE_CASE,
  x: COMMENTS,
  U: UNICODE_CHARACTER_CLASS | UNICODE_CASE,
  c: CANON_EQ,
};

/** The case mode for literals under the given flags. */
export function caseModeOf(flags: number): CaseMode {
  if ((flags & CASE_INSENSITIVE) === 0) return 'none';
  return (flags & UNICODE_CASE) !== 0 ? 'unicode' : 'ascii';
}

export function has(flags: number, flag: number): boolean {
  return (flags & flag) !== 0;
}
