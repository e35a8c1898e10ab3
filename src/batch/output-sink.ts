/**
 * Where a compiling thread sends the output files it renders. Every file is written through a
 * temporary file renamed into place, so a reader sees the old file or the new one, never a part.
 *
 * The synchronous sink writes in the compiling thread. The threaded sink hands each file to a
 * small writer thread and goes on compiling: creating files blocks in the kernel (the file
 * system's journal) for far longer than it uses the processor, and that waiting then overlaps
 * the compilation of the next objects. The bytes waiting for the writer are bounded: past
 * `MAX_PENDING_BYTES` the compiling thread waits for the writer to catch up. Failures are
 * reported per object when the sink is finished.
 */
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { threadId, Worker } from 'node:worker_threads';

/** An output file that could not be written, with the object it belongs to. */
export interface WriteFailure {
  readonly owner: string;
  readonly target: string;
  readonly reason: string;
}

/** Receives the output files of a compile run. */
export interface OutputSink {
  /** Writes `data` to `target` (now or later); `owner` names the object it belongs to. */
  write(owner: string, target: string, data: Uint8Array): void;
  /** Waits until every file is written; resolves with the files that could not be. */
  finish(): Promise<WriteFailure[]>;
}

/** Bytes handed to the writer thread and not yet written, beyond which the compiling thread waits. */
export const MAX_PENDING_BYTES = 64 * 1024 * 1024;

let temporaries = 0;

/** The temporary name `target` is written under before the rename (unique per process, thread and file). */
export function temporaryName(target: string, thread: number = threadId): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${thread}.${++temporaries}.tmp`);
}

/**
 * Writes `data` to `target` through `temporary` renamed into place, creating the directory
 * when needed (`made` remembers the directories created); throws the file system's error after
 * removing the temporary file.
 */
export function writeThroughTemporary(target: string, temporary: string, data: Uint8Array, made: Set<string>): void {
  const dir = path.dirname(target);
  try {
    if (!made.has(dir)) {
      mkdirSync(dir, { recursive: true });
      made.add(dir);
    }
    try {
      writeFileSync(temporary, data);
    } catch (err) {
      // The directory may have been removed since it was created.
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      mkdirSync(dir, { recursive: true });
      writeFileSync(temporary, data);
    }
    renameSync(temporary, target);
  } catch (err) {
    rmSync(temporary, { force: true });
    throw err;
  }
}

function reasonOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** A sink writing each file at once, in the calling thread. */
export function synchronousSink(): OutputSink {
  const made = new Set<string>();
  const failures: WriteFailure[] = [];
  return {
    write(owner, target, data) {
      try {
        writeThroughTemporary(target, temporaryName(target), data, made);
      } catch (err) {
        failures.push({ owner, target, reason: reasonOf(err) });
      }
    },
    finish: () => Promise.resolve(failures),
  };
}

/** A message from the compiling thread to its writer thread. */
export type WriterRequest =
  | { readonly kind: 'write'; readonly owner: string; readonly target: string; readonly temporary: string; readonly data: Uint8Array }
  | { readonly kind: 'end' };

/** The writer thread's reply to `end`. */
export interface WriterReply {
  readonly kind: 'ended';
  readonly failures: readonly WriteFailure[];
}

/** A sink handing files to a writer thread (see the module comment). */
export function threadedSink(): OutputSink {
  const pending = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
  const writer = new Worker(writerScript(), { workerData: { pending: pending.buffer } });
  const written: Array<{ owner: string; target: string }> = [];
  const ended = new Promise<WriteFailure[]>((resolve) => {
    let settled = false;
    const settle = (failures: WriteFailure[]): void => {
      if (!settled) resolve(failures);
      settled = true;
    };
    writer.on('message', (m: WriterReply) => settle([...m.failures]));
    const lost = (reason: string): void => settle(written.map(({ owner, target }) => ({ owner, target, reason })));
    writer.once('error', (err) => lost(`the output writer failed: ${err.message}`));
    writer.once('exit', (code) => lost(`the output writer exited with code ${code}`));
  });
  return {
    write(owner, target, data) {
      while (Atomics.load(pending, 0) > MAX_PENDING_BYTES) Atomics.wait(pending, 0, Atomics.load(pending, 0), 1000);
      const copy = new Uint8Array(data);
      Atomics.add(pending, 0, copy.byteLength);
      written.push({ owner, target });
      const request: WriterRequest = { kind: 'write', owner, target, temporary: temporaryName(target), data: copy };
      writer.postMessage(request, [copy.buffer]);
    },
    finish() {
      writer.postMessage({ kind: 'end' } satisfies WriterRequest);
      return ended;
    },
  };
}

/**
 * The writer thread's module: next to this one in the build output, or the bundle's own copy
 * when this module runs from the compile bundle (see scripts/bundle.mjs).
 */
function writerScript(): URL {
  const bundle = (globalThis as { __panfabBundleLoader?: string }).__panfabBundleLoader;
  if (bundle !== undefined) return new URL('../../bundle/output-writer.cjs', bundle);
  const here = new URL('./output-writer.js', import.meta.url);
  if (existsSync(fileURLToPath(here))) return here;
  return new URL('../../dist/src/batch/output-writer.js', import.meta.url);
}
