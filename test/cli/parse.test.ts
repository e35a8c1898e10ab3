/**
 * `panfab parse` scenarios, run as a child process against the compiled CLI (dist/, built by
 * `npm test`; built here when missing): exit codes 0/1/2, the human format on stderr, JSON on
 * stdout, directory recursion.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from '../grammar/helpers.js';

const BIN = path.join(REPO_ROOT, 'bin', 'panfab.js');
let dir: string;

beforeAll(() => {
  if (!existsSync(path.join(REPO_ROOT, 'dist', 'src', 'cli', 'parse.js'))) {
    execFileSync(process.execPath, [path.join(REPO_ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json', '--noEmitOnError', 'false'], {
      cwd: REPO_ROOT,
      stdio: 'ignore',
    });
  }
});

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'panfab-parse-'));
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function file(relative: string, text: string): string {
  const full = path.join(dir, relative);
  mkdirSync(path.dirname(full), { recursive: true });
  writeFileSync(full, text);
  return full;
}

function panfab(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, 'parse', ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const GOOD = "object template good;\n'/a' = 1;\n";

describe('panfab parse', () => {
  it('exits 0 and prints nothing when every file is valid', () => {
    file('good.pan', GOOD);
    file('lib/x.tpl', 'template lib/x;\n');
    expect(panfab('good.pan', 'lib')).toEqual({ status: 0, stdout: '', stderr: '' });
  });

  it('exits 1 and prints each diagnostic with location, code, excerpt and caret on stderr', () => {
    file('bad.pan', "template bad;\n'/x' = - -1;\n'/y' = \"\\q\";\n");
    const r = panfab('bad.pan');
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      [
        'bad.pan:2:10: PF101 unary operators cannot be stacked: write -(-...) instead of - -...',
        '  |',
        "2 | '/x' = - -1;",
        '  |          ^',
        "bad.pan:3:9: PF103 invalid escape sequence '\\q' in double-quoted string",
        '  |',
        '3 | \'/y\' = "\\q";',
        '  |         ^~',
        '2 errors in 1 of 1 file',
        '',
      ].join('\n'),
    );
    expect(r.stderr).not.toMatch(/\x1b\[/);
  });

  it('recurses into directories for .pan and .tpl files, sorted, skipping hidden entries and other files', () => {
    file('site/b.pan', 'template b;\n$\n');
    file('site/a/z.tpl', "template a/z;\n'/x' = ;\n");
    file('site/.hidden/h.pan', 'broken');
    file('site/notes.txt', 'broken');
    const r = panfab('site');
    expect(r.status).toBe(1);
    const locations = r.stderr.split('\n').filter((l) => /^\S+:\d+:\d+: PF/.test(l)).map((l) => l.split(': ')[0]);
    expect(locations).toEqual([path.join('site', 'a', 'z.tpl') + ':2:8', path.join('site', 'b.pan') + ':2:1']);
    expect(r.stderr).toMatch(/2 errors in 2 of 2 files\n$/);
  });

  it('writes one JSON document on stdout with --format json', () => {
    file('good.pan', GOOD);
    file('bad.pan', 'template bad;\n\'/x\' = 09;\n');
    const r = panfab('--format', 'json', 'good.pan', 'bad.pan');
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual({
      diagnostics: [
        {
          code: 'PF107',
          severity: 'error',
          message: expect.stringContaining('invalid octal literal'),
          span: { file: 'bad.pan', offset: 21, length: 2, line: 2, col: 8, endLine: 2, endCol: 9 },
        },
      ],
    });
    const clean = panfab('--format=json', 'good.pan');
    expect([clean.status, JSON.parse(clean.stdout)]).toEqual([0, { diagnostics: [] }]);
  });

  it('prints its usage with --help', () => {
    const r = panfab('--help');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^usage: panfab parse /);
  });

  it.each([
    [[] as string[], /no files or directories given/],
    [['--bogus', 'x.pan'], /unknown option '--bogus'/],
    [['--format', 'xml', 'x.pan'], /unknown format 'xml'/],
    [['missing.pan'], /no such file or directory: missing.pan/],
    [['empty'], /no \.pan or \.tpl files found/],
  ])('exits 2 on the usage error %j', (args, message) => {
    mkdirSync(path.join(dir, 'empty'));
    const r = panfab(...args);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^panfab parse: /);
    expect(r.stderr).toMatch(message);
  });
});
