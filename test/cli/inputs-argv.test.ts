import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from '../../src/cli/argv.js';
import { expandInputs } from '../../src/cli/inputs.js';

describe('option parsing', () => {
  const specs = [
    { name: 'formats', value: true },
    { name: 'quiet', value: false, aliases: ['q'] },
    { name: 'warnings', value: true, aliases: ['deprecation-warnings'] },
  ];

  it('reads values, flags, aliases and positionals', () => {
    const r = parseArgs(['--formats', 'pan', 'a.pan', '-q', '--deprecation-warnings=off', '--', '--b.pan'], specs);
    expect(r.ok && [...r.args.options.entries()]).toEqual([['formats', 'pan'], ['quiet', true], ['warnings', 'off']]);
    expect(r.ok && r.args.positionals).toEqual(['a.pan', '--b.pan']);
  });

  it('reports unknown options, missing values and values given to flags', () => {
    expect(parseArgs(['--nope'], specs)).toEqual({ ok: false, error: "unknown option '--nope'" });
    expect(parseArgs(['--formats'], specs)).toEqual({ ok: false, error: "option '--formats' needs a value" });
    expect(parseArgs(['--quiet=yes'], specs)).toEqual({ ok: false, error: "option '--quiet' takes no value" });
  });
});

describe('template argument expansion', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'panfab-inputs-'));
    for (const f of ['a/x.pan', 'a/y.pan', 'a/notes.txt', 'a/.hidden.pan', 'a/sub/z.pan', 'b/w.pan']) {
      mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
      writeFileSync(path.join(dir, f), '');
    }
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const rel = (files: string[]) => files.map((f) => path.relative(dir, f));

  it('expands directories recursively to their visible .pan files, sorted', () => {
    expect(rel(expandInputs([path.join(dir, 'b'), path.join(dir, 'a')]).files)).toEqual(['a/sub/z.pan', 'a/x.pan', 'a/y.pan', 'b/w.pan']);
  });

  it('expands globs, including ** across directories, without duplicates', () => {
    expect(rel(expandInputs([path.join(dir, 'a', '*.pan')]).files)).toEqual(['a/x.pan', 'a/y.pan']);
    expect(rel(expandInputs([path.join(dir, '**', '[xz].pan'), path.join(dir, 'a', 'x.pan')]).files)).toEqual(['a/sub/z.pan', 'a/x.pan']);
    expect(rel(expandInputs([path.join(dir, '?', 'w.pan')]).files)).toEqual(['b/w.pan']);
  });

  it('reports arguments that name nothing', () => {
    const r = expandInputs([path.join(dir, 'missing.pan'), path.join(dir, 'c', '*.pan')]);
    expect(r.files).toEqual([]);
    expect(r.missing).toHaveLength(2);
  });
});
