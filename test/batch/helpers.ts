/**
 * Helpers of the batch-compile tests: running `panfab compile` in-process with captured
 * stderr, and reading an output directory as a map of relative path → bytes.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { jest } from '@jest/globals';
import { run } from '../../src/cli/compile.js';

/** Exit code and stderr of one in-process `panfab compile` run (in `cwd`). */
export async function compileIn(cwd: string, args: readonly string[]): Promise<{ code: number; stderr: string }> {
  let stderr = '';
  const spy = jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    if (!/^\((node:\d+|Use `node)/.test(chunk.toString())) stderr += chunk.toString();
    return true;
  });
  const previous = process.cwd();
  process.chdir(cwd);
  try {
    const code = await run([...args]);
    return { code, stderr };
  } finally {
    process.chdir(previous);
    spy.mockRestore();
  }
}

/** Every file below `dir` (hidden entries skipped): relative path → contents. */
export function readTree(dir: string, rel = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const name of readdirSync(path.join(dir, rel)).sort()) {
    if (name.startsWith('.')) continue;
    const child = rel === '' ? name : path.join(rel, name);
    if (statSync(path.join(dir, child)).isDirectory()) for (const [k, v] of readTree(dir, child)) out.set(k, v);
    else out.set(child, readFileSync(path.join(dir, child), 'utf8'));
  }
  return out;
}

/** Modification time of a file (ms), to tell whether a run rewrote it. */
export function mtime(file: string): number {
  return statSync(file).mtimeMs;
}
