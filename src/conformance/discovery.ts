/**
 * Finds the root tests of panc's conformance suite (its JUnit harness rules): in
 * Functionality/ and RootElement/, each non-hidden category directory holds tests; in
 * Dependency/ the entries themselves are tests. A `.pan` file is a test with its directory as
 * include path; a directory `D` is a test `D/D.pan` with `D` as include path. Tests are
 * returned in path order, independent of the file system's listing order.
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

export type SuiteName = 'Functionality' | 'RootElement' | 'Dependency';

/** The root element the RootElement suite starts its profiles from. */
export const ROOT_ELEMENT_DML = "nlist('root-element-test', 'OK')";

export interface ConformanceTest {
  /** Path relative to the suite root (`panc/`), e.g. `Functionality/bind/bind1.pan`. */
  readonly id: string;
  readonly suite: SuiteName;
  /** Absolute path of the root template (may not exist for a malformed test directory). */
  readonly file: string;
  /** The single include directory. */
  readonly includeDir: string;
  /** Initial root element (DML), for the RootElement suite. */
  readonly rootElement?: string;
}

/** Lists every root test under `pancDir` (the conformance suite's `panc/` directory). */
export function discoverTests(pancDir: string): ConformanceTest[] {
  const tests: ConformanceTest[] = [];
  for (const suite of ['Functionality', 'RootElement'] as const) {
    const suiteDir = path.join(pancDir, suite);
    for (const category of visibleEntries(suiteDir).filter((e) => isDirectory(path.join(suiteDir, e)))) {
      tests.push(...testsIn(pancDir, path.join(suiteDir, category), suite));
    }
  }
  tests.push(...testsIn(pancDir, path.join(pancDir, 'Dependency'), 'Dependency'));
  return tests;
}

function testsIn(pancDir: string, dir: string, suite: SuiteName): ConformanceTest[] {
  const tests: ConformanceTest[] = [];
  for (const entry of visibleEntries(dir)) {
    const full = path.join(dir, entry);
    let file: string;
    let includeDir: string;
    if (isDirectory(full)) {
      file = path.join(full, `${entry}.pan`);
      includeDir = full;
    } else if (entry.endsWith('.pan')) {
      file = full;
      includeDir = dir;
    } else {
      continue;
    }
    const id = path.relative(pancDir, file).split(path.sep).join('/');
    tests.push(suite === 'RootElement' ? { id, suite, file, includeDir, rootElement: ROOT_ELEMENT_DML } : { id, suite, file, includeDir });
  }
  return tests;
}

/** Non-hidden entries of a directory in Java string order; empty if it does not exist. */
function visibleEntries(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names.filter((n) => !n.startsWith('.')).sort();
}

function isDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}
