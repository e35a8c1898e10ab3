/**
 * Crash-safe file replacement: the new bytes go to a temporary file in the same directory
 * (named with the deploy temp prefix, so it is a dotfile the server never serves), are flushed
 * with fsync, and the temporary file is renamed over the target. A crash at any point leaves
 * the target either old or new; at worst a temporary file remains for the next deploy to remove.
 */
import { randomBytes } from 'node:crypto';
import { open, rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import { TEMP_PREFIX } from './paths.js';

/** A fresh temporary name next to `target`. */
export function tempPathFor(target: string): string {
  return path.join(path.dirname(target), `${TEMP_PREFIX}${process.pid}-${randomBytes(6).toString('hex')}`);
}

/**
 * Replaces `target` by `bytes` with permission bits `mode`, atomically. The directory entry is
 * durable only after the caller fsyncs the directory (see `fsyncDirectory`).
 */
export async function writeFileAtomic(target: string, bytes: Uint8Array, mode: number): Promise<void> {
  const temp = tempPathFor(target);
  const handle = await open(temp, 'wx', mode);
  try {
    try {
      await handle.writeFile(bytes);
      await handle.chmod(mode);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, target);
  } catch (err) {
    await unlink(temp).catch(() => undefined);
    throw err;
  }
}

/** Flushes a directory's entries (renames, creations, deletions) to stable storage. */
export async function fsyncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Runs `task` over `items` with at most `limit` in flight; rejects with the first failure after all settle. */
export async function forEachLimited<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  let failure: unknown;
  let failed = false;
  const worker = async () => {
    while (next < items.length && !failed) {
      const item = items[next++]!;
      try {
        await task(item);
      } catch (err) {
        if (!failed) failure = err;
        failed = true;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  if (failed) throw failure;
}
