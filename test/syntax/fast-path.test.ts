/**
 * The fast path of the front end (grammar/fast-parser.ts) against the chevrotain parser: on
 * every input, the fast path accepts exactly the files the chevrotain parser parses without a
 * diagnostic, and builds an identical AST (spans included). Checked on hand-written corner cases,
 * every file of the conformance suite, a generated benchmark file and seeded random edits of
 * the conformance files.
 */
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { generatePan } from '../../bench/generate-pan.js';
import { parseTemplate } from '../../src/syntax/parse.js';
import { apply, mutation, SOURCES } from './mutations.js';

const RUNS = 6_000;
const SEED = 20240927;

/** Why the two parsers disagree on `text`, or undefined when they agree. */
function disagreement(text: string): string | undefined {
  const reference = parseTemplate(text, 'f.pan', 'recovering-only');
  const fast = parseTemplate(text, 'f.pan', 'fast-only');
  if (fast.diagnostics.length > 0) return 'the fast path reported diagnostics';
  if (fast.ast === undefined && reference.ast !== undefined) return 'the fast path rejected a file without errors';
  if (fast.ast !== undefined && reference.ast === undefined) {
    return `the fast path accepted a file with errors: ${reference.diagnostics.map((d) => `${d.code} ${d.message}`).join('; ')}`;
  }
  if (!isDeepStrictEqual(fast.ast, reference.ast)) return 'the ASTs differ';
  return undefined;
}

function expectAgreement(text: string): void {
  const problem = disagreement(text);
  if (problem !== undefined) {
    const reference = parseTemplate(text, 'f.pan', 'recovering-only');
    const fast = parseTemplate(text, 'f.pan', 'fast-only');
    expect(fast.ast).toStrictEqual(reference.ast); // shows where the ASTs differ
    throw new Error(`${problem}:\n${text}`);
  }
}

const CORNERS = [
  // argument lists, blocks, assignments
  "'/x' = f(,);", "'/x' = f(,1);", "'/x' = f(1,);", "'/x' = f(1,,2);", "'/x' = f(;);", "'/x' = f(1 2);",
  "'/x' = { 1; };", "'/x' = { 1;; };", "'/x' = { ; };", "'/x' = {};", "'/x' = { 1 2 };",
  "'/x' = x = 1;", "'/x' = x = y = 1;", "'/x' = x[0]['a'] = 1;", "'/x' = (x) = 1;", "'/x' = -x = 1;",
  "'/x' = a + b = 1;", "'/x' = f() = 1;", "'/x' = x = {1};", "'/x' = x = 1 = 2;", "'/x' = 1 = 2;",
  // operators
  "'/x' = - - 1;", "'/x' = -(-1);", "'/x' = 1 + - 2;", "'/x' = 1 + ;", "'/x' = !;", "'/x' = a || b && c | d ^ e & f == g < h + i * j;",
  "'/x' = 1 * 2 + 3 * 4 - 5 / 6 % 7;", "'/x' = a < b < c;", "'/x' = a = b + c;",
  // control flow
  "'/x' = if (a) b;", "'/x' = if (a) b else c;", "'/x' = if a b;", "'/x' = if (a) if (b) c else d else e;",
  "'/x' = while (a) b;", "'/x' = for (i = 0; i < 3; i = i + 1) x;", "'/x' = for (;;) x;",
  "'/x' = foreach (k; v; l) v;", "'/x' = foreach (k[0]; v; l) v;", "'/x' = foreach (k; 1; l) v;",
  // statements
  'final variable X = 1;', "final '/a' = 1;", 'final x = 1;', 'final;', 'variable X ?= 1;', "'/a' ?= 1;",
  "include 'a';", 'include if (true) "a" else null;', "prefix '/p';", 'prefix <<EOT;\nx\nEOT\n', "valid '/v' = true;",
  "bind '/b' = long = 1 with SELF > 0;", 'type t = long;', 'function f = ARGV[0];', ';;', "'/a' = 1", "'/a' = 1;;'/b' = 2;",
  "'/a' = <<EOT + 'x';\nbody\nEOT\n", "'/a' = <<EOT;", 'variable X = 09;', "'/a' = 'unterminated;\n",
  // types
  'type t = long(..);', 'type t = long(-..);', 'type t = long(1..);', 'type t = long(..-1);', 'type t = long(-5..-1);',
  'type t = long(1.0);', 'type t = string[][]{}*;', 'type t = string[1..2]{3};', "type t = choice('a', \"b\");",
  'type t = choice();', "type t = choice('a',);", 'type t = choice(<<EOT);\na\nEOT\n', "type t = { 'a' : long 'b' ? string include r };",
  "type t = extensible { 'a' : long = 1 with true }(1..2);", 'type t = {}();', "type t = { 'a' long };", 'type t = { include 1 };',
  'type t = extensible;', 'type t = long = 1 = 2;', "type t = { 'a' : long { } };",
];

describe('the fast path accepts exactly what the chevrotain parser accepts, with identical ASTs', () => {
  it.each(CORNERS.map((c) => [c]))('%j', (body) => {
    expectAgreement(`template t;\n${body}`);
  });

  it.each([
    [''], ['template'], ['template t'], ['template t;'], ['object template a/b;'], ["'/a' = 1;"], ['unique template t; ;'],
    ['declaration template d; @{doc} type t = long;'], ['structure\ntemplate s;\n# comment'], ['template t; @'],
  ])('declaration corner %j', (text) => {
    expectAgreement(text);
  });

  it('on every file of the conformance suite', () => {
    const problems = SOURCES.map((text, i) => [i, disagreement(text)]).filter(([, p]) => p !== undefined);
    expect(problems).toEqual([]);
  });

  it('on the generated benchmark file', () => {
    const text = generatePan(200_000);
    expect(parseTemplate(text, 'f.pan', 'fast-only').ast).toBeDefined();
    expectAgreement(text);
  });

  it(`on ${RUNS} seeded random edits of conformance files`, () => {
    let accepted = 0;
    fc.assert(
      fc.property(fc.nat({ max: SOURCES.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 4 }), (index, mutations) => {
        const text = mutations.reduce(apply, SOURCES[index]!);
        const problem = disagreement(text);
        if (problem !== undefined) throw new Error(problem);
        if (parseTemplate(text, 'f.pan', 'fast-only').ast !== undefined) accepted++;
      }),
      { seed: SEED, numRuns: RUNS },
    );
    // Both outcomes must be well represented for the comparison to mean something.
    expect(accepted).toBeGreaterThan(RUNS / 10);
    expect(accepted).toBeLessThan(RUNS - RUNS / 10);
  });
});
