/**
 * Crash-safe file replacement: the new bytes go to a temporary file in the same directory
 * (named with the deploy temp prefix, so it is a dotfile the server never serves), are flushed
 * with fsync, and the temporary file is renamed over the target. A crash at any point leaves
 * the target either old or new; at worst a temporary file remains for the next deploy to remove.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, fchmodSync, fsync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { open } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { TEMP_PREFIX } from './paths.js';

const fsyncAsync = promisify(fsync);

/** A fresh temporary name next to `target`. */
export function tempPathFor(target: string): string {
  return path.join(path.dirname(target), `${TEMP_PREFIX}${process.pid}-${randomBytes(6).toString('hex')}`);
}

/**
 * Replaces `target` by `bytes` with permission bits `mode`, atomically. The directory entry is
 * durable only after the caller fsyncs the directory (see `fsyncDirectory`). Only the fsync goes
 * to the thread pool (it is the one slow call), so several writes in flight overlap their
 * flushes; creating, writing and renaming are quick synchronous calls.
 */
export async function writeFileAtomic(target: string, bytes: Uint8Array, mode: number): Promise<void> {
  const temp = tempPathFor(target);
  const fd = openSync(temp, 'wx', mode);
  try {
    try {
      for (let written = 0; written < bytes.length; ) written += writeSync(fd, bytes, written, bytes.length - written);
      fchmodSync(fd, mode);
      await fsyncAsync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, target);
  } catch (err) {
    try {
      unlinkSync(temp);
    } catch {
      // already gone
    }
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
