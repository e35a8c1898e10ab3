/**
 * Seeded random edits of Pan sources for the robustness tests: the conformance files as seeds,
 * fragments that stress the lexer and the parser, and the edit operations.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { CONFORMANCE_DIR } from '../grammar/helpers.js';

/** Every `.pan` file under `dir`, sorted. */
export function panFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((n) => {
      const full = path.join(dir, n);
      return statSync(full).isDirectory() ? panFiles(full) : n.endsWith('.pan') ? [full] : [];
    });
}

/** The texts of the conformance suite's templates. */
export const SOURCES: readonly string[] = panFiles(path.join(CONFORMANCE_DIR, 'panc')).map((f) => readFileSync(f, 'utf8'));

/** Fragments that stress the lexer and the parser when inserted anywhere. */
export const FRAGMENTS = [
  ';', '{', '}', '(', ')', '[', ']', ',', '=', '?=', '?', ':', '..', '.', '-', '!', '~', '*', '<<', '<<EOT', '\nEOT\n', 'EOT',
  "'", '"', "''", '\\', '\\x', '\\\n', '#', '@', '@(', '@{a=b}', '@(a&=b)', '\n', '\r', '\r\n', '\t', ' ', 'template', 'object',
  'structure template', 'if', 'else', 'for', 'foreach', 'while', 'with', 'type', 'bind', 'valid', 'final', 'variable', 'function',
  'include', 'prefix', 'choice', 'extensible', 'undef', 'null', 'true', '0', '09', '0x', '.5', '5.', '1e', '1.5e3', '9223372036854775808',
  'x', 'SELF', 'f(', 'é', '\u2028', '\ud83d', '\0', '$',
];

/** One edit of a source text. */
export type Mutation =
  | { op: 'delete'; at: number; length: number }
  | { op: 'insert'; at: number; text: string }
  | { op: 'duplicate'; at: number; length: number }
  | { op: 'swap'; at: number; other: number }
  | { op: 'truncate'; at: number };

const position = fc.nat({ max: 1_000_000 });
/** A random edit: delete, insert a fragment or random characters, duplicate, swap, truncate. */
export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('delete' as const), at: position, length: fc.integer({ min: 1, max: 12 }) }),
  fc.record({ op: fc.constant('insert' as const), at: position, text: fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 4 })) }),
  fc.record({ op: fc.constant('duplicate' as const), at: position, length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ op: fc.constant('swap' as const), at: position, other: position }),
  fc.record({ op: fc.constant('truncate' as const), at: position }),
);

/** Applies one edit (positions wrap around the text). */
export function apply(text: string, m: Mutation): string {
  const at = text.length === 0 ? 0 : m.at % (text.length + 1);
  switch (m.op) {
    case 'delete':
      return text.slice(0, at) + text.slice(at + m.length);
    case 'insert':
      return text.slice(0, at) + m.text + text.slice(at);
    case 'duplicate':
      return text.slice(0, at) + text.slice(at, at + m.length) + text.slice(at);
    case 'swap': {
      if (text.length < 2) return text;
      const i = at % text.length;
      const j = m.other % text.length;
      const chars = [...text];
      [chars[i], chars[j]] = [chars[j]!, chars[i]!];
      return chars.join('');
    }
    case 'truncate':
      return text.slice(0, at);
  }
}
