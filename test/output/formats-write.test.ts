import { mkdtempSync, readdirSync, readFileSync, rmSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { diagnostic } from '../../src/diagnostics/diagnostic.js';
import { DiagnosticError } from '../../src/diagnostics/diagnostic.js';
import { FORMAT_KEYS, formatByKey, parseFormats } from '../../src/output/formats.js';
import { outputPath, writeObjectOutputs } from '../../src/output/write.js';
import type { ObjectResult } from '../../src/pan/compiler-api.js';
import { dict, list } from './sample-profile.js';

const profile = dict({ a: 1n, b: list('x') });
const dependencies = [{ name: 'node', type: 'PAN' as const, location: 'file:/p/' }];

describe('format keys', () => {
  it("maps panc's keys to suffixes", () => {
    const suffixes = Object.fromEntries(FORMAT_KEYS.map((k) => [k, formatByKey(k)!.suffix]));
    expect(suffixes).toEqual({
      pan: 'xml', 'pan.gz': 'xml.gz', xml: 'xml', 'xml.gz': 'xml.gz', json: 'json', 'json.gz': 'json.gz',
      text: 'txt', txt: 'txt', dot: 'dot', dep: 'dep', 'dep.gz': 'dep.gz', null: 'null',
    });
  });

  it('parses lists case-insensitively, merging keys that write the same file', () => {
    const parsed = parseFormats('DEP, pan,xml,,pan');
    expect(parsed.ok && parsed.formats.map((f) => f.key)).toEqual(['dep', 'pan']);
  });

  it('reports unknown keys', () => {
    expect(parseFormats('pan,yaml,html')).toEqual({ ok: false, unknown: ['yaml', 'html'] });
  });

  it('gzip variants decompress to the plain rendering and are deterministic', () => {
    const output = { profile, dependencies };
    for (const [gz, plain] of [['pan.gz', 'pan'], ['json.gz', 'json'], ['dep.gz', 'dep']] as const) {
      if (gz === 'json.gz' && !jsonAvailable()) continue;
      const packed = formatByKey(gz)!.render(output);
      expect(gunzipSync(packed).equals(formatByKey(plain)!.render(output))).toBe(true);
      expect(formatByKey(gz)!.render(output).equals(packed)).toBe(true);
    }
  });

  it('null writes an empty file', () => {
    expect(formatByKey('null')!.render({ profile, dependencies }).length).toBe(0);
  });
});

function jsonAvailable(): boolean {
  try {
    formatByKey('json')!.render({ profile, dependencies });
    return true;
  } catch {
    return false;
  }
}

describe('writing output files', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'panfab-write-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const formats = [formatByKey('pan')!, formatByKey('dep')!];

  it('writes <dir>/<name>.<suffix> with subdirectories and leaves no temporary files', async () => {
    const result: ObjectResult = { name: 'site/hosts/node01', profile, diagnostics: [], dependencies };
    const written = await writeObjectOutputs(result, formats, dir);
    expect(written.map((p) => path.relative(dir, p))).toEqual(['site/hosts/node01.xml', 'site/hosts/node01.dep']);
    expect(readFileSync(path.join(dir, 'site/hosts/node01.dep'), 'utf8')).toBe('node PAN file:/p/\n');
    expect(readdirSync(path.join(dir, 'site/hosts')).sort()).toEqual(['node01.dep', 'node01.xml']);
  });

  it('writes nothing for a failed object', async () => {
    const failed: ObjectResult = { name: 'bad', diagnostics: [diagnostic('PF209', 'user-initiated error: no')], dependencies };
    const withProfile: ObjectResult = { ...failed, profile };
    expect(await writeObjectOutputs(failed, formats, dir)).toEqual([]);
    expect(await writeObjectOutputs(withProfile, formats, dir)).toEqual([]);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('writes objects with warnings', async () => {
    const warned: ObjectResult = { name: 'ok', profile, diagnostics: [diagnostic('PF221', 'deprecated')], dependencies };
    expect(await writeObjectOutputs(warned, formats, dir)).toHaveLength(2);
  });

  it('refuses object names that would escape the output directory', () => {
    for (const name of ['../x', 'a//b', '/abs', 'a/./b']) {
      expect(() => outputPath(dir, name, formats[0]!)).toThrow(DiagnosticError);
    }
  });

  it('joins the output directory and the object name as path.join does', () => {
    const json = formatByKey('json')!;
    for (const outputDir of ['', '.', './', '..', '/', 'out/', './out', 'out//x', 'a/..', 'x/../../y', '/a/b/']) {
      for (const name of ['a', 'a/b/c', 'x.example.org', '...', '.a/..b']) {
        expect(outputPath(outputDir, name, json)).toBe(path.join(outputDir, ...name.split('/')) + '.json');
      }
    }
  });

  it('reports an unwritable target as a PF900 diagnostic', async () => {
    const blocker = path.join(dir, 'site');
    await writeObjectOutputs({ name: 'site', profile, diagnostics: [], dependencies }, [formatByKey('null')!], dir);
    expect(existsSync(blocker + '.null')).toBe(true);
    const { writeFileSync } = await import('node:fs');
    writeFileSync(blocker, 'a file where a directory is needed');
    await expect(writeObjectOutputs({ name: 'site/x', profile, diagnostics: [], dependencies }, formats, dir)).rejects.toMatchObject({
      diagnostic: { code: 'PF900' },
    });
  });
});
