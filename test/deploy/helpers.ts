/**
 * Helpers for the deployed-state tests: temporary directories, writing and reading whole trees,
 * generated sets from plain objects, and a pid that is certainly not running.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generatedFile, type GeneratedFile, type GeneratedSet } from '../../src/deploy/generated.js';
import { inferFromPath } from '../../src/deploy/load-tree.js';

/** A fresh temporary directory under `base` (default: the system's), removed by `cleanup`. */
export function tempDir(prefix = 'panfab-deploy-', base = os.tmpdir()): string {
  return mkdtempSync(path.join(base, prefix));
}

/** A memory file system's directory when the machine has one (Linux /dev/shm), else the temporary directory. */
export function memoryTempBase(): string {
  try {
    accessSync('/dev/shm', constants.W_OK);
    return '/dev/shm';
  } catch {
    return os.tmpdir();
  }
}

export function cleanup(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** Writes `files` (relative path → text) under `root`. */
export function writeTree(root: string, files: Record<string, string>): void {
  for (const [rel, text] of Object.entries(files)) {
    const file = path.join(root, ...rel.split('/'));
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
}

/**
 * Every entry under `root` as relative path → content (files), `-> target` (links); with
 * `withState`, `.panfab/` is included.
 */
export function readTree(root: string, withState = false): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (rel: string) => {
    const abs = rel === '' ? root : path.join(root, rel);
    for (const name of readdirSync(abs).sort()) {
      const childRel = rel === '' ? name : `${rel}/${name}`;
      if (!withState && childRel === '.panfab') continue;
      const st = lstatSync(path.join(abs, name));
      if (st.isDirectory()) walk(childRel);
      else if (st.isSymbolicLink()) out[childRel] = `-> ${readlinkSync(path.join(abs, name))}`;
      else out[childRel] = readFileSync(path.join(abs, name), 'utf8');
    }
  };
  walk('');
  return out;
}

/** A generated set from relative path → text, kind and owner guessed from the path (mode 0644). */
export function generatedSet(files: Record<string, string>, overrides: Record<string, Partial<{ kind: string; owner: string; mode: number }>> = {}): GeneratedSet {
  const out = new Map<string, GeneratedFile>();
  for (const rel of Object.keys(files).sort()) {
    const meta = { ...inferFromPath(rel), mode: 0o644, ...overrides[rel] };
    out.set(rel, generatedFile({ content: files[rel]!, ...meta }));
  }
  return out;
}

/** The pid of a process that has exited (and been reaped). */
export function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(r.stdout);
}
