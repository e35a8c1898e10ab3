/**
 * Entry point of a compile worker thread. For `outputs`, it compiles its files with the job's
 * options, writes their outputs and replies with the outcomes (see pool.ts); for `results`, it
 * compiles its files and replies with the compiler's results, profiles and provenance included,
 * reporting progress after each file (see result-pool.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { withPlainSpans } from '../../grammar/line-index.js';
import type { CompileOptions } from '../pan/compiler-api.js';
import { claimer } from './claims.js';
import type { CompileJob } from './job.js';

/** What a worker is given. */
export type WorkerInput =
  | { readonly kind: 'outputs'; readonly files: readonly string[]; readonly job: CompileJob; readonly claims?: SharedArrayBuffer }
  | { readonly kind: 'results'; readonly files: readonly string[]; readonly options: CompileOptions; readonly claims?: SharedArrayBuffer };

/** What a worker posts: progress (results only), then its reply or its failure. */
export type WorkerMessage =
  | { readonly kind: 'progress' }
  | { readonly kind: 'done'; readonly value: unknown }
  | { readonly kind: 'failed'; readonly message: string };

/**
 * The worker's reply, made fit for structured cloning: spans of parsed files compute their
 * lines from their file's line index, which a clone drops, so they are made plain (for
 * outputs, only diagnostics hold spans).
 */
async function work(input: WorkerInput): Promise<unknown> {
  if (input.kind === 'outputs') {
    const { compileAndWrite } = await import('./run-objects.js');
    const report = await compileAndWrite(input.files, input.job, 'stream', input.claims);
    const outcomes = report.outcomes.map((o) => (o.diagnostics.length === 0 ? o : { ...o, diagnostics: withPlainSpans(o.diagnostics) }));
    return { ...report, outcomes };
  }
  const { compile } = await import('../pan/compiler.js');
  const claim = input.claims !== undefined ? { claim: claimer(input.claims) } : {};
  return withPlainSpans(await compile({ files: input.files, options: input.options, onFileBuilt: () => post({ kind: 'progress' }), ...claim }));
}

function post(m: WorkerMessage): void {
  parentPort!.postMessage(m);
}

if (parentPort !== null) {
  work(workerData as WorkerInput).then(
    (value) => post({ kind: 'done', value }),
    (err: unknown) => post({ kind: 'failed', message: err instanceof Error ? (err.stack ?? err.message) : String(err) }),
  );
}
