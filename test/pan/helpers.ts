/**
 * Test helpers: write templates into a temporary include directory, compile an object, and look
 * at its profile or its single error.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { codeInfo } from '../../src/diagnostics/codes.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { compile } from '../../src/pan/compiler.js';
import type { CompileOptions, ObjectResult } from '../../src/pan/compiler-api.js';
import { PanDict, type Value } from '../../src/pan/element.js';
import { parsePath } from '../../src/pan/path.js';
import { MISSING, getIn } from '../../src/pan/tree.js';

const dirs: string[] = [];

/** Removes the temporary directories created so far (call in afterAll). */
export function cleanup(): void {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
}

/** Writes `files` (template name or relative file name → text) into a new directory. */
export function writeTree(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'panfab-pan-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) {
    const rel = /\.[a-z]+$/.test(name) ? name : `${name}.pan`;
    const file = path.join(dir, rel);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  return dir;
}

/** Compiles object `main` (default: the first file) of a template set. */
export async function run(
  files: Record<string, string>,
  main?: string,
  options: Partial<CompileOptions> = {},
): Promise<{ results: ObjectResult[]; main: ObjectResult }> {
  const dir = writeTree(files);
  const name = main ?? Object.keys(files)[0]!;
  const file = path.join(dir, /\.[a-z]+$/.test(name) ? name : `${name}.pan`);
  const results = await compile({
    files: [file],
    options: { includeDirs: [dir], maxIteration: 100, maxRecursion: 50, deprecation: 'off', ...options },
  });
  const mainResult = results.find((r) => r.file === file) ?? results.find((r) => r.name === name) ?? results[0]!;
  return { results, main: mainResult };
}

/** The profile of a successful compilation (fails the test with the diagnostics otherwise). */
export async function profile(files: Record<string, string>, main?: string, options?: Partial<CompileOptions>): Promise<PanDict> {
  const { main: r } = await run(files, main, options);
  if (r.profile === undefined) throw new Error(`compilation failed: ${r.diagnostics.map((d) => `${d.code} ${d.message}`).join('; ')}`);
  return r.profile;
}

/** The value at an absolute path of a profile (undefined if missing). */
export function at(p: PanDict, pathText: string): Value {
  const v = getIn(p, parsePath(pathText).terms, true);
  return v === MISSING ? undefined : v;
}

/** The only error of a failing compilation, with its panc class. */
export async function error(
  files: Record<string, string>,
  main?: string,
  options?: Partial<CompileOptions>,
): Promise<Diagnostic & { panClass: string }> {
  const { main: r } = await run(files, main, options);
  const errors = r.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length !== 1 || r.profile !== undefined) {
    throw new Error(`expected exactly one error, got ${errors.length}: ${errors.map((d) => d.message).join('; ')}`);
  }
  return { ...errors[0]!, panClass: codeInfo(errors[0]!.code).panClass ?? '' };
}

/** A one-template object named `t` with the given statements. */
export function obj(body: string, name = 't'): Record<string, string> {
  return { [name]: `object template ${name};\n${body}\n` };
}
