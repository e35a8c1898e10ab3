/**
 * Parallel compilation over a pool of worker threads. The sorted files are dealt round-robin to
 * `nthread` partitions; this thread compiles the first partition itself while one worker per
 * other partition compiles the rest, each writing its own outputs. The outcomes are merged and
 * sorted by name, so what is printed and written never depends on the number of threads.
 *
 * Objects that read other objects through external paths form clusters (connected through
 * those references). Their results can depend on the order in which one compilation run builds
 * them (panc's cycle detection), so when the partitions report any such reference, the requested
 * files of every cluster are compiled once more, together and in order, in this thread, and
 * those outcomes replace the partitions' ones: output stays identical to a one-thread run.
 * Failed objects join that second run too, since a failed build does not report which objects
 * it had read (a reference cycle fails every object on it).
 */
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { diagnostic } from '../diagnostics/diagnostic.js';
import { byName, type CompileJob, type ObjectOutcome } from './job.js';
import { compileAndWrite } from './run-objects.js';
import type { WorkerInput, WorkerReply } from './worker.js';

/** Below this many files per thread, extra threads cost more than they save (default thread count only). */
export const MIN_FILES_PER_THREAD = 48;

/** The default thread count: the machine's cores, fewer when there is little to compile. */
export function defaultThreads(fileCount: number): number {
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  return Math.max(1, Math.min(cores, Math.floor(fileCount / MIN_FILES_PER_THREAD)));
}

/** Compiles `files` (sorted) on `threads` threads (1 = this thread only) and returns the merged outcomes. */
export async function compileObjects(files: readonly string[], job: CompileJob, threads: number): Promise<ObjectOutcome[]> {
  const parts = partition(files, Math.max(1, Math.min(threads, files.length)));
  if (parts.length <= 1) return compileAndWrite(files, job);
  const workers = parts.slice(1).map((part) => runWorker(part, job));
  const local = await compileAndWrite(parts[0]!, job);
  const merged = mergeOutcomes([local, ...(await Promise.all(workers))]);
  return recompileClusters(files, merged, job);
}

/** Deals sorted files round-robin into `n` partitions. */
export function partition<T>(items: readonly T[], n: number): T[][] {
  const parts: T[][] = Array.from({ length: n }, () => []);
  items.forEach((item, i) => parts[i % n]!.push(item));
  return parts;
}

function runWorker(files: readonly string[], job: CompileJob): Promise<ObjectOutcome[]> {
  return new Promise((resolve) => {
    const worker = new Worker(workerScript(), { workerData: { files, job } satisfies WorkerInput });
    let settled = false;
    const fail = (message: string): void => {
      if (settled) return;
      settled = true;
      resolve([{ name: '', ok: false, diagnostics: [diagnostic('PF901', `internal error in a compile worker: ${message}`)], dependencies: [], objects: [], outputs: [] }]);
    };
    worker.once('message', (reply: WorkerReply) => {
      if (!reply.ok) return fail(reply.message);
      settled = true;
      resolve(reply.outcomes);
    });
    worker.once('error', (err) => fail(err.message));
    worker.once('exit', (code) => fail(`worker exited with code ${code}`));
  });
}

/**
 * The worker module next to this one; when this module runs from TypeScript sources (tests),
 * the compiled worker of the build output.
 */
function workerScript(): URL {
  const here = new URL('./worker.js', import.meta.url);
  if (existsSync(fileURLToPath(here))) return here;
  return new URL('../../dist/src/batch/worker.js', import.meta.url);
}

/** One outcome per object (the first partition reporting an object wins), sorted by name. */
export function mergeOutcomes(lists: ReadonlyArray<readonly ObjectOutcome[]>): ObjectOutcome[] {
  const byObject = new Map<string, ObjectOutcome>();
  const unnamed: ObjectOutcome[] = [];
  for (const list of lists) {
    for (const o of list) {
      if (o.name === '') unnamed.push(o);
      else if (!byObject.has(o.name)) byObject.set(o.name, o);
    }
  }
  return [...unnamed, ...[...byObject.values()].sort(byName)];
}

/** Recompiles, in one run in this thread, the requested files of every cluster of referencing objects and of every failed object. */
async function recompileClusters(files: readonly string[], merged: ObjectOutcome[], job: CompileJob): Promise<ObjectOutcome[]> {
  const clustered = clusteredObjects(merged);
  for (const o of merged) if (!o.ok) clustered.add(o.name);
  if (clustered.size === 0) return merged;
  const byFile = new Map(merged.filter((o) => o.file !== undefined).map((o) => [path.resolve(o.file!), o.name]));
  const again = files.filter((f) => clustered.has(byFile.get(path.resolve(f)) ?? ''));
  if (again.length === 0) return merged;
  const redone = await compileAndWrite(again, job);
  return mergeOutcomes([redone, merged]);
}

/** Names of the objects that read, or are read by, another object through external references. */
export function clusteredObjects(outcomes: readonly ObjectOutcome[]): Set<string> {
  const linked = new Set<string>();
  for (const o of outcomes) {
    for (const other of o.objects) {
      linked.add(o.name);
      linked.add(other);
    }
  }
  return linked;
}
