/**
 * Compiles a list of object template files in this thread and writes the outputs of every
 * object that compiled: the unit of work of `compile`, run in-process or by each worker thread
 * of the pool. Returns one outcome per object reached (requested or read through an external
 * path), sorted by name, with the size and modification time of each output written, and,
 * when the job asks, the state of each source file as the run read it.
 */
import { DiagnosticError, diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { CompileRequest, ObjectResult, SourceRead } from '../pan/compiler-api.js';
import { parseFormats, type OutputFormat } from '../output/formats.js';
import { isSuccessful, outputPath } from '../output/write.js';
import { claimer } from './claims.js';
import { synchronousSink, threadedSink, type OutputSink, type SinkReport, type WriteFailure } from './output-sink.js';
import { byName, type BatchReport, type CompileJob, type ObjectOutcome, type WrittenOutput } from './job.js';

/**
 * Compiles `files` (sorted) with the job's options and writes their outputs. `stream` writes
 * each object's outputs as soon as it is validated and lets it go (`compileEach`: memory stays
 * flat); `batch` is one `compile` call, whose results the stream's equal except for objects
 * linked through external paths and failed objects (see pool.ts, which compiles those again
 * in `batch` mode). With a claim table (stream mode), only the files this thread claims first
 * are built (see claims.ts).
 */
export async function compileAndWrite(files: readonly string[], job: CompileJob, mode: 'stream' | 'batch', claims?: SharedArrayBuffer): Promise<BatchReport> {
  const sources: SourceRead[] = [];
  if (files.length === 0) return { outcomes: [], sources };
  const formats = resolveFormats(job.formatKeys);
  const { compile, compileEach } = await import('../pan/compiler.js');
  const sink = files.length >= THREADED_SINK_MIN_FILES ? threadedSink() : synchronousSink();
  const outcomes: ObjectOutcome[] = [];
  const targets: OutputTargets = [];
  const write = (result: ObjectResult): void => void outcomes.push(writeOne(result, formats, job, sink, targets));
  const request: CompileRequest = {
    files,
    options: job.options,
    ...(job.recordSources === true ? { onSourceRead: (read: SourceRead) => void sources.push(read) } : {}),
    ...(claims !== undefined && mode === 'stream' ? { claim: claimer(claims) } : {}),
  };
  if (mode === 'stream') {
    const streamed = await compileSafely(async (r) => {
      await compileEach(r, write);
      return [];
    }, request);
    streamed.forEach(write);
  } else {
    (await compileSafely(compile, request)).sort(byName).forEach(write);
  }
  const report = await sink.finish();
  recordTimes(targets, report);
  return { outcomes: withWriteFailures(outcomes, report.failures).sort(byName), sources };
}

/** Each output handed to the sink, with the file it goes to. */
type OutputTargets = Array<{ output: { mtimeMs?: number }; target: string }>;

/** Sets the modification time the sink reported on each output written. */
function recordTimes(targets: OutputTargets, report: SinkReport): void {
  for (const { output, target } of targets) {
    const mtimeMs = report.written.get(target);
    if (mtimeMs !== undefined) output.mtimeMs = mtimeMs;
  }
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

/**
 * Renders the outputs of one result (when it compiled), hands them to the sink and returns its
 * outcome (each output is added to `targets`).
 */
function writeOne(result: ObjectResult, formats: readonly OutputFormat[], job: CompileJob, sink: OutputSink, targets: OutputTargets): ObjectOutcome {
  const diagnostics: Diagnostic[] = [...result.diagnostics];
  const outputs: WrittenOutput[] = [];
  let ok = isSuccessful(result);
  if (ok) {
    try {
      const rendered = { profile: result.profile!, dependencies: result.dependencies };
      for (const format of formats) {
        const data = format.render(rendered);
        const target = outputPath(job.outputDir, result.name, format);
        sink.write(result.name, target, data);
        const output: { suffix: string; size: number; mtimeMs?: number } = { suffix: format.suffix, size: data.length };
        targets.push({ output, target });
        outputs.push(output);
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
