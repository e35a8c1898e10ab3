/**
 * Robustness: randomly mutated and truncated conformance files (seeded, reproducible) never
 * make `parseTemplate` throw or report an internal error, and every diagnostic span lies
 * inside the text with lines and columns consistent with its offsets.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { parseTemplate } from '../../src/syntax/parse.js';
import { allSpans, CONFORMANCE_DIR, spanProblems } from '../grammar/helpers.js';

const RUNS = 10_000;
const SEED = 20240611;

function panFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((n) => {
      const full = path.join(dir, n);
      return statSync(full).isDirectory() ? panFiles(full) : n.endsWith('.pan') ? [full] : [];
    });
}

const SOURCES = panFiles(path.join(CONFORMANCE_DIR, 'panc')).map((f) => readFileSync(f, 'utf8'));

/** Fragments that stress the lexer and the parser when inserted anywhere. */
const FRAGMENTS = [
  ';', '{', '}', '(', ')', '[', ']', ',', '=', '?=', '?', ':', '..', '.', '-', '!', '~', '*', '<<', '<<EOT', '\nEOT\n', 'EOT',
  "'", '"', "''", '\\', '\\x', '\\\n', '#', '@', '@(', '@{a=b}', '@(a&=b)', '\n', '\r', '\r\n', '\t', ' ', 'template', 'object',
  'structure template', 'if', 'else', 'for', 'foreach', 'while', 'with', 'type', 'bind', 'valid', 'final', 'variable', 'function',
  'include', 'prefix', 'choice', 'extensible', 'undef', 'null', 'true', '0', '09', '0x', '.5', '5.', '1e', '1.5e3', '9223372036854775808',
  'x', 'SELF', 'f(', 'é', '\u2028', '\ud83d', '\0', '$',
];

type Mutation =
  | { op: 'delete'; at: number; length: number }
  | { op: 'insert'; at: number; text: string }
  | { op: 'duplicate'; at: number; length: number }
  | { op: 'swap'; at: number; other: number }
  | { op: 'truncate'; at: number };

const position = fc.nat({ max: 1_000_000 });
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('delete' as const), at: position, length: fc.integer({ min: 1, max: 12 }) }),
  fc.record({ op: fc.constant('insert' as const), at: position, text: fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 4 })) }),
  fc.record({ op: fc.constant('duplicate' as const), at: position, length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ op: fc.constant('swap' as const), at: position, other: position }),
  fc.record({ op: fc.constant('truncate' as const), at: position }),
);

function apply(text: string, m: Mutation): string {
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

describe('fuzzing parseTemplate with mutated conformance files', () => {
  it(`${RUNS} mutated files: no exception, no internal error, all spans inside the text`, () => {
    let withErrors = 0;
    fc.assert(
      fc.property(fc.nat({ max: SOURCES.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 6 }), (index, mutations) => {
        const text = mutations.reduce(apply, SOURCES[index]!);
        const result = parseTemplate(text, 'fuzz.pan');
        const problems: string[] = [];
        for (const d of result.diagnostics) {
          if (d.code === 'PF901') problems.push(`internal error: ${d.message}`);
          if (!d.span) problems.push(`${d.code} without a span`);
          else problems.push(...spanProblems(d.span, text).map((p) => `${d.code}: ${p}`));
        }
        if (result.ast) {
          if (result.diagnostics.some((d) => d.severity === 'error')) problems.push('AST returned together with errors');
          problems.push(...allSpans(result.ast).flatMap((s) => spanProblems(s, text)));
        } else if (result.diagnostics.length === 0) {
          problems.push('neither an AST nor a diagnostic');
        } else {
          withErrors++;
        }
        if (problems.length > 0) throw new Error(problems.slice(0, 5).join('\n'));
      }),
      { seed: SEED, numRuns: RUNS },
    );
    console.log(`fuzz: ${RUNS} mutated files parsed, ${withErrors} with syntax errors`);
    expect(withErrors).toBeGreaterThan(RUNS / 4);
  });
});
