/**
 * Compiles a list of object template files in this thread and writes the outputs of every
 * object that compiled: the unit of work of `compile`, run in-process or by each worker thread
 * of the pool. Returns one outcome per object reached (requested or read through an external
 * path), sorted by name, with the content hash of each output written.
 */
import * as crypto from 'node:crypto';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { threadId } from 'node:worker_threads';
import { DiagnosticError, diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { CompileRequest, ObjectResult } from '../pan/compiler-api.js';
import { parseFormats, type OutputFormat } from '../output/formats.js';
import { isSuccessful, outputPath } from '../output/write.js';
import { byName, type CompileJob, type ObjectOutcome, type WrittenOutput } from './job.js';

/**
 * Compiles `files` (sorted) with the job's options and writes their outputs. `stream` writes
 * each object's outputs as soon as it is validated and lets it go (`compileEach`: memory stays
 * flat); `batch` is one `compile` call, whose results the stream's equal except for objects
 * linked through external paths and failed objects (see pool.ts, which compiles those again
 * in `batch` mode).
 */
export async function compileAndWrite(files: readonly string[], job: CompileJob, mode: 'stream' | 'batch'): Promise<ObjectOutcome[]> {
  if (files.length === 0) return [];
  const formats = resolveFormats(job.formatKeys);
  const { compile, compileEach } = await import('../pan/compiler.js');
  const outcomes: ObjectOutcome[] = [];
  if (mode === 'stream') {
    const streamed = await compileSafely(async (request) => {
      await compileEach(request, (result) => outcomes.push(writeOne(result, formats, job)));
      return [];
    }, { files, options: job.options });
    for (const result of streamed) outcomes.push(writeOne(result, formats, job));
    return outcomes.sort(byName);
  }
  const results = await compileSafely(compile, { files, options: job.options });
  for (const result of results.sort(byName)) outcomes.push(writeOne(result, formats, job));
  return outcomes;
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

/** Writes the outputs of one result (when it compiled) and returns its outcome. */
function writeOne(result: ObjectResult, formats: readonly OutputFormat[], job: CompileJob): ObjectOutcome {
  const diagnostics: Diagnostic[] = [...result.diagnostics];
  const outputs: WrittenOutput[] = [];
  let ok = isSuccessful(result);
  if (ok) {
    try {
      const rendered = { profile: result.profile!, dependencies: result.dependencies };
      for (const format of formats) {
        const data = format.render(rendered);
        const hash = sha1Hex(data);
        writeSynchronously(outputPath(job.outputDir, result.name, format), data);
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

let temporaries = 0;
/** Directories this thread has created: one mkdir per directory. */
const made = new Set<string>();

/**
 * Writes an output through a temporary file renamed into place, like `writeAtomically`, but
 * synchronously: a compiling thread has nothing else to do meanwhile, and each asynchronous
 * file operation costs a hand-over to the I/O thread pool.
 */
function writeSynchronously(target: string, data: Buffer): void {
  const dir = path.dirname(target);
  const temporary = path.join(dir, `.${path.basename(target)}.${process.pid}.${threadId}.${++temporaries}.tmp`);
  try {
    if (!made.has(dir)) {
      mkdirSync(dir, { recursive: true });
      made.add(dir);
    }
    try {
      writeFileSync(temporary, data);
    } catch (err) {
      // The directory may have been removed since this thread created it.
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      mkdirSync(dir, { recursive: true });
      writeFileSync(temporary, data);
    }
    renameSync(temporary, target);
  } catch (err) {
    rmSync(temporary, { force: true });
    const reason = err instanceof Error ? err.message : String(err);
    throw new DiagnosticError(diagnostic('PF900', `cannot write output file ${target}: ${reason}`));
  }
}
