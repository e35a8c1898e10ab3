/**
 * Helpers for the `build` and `lint` scenario tests: a private copy of the example site in a
 * temporary directory, edits to its templates, and running the real `panfab` binary
 * (bin/panfab.js over dist/, built by `npm test`; built here when missing) as a child process.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const repoRoot = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
const bin = path.join(repoRoot, 'bin', 'panfab.js');

/** The example site's object templates that are Xen guests, hosts, and plain machines. */
export const GUESTS = ['bdii01', 'ce01', 'mon01', 'se01', 'ui01', 'wn01', 'wn02', 'wn03', 'wn04', 'wn05'].map((h) => `${h}.example.org`);
export const HOSTS = ['xen01.example.org', 'xen02.example.org'];
export const ALL_OBJECTS = [...GUESTS, 'wn10.example.org', ...HOSTS].sort();

export interface Sandbox {
  /** Temporary directory holding `site/` (a copy of profiles/). */
  readonly dir: string;
  readonly site: string;
  /** Replaces text in a site file (relative to the site); fails if the text is absent. */
  edit(relative: string, from: string | RegExp, to: string): void;
  write(relative: string, text: string): void;
  read(relative: string): string;
  remove(): void;
}

/** Copies the example site to a fresh temporary directory; its panfab.json writes to `<dir>/out`. */
export function sandbox(): Sandbox {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'panfab-site-'));
  const site = path.join(dir, 'site');
  cpSync(path.join(repoRoot, 'profiles'), site, { recursive: true });
  return {
    dir,
    site,
    edit(relative, from, to) {
      const file = path.join(site, relative);
      const text = readFileSync(file, 'utf8');
      const next = text.replace(from, to);
      if (next === text) throw new Error(`${relative}: ${String(from)} not found`);
      writeFileSync(file, next);
    },
    write(relative, text) {
      writeFileSync(path.join(site, relative), text);
    },
    read(relative) {
      return readFileSync(path.join(site, relative), 'utf8');
    },
    remove() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface Outcome {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

let built = false;

/** Compiles dist/ when the site verbs are missing from it (`npm test` builds it first). */
function ensureBuilt(): void {
  if (built) return;
  if (!['build.js', 'lint.js'].every((f) => existsSync(path.join(repoRoot, 'dist', 'src', 'cli', f)))) {
    execFileSync(process.execPath, [path.join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json', '--noEmitOnError', 'false'], { cwd: repoRoot, stdio: 'ignore' });
  }
  built = true;
}

/** Runs `panfab ARGS` in `cwd` (no colour, not a terminal, CI unset unless given). */
export function panfab(args: readonly string[], cwd: string, env: Record<string, string> = {}): Outcome {
  ensureBuilt();
  const base: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  delete base.CI;
  const r = spawnSync(process.execPath, [bin, ...args], { cwd, env: { ...base, ...env }, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Every file below `dir` (relative, sorted) with its contents, for before/after comparisons. */
export function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (!existsSync(dir)) return out;
  const walk = (rel: string) => {
    for (const name of readdirSync(path.join(dir, rel)).sort()) {
      const r = rel === '' ? name : `${rel}/${name}`;
      if (statSync(path.join(dir, r)).isDirectory()) walk(r);
      else out[r] = readFileSync(path.join(dir, r), 'utf8');
    }
  };
  walk('');
  return out;
}
