/**
 * Compiles a list of object template files in this thread and writes the outputs of every
 * object that compiled: the unit of work of `compile`, run in-process or by each worker thread
 * of the pool. Returns one outcome per object reached (requested or read through an external
 * path), sorted by name, with the content hash of each output written.
 */
import { createHash } from 'node:crypto';
import { DiagnosticError, diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { CompileRequest, ObjectResult } from '../pan/compiler-api.js';
import { parseFormats, type OutputFormat } from '../output/formats.js';
import { isSuccessful, outputPath, writeAtomically } from '../output/write.js';
import { byName, type CompileJob, type ObjectOutcome, type WrittenOutput } from './job.js';

/** Compiles `files` (sorted) with the job's options and writes their outputs. */
export async function compileAndWrite(files: readonly string[], job: CompileJob): Promise<ObjectOutcome[]> {
  if (files.length === 0) return [];
  const formats = resolveFormats(job.formatKeys);
  const { compile } = await import('../pan/compiler.js');
  const results = await compileSafely(compile, { files, options: job.options });
  const outcomes: ObjectOutcome[] = [];
  for (const result of results.sort(byName)) outcomes.push(await writeOne(result, formats, job));
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
async function writeOne(result: ObjectResult, formats: readonly OutputFormat[], job: CompileJob): Promise<ObjectOutcome> {
  const diagnostics: Diagnostic[] = [...result.diagnostics];
  const outputs: WrittenOutput[] = [];
  let ok = isSuccessful(result);
  if (ok) {
    try {
      const rendered = { profile: result.profile!, dependencies: result.dependencies };
      for (const format of formats) {
        const data = format.render(rendered);
        const hash = createHash('sha1').update(data).digest('hex');
        await writeAtomically(outputPath(job.outputDir, result.name, format), data);
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
