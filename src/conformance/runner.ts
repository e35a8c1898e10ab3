/**
 * Runs conformance tests in-process, one after the other, each with a fresh compile call and
 * its own temporary output directory, using the reference harness's settings (iteration
 * limit 100, call depth 50, deprecation warnings on, debug off, output format of the test
 * plus `dep`). Passing XPath tests also compare our XML with panc's reference output.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DiagnosticError, diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { formatPancMessage, pancClassName } from '../diagnostics/panc-format.js';
import type { CompileOptions, CompileRequest, ObjectResult } from '../pan/compiler-api.js';
import { formatByKey, type OutputFormat } from '../output/formats.js';
import { writeObjectOutputs } from '../output/write.js';
import type { ConformanceTest } from './discovery.js';
import { parseAnnotations } from './expectations.js';
import { judgeDependencies, judgeExpectation, type ReportedError, type TestOutcome, type Verdict } from './verdict.js';

/** The compiler entry point (src/pan/compiler.ts `compile`). */
export type CompileFn = (request: CompileRequest) => Promise<ObjectResult[]>;

export interface TestResult extends Verdict {
  readonly test: string;
  /** For passing XPath tests with a reference file: whether our XML is byte-identical to it. */
  readonly identical?: boolean;
}

export interface RunContext {
  readonly compile: CompileFn;
  /** The suite's reference-output/ directory, when available. */
  readonly referenceDir?: string;
}

/** Compiler options of the reference harness for one test. */
export function harnessOptions(test: ConformanceTest): CompileOptions {
  const base: CompileOptions = { includeDirs: [test.includeDir], maxIteration: 100, maxRecursion: 50, deprecation: 'on', provenance: false };
  return test.rootElement === undefined ? base : { ...base, initialData: test.rootElement };
}

/** Runs one test and judges it. */
export async function runTest(test: ConformanceTest, ctx: RunContext): Promise<TestResult> {
  let source: string;
  try {
    source = await readFile(test.file, 'utf8');
  } catch {
    return { test: test.id, pass: false, reason: 'test does not exist' };
  }
  const annotations = parseAnnotations(source);
  const outputDir = await mkdtemp(path.join(os.tmpdir(), 'panfab-conformance-'));
  try {
    const formats = harnessFormats(annotations.format);
    const outcome = await compileAndCollect(test, ctx.compile, formats, outputDir);
    const verdict = test.suite === 'Dependency' ? judgeDependencies(annotations.dependencies, outcome) : judgeExpectation(annotations, outcome);
    const result: TestResult = { test: test.id, ...verdict };
    if (!verdict.pass || annotations.expect.kind !== 'xpath' || outcome.xml === undefined) return result;
    const identical = await compareWithReference(test, outcome.xml, ctx.referenceDir);
    return identical === undefined ? result : { ...result, identical };
  } finally {
    await rm(outputDir, { recursive: true, force: true });
  }
}

function harnessFormats(formatKey: string): OutputFormat[] {
  const main = formatByKey(formatKey) ?? formatByKey('pan')!;
  return [main, formatByKey('dep')!];
}

async function compileAndCollect(test: ConformanceTest, compile: CompileFn, formats: OutputFormat[], outputDir: string): Promise<TestOutcome> {
  const errors: ReportedError[] = [];
  let results: ObjectResult[] = [];
  try {
    results = await compile({ files: [test.file], options: harnessOptions(test) });
  } catch (err) {
    errors.push(reportedError(thrownDiagnostic(err), test.file));
  }
  for (const result of results) {
    for (const d of result.diagnostics) if (d.severity === 'error') errors.push(reportedError(d, result.file ?? test.file));
    try {
      await writeObjectOutputs(result, formats, outputDir);
    } catch (err) {
      errors.push(reportedError(thrownDiagnostic(err), result.file ?? test.file));
    }
  }
  const base = path.basename(test.file, '.pan');
  return { errors, xml: await readIfPresent(path.join(outputDir, `${base}.xml`)), dep: await readIfPresent(path.join(outputDir, `${base}.dep`)) };
}

function reportedError(d: Diagnostic, objectFile: string): ReportedError {
  return { className: pancClassName(d), code: d.code, message: formatPancMessage(d, { objectFile }) };
}

function thrownDiagnostic(err: unknown): Diagnostic {
  if (err instanceof DiagnosticError) return err.diagnostic;
  const text = err instanceof Error ? err.message : String(err);
  return diagnostic('PF901', `internal error: ${text}`);
}

async function readIfPresent(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** True/false when a reference XML exists for the test, undefined otherwise. */
async function compareWithReference(test: ConformanceTest, xml: string, referenceDir: string | undefined): Promise<boolean | undefined> {
  if (referenceDir === undefined) return undefined;
  const reference = await readIfPresent(path.join(referenceDir, test.id.replace(/\.pan$/, '.xml')));
  return reference === undefined ? undefined : reference === xml;
}

/** Runs the tests in order and returns their results in the same order. */
export async function runTests(tests: readonly ConformanceTest[], ctx: RunContext): Promise<TestResult[]> {
  const results: TestResult[] = [];
  for (const test of tests) results.push(await runTest(test, ctx));
  return results;
}
