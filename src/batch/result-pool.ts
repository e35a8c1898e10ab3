/**
 * The compiler's results (profiles and provenance included) computed on several threads, for
 * callers that work on the profiles themselves, like the site pipeline. The threads claim the
 * files from one shared table as in pool.ts; workers send their results back by structured clone and the profiles
 * are turned back into PanDict/PanList trees here. As in pool.ts, objects linked by external
 * references and failed objects are compiled once more, together, in this thread, so the
 * results equal those of one `compile` call over all files.
 */
import path from 'node:path';
import { diagnostic } from '../diagnostics/diagnostic.js';
import type { CompileOptions, ObjectResult } from '../pan/compiler-api.js';
import { PanDict, PanList, type Value } from '../pan/element.js';
import { isSuccessful } from '../output/write.js';
import { clusteredObjects, mergeOutcomes } from './pool.js';
import { claimer, claimTable } from './claims.js';
import { runWorker } from './threads.js';

/** Compiles `files` on `threads` threads (1 = this thread only); results sorted by name. */
export async function compileResults(
  files: readonly string[],
  options: CompileOptions,
  threads: number,
  onFileBuilt?: (done: number, total: number) => void,
): Promise<ObjectResult[]> {
  const { compile } = await import('../pan/compiler.js');
  const sorted = [...files].sort();
  let done = 0;
  const progress = (): void => onFileBuilt?.(++done, sorted.length);
  const workerCount = Math.max(0, Math.min(threads, sorted.length) - 1);
  if (workerCount === 0) return compile({ files: sorted, options, onFileBuilt: progress });
  const claims = claimTable(sorted.length);
  const workers = Array.from({ length: workerCount }, async () => {
    const reply = await runWorker<ObjectResult[]>({ kind: 'results', files: sorted, options, claims }, progress);
    if (!reply.ok) return [{ name: '', diagnostics: [diagnostic('PF901', `internal error in a compile worker: ${reply.message}`)], dependencies: [] }];
    return reply.value.map(revive);
  });
  const local = await compile({ files: sorted, options, onFileBuilt: progress, claim: claimer(claims) });
  const merged = mergeOutcomes([local, ...(await Promise.all(workers))]);
  const again = filesToRedo(sorted, merged);
  if (again.length === 0) return merged;
  return mergeOutcomes([await compile({ files: again, options }), merged]);
}

/** Requested files of objects linked through external references, and of failed objects. */
function filesToRedo(files: readonly string[], results: readonly ObjectResult[]): string[] {
  const redo = clusteredObjects(results);
  for (const r of results) if (!isSuccessful(r) && r.name !== '') redo.add(r.name);
  if (redo.size === 0) return [];
  const byFile = new Map(results.filter((r) => r.file !== undefined).map((r) => [path.resolve(r.file!), r.name]));
  return files.filter((f) => redo.has(byFile.get(path.resolve(f)) ?? ''));
}

/** A result as received from a worker, with its profile made of PanDict/PanList again. */
function revive(r: ObjectResult): ObjectResult {
  return r.profile === undefined ? r : { ...r, profile: reviveValue(r.profile) as PanDict };
}

/**
 * Structured clone keeps the fields of PanDict ({map}) and PanList ({items}) but not their
 * classes. (The clone may come from another realm than this module's `Map`: no instanceof.)
 */
function reviveValue(v: unknown): Value {
  if (v === null || typeof v !== 'object') return v as Value;
  const o = v as { map?: Map<string, unknown>; items?: unknown[] };
  if (o.map !== undefined && Object.prototype.toString.call(o.map) === '[object Map]') {
    const map = new Map<string, Value>();
    for (const [k, x] of o.map) map.set(k, reviveValue(x));
    return new PanDict(map);
  }
  return new PanList((o.items ?? []).map(reviveValue));
}
