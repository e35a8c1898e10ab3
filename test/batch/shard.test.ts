/**
 * Sharding: `--shard i/n` puts every object template in exactly one shard, independently of
 * directories and order; the shards' outputs merged with `panfab merge` equal one compile of
 * the whole site; merge reports conflicting files and usage errors.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { jest } from '@jest/globals';
import { generateSyntheticSite } from '../../bench/site-generator.js';
import { parseShard, selectShard, shardOf } from '../../src/batch/shard.js';
import { mergeShards, run as runMerge } from '../../src/cli/merge.js';
import { compileIn, readTree } from './helpers.js';

describe('shard selection', () => {
  const files = Array.from({ length: 500 }, (_, i) => `site/hosts/node${String(i).padStart(4, '0')}.pan`);

  it.each([1, 2, 3, 5, 8])('puts every file in exactly one of %i shards', (n) => {
    const shards = Array.from({ length: n }, (_, i) => selectShard(files, { index: i + 1, count: n }));
    expect(shards.flat().sort()).toEqual([...files].sort());
    if (n > 1) for (const s of shards) expect(s.length).toBeGreaterThan(0);
  });

  it('depends on the file name only', () => {
    expect(shardOf('a/b/node0001.pan', 4)).toBe(shardOf('node0001.pan', 4));
    expect(shardOf('x\\node0001.pan', 4)).toBe(shardOf('node0001.pan', 4));
  });

  it.each(['0/2', '3/2', '1/0', 'two/3', '1-2', ''])('rejects --shard %p', (text) => {
    expect(typeof parseShard(text)).toBe('string');
  });

  it('accepts I/N', () => {
    expect(parseShard(' 2 / 3 ')).toEqual({ index: 2, count: 3 });
  });
});

describe('compile --shard and merge', () => {
  let dir: string;

  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'panfab-shard-'));
    generateSyntheticSite(dir, 40, 3);
    writeFileSync(path.join(dir, 'profiles', 'reader.pan'), "object template reader;\n'/ram' = value('xen0000.example.org:/hardware/ram');\n");
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const compile = async (out: string, extra: string[]): Promise<number> => {
    mkdirSync(path.join(dir, out), { recursive: true });
    return (await compileIn(dir, ['--no-cache', ...extra, '--include-path', 'templates:profiles', '--formats', 'json,dep', '--output-dir', out, 'profiles'])).code;
  };

  it('merges shard outputs into the outputs of one whole compile', async () => {
    expect(await compile('whole', [])).toBe(0);
    for (const i of [1, 2, 3]) expect(await compile(`shard${i}`, ['--shard', `${i}/3`])).toBe(0);
    const sizes = [1, 2, 3].map((i) => readdirSync(path.join(dir, `shard${i}`)).length);
    for (const s of sizes) expect(s).toBeGreaterThan(0);
    expect(mergeShards(['shard1', 'shard2', 'shard3'].map((s) => path.join(dir, s)), path.join(dir, 'merged'))).toEqual([]);
    expect(readTree(path.join(dir, 'merged'))).toEqual(readTree(path.join(dir, 'whole')));
  });

  it('reports files that differ between shards and does not write them', () => {
    const a = path.join(dir, 'conflict-a');
    const b = path.join(dir, 'conflict-b');
    mkdirSync(a, { recursive: true });
    mkdirSync(b, { recursive: true });
    writeFileSync(path.join(a, 'x.json'), '1');
    writeFileSync(path.join(b, 'x.json'), '2');
    writeFileSync(path.join(b, 'y.json'), '3');
    const problems = mergeShards([a, b], path.join(dir, 'conflict-out'));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('x.json');
    expect([...readTree(path.join(dir, 'conflict-out')).keys()]).toEqual(['y.json']);
  });

  it('merge: exit 2 on usage errors, 1 on conflicts', async () => {
    const spy = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      expect(await runMerge([path.join(dir, 'whole')])).toBe(2);
      expect(await runMerge(['--output-dir', path.join(dir, 'm2')])).toBe(2);
      expect(await runMerge(['--output-dir', path.join(dir, 'm2'), path.join(dir, 'no-such-dir')])).toBe(2);
      expect(await runMerge(['--output-dir', path.join(dir, 'm3'), path.join(dir, 'conflict-a'), path.join(dir, 'conflict-b')])).toBe(1);
      expect(await runMerge(['-o', path.join(dir, 'm4'), path.join(dir, 'whole')])).toBe(0);
    } finally {
      spy.mockRestore();
    }
  });
});
