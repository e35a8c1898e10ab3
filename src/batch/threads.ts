/**
 * Worker threads for batch compiles: how many to use, and one worker run (start the compiled
 * worker module with its input, relay its progress, resolve with its reply). A worker that fails or exits early resolves with an error message instead.
 */
import { existsSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { WorkerInput, WorkerMessage } from './worker.js';

/**
 * Below this many files per thread, extra threads cost more than they save (default thread
 * count only). One compiling thread already keeps about one and a half cores busy (V8's
 * background compiler and garbage collector, the output writer), and each worker first spends
 * about half a second of processor time starting up and warming up its JIT. Measured on two
 * cores: one thread is about 7 % faster at 5,250 files, two threads about 15 % faster at
 * 10,500; the two cross at about 6,000.
 */
export const MIN_FILES_PER_THREAD = 3000;

/** The default thread count: the machine's cores, fewer when there is little to compile. */
export function defaultThreads(fileCount: number): number {
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  return Math.max(1, Math.min(cores, Math.floor(fileCount / MIN_FILES_PER_THREAD)));
}

/** Runs one worker to completion: its final payload, or the message of its failure. */
export function runWorker<T>(input: WorkerInput, onProgress?: () => void): Promise<{ ok: true; value: T } | { ok: false; message: string }> {
  return new Promise((resolve) => {
    const worker = new Worker(workerScript(), { workerData: input });
    let settled = false;
    const settle = (r: { ok: true; value: T } | { ok: false; message: string }): void => {
      if (settled) return;
      settled = true;
      resolve(r);
    };
    worker.on('message', (m: WorkerMessage) => {
      if (m.kind === 'progress') onProgress?.();
      else if (m.kind === 'done') settle({ ok: true, value: m.value as T });
      else settle({ ok: false, message: m.message });
    });
    worker.once('error', (err) => settle({ ok: false, message: err.message }));
    worker.once('exit', (code) => settle({ ok: false, message: `worker exited with code ${code}` }));
  });
}

/**
 * The worker module next to this one; when this module runs from TypeScript sources (tests),
 * the compiled worker of the build output; when it runs from the compile bundle, the bundle's
 * loader (see bundle-loader.ts).
 */
function workerScript(): URL {
  const loader = (globalThis as { __panfabBundleLoader?: string }).__panfabBundleLoader;
  if (loader !== undefined) return new URL(loader);
  const here = new URL('./worker.js', import.meta.url);
  if (existsSync(fileURLToPath(here))) return here;
  return new URL('../../dist/src/batch/worker.js', import.meta.url);
}
