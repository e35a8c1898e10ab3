/**
 * `panfab conformance [SUITE-DIR]`: runs panc's conformance suite against our compiler,
 * prints one line per failing test and the totals, checks or rewrites the committed
 * known-failures list (the CI ratchet), and can report as JSON.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { discoverTests } from '../conformance/discovery.js';
import { defaultSuiteDir, knownFailuresFile, locateSuite, repositoryRoot } from '../conformance/paths.js';
import { checkRatchet, formatKnownFailures, parseKnownFailures, updateKnownFailures, type KnownFailures, type RatchetReport } from '../conformance/ratchet.js';
import { runTests, type TestResult } from '../conformance/runner.js';
import { flag, parseArgs, stringOption, type OptionSpec } from './argv.js';

export const summary = "run panc's conformance suite and check the known-failures ratchet";

const OPTIONS: readonly OptionSpec[] = [
  { name: 'ratchet', value: false },
  { name: 'update-known-failures', value: false },
  { name: 'json', value: false },
  { name: 'filter', value: true },
  { name: 'show-diffs', value: false },
  { name: 'help', value: false, aliases: ['h'] },
];

const USAGE = `usage: panfab conformance [options] [SUITE-DIR]

Runs every root test of the conformance suite (default: ../shared/conformance from the
repository root; the directory or its panc/ subdirectory) and prints one line per failure,
then "N passed, M failed" and how many passing XML outputs are byte-identical to panc's.

options:
  --filter TEXT              run only tests whose path contains TEXT
  --ratchet                  fail (exit 1) if a test outside test/conformance/known-failures.txt
                             fails or a listed test passes
  --update-known-failures    rewrite the known-failures list from this run (keeps reasons)
  --show-diffs               list passing tests whose XML differs from panc's
  --json                     print the results as JSON
  -h, --help                 show this help
`;

/** Runs the verb; exit 0 when everything passed (or the ratchet holds), 1 otherwise, 2 on usage errors. */
export async function run(argv: string[]): Promise<number> {
  const parsed = parseArgs(argv, OPTIONS);
  if (!parsed.ok) return usageError(parsed.error);
  const args = parsed.args;
  if (flag(args, 'help')) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (args.positionals.length > 1) return usageError('at most one suite directory may be given');
  const root = repositoryRoot();
  const suiteDir = args.positionals[0] ?? defaultSuiteDir(root);
  const location = locateSuite(suiteDir);
  if (!location) return usageError(`no conformance suite found in ${suiteDir}`);

  const filter = stringOption(args, 'filter');
  const tests = discoverTests(location.pancDir).filter((t) => filter === undefined || t.id.includes(filter));
  const { compile } = await import('../pan/compiler.js');
  const results = await runTests(tests, { compile, referenceDir: location.referenceDir });

  const listFile = knownFailuresFile(root);
  const known = await readKnownFailures(listFile);
  const complete = filter === undefined;
  const ratchet = flag(args, 'ratchet') ? checkRatchet(results, known, complete) : undefined;
  if (flag(args, 'json')) process.stdout.write(JSON.stringify(jsonReport(results, ratchet), null, 2) + '\n');
  else process.stdout.write(textReport(results, ratchet, flag(args, 'show-diffs')));

  if (flag(args, 'update-known-failures')) {
    const next = updateKnownFailures(results, known, complete);
    await writeFile(listFile, formatKnownFailures(next));
    if (!flag(args, 'json')) process.stdout.write(`known failures: wrote ${next.size} entries to ${path.relative(process.cwd(), listFile)}\n`);
    return 0;
  }
  if (ratchet) return ratchet.ok ? 0 : 1;
  return results.every((r) => r.pass) ? 0 : 1;
}

function usageError(message: string): number {
  process.stderr.write(`panfab conformance: ${message}\n(see 'panfab conformance --help')\n`);
  return 2;
}

async function readKnownFailures(file: string): Promise<KnownFailures> {
  try {
    return parseKnownFailures(await readFile(file, 'utf8'));
  } catch {
    return new Map();
  }
}

/** Counts of byte-identical outputs among the passing tests that have a reference file. */
function identicalCounts(results: readonly TestResult[]): { identical: number; compared: number } {
  const compared = results.filter((r) => r.identical !== undefined);
  return { identical: compared.filter((r) => r.identical).length, compared: compared.length };
}

function textReport(results: readonly TestResult[], ratchet: RatchetReport | undefined, showDiffs: boolean): string {
  const lines: string[] = [];
  for (const r of results) if (!r.pass) lines.push(`FAIL ${r.test}: ${r.reason ?? ''}`);
  if (showDiffs) for (const r of results) if (r.identical === false) lines.push(`DIFF ${r.test}: XML output differs from the reference`);
  const passed = results.filter((r) => r.pass).length;
  const { identical, compared } = identicalCounts(results);
  lines.push(`${passed} passed, ${results.length - passed} failed`, `byte-identical: ${identical} of ${compared}`);
  if (ratchet) lines.push(...ratchetLines(ratchet));
  return lines.join('\n') + '\n';
}

function ratchetLines(report: RatchetReport): string[] {
  const lines = [
    ...report.newFailures.map((t) => `ratchet: ${t} fails but is not in test/conformance/known-failures.txt`),
    ...report.nowPassing.map((t) => `ratchet: ${t} passes now; remove it from test/conformance/known-failures.txt`),
    ...report.unknownListed.map((t) => `ratchet: ${t} is listed in test/conformance/known-failures.txt but is not a test`),
  ];
  lines.push(report.ok ? 'ratchet: ok' : 'ratchet: broken (run with --update-known-failures after checking the changes)');
  return lines;
}

function jsonReport(results: readonly TestResult[], ratchet: RatchetReport | undefined): Record<string, unknown> {
  const passed = results.filter((r) => r.pass).length;
  const report: Record<string, unknown> = {
    passed,
    failed: results.length - passed,
    byteIdentical: identicalCounts(results),
    results: results.map((r) => ({ test: r.test, pass: r.pass, ...(r.reason !== undefined ? { reason: r.reason } : {}), ...(r.identical !== undefined ? { identical: r.identical } : {}) })),
  };
  if (ratchet) report.ratchet = ratchet;
  return report;
}
