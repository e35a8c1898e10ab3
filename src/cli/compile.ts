/**
 * `panfab compile`: compiles object templates to profiles with panc's main options and writes
 * `<output-dir>/<object>.<suffix>` for each requested format. Diagnostics go to stderr in the
 * human format with a source excerpt. Exit 0 when every object compiled, 1 when any failed
 * (failed objects write nothing, the others still do), 2 on usage errors.
 *
 * Objects are compiled on a pool of worker threads (--nthread) and looked up first in the
 * persistent build cache (.panfab/cache, see src/batch/cache.ts; --no-cache bypasses it);
 * --shard i/n compiles one deterministic share of the files. What is printed and written never
 * depends on the thread count or on the cache.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { compareDiagnostics } from '../diagnostics/diagnostic.js';
import { formatHuman, type SourceLookup } from '../diagnostics/format.js';
import type { BuildCache } from '../batch/cache.js';
import type { CompileJob, ObjectOutcome } from '../batch/job.js';
import { parseShard, selectShard } from '../batch/shard.js';
import { flag, parseArgs, stringOption, type OptionSpec } from './argv.js';
import { COMPILE_OPTION_SPECS, COMPILE_USAGE, resolveCompileSettings, type CompileSettings } from './compile-options.js';
import { expandInputs } from './inputs.js';

export const summary = 'compile object templates to profiles (pan XML, JSON, text, dot, dep)';

const SPECS: readonly OptionSpec[] = [
  ...COMPILE_OPTION_SPECS,
  { name: 'no-cache', value: false },
  { name: 'cache-dir', value: true },
  { name: 'shard', value: true },
];

const USAGE = `${COMPILE_USAGE}
build cache and sharding:
  --cache-dir DIR              build cache directory (default .panfab/cache)
  --no-cache                   compile everything; neither read nor update the cache
  --shard I/N                  compile only share I of N of the files (split by file name;
                               combine the output directories with 'panfab merge')
`;

/** Runs the verb with its arguments and returns the exit code. */
export async function run(argv: string[]): Promise<number> {
  const parsed = parseArgs(argv, SPECS);
  if (!parsed.ok) return usageError(parsed.error);
  if (flag(parsed.args, 'help')) {
    process.stdout.write(USAGE);
    return 0;
  }
  const settings = resolveCompileSettings(parsed.args);
  if (!settings.ok) return usageError(settings.error);
  if (parsed.args.positionals.length === 0) return usageError('no object templates given');
  const inputs = expandInputs(parsed.args.positionals);
  if (inputs.missing.length > 0) return usageError(`no such file or directory: ${inputs.missing.join(', ')}`);
  if (inputs.files.length === 0) return usageError('no .pan files found in the given directories');
  let files = inputs.files;
  const shardText = stringOption(parsed.args, 'shard');
  if (shardText !== undefined) {
    const shard = parseShard(shardText);
    if (typeof shard === 'string') return usageError(shard);
    files = selectShard(files, shard);
  }
  const cacheDir = stringOption(parsed.args, 'cache-dir') ?? path.join('.panfab', 'cache');
  const cache = flag(parsed.args, 'no-cache') ? undefined : await openCache(settings.value, cacheDir, shardText ?? null);
  const outcomes = await compileWithCache(files, settings.value, cache);
  const failed = report(outcomes, flag(parsed.args, 'quiet'));
  return failed ? 1 : 0;
}

function usageError(message: string): number {
  process.stderr.write(`panfab compile: ${message}\n(see 'panfab compile --help')\n`);
  return 2;
}

/** The cache of these settings; each shard has its own index, so shards compiled in turn do not evict each other. */
async function openCache(settings: CompileSettings, cacheDir: string, shard: string | null): Promise<BuildCache> {
  const { BuildCache } = await import('../batch/cache.js');
  const { compilerFingerprint } = await import('../batch/fingerprint.js');
  const o = settings.options;
  const key = {
    compiler: compilerFingerprint(),
    cwd: process.cwd(),
    includeDirs: o.includeDirs.map((d) => [d, path.resolve(d)]),
    maxIteration: o.maxIteration,
    maxRecursion: o.maxRecursion,
    initialData: o.initialData ?? null,
    deprecation: o.deprecation,
    debug: [o.debugInclude?.source ?? null, o.debugExclude?.source ?? null],
    formats: settings.formats.map((f) => f.key),
    outputDir: settings.outputDir,
    shard,
  };
  return new BuildCache(path.resolve(cacheDir), key, o.includeDirs, settings.outputDir);
}

/** Compiles what the cache cannot answer and returns every outcome sorted by name. */
async function compileWithCache(files: readonly string[], settings: CompileSettings, cache: BuildCache | undefined): Promise<ObjectOutcome[]> {
  const lookup = cache?.lookup(files) ?? { misses: [...files], hits: [] };
  const job: CompileJob = {
    options: { ...settings.options, provenance: false },
    formatKeys: settings.formats.map((f) => f.key),
    outputDir: settings.outputDir,
    recordSources: cache !== undefined,
  };
  let compiled: ObjectOutcome[] = [];
  if (lookup.misses.length > 0) {
    const { compileObjects, defaultThreads } = await import('../batch/pool.js');
    const threads = settings.threads > 0 ? settings.threads : defaultThreads(lookup.misses.length);
    // The cache prepares its index entries for this thread's objects while workers finish theirs.
    const report = await compileObjects(lookup.misses, job, threads, cache === undefined ? undefined : (own) => cache.prepare(own));
    compiled = report.outcomes;
    cache?.save(lookup.misses, compiled, report.sources);
  }
  const { mergeOutcomes } = await import('../batch/pool.js');
  return mergeOutcomes([compiled, lookup.hits]);
}

/** Prints every object's diagnostics, in object name order. Returns true if any object failed. */
function report(outcomes: readonly ObjectOutcome[], quiet: boolean): boolean {
  const sources = cachedSources();
  const color = process.stderr.isTTY === true && process.env.NO_COLOR === undefined;
  let failed = false;
  for (const outcome of outcomes) {
    if (!outcome.ok) failed = true;
    for (const d of [...outcome.diagnostics].sort(compareDiagnostics)) {
      if (quiet && d.severity !== 'error') continue;
      process.stderr.write(formatHuman(d, { color, sources }) + '\n');
    }
  }
  return failed;
}

/** Reads source files once each, for excerpts. */
function cachedSources(): SourceLookup {
  const cache = new Map<string, string | undefined>();
  return (file) => {
    if (!cache.has(file)) {
      let text: string | undefined;
      try {
        text = readFileSync(file, 'utf8');
      } catch {
        text = undefined;
      }
      cache.set(file, text);
    }
    return cache.get(file);
  };
}
