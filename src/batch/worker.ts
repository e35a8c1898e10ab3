/**
 * Entry point of a compile worker thread: compiles the files it was given (workerData) with the
 * job's options, writes their outputs, and posts back the outcomes (see pool.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { CompileJob, ObjectOutcome } from './job.js';
import { compileAndWrite } from './run-objects.js';

/** What the pool sends a worker. */
export interface WorkerInput {
  readonly files: readonly string[];
  readonly job: CompileJob;
}

/** What a worker sends back. */
export type WorkerReply = { readonly ok: true; readonly outcomes: ObjectOutcome[] } | { readonly ok: false; readonly message: string };

const input = workerData as WorkerInput;
compileAndWrite(input.files, input.job).then(
  (outcomes) => parentPort!.postMessage({ ok: true, outcomes } satisfies WorkerReply),
  (err: unknown) => parentPort!.postMessage({ ok: false, message: err instanceof Error ? (err.stack ?? err.message) : String(err) } satisfies WorkerReply),
);
