/**
 * Compiles a list of object template files in this thread and writes the outputs of every
 * object that compiled: the unit of work of `compile`, run in-process or by each worker thread
 * of the pool. Returns one outcome per object reached (requested or read through an external
 * path), sorted by name, with the content hash of each output written.
 */
import * as crypto from 'node:crypto';
import { DiagnosticError, diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { CompileRequest, ObjectResult } from '../pan/compiler-api.js';
import { parseFormats, type OutputFormat } from '../output/formats.js';
import { isSuccessful, outputPath } from '../output/write.js';
import { claimer } from './claims.js';
import { synchronousSink, threadedSink, type OutputSink, type WriteFailure } from './output-sink.js';
import { byName, type CompileJob, type ObjectOutcome, type WrittenOutput } from './job.js';

/**
 * Compiles `files` (sorted) with the job's options and writes their outputs. `stream` writes
 * each object's outputs as soon as it is validated and lets it go (`compileEach`: memory stays
 * flat); `batch` is one `compile` call, whose results the stream's equal except for objects
 * linked through external paths and failed objects (see pool.ts, which compiles those again
 * in `batch` mode). With a claim table (stream mode), only the files this thread claims first
 * are built (see claims.ts).
 */
export async function compileAndWrite(files: readonly string[], job: CompileJob, mode: 'stream' | 'batch', claims?: SharedArrayBuffer): Promise<ObjectOutcome[]> {
  if (files.length === 0) return [];
  const formats = resolveFormats(job.formatKeys);
  const { compile, compileEach } = await import('../pan/compiler.js');
  const sink = files.length >= THREADED_SINK_MIN_FILES ? threadedSink() : synchronousSink();
  const outcomes: ObjectOutcome[] = [];
  const write = (result: ObjectResult): void => void outcomes.push(writeOne(result, formats, job, sink));
  if (mode === 'stream') {
    const request = { files, options: job.options, ...(claims !== undefined ? { claim: claimer(claims) } : {}) };
    const streamed = await compileSafely(async (r) => {
      await compileEach(r, write);
      return [];
    }, request);
    streamed.forEach(write);
  } else {
    (await compileSafely(compile, { files, options: job.options })).sort(byName).forEach(write);
  }
  return withWriteFailures(outcomes, await sink.finish()).sort(byName);
}

/** Below this many files, a writer thread costs more than the waiting it saves. */
const THREADED_SINK_MIN_FILES = 32;

/** The outcomes with every object whose outputs could not all be written marked failed (PF900). */
function withWriteFailures(outcomes: ObjectOutcome[], failures: readonly WriteFailure[]): ObjectOutcome[] {
  if (failures.length === 0) return outcomes;
  const byOwner = new Map<string, WriteFailure[]>();
  for (const f of failures) byOwner.set(f.owner, [...(byOwner.get(f.owner) ?? []), f]);
  return outcomes.map((o) => {
    const failed = byOwner.get(o.name);
    if (failed === undefined || !o.ok) return o;
    const errors = failed.map((f) => diagnostic('PF900', `cannot write output file ${f.target}: ${f.reason}`));
    return { ...o, ok: false, diagnostics: [...o.diagnostics, ...errors], outputs: [] };
  });
}

/** The formats of a job (the keys were validated by the command). */
export function resolveFormats(keys: readonly string[]): OutputFormat[] {
  const parsed = parseFormats(keys.join(','));
  if (!parsed.ok) throw new Error(`unknown output formats ${parsed.unknown.join(', ')}`);
  return parsed.formats;
}

async function compileSafely(compile: (r: CompileRequest) => Promise<ObjectResult[]>, request: CompileRequest): Promise<ObjectResult[]> {
  try {
    return await compile(request);
  } catch (err) {
    const d = err instanceof DiagnosticError ? err.diagnostic : diagnostic('PF901', `internal error: ${err instanceof Error ? err.message : String(err)}`);
    return [{ name: '', diagnostics: [d], dependencies: [] }];
  }
}

/** Renders the outputs of one result (when it compiled), hands them to the sink and returns its outcome. */
function writeOne(result: ObjectResult, formats: readonly OutputFormat[], job: CompileJob, sink: OutputSink): ObjectOutcome {
  const diagnostics: Diagnostic[] = [...result.diagnostics];
  const outputs: WrittenOutput[] = [];
  let ok = isSuccessful(result);
  if (ok) {
    try {
      const rendered = { profile: result.profile!, dependencies: result.dependencies };
      for (const format of formats) {
        const data = format.render(rendered);
        const hash = sha1Hex(data);
        sink.write(result.name, outputPath(job.outputDir, result.name, format), data);
        outputs.push({ suffix: format.suffix, hash, size: data.length });
      }
    } catch (err) {
      if (!(err instanceof DiagnosticError)) throw err;
      diagnostics.push(err.diagnostic);
      ok = false;
    }
  }
  const outcome: { -readonly [K in keyof ObjectOutcome]: ObjectOutcome[K] } = {
    name: result.name,
    ok,
    diagnostics,
    dependencies: result.dependencies,
    objects: result.objects ?? [],
    outputs: ok ? outputs : [],
  };
  if (result.file !== undefined) outcome.file = result.file;
  return outcome;
}

/** One-shot `crypto.hash` (Node 20.12+) when present: no Hash object per output. */
const oneShotHash = (crypto as { hash?: (algorithm: string, data: Buffer, encoding: 'hex') => string }).hash;

/** The content hash recorded for an output: sha1 of its bytes, in hex. */
function sha1Hex(data: Buffer): string {
  if (oneShotHash !== undefined) return oneShotHash('sha1', data, 'hex');
  return crypto.createHash('sha1').update(data).digest('hex');
}

