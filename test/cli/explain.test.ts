/** `panfab explain`: value at a path and the statements that contributed to it. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { jest } from '@jest/globals';
import { run } from '../../src/cli/explain.js';

let dir: string;
let stdout: string;
let stderr: string;

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'panfab-explain-'));
  stdout = '';
  stderr = '';
  jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += chunk.toString();
    return true;
  });
  jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += chunk.toString();
    return true;
  });
});

afterEach(() => {
  jest.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});

function write(name: string, text: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
}

describe('panfab explain', () => {
  test('prints the value and every contributing template line', async () => {
    write('base.pan', "template base;\n'/net/host' = 'a';\n");
    const file = write('node.pan', "object template node;\ninclude 'base';\n'/net/host' = 'b';\n'/net/dom' = 'x';\n");
    expect(await run(['--include-path', dir, file, '/net/host'])).toBe(0);
    expect(stdout).toContain("/net/host = 'b'  (string)");
    expect(stdout).toMatch(/base:2 {2}assign/);
    expect(stdout).toMatch(/node:3 {2}assign/);
    expect(stdout).not.toContain('node:4');
  });

  test('a resource path lists writes below it', async () => {
    const file = write('n.pan', "object template n;\n'/a/b' = 1;\n'/a/c' = list(1);\n");
    expect(await run(['--include-path', dir, file, '/a'])).toBe(0);
    expect(stdout).toMatch(/n:2 {2}assign \/a\/b/);
    expect(stdout).toMatch(/n:3 {2}assign \/a\/c/);
  });

  test('compilation errors and missing paths exit 1; bad usage exits 2', async () => {
    const bad = write('bad.pan', "object template bad;\n'/a' = 1 + 'x';\n");
    expect(await run(['--include-path', dir, bad, '/a'])).toBe(1);
    expect(stderr).toContain('PF115');
    const ok = write('ok.pan', "object template ok;\n'/a' = 1;\n");
    expect(await run(['--include-path', dir, ok, '/nope'])).toBe(1);
    expect(await run([ok])).toBe(2);
    expect(await run(['--include-path', dir, ok, 'relative'])).toBe(2);
  });
});
