/**
 * Parallel compilation: on a generated site (with objects that read each other through
 * external paths, a reference cycle, a failing object and a warning), every thread count
 * writes the same files with the same bytes and prints the same diagnostics as one thread.
 * Worker threads run the compiled build output (dist/), which `npm test` builds first.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateSyntheticSite } from '../../bench/site-generator.js';
import { clusteredObjects, mergeOutcomes } from '../../src/batch/pool.js';
import type { ObjectOutcome } from '../../src/batch/job.js';
import { compileAndWrite } from '../../src/batch/run-objects.js';
import { DEFAULT_COMPILE_OPTIONS } from '../../src/pan/compiler-api.js';
import { compileIn, readTree } from './helpers.js';

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'panfab-nthread-'));
  generateSyntheticSite(dir, 60, 7);
  const extra = (name: string, text: string): void => writeFileSync(path.join(dir, 'profiles', `${name}.pan`), text);
  // Objects reading other objects (one of them a cycle), a failing object, a deprecation warning.
  extra('ref-a', "object template ref-a;\n'/x' = value('ref-b:/y');\n'/y' = 1;\n");
  extra('ref-b', "object template ref-b;\n'/y' = 2;\n'/z' = value('xen0001.example.org:/hardware/ram');\n");
  extra('cycle-1', "object template cycle-1;\n'/x' = value('cycle-2:/x');\n");
  extra('cycle-2', "object template cycle-2;\n'/x' = value('cycle-1:/x');\n");
  extra('broken', "object template broken;\n'/x' = NO_SUCH_VARIABLE;\n");
  extra('warned', "object template warned;\n'/x' = nlist('a', 1);\n");
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function compileWith(nthread: number, out: string): Promise<{ code: number; stderr: string; files: Map<string, string> }> {
  mkdirSync(path.join(dir, out), { recursive: true });
  const result = await compileIn(dir, ['--no-cache', '--nthread', String(nthread), '--include-path', 'templates:profiles', '--formats', 'json,pan,dep', '--output-dir', out, 'profiles']);
  return { ...result, files: readTree(path.join(dir, out)) };
}

describe('compile --nthread', () => {
  it('writes the same bytes and prints the same diagnostics on 1, 2 and 3 threads', async () => {
    const one = await compileWith(1, 'out1');
    expect(one.code).toBe(1);
    expect(one.stderr).toContain('NO_SUCH_VARIABLE');
    expect(one.stderr).toContain('circular object dependency');
    expect(one.files.size).toBeGreaterThan(3 * 60);
    expect(one.files.has('ref-a.json')).toBe(true);
    for (const n of [2, 3]) {
      const many = await compileWith(n, `out${n}`);
      expect(many.code).toBe(one.code);
      expect(many.stderr).toBe(one.stderr);
      expect([...many.files.keys()]).toEqual([...one.files.keys()]);
      for (const [file, text] of one.files) expect(many.files.get(file)).toBe(text);
    }
  });
});

describe('streaming compile', () => {
  it('writes the bytes of one batch compile call', async () => {
    const one = await compileWith(1, 'out-stream');
    const job = { options: { ...DEFAULT_COMPILE_OPTIONS, includeDirs: [path.join(dir, 'templates'), path.join(dir, 'profiles')], provenance: false, deprecation: 'on' as const }, formatKeys: ['json', 'pan', 'dep'], outputDir: path.join(dir, 'out-batch') };
    const files = readdirSync(path.join(dir, 'profiles')).map((f) => path.join(dir, 'profiles', f));
    const previous = process.cwd();
    process.chdir(dir);
    try {
      await compileAndWrite(files.map((f) => path.relative(dir, f)).sort(), job, 'batch');
    } finally {
      process.chdir(previous);
    }
    expect(readTree(path.join(dir, 'out-batch'))).toEqual(one.files);
  });
});

describe('panfab compile as a command', () => {
  it('writes, from its bundle on two threads, the bytes of an in-process one-thread compile', async () => {
    const one = await compileWith(1, 'out-cmd-ref');
    mkdirSync(path.join(dir, 'out-cmd'), { recursive: true });
    const bin = path.resolve('bin', 'panfab.js');
    const child = spawnSync(process.execPath, [bin, 'compile', '--no-cache', '--nthread', '2', '--include-path', 'templates:profiles', '--formats', 'json,pan,dep', '--output-dir', 'out-cmd', 'profiles'], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(child.status).toBe(one.code);
    expect(child.stderr).toBe(one.stderr);
    expect(readTree(path.join(dir, 'out-cmd'))).toEqual(one.files);
  });
});

describe('pool helpers', () => {
  const outcome = (name: string, objects: string[] = []): ObjectOutcome => ({ name, ok: true, diagnostics: [], dependencies: [], objects, outputs: [] });

  it('keeps one outcome per object, the first list winning, sorted by name', () => {
    const first = { ...outcome('b'), file: 'first' };
    const merged = mergeOutcomes([[outcome('c'), first], [{ ...outcome('b'), file: 'second' }, outcome('a')]]);
    expect(merged.map((o) => o.name)).toEqual(['a', 'b', 'c']);
    expect(merged[1]!.file).toBe('first');
  });

  it('finds the objects linked by external references', () => {
    const linked = clusteredObjects([outcome('a', ['b']), outcome('b'), outcome('c'), outcome('d', ['e'])]);
    expect([...linked].sort()).toEqual(['a', 'b', 'd', 'e']);
  });
});
