/**
 * The build cache of `compile`: a no-change rebuild compiles nothing and rewrites nothing; a
 * changed dependency, a template appearing where one was looked up in vain, a template
 * shadowing another earlier on the include path, a deleted output and changed compiler options
 * each recompile exactly what they affect; failed objects are never cached; --no-cache neither
 * reads nor writes the cache. Outputs are always those of a compile without cache.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BuildCache } from '../../src/batch/cache.js';
import { DependencyPaths } from '../../src/batch/dependency-paths.js';
import { compileIn, mtime, readTree } from './helpers.js';

let dir: string;

function write(rel: string, text: string): void {
  const file = path.join(dir, rel);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  // Let size and mtime alone not prove the file unchanged: the cache must hash it.
  const past = new Date(Date.now() - 60_000);
  utimesSync(file, past, past);
}

const ARGS = ['--include-path', 'lib:site', '--formats', 'json,dep', '--output-dir', 'out', 'site'];

async function compile(extra: readonly string[] = []): Promise<{ code: number; stderr: string }> {
  return compileIn(dir, [...extra, ...ARGS]);
}

/** Which objects' outputs a run rewrote. */
async function rewritten(extra: readonly string[] = []): Promise<string[]> {
  const names = ['alpha', 'beta', 'gamma'];
  const before = new Map(names.map((n) => [n, existsSync(out(n)) ? mtime(out(n)) : -1]));
  await new Promise((r) => setTimeout(r, 20));
  const result = await compile(extra);
  expect(result.code).toBe(0);
  return names.filter((n) => !existsSync(out(n)) || mtime(out(n)) !== before.get(n));
}

/** The one index of the default settings. */
function readIndex(): { objects: { name: string[] } } {
  const [index] = readdirSync(path.join(dir, '.panfab', 'cache')).filter((f) => f.startsWith('index-'));
  return JSON.parse(readFileSync(path.join(dir, '.panfab', 'cache', index!), 'utf8')) as { objects: { name: string[] } };
}

function out(name: string): string {
  return path.join(dir, 'out', `${name}.json`);
}

beforeEach(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'panfab-cache-'));
  mkdirSync(path.join(dir, 'out'));
  write('lib/common.pan', "unique template common;\n'/common' = 'v1';\n");
  write('lib/net.pan', "unique template net;\n'/net' = 'eth0';\n");
  write('site/alpha.pan', "object template alpha;\ninclude 'common';\n'/name' = 'alpha';\n");
  write('site/beta.pan', "object template beta;\ninclude 'common';\ninclude 'net';\n");
  write('site/gamma.pan', "object template gamma;\ninclude if_exists('optional');\n'/name' = 'gamma';\n");
  expect((await compile()).code).toBe(0);
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('compile build cache', () => {
  it('rebuilds nothing when nothing changed', async () => {
    expect(await rewritten()).toEqual([]);
    expect(existsSync(path.join(dir, '.panfab', 'cache'))).toBe(true);
  });

  it('recompiles only the objects that include a changed template', async () => {
    write('lib/net.pan', "unique template net;\n'/net' = 'eth1';\n");
    expect(await rewritten()).toEqual(['beta']);
    expect(JSON.parse(readFileSync(out('beta'), 'utf8')).net).toBe('eth1');
    write('lib/common.pan', "unique template common;\n'/common' = 'v2';\n");
    expect(await rewritten()).toEqual(['alpha', 'beta']);
  });

  it('recompiles an object when a template it looked up in vain appears', async () => {
    write('lib/optional.pan', "unique template optional;\n'/optional' = true;\n");
    expect(await rewritten()).toEqual(['gamma']);
    expect(JSON.parse(readFileSync(out('gamma'), 'utf8')).optional).toBe(true);
  });

  it('reports a template whose directory became a file as missing (no internal error)', async () => {
    write('lib/os/base.pan', "unique template os/base;\n'/os' = 'el9';\n");
    write('site/delta.pan', "object template delta;\ninclude 'os/base';\n");
    expect((await compile()).code).toBe(0);
    rmSync(path.join(dir, 'lib', 'os'), { recursive: true });
    writeFileSync(path.join(dir, 'lib', 'os'), 'now a file\n');
    const result = await compile();
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/site\/delta\.pan:2:\d+: PF204 cannot locate template named .os\/base./);
    expect(result.stderr).not.toMatch(/internal error|ENOTDIR/);
  });

  it('recompiles an object when a template earlier on the include path shadows one it used', async () => {
    rmSync(path.join(dir, 'lib', 'net.pan'));
    write('site/net.pan', "unique template net;\n'/net' = 'site';\n");
    expect(await rewritten()).toEqual(['beta']);
    write('lib/net.pan', "unique template net;\n'/net' = 'lib';\n");
    expect(await rewritten()).toEqual(['beta']);
    expect(JSON.parse(readFileSync(out('beta'), 'utf8')).net).toBe('lib');
  });

  it('rewrites a deleted or edited output', async () => {
    rmSync(out('alpha'));
    writeFileSync(out('gamma'), '{}');
    expect(await rewritten()).toEqual(['alpha', 'gamma']);
    expect(JSON.parse(readFileSync(out('gamma'), 'utf8')).name).toBe('gamma');
  });

  it('keeps the indexes of the most recently used settings only', async () => {
    for (let n = 0; n < 34; n++) expect((await compile(['--max-iteration', String(1000 + n)])).code).toBe(0);
    const indexes = readdirSync(path.join(dir, '.panfab', 'cache')).filter((f) => f.startsWith('index-'));
    expect(indexes).toHaveLength(32);
    expect(await rewritten(['--max-iteration', '1033'])).toEqual([]);
  });

  it('keeps separate entries per compiler options', async () => {
    expect(await rewritten(['--max-recursion', '40'])).toEqual(['alpha', 'beta', 'gamma']);
    expect(await rewritten(['--max-recursion', '40'])).toEqual([]);
  });

  it('never caches a failed object and prints its error again', async () => {
    write('site/delta.pan', "object template delta;\n'/x' = MISSING;\n");
    const first = await compile();
    const second = await compile();
    expect(first.code).toBe(1);
    expect(second.code).toBe(1);
    expect(second.stderr).toBe(first.stderr);
    expect(second.stderr).toContain('MISSING');
  });

  it('with --no-cache compiles everything and leaves the cache alone', async () => {
    rmSync(path.join(dir, '.panfab'), { recursive: true });
    expect(await rewritten(['--no-cache'])).toEqual(['alpha', 'beta', 'gamma']);
    expect(existsSync(path.join(dir, '.panfab'))).toBe(false);
  });

  it('keeps the entries of files a run did not compile', async () => {
    write('site/alpha.pan', "object template alpha;\ninclude 'common';\n'/name' = 'alpha2';\n");
    const single = await compileIn(dir, [...ARGS.slice(0, -1), 'site/alpha.pan']);
    expect(single.code).toBe(0);
    expect(await rewritten()).toEqual([]);
  });

  it('rewrites the index once superseded entries pile up, dropping those of deleted files', async () => {
    for (let n = 0; n < 300; n++) write(`site/extra${n}.pan`, `object template extra${n};\n'/n' = ${n};\n`);
    expect((await compile()).code).toBe(0);
    rmSync(path.join(dir, 'site', 'gamma.pan'));
    const sizes: number[] = [];
    for (let round = 0; round < 2; round++) {
      for (let n = 0; n < 300; n++) write(`site/extra${n}.pan`, `object template extra${n};\n'/n' = ${n + round + 1};\n`);
      expect((await compile()).code).toBe(0);
      sizes.push(readIndex().objects.name.length);
    }
    expect(sizes).toEqual([302, 302]);
    expect(JSON.stringify(readIndex()).includes('gamma')).toBe(false);
  });

  it('ignores an unreadable index and replaces it', async () => {
    const [index] = readdirSync(path.join(dir, '.panfab', 'cache')).filter((f) => f.startsWith('index-'));
    writeFileSync(path.join(dir, '.panfab', 'cache', index!), '{"version": 4, "files": 3}');
    expect(await rewritten()).toEqual(['alpha', 'beta', 'gamma']);
    expect(await rewritten()).toEqual([]);
  });

  it('writes the same outputs as a compile without cache', async () => {
    write('lib/net.pan', "unique template net;\n'/net' = 'eth2';\n");
    await compile();
    const cached = readTree(path.join(dir, 'out'));
    rmSync(path.join(dir, 'out'), { recursive: true });
    mkdirSync(path.join(dir, 'out'));
    await compile(['--no-cache']);
    expect(readTree(path.join(dir, 'out'))).toEqual(cached);
  });
});

describe('BuildCache', () => {
  it('answers from the index without compiling', () => {
    const cacheDir = path.join(dir, 'separate-cache');
    const cache = new BuildCache(cacheDir, { any: 'settings' }, [path.join(dir, 'lib')], path.join(dir, 'out'));
    expect(cache.lookup([path.join(dir, 'site', 'alpha.pan')]).misses).toHaveLength(1);
  });

  it('names the used files, the places that would shadow them and the places looked up in vain', () => {
    const lib = path.join(dir, 'lib');
    const site = path.join(dir, 'site');
    const dependencies = new DependencyPaths([site, lib]);
    const paths = [
      ...dependencies.of({ name: 'net', type: 'PAN', location: `file://${lib}/` }),
      ...dependencies.of({ name: 'optional', type: 'ABSENT_SOURCE', location: '' }),
    ];
    expect(paths.sort()).toEqual(
      [
        path.join(lib, 'net.pan'),
        path.join(site, 'net.pan'),
        path.join(site, 'net.tpl'),
        path.join(site, 'optional.pan'),
        path.join(site, 'optional.tpl'),
        path.join(lib, 'optional.pan'),
        path.join(lib, 'optional.tpl'),
      ].sort(),
    );
  });
});

describe('DependencyPaths', () => {
  it('probes the directories of a load-path root in the locator order and stops at the file used', () => {
    const lib = path.join(dir, 'lib');
    const site = path.join(dir, 'site');
    const paths = new DependencyPaths([site, lib]).of({ name: 'os/base', type: 'TPL', location: `file://${lib}/el9/` });
    expect(paths).toEqual([
      path.join(site, 'os', 'base.pan'),
      path.join(site, 'os', 'base.tpl'),
      path.join(site, 'el9', 'os', 'base.pan'),
      path.join(site, 'el9', 'os', 'base.tpl'),
      path.join(lib, 'os', 'base.pan'),
      path.join(lib, 'os', 'base.tpl'),
      path.join(lib, 'el9', 'os', 'base.pan'),
      path.join(lib, 'el9', 'os', 'base.tpl'),
    ]);
  });

  it('normalises names with dot segments as the locator does', () => {
    const lib = path.join(dir, 'lib');
    expect(new DependencyPaths([lib]).of({ name: 'a/./b', type: 'TEXT', location: `file://${lib}/` })).toEqual([path.join(lib, 'a', 'b')]);
  });
});
