/**
 * Robustness: randomly mutated and truncated conformance files (seeded, reproducible) never
 * make `parseTemplate` throw or report an internal error, and every diagnostic span lies
 * inside the text with lines and columns consistent with its offsets.
 */
import fc from 'fast-check';
import { parseTemplate } from '../../src/syntax/parse.js';
import { allSpans, spanProblems } from '../grammar/helpers.js';
import { apply, mutation, SOURCES } from './mutations.js';

const RUNS = 10_000;
const SEED = 20240611;

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
