/**
 * Loads the CommonJS bundle of `panfab compile` (dist/bundle/compile.cjs, built by
 * scripts/bundle.mjs) with V8's code cache (dist/bundle/compile.cache, written by the same
 * script after a warm-up compile), so that start-up neither resolves about a hundred modules
 * nor parses and compiles them again. The bundle is used only while it is at least as new as
 * the build output (dist/src) and the code cache only while at least as new as the bundle; V8
 * itself rejects a cache made by another Node version, and the bundle then compiles as usual.
 * Started as a worker thread's script, this module loads the bundle, whose worker code then
 * runs the thread's work.
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { isMainThread } from 'node:worker_threads';

/** What the bundle exports. */
export interface CompileBundle {
  run(args: string[]): Promise<number>;
}

const here = path.dirname(fileURLToPath(import.meta.url));
const BUNDLE = path.resolve(here, '..', '..', 'bundle', 'compile.cjs');
const CODE_CACHE = path.resolve(here, '..', '..', 'bundle', 'compile.cache');
const BUILD_MARK = path.resolve(here, '..', 'cli', 'main.js');

function mtime(file: string): number {
  return statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? -1;
}

/**
 * The bundle's exports, or undefined when there is no current bundle. `saveCodeCache` (for the
 * build script) writes the code cache of everything the bundle has compiled so far.
 */
export function loadCompileBundle(): (CompileBundle & { saveCodeCache(): void }) | undefined {
  const built = mtime(BUNDLE);
  if (built < 0 || built < mtime(BUILD_MARK)) return undefined;
  const source = `(function (exports, require, module, __filename, __dirname) {${readFileSync(BUNDLE, 'utf8')}\n})`;
  const cachedData = mtime(CODE_CACHE) >= built ? readFileSync(CODE_CACHE) : undefined;
  const script = new vm.Script(source, { filename: BUNDLE, ...(cachedData !== undefined ? { cachedData } : {}) });
  (globalThis as { __panfabBundleLoader?: string }).__panfabBundleLoader = import.meta.url;
  const module = { exports: {} as CompileBundle };
  (script.runInThisContext() as (...args: unknown[]) => void)(module.exports, createRequire(BUNDLE), module, BUNDLE, path.dirname(BUNDLE));
  return { run: (args) => module.exports.run(args), saveCodeCache: () => writeFileSync(CODE_CACHE, script.createCachedData()) };
}

if (!isMainThread) loadCompileBundle();
