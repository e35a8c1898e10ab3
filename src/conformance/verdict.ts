/**
 * Verdicts of conformance tests (the reference harness's rules, §15.3 of the language
 * reference): XPath tests need the XML output and a true XPath; exception tests need no XML
 * output, at least one error, and every error of the expected class with a whole message
 * matching the regex (Java syntax, DOTALL); Dependency tests need both output files and the
 * set of names in the `.dep` file to equal the `# dep:` names. Reasons are one short line.
 */
import type { TestAnnotations } from './expectations.js';
import { javaFullMatch } from './java-regex.js';
import { evaluateXPathBoolean } from './xpath.js';

/** One error reported while compiling a test, as panc would have reported it. */
export interface ReportedError {
  /** panc exception class (fully qualified), or undefined for a non-Pan error. */
  readonly className: string | undefined;
  /** Our diagnostic code, for the reason text. */
  readonly code: string;
  /** The panc-style message. */
  readonly message: string;
}

/** What compiling a test produced. */
export interface TestOutcome {
  readonly errors: readonly ReportedError[];
  /** Contents of `<name>.xml` in the output directory, if written. */
  readonly xml?: string;
  /** Contents of `<name>.dep`, if written. */
  readonly dep?: string;
}

export interface Verdict {
  readonly pass: boolean;
  readonly reason?: string;
}

const PASS: Verdict = { pass: true };
const REASON_LIMIT = 200;

/** Judges a non-dependency test (XPath or exception expectation). */
export function judgeExpectation(annotations: TestAnnotations, outcome: TestOutcome): Verdict {
  const expect = annotations.expect;
  switch (expect.kind) {
    case 'missing':
      return fail('@expect not found in file');
    case 'xpath':
      return judgeXPath(expect.xpath, outcome);
    case 'exception':
      return judgeException(expect.className, expect.regex, outcome);
  }
}

function judgeXPath(xpath: string, outcome: TestOutcome): Verdict {
  if (outcome.xml === undefined) {
    const first = outcome.errors[0];
    if (first) return fail(`unexpected ${describeError(first)}`);
    return fail('no XML output and no error reported');
  }
  const value = evaluateXPathBoolean(outcome.xml, xpath);
  if (typeof value === 'string') return fail(`XPath error: ${value}`);
  return value ? PASS : fail(`XPath false: ${xpath}`);
}

function judgeException(className: string, regex: string | undefined, outcome: TestOutcome): Verdict {
  const expected = simpleName(className);
  if (outcome.xml !== undefined) return fail(`expected ${expected} but the XML output exists`);
  if (outcome.errors.length === 0) return fail(`expected ${expected} but no error was reported`);
  for (const e of outcome.errors) {
    if (e.className !== className) return fail(`expected ${expected} but got ${describeError(e)}`);
    if (regex === undefined) continue;
    let matches: boolean;
    try {
      matches = javaFullMatch(regex, e.message, { dotAll: true });
    } catch (err) {
      return fail(`cannot use expected message regex: ${err instanceof Error ? err.message : String(err)}`);
    }
    if (!matches) return fail(`message differs: expected /${regex}/, got "${e.message}"`);
  }
  return PASS;
}

/** Judges a Dependency suite test. */
export function judgeDependencies(expected: readonly string[], outcome: TestOutcome): Verdict {
  if (outcome.xml === undefined) {
    const first = outcome.errors[0];
    return fail(first ? `unexpected ${describeError(first)}` : 'no XML output and no error reported');
  }
  if (outcome.dep === undefined) return fail('no .dep output');
  const generated = dependencyNames(outcome.dep);
  const want = new Set(expected);
  const missing = [...want].filter((n) => !generated.has(n)).sort();
  const extra = [...generated].filter((n) => !want.has(n)).sort();
  if (missing.length > 0 || extra.length > 0) {
    return fail(`dependencies differ: missing [${missing.join(', ')}], unexpected [${extra.join(', ')}]`);
  }
  if (want.size === 0) return fail('no dependencies were expected');
  return PASS;
}

/** First words of the dependency lines, as the reference harness reads them (`(.*)\s+(.*)\s+(.*)`). */
export function dependencyNames(depText: string): Set<string> {
  const names = new Set<string>();
  const line = /^(.*)[ \t\n\x0B\f\r]+(.*)[ \t\n\x0B\f\r]+(.*)$/;
  for (const l of depText.split(/\r\n|\r|\n/)) {
    const m = line.exec(l);
    if (m) names.add(m[1]!);
  }
  return names;
}

function describeError(e: ReportedError): string {
  const cls = e.className ? simpleName(e.className) : 'non-Pan error';
  return `${cls} (${e.code}): ${e.message}`;
}

function simpleName(className: string): string {
  return className.slice(className.lastIndexOf('.') + 1);
}

/** A failing verdict with the reason flattened to one line and shortened. */
function fail(reason: string): Verdict {
  const flat = reason.trim().replace(/\s*\n\s*/g, ' | ');
  return { pass: false, reason: flat.length > REASON_LIMIT ? flat.slice(0, REASON_LIMIT - 3) + '...' : flat };
}
