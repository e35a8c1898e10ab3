/**
 * The deploy lock, `.panfab/lock`: one deploy at a time per deployed tree. The lock file holds
 * the owner's pid, host name and start time, and appears with its full content at once (written
 * to a temporary file, then hard-linked into place, which fails if a lock exists). A lock whose
 * process is gone (same host, pid no longer running) is stale and is broken; any other lock is
 * reported with who holds it.
 */
import { randomBytes } from 'node:crypto';
import { link, mkdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { fileSpan, resolveIn, STATE_DIR, TEMP_PREFIX } from './paths.js';

/** Lock file, relative to the deployed root. */
export const LOCK_PATH = `${STATE_DIR}/lock`;

/** What a lock file says about its holder. */
export interface LockInfo {
  readonly pid: number;
  readonly hostname: string;
  /** ISO time at which the holder took the lock. */
  readonly startedAt: string;
}

/** A held lock. */
export interface HeldLock {
  readonly info: LockInfo;
  /** Removes the lock file if it is still this process's. */
  release(): Promise<void>;
}

export type LockResult =
  | { ok: true; lock: HeldLock; diagnostics: Diagnostic[] }
  | { ok: false; diagnostics: Diagnostic[] };

const ATTEMPTS = 3;
/** Lock files this process holds (a lock naming this pid that is not among them is a leftover of an earlier process). */
const held = new Set<string>();

/** Takes the lock of the tree at `root`, breaking a stale one. */
export async function acquireLock(root: string): Promise<LockResult> {
  const file = resolveIn(root, LOCK_PATH);
  const diagnostics: Diagnostic[] = [];
  try {
    await mkdir(resolveIn(root, STATE_DIR), { recursive: true });
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      const info: LockInfo = { pid: process.pid, hostname: os.hostname(), startedAt: new Date().toISOString() };
      if (await createLockFile(root, file, info)) return { ok: true, lock: heldLock(file, info), diagnostics };
      const holder = await readLockInfo(file);
      if (holder === 'absent') continue;
      if (holder === undefined || !isStale(holder, file)) return { ok: false, diagnostics: [lockedDiagnostic(file, holder)] };
      if (await breakStaleLock(root, file, holder)) {
        diagnostics.push(diagnostic('PF609', `removed the stale lock of pid ${holder.pid} (started ${holder.startedAt}), which is no longer running`, fileSpan(file)));
      }
    }
  } catch (err) {
    return { ok: false, diagnostics: [diagnostic('PF608', `cannot create the lock ${file}: ${(err as Error).message}`, fileSpan(file))] };
  }
  return { ok: false, diagnostics: [lockedDiagnostic(file, undefined)] };
}

/** Creates the lock file with its content in one step; false if a lock already exists. */
async function createLockFile(root: string, file: string, info: LockInfo): Promise<boolean> {
  const temp = resolveIn(root, `${STATE_DIR}/${TEMP_PREFIX}${process.pid}-${randomBytes(6).toString('hex')}`);
  await writeFile(temp, JSON.stringify(info) + '\n', { flag: 'wx' });
  try {
    await link(temp, file);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  } finally {
    await unlink(temp).catch(() => undefined);
  }
}

/** The holder named by a lock file; `absent` if there is none, undefined if it is unreadable. */
export async function readLockInfo(file: string): Promise<LockInfo | 'absent' | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'absent' : undefined;
  }
  try {
    const data = JSON.parse(text) as Partial<LockInfo>;
    if (Number.isInteger(data.pid) && typeof data.hostname === 'string' && typeof data.startedAt === 'string') return data as LockInfo;
  } catch {
    // an unreadable lock is reported as held by an unknown process
  }
  return undefined;
}

/** True when a process with this pid is running on this machine. */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A lock is stale when it was taken on this host by a process that no longer runs. */
function isStale(holder: LockInfo, file: string): boolean {
  if (holder.hostname !== os.hostname()) return false;
  if (holder.pid === process.pid) return !held.has(file);
  return !processAlive(holder.pid);
}

/**
 * Moves the stale lock aside and removes it. If what was moved is not the stale lock (another
 * deploy replaced it meanwhile), it is linked back and nothing is removed.
 */
async function breakStaleLock(root: string, file: string, stale: LockInfo): Promise<boolean> {
  const aside = resolveIn(root, `${STATE_DIR}/${TEMP_PREFIX}${process.pid}-stale-lock`);
  try {
    await rename(file, aside);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw err;
  }
  const moved = await readLockInfo(aside);
  const same = typeof moved === 'object' && moved.pid === stale.pid && moved.startedAt === stale.startedAt;
  if (!same) await link(aside, file).catch(() => undefined);
  await unlink(aside).catch(() => undefined);
  return same;
}

function heldLock(file: string, info: LockInfo): HeldLock {
  held.add(file);
  return {
    info,
    async release() {
      held.delete(file);
      const current = await readLockInfo(file);
      if (typeof current === 'object' && current.pid === info.pid && current.startedAt === info.startedAt) await unlink(file);
    },
  };
}

function lockedDiagnostic(file: string, holder: LockInfo | undefined): Diagnostic {
  const who = holder ? `pid ${holder.pid} on ${holder.hostname} since ${holder.startedAt}` : 'an unknown process (the lock file is unreadable)';
  return diagnostic('PF601', `another deploy holds the lock: ${who}; if no deploy is running, remove ${file}`, fileSpan(file));
}
