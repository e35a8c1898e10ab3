/**
 * Where a compiling thread sends the output files it renders. Every file is written through a
 * temporary file renamed into place, so a reader sees the old file or the new one, never a part.
 *
 * The synchronous sink writes in the compiling thread. The threaded sink hands each file to a
 * small writer thread and goes on compiling: creating files blocks in the kernel (the file
 * system's journal) for far longer than it uses the processor, and that waiting then overlaps
 * the compilation of the next objects. The bytes waiting for the writer are bounded: past
 * `MAX_PENDING_BYTES` the compiling thread waits for the writer to catch up. Files travel in
 * batches (one message per batch). Failures are
 * reported per object when the sink is finished.
 */
import { closeSync, existsSync, fstatSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { threadId, Worker } from 'node:worker_threads';
import { prefixBelow } from '../source/plain-path.js';

/** An output file that could not be written, with the object it belongs to. */
export interface WriteFailure {
  readonly owner: string;
  readonly target: string;
  readonly reason: string;
}

/** What a sink reports when it is finished. */
export interface SinkReport {
  /** The files that could not be written. */
  readonly failures: WriteFailure[];
  /** The modification time of each file written, by target. */
  readonly written: Map<string, number>;
}

/** Receives the output files of a compile run. */
export interface OutputSink {
  /** Writes `data` to `target` (now or later); `owner` names the object it belongs to. */
  write(owner: string, target: string, data: Uint8Array): void;
  /** Waits until every file is written; resolves with the failures and the times of the files written. */
  finish(): Promise<SinkReport>;
}

/** Bytes handed to the writer thread and not yet written, beyond which the compiling thread waits. */
export const MAX_PENDING_BYTES = 64 * 1024 * 1024;

let temporaries = 0;

/** The temporary name `target` is written under before the rename (unique per process, thread and file). */
export function temporaryName(target: string, thread: number = threadId): string {
  return prefixBelow(path.dirname(target)) + `.${path.basename(target)}.${process.pid}.${thread}.${++temporaries}.tmp`;
}

/**
 * Writes `data` to `target` through `temporary` renamed into place, creating the directory
 * when needed (`made` remembers the directories created), and returns the file's modification
 * time; throws the file system's error after removing the temporary file.
 */
export function writeThroughTemporary(target: string, temporary: string, data: Uint8Array, made: Set<string>): number {
  const dir = path.dirname(target);
  try {
    if (!made.has(dir)) {
      mkdirSync(dir, { recursive: true });
      made.add(dir);
    }
    let mtimeMs: number;
    try {
      mtimeMs = writeFileReturningTime(temporary, data);
    } catch (err) {
      // The directory may have been removed since it was created.
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      mkdirSync(dir, { recursive: true });
      mtimeMs = writeFileReturningTime(temporary, data);
    }
    renameSync(temporary, target);
    return mtimeMs;
  } catch (err) {
    rmSync(temporary, { force: true });
    throw err;
  }
}

/** Creates (or truncates) `file` with `data`; returns its modification time after the write. */
function writeFileReturningTime(file: string, data: Uint8Array): number {
  const fd = openSync(file, 'w');
  try {
    let done = 0;
    while (done < data.byteLength) done += writeSync(fd, data, done, data.byteLength - done);
    return fstatSync(fd).mtimeMs;
  } finally {
    closeSync(fd);
  }
}

function reasonOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** A sink writing each file at once, in the calling thread. */
export function synchronousSink(): OutputSink {
  const made = new Set<string>();
  const failures: WriteFailure[] = [];
  const written = new Map<string, number>();
  return {
    write(owner, target, data) {
      try {
        written.set(target, writeThroughTemporary(target, temporaryName(target), data, made));
      } catch (err) {
        failures.push({ owner, target, reason: reasonOf(err) });
      }
    },
    finish: () => Promise.resolve({ failures, written }),
  };
}

/** One file of a batch: where it goes, and its bytes in the batch's buffer. */
export interface BatchedFile {
  readonly owner: string;
  readonly target: string;
  readonly temporary: string;
  readonly start: number;
  readonly end: number;
}

/** A message from the compiling thread to its writer thread. */
export type WriterRequest =
  | { readonly kind: 'write'; readonly buffer: ArrayBuffer; readonly files: readonly BatchedFile[] }
  | { readonly kind: 'end' };

/** The writer thread's reply to `end`. */
export interface WriterReply {
  readonly kind: 'ended';
  readonly failures: WriteFailure[];
  /** Targets written and their modification times, in pairs. */
  readonly written: Array<string | number>;
}

/**
 * Files are handed over in batches (one message per batch: each message costs a wake-up of
 * the writer, tens of microseconds): a batch goes when it holds this many bytes or files, and
 * when the sink is finished.
 */
const BATCH_BYTES = 256 * 1024;
const BATCH_FILES = 32;

/** Output files collected in one buffer, to be sent to the writer together. */
class Batch {
  readonly files: BatchedFile[] = [];
  readonly buffer: ArrayBuffer;
  used = 0;

  constructor(capacity: number) {
    // Not zero-filled: every byte sent is written by `add` first.
    this.buffer = Buffer.allocUnsafeSlow(capacity).buffer as ArrayBuffer;
  }

  /** True when `size` more bytes fit and the batch is not full. */
  fits(size: number): boolean {
    return this.files.length < BATCH_FILES && this.used + size <= this.buffer.byteLength;
  }

  add(owner: string, target: string, data: Uint8Array): void {
    new Uint8Array(this.buffer, this.used, data.byteLength).set(data);
    this.files.push({ owner, target, temporary: temporaryName(target), start: this.used, end: this.used + data.byteLength });
    this.used += data.byteLength;
  }
}

/**
 * Detaches an empty buffer once per thread. The first detached buffer (the first batch sent)
 * makes V8 throw away the optimised code of every function reading a typed array, compiled
 * until then on the assumption that no buffer is ever detached; detaching one before compiling
 * starts spares that second compilation.
 */
function detachOnce(): void {
  if (detached) return;
  detached = true;
  const buffer = new ArrayBuffer(0);
  structuredClone(buffer, { transfer: [buffer] });
}

let detached = false;

/** A sink handing files to a writer thread (see the module comment). */
export function threadedSink(): OutputSink {
  detachOnce();
  const pending = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
  const writer = new Worker(writerScript(), { workerData: { pending: pending.buffer } });
  const written: Array<{ owner: string; target: string }> = [];
  const ended = new Promise<SinkReport>((resolve) => {
    let settled = false;
    const settle = (report: SinkReport): void => {
      if (!settled) resolve(report);
      settled = true;
    };
    writer.on('message', (m: WriterReply) => settle({ failures: m.failures, written: pairsToMap(m.written) }));
    const lost = (reason: string): void => settle({ failures: written.map(({ owner, target }) => ({ owner, target, reason })), written: new Map() });
    writer.once('error', (err) => lost(`the output writer failed: ${err.message}`));
    writer.once('exit', (code) => lost(`the output writer exited with code ${code}`));
  });
  let batch: Batch | undefined;
  const send = (): void => {
    if (batch === undefined || batch.files.length === 0) return;
    while (Atomics.load(pending, 0) > MAX_PENDING_BYTES) Atomics.wait(pending, 0, Atomics.load(pending, 0), 1000);
    Atomics.add(pending, 0, batch.buffer.byteLength);
    const request: WriterRequest = { kind: 'write', buffer: batch.buffer, files: batch.files };
    writer.postMessage(request, [batch.buffer]);
    batch = undefined;
  };
  return {
    write(owner, target, data) {
      if (batch !== undefined && !batch.fits(data.byteLength)) send();
      batch ??= new Batch(Math.max(BATCH_BYTES, data.byteLength));
      batch.add(owner, target, data);
      written.push({ owner, target });
    },
    finish() {
      send();
      writer.postMessage({ kind: 'end' } satisfies WriterRequest);
      return ended;
    },
  };
}

function pairsToMap(pairs: ReadonlyArray<string | number>): Map<string, number> {
  const map = new Map<string, number>();
  for (let i = 0; i < pairs.length; i += 2) map.set(pairs[i] as string, pairs[i + 1] as number);
  return map;
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
