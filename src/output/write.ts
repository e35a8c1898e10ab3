/**
 * Writes the output files of compiled objects: `<output-dir>/<object name>.<suffix>`, with
 * subdirectories for names containing `/`. Each file is written to a temporary file in the
 * same directory and renamed into place, so readers never see a partial file. A failed
 * object (no profile, or any error) writes nothing.
 */
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { threadId } from 'node:worker_threads';
import { DiagnosticError, diagnostic, hasErrors } from '../diagnostics/diagnostic.js';
import type { ObjectResult } from '../pan/compiler-api.js';
import { hasPlainSegments, joinBelow } from '../source/plain-path.js';
import type { OutputFormat } from './formats.js';

let temporaryCounter = 0;
/** Directories this thread has created (or found) already: one mkdir per directory. */
const madeDirectories = new Set<string>();

/** True if the object compiled and validated without error, so its outputs may be written. */
export function isSuccessful(result: ObjectResult): boolean {
  return result.profile !== undefined && !hasErrors(result.diagnostics);
}

/** The path of one output file of an object. */
export function outputPath(outputDir: string, objectName: string, format: OutputFormat): string {
  if (!hasPlainSegments(objectName)) {
    throw new DiagnosticError(diagnostic('PF900', `invalid object name for an output file: '${objectName}'`));
  }
  return joinBelow(outputDir, objectName) + '.' + format.suffix;
}

/**
 * Writes every format of a successful object and returns the paths written (empty for a
 * failed object). Throws a DiagnosticError (PF900) when a file cannot be written.
 */
export async function writeObjectOutputs(
  result: ObjectResult,
  formats: readonly OutputFormat[],
  outputDir: string,
): Promise<string[]> {
  if (!isSuccessful(result)) return [];
  const output = { profile: result.profile!, dependencies: result.dependencies };
  const written: string[] = [];
  for (const format of formats) {
    const target = outputPath(outputDir, result.name, format);
    await writeAtomically(target, format.render(output));
    written.push(target);
  }
  return written;
}

/** Writes a file, creating its directory first unless this thread already did (or it vanished since). */
async function writeInDirectory(dir: string, file: string, data: Buffer): Promise<void> {
  if (madeDirectories.has(dir)) {
    try {
      return await writeFile(file, data);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      madeDirectories.delete(dir);
    }
  }
  await mkdir(dir, { recursive: true });
  madeDirectories.add(dir);
  await writeFile(file, data);
}

/** Writes `data` to `target` through a temporary file in the same directory. */
export async function writeAtomically(target: string, data: Buffer): Promise<void> {
  const dir = path.dirname(target);
  const temporary = path.join(dir, `.${path.basename(target)}.${process.pid}.${threadId}.${++temporaryCounter}.tmp`);
  try {
    await writeInDirectory(dir, temporary, data);
    await rename(temporary, target);
  } catch (err) {
    await rm(temporary, { force: true }).catch(() => undefined);
    const reason = err instanceof Error ? err.message : String(err);
    throw new DiagnosticError(diagnostic('PF900', `cannot write output file ${target}: ${reason}`));
  }
}
