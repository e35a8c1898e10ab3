/**
 * `panfab compile` scenarios: exit codes, the stderr format, outputs written only for
 * objects that compiled, and output independent of --nthread.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { jest } from '@jest/globals';
import { run } from '../../src/cli/compile.js';

let dir: string;
let stderr: string;
let stdout: string;

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'panfab-compile-'));
  stderr = '';
  stdout = '';
  jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    // Node's own warnings (e.g. about experimental VM modules under jest) are not ours.
    if (!/^\((node:\d+|Use `node)/.test(chunk.toString())) stderr += chunk.toString();
    return true;
  });
  jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += chunk.toString();
    return true;
  });
});

afterEach(() => {
  jest.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});

function template(relative: string, text: string): string {
  const file = path.join(dir, 'src', relative);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  return file;
}

function outDir(name = 'out'): string {
  const d = path.join(dir, name);
  mkdirSync(d, { recursive: true });
  return d;
}

const GOOD = "object template good;\n'/a' = 1;\n'/b' = list('x', 'y');\n";
const BAD = "object template bad;\n'/a' = 1;\n'/b' = UNDEFINED_THING;\n";

describe('panfab compile: usage errors (exit 2)', () => {
  it.each([
    [['--no-such-option', 'x.pan']],
    [['--formats', 'pan,yaml', 'x.pan']],
    [['--max-iteration', 'ten', 'x.pan']],
    [['--deprecation-warnings', 'loud', 'x.pan']],
    [['--output-dir']],
    [[]],
  ])('%j', async (args) => {
    expect(await run(args)).toBe(2);
    expect(stderr).toMatch(/^panfab compile: /);
  });

  it('rejects files that do not exist and output directories that are not directories', async () => {
    expect(await run([path.join(dir, 'missing.pan')])).toBe(2);
    expect(stderr).toContain('no such file or directory');
    const file = template('good.pan', GOOD);
    expect(await run(['--output-dir', path.join(dir, 'nowhere'), file])).toBe(2);
  });

  it('prints help with exit 0', async () => {
    expect(await run(['--help'])).toBe(0);
    expect(stdout).toContain('usage: panfab compile');
  });
});

describe('panfab compile: compiling', () => {
  it('writes pan XML and dep by default and exits 0', async () => {
    const file = template('good.pan', GOOD);
    const out = outDir();
    expect(await run(['--include-path', path.dirname(file), '--output-dir', out, file])).toBe(0);
    expect(stderr).toBe('');
    expect(readdirSync(out).sort()).toEqual(['good.dep', 'good.xml']);
    expect(readFileSync(path.join(out, 'good.xml'), 'utf8')).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><nlist format="pan" name="profile">\n' +
        '    <long name="a">1</long>\n    <list name="b">\n        <string>x</string>\n        <string>y</string>\n    </list>\n</nlist>\n',
    );
    expect(readFileSync(path.join(out, 'good.dep'), 'utf8')).toMatch(/^good PAN file:/);
  });

  it('exits 1 when an object fails, writes nothing for it and still writes the others', async () => {
    const good = template('good.pan', GOOD);
    const bad = template('bad.pan', BAD);
    const out = outDir();
    expect(await run(['--include-path', path.dirname(good), '--output-dir', out, good, bad])).toBe(1);
    expect(readdirSync(out).sort()).toEqual(['good.dep', 'good.xml']);
    expect(stderr).toMatch(/bad\.pan:3:\d+: PF2\d\d /);
    expect(stderr).toContain("3 | '/b' = UNDEFINED_THING;");
    expect(stderr).toMatch(/\^/);
  });

  it('reports parse errors with their location and exits 1', async () => {
    const file = template('broken.pan', "object template broken;\n'/a' = ;\n");
    const out = outDir();
    expect(await run(['--include-path', path.dirname(file), '--output-dir', out, file])).toBe(1);
    expect(readdirSync(out)).toEqual([]);
    expect(stderr).toMatch(/broken\.pan:2:\d+: PF1\d\d /);
  });

  it('writes every requested format, with subdirectories for namespaced objects', async () => {
    const file = template('site/node.pan', "object template site/node;\n'/name' = 'node';\n");
    const out = outDir();
    const args = ['--formats', 'json,text,dot,pan.gz,null', '--include-path', path.join(dir, 'src'), '--output-dir', out, file];
    expect(await run(args)).toBe(0);
    expect(readdirSync(path.join(out, 'site')).sort()).toEqual(['node.dot', 'node.json', 'node.null', 'node.txt', 'node.xml.gz']);
    expect(readFileSync(path.join(out, 'site', 'node.txt'), 'utf8')).toBe("+-profile\n  $ name : (string) 'node'\n");
  });

  it('accepts directories of templates', async () => {
    template('good.pan', GOOD);
    template('other.pan', "object template other;\n'/x' = true;\n");
    const out = outDir();
    expect(await run(['--include-path', path.join(dir, 'src'), '--output-dir', out, path.join(dir, 'src')])).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['good.dep', 'good.xml', 'other.dep', 'other.xml']);
  });

  it('starts profiles from --initial-data', async () => {
    const file = template('good.pan', GOOD);
    const out = outDir();
    expect(await run(['--initial-data', "dict('seed', 'yes')", '--include-path', path.dirname(file), '--output-dir', out, file])).toBe(0);
    expect(readFileSync(path.join(out, 'good.xml'), 'utf8')).toContain('<string name="seed">yes</string>');
  });

  it('writes the same bytes whatever --nthread says', async () => {
    const files = [template('good.pan', GOOD), template('other.pan', "object template other;\n'/x' = 2.5;\n")];
    const contents: string[] = [];
    for (const n of ['1', '4']) {
      const out = outDir(`out${n}`);
      expect(await run(['--nthread', n, '--include-path', path.join(dir, 'src'), '--output-dir', out, ...files])).toBe(0);
      contents.push(['good.xml', 'other.xml'].map((f) => readFileSync(path.join(out, f), 'utf8')).join('\n'));
    }
    expect(contents[0]).toBe(contents[1]);
    expect(existsSync(path.join(dir, 'out1', 'other.xml'))).toBe(true);
  });
});
