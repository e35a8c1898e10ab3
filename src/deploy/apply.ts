/**
 * Applies a plan to a deployed tree, so that a crash at any instant leaves every managed file
 * either in its old or its new version and the next deploy converges:
 *
 * 1. the manifest the deploy will commit is first written as a journal (`.panfab/pending.json`);
 * 2. removed files are deleted, changed and added files are replaced atomically (temp file in the
 *    same directory, fsync, rename), a bounded number at a time;
 * 3. every touched directory is fsynced, so the renames are durable before the manifest;
 * 4. the manifest is replaced atomically and the journal removed.
 *
 * Files the plan does not manage (unmanaged, conflicts) are never opened for writing or deleted.
 */
import { mkdirSync } from 'node:fs';
import { mkdir, unlink } from 'node:fs/promises';
import path from 'node:path';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { forEachLimited, fsyncDirectory, writeFileAtomic } from './atomic.js';
import type { GeneratedSet } from './generated.js';
import { MANIFEST_PATH, PENDING_PATH, writeManifestFile, type Manifest } from './manifest.js';
import { fileSpan, isTempName, parentDirs, resolveIn, STATE_DIR } from './paths.js';
import type { Plan, PlanEntry } from './plan.js';
import { processAlive } from './lock.js';

/** Files written or deleted concurrently. */
const WRITE_CONCURRENCY = 16;

export interface ApplyCounts {
  readonly written: number;
  readonly deleted: number;
}

export type ApplyResult = { ok: true; counts: ApplyCounts } | { ok: false; counts: ApplyCounts; diagnostics: Diagnostic[] };

/** Diagnostics for the entries a deploy refuses: drift (unless forced) and conflicts with unmanaged files. */
export function refusals(plan: Plan, root: string, force: boolean): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const e of plan.entries) {
    const file = resolveIn(root, e.path);
    if (e.status === 'drifted' && !force) {
      out.push(diagnostic('PF600', `${e.path} was changed by hand since the last deploy (${e.reason}); refusing to ${e.action === 'delete' ? 'delete' : 'overwrite'} it without --force`, fileSpan(file)));
    } else if (e.status === 'conflict') {
      out.push(diagnostic('PF605', `${e.path} is not managed by panfab (${e.reason}) and differs from the generated file; move it away to let panfab manage it`, fileSpan(file)));
    }
  }
  return out;
}

/** Warnings for drifted files a forced deploy overwrites or deletes. */
export function forcedWarnings(plan: Plan, root: string): Diagnostic[] {
  return plan.entries
    .filter((e) => e.status === 'drifted')
    .map((e) => diagnostic('PF611', `${e.action === 'delete' ? 'deleting' : 'overwriting'} ${e.path}, changed by hand since the last deploy (${e.reason})`, fileSpan(resolveIn(root, e.path))));
}

/** Writes the journal, applies every write and delete of the plan, then commits `target` as the manifest. */
export async function applyPlan(root: string, plan: Plan, generated: GeneratedSet, target: Manifest): Promise<ApplyResult> {
  const counts = { written: 0, deleted: 0 };
  const stateDir = resolveIn(root, STATE_DIR);
  try {
    await onPath(stateDir, async () => {
      await mkdir(stateDir, { recursive: true });
      await writeManifestFile(root, target, PENDING_PATH);
      await fsyncDirectory(stateDir);
    });
    const deletes = plan.entries.filter((e) => e.action === 'delete');
    const writes = plan.entries.filter((e) => e.action === 'write');
    const ensured = new Set<string>();
    await forEachLimited(deletes, WRITE_CONCURRENCY, async (e) => {
      const file = resolveIn(root, e.path);
      await onPath(file, () => unlink(file).catch(ignoreMissing));
      counts.deleted++;
    });
    await forEachLimited(writes, WRITE_CONCURRENCY, async (e) => {
      const g = generated.get(e.path)!;
      const file = resolveIn(root, e.path);
      await onPath(file, async () => {
        const parent = path.dirname(file);
        if (!ensured.has(parent)) {
          mkdirSync(parent, { recursive: true });
          ensured.add(parent);
        }
        await writeFileAtomic(file, g.bytes, g.mode);
      });
      counts.written++;
    });
    for (const dir of touchedDirectories(root, [...deletes, ...writes])) await onPath(dir, () => fsyncDirectory(dir));
    await onPath(resolveIn(root, MANIFEST_PATH), () => commitManifest(root, target));
  } catch (err) {
    const failure = err instanceof PathFailure ? err : new PathFailure(root, err);
    return { ok: false, counts, diagnostics: [diagnostic('PF608', `cannot write ${failure.file}: ${failure.message}`, fileSpan(failure.file))] };
  }
  return { ok: true, counts };
}

/** An I/O failure tagged with the file it concerns. */
class PathFailure extends Error {
  constructor(
    readonly file: string,
    cause: unknown,
  ) {
    const message = (cause as { message?: unknown } | undefined)?.message;
    super(typeof message === 'string' ? message : String(cause));
  }
}

async function onPath<T>(file: string, action: () => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (err) {
    throw err instanceof PathFailure ? err : new PathFailure(file, err);
  }
}

/** Replaces the manifest by `manifest` and drops the journal (used to persist a recovered state). */
export async function commitManifest(root: string, manifest: Manifest): Promise<void> {
  await mkdir(resolveIn(root, STATE_DIR), { recursive: true });
  await writeManifestFile(root, manifest, MANIFEST_PATH);
  await unlink(resolveIn(root, PENDING_PATH)).catch(ignoreMissing);
  await fsyncDirectory(resolveIn(root, STATE_DIR));
}

/** Every directory that holds a touched file, up to the root, deepest first. */
function touchedDirectories(root: string, entries: readonly PlanEntry[]): string[] {
  const dirs = new Set<string>(['']);
  for (const e of entries) for (const d of parentDirs(e.path)) dirs.add(d);
  return [...dirs]
    .sort((a, b) => b.split('/').length - a.split('/').length || (a < b ? -1 : a > b ? 1 : 0))
    .map((d) => (d === '' ? root : resolveIn(root, d)));
}

/**
 * Removes temporary files left by interrupted deploys (in the tree and in `.panfab/`), except those
 * of a process that is still running. Returns how many were removed.
 */
export async function removeStaleTempFiles(root: string, treeTemps: readonly string[], stateDirNames: readonly string[]): Promise<number> {
  const candidates = [...treeTemps, ...stateDirNames.filter(isTempName).map((n) => `${STATE_DIR}/${n}`)];
  let removed = 0;
  for (const rel of candidates) {
    const pid = /^\.panfab-tmp-(\d+)-/.exec(path.posix.basename(rel))?.[1];
    if (pid !== undefined && Number(pid) !== process.pid && processAlive(Number(pid))) continue;
    await unlink(resolveIn(root, rel)).catch(ignoreMissing);
    removed++;
  }
  return removed;
}

function ignoreMissing(err: NodeJS.ErrnoException): void {
  if (err.code !== 'ENOENT') throw err;
}

