/**
 * Parallel compilation over a pool of worker threads. Every thread is given the whole sorted
 * list of files and a shared claim table (claims.ts): this thread starts compiling at once
 * while the workers start up, and each thread builds the files it claims first, writing their
 * outputs as objects are validated (memory does not grow with the site). The outcomes are
 * merged and sorted by name, so what is printed and written never depends on the number of
 * threads or on which thread built what.
 *
 * Objects that read other objects through external paths form clusters (connected through
 * those references). Their results can depend on the order in which one compilation run builds
 * them (panc's cycle detection), so when the threads report any such reference, the requested
 * files of every cluster are compiled once more, together and in order, in this thread, and
 * those outcomes replace the threads' ones: output stays identical to a one-thread run.
 * Failed objects join that second run too, since a failed build does not report which objects
 * it had read (a reference cycle fails every object on it).
 */
import path from 'node:path';
import { diagnostic } from '../diagnostics/diagnostic.js';
import { claimTable } from './claims.js';
import { byName, type BatchReport, type CompileJob, type ObjectOutcome } from './job.js';
import { compileAndWrite } from './run-objects.js';
import { runWorker } from './threads.js';

export { defaultThreads } from './threads.js';

/**
 * Compiles `files` (sorted) on `threads` threads (1 = this thread only) and returns the merged
 * outcomes, with the source files every thread read. `onOwnReport` is given this thread's
 * report as soon as it is done, while workers may still be compiling.
 */
export async function compileObjects(files: readonly string[], job: CompileJob, threads: number, onOwnReport?: (report: BatchReport) => void): Promise<BatchReport> {
  const workerCount = Math.max(0, Math.min(threads, files.length) - 1);
  if (workerCount === 0) return recompileClusters(files, [await compileAndWrite(files, job, 'stream')], job);
  const claims = claimTable(files.length);
  const workers = Array.from({ length: workerCount }, async (): Promise<BatchReport> => {
    const reply = await runWorker<BatchReport>({ kind: 'outputs', files, job, claims });
    return reply.ok ? reply.value : { outcomes: [workerFailure(reply.message)], sources: [] };
  });
  const local = await compileAndWrite(files, job, 'stream', claims);
  onOwnReport?.(local);
  return recompileClusters(files, [local, ...(await Promise.all(workers))], job);
}

function workerFailure(message: string): ObjectOutcome {
  return { name: '', ok: false, diagnostics: [diagnostic('PF901', `internal error in a compile worker: ${message}`)], dependencies: [], objects: [], outputs: [] };
}

/** One entry per object (the first list naming it wins; nameless failures all kept), sorted by name. */
export function mergeOutcomes<T extends { readonly name: string }>(lists: ReadonlyArray<readonly T[]>): T[] {
  const byObject = new Map<string, T>();
  const unnamed: T[] = [];
  for (const list of lists) {
    for (const o of list) {
      if (o.name === '') unnamed.push(o);
      else if (!byObject.has(o.name)) byObject.set(o.name, o);
    }
  }
  return [...unnamed, ...[...byObject.values()].sort(byName)];
}

/**
 * Merges the threads' reports, then recompiles, in one run in this thread, the requested
 * files of every cluster of referencing objects and of every failed object.
 */
async function recompileClusters(files: readonly string[], reports: readonly BatchReport[], job: CompileJob): Promise<BatchReport> {
  const merged = mergeOutcomes(reports.map((r) => r.outcomes));
  const sources = reports.flatMap((r) => r.sources);
  const clustered = clusteredObjects(merged);
  for (const o of merged) if (!o.ok) clustered.add(o.name);
  if (clustered.size === 0) return { outcomes: merged, sources };
  const byFile = new Map(merged.filter((o) => o.file !== undefined).map((o) => [path.resolve(o.file!), o.name]));
  const again = files.filter((f) => clustered.has(byFile.get(path.resolve(f)) ?? ''));
  if (again.length === 0) return { outcomes: merged, sources };
  const redone = await compileAndWrite(again, job, 'batch');
  return { outcomes: mergeOutcomes([redone.outcomes, merged]), sources: [...sources, ...redone.sources] };
}

/** Names of the objects that read, or are read by, another object through external references. */
export function clusteredObjects(outcomes: ReadonlyArray<{ readonly name: string; readonly objects?: readonly string[] }>): Set<string> {
  const linked = new Set<string>();
  for (const o of outcomes) {
    for (const other of o.objects ?? []) {
      linked.add(o.name);
      linked.add(other);
    }
  }
  return linked;
}
