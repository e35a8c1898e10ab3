/**
 * Where the conformance data and the known-failures list live: the suite is
 * `../shared/conformance` relative to the repository root (either that directory or its
 * `panc/` subdirectory may be named), the list is `test/conformance/known-failures.txt`.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface SuiteLocation {
  /** The `panc/` directory holding the test suites. */
  readonly pancDir: string;
  /** panc's reference XML output, when present. */
  readonly referenceDir?: string;
}

/** The repository root: the nearest ancestor of this module with panfab's package.json. */
export function repositoryRoot(from: string = path.dirname(fileURLToPath(import.meta.url))): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const pkg = path.join(dir, 'package.json');
    if (existsSync(pkg) && readPackageName(pkg) === 'panfab') return dir;
    if (path.dirname(dir) === dir) return process.cwd();
  }
}

function readPackageName(pkg: string): string | undefined {
  try {
    return (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name;
  } catch {
    return undefined;
  }
}

/** The default suite directory, `../shared/conformance` from the repository root. */
export function defaultSuiteDir(root: string = repositoryRoot()): string {
  return path.resolve(root, '..', 'shared', 'conformance');
}

/** The committed known-failures list. */
export function knownFailuresFile(root: string = repositoryRoot()): string {
  return path.join(root, 'test', 'conformance', 'known-failures.txt');
}

/** Resolves a suite directory given as the conformance directory or its `panc/` subdirectory. */
export function locateSuite(dir: string): SuiteLocation | undefined {
  const abs = path.resolve(dir);
  const withPanc = path.join(abs, 'panc');
  if (isDirectory(withPanc)) return withReference(withPanc, path.join(abs, 'reference-output'));
  if (isDirectory(path.join(abs, 'Functionality'))) return withReference(abs, path.join(path.dirname(abs), 'reference-output'));
  return undefined;
}

function withReference(pancDir: string, referenceDir: string): SuiteLocation {
  return isDirectory(referenceDir) ? { pancDir, referenceDir } : { pancDir };
}

function isDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}
