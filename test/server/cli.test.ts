/**
 * `panfab serve` as a child process of the compiled CLI (dist/, built by `npm test`; built here
 * when missing): prints its bound URL for `--port 0`, serves, writes the access log where asked,
 * and exits 0 on SIGTERM and SIGINT; usage errors exit 2, an unusable root exits 1.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../grammar/helpers.js';
import { WEB_MAC, makeTree, request, type Tree } from './tree.js';

const BIN = path.join(REPO_ROOT, 'bin', 'panfab.js');
let tree: Tree;

beforeAll(() => {
  if (!existsSync(path.join(REPO_ROOT, 'dist', 'src', 'cli', 'serve.js'))) {
    execFileSync(process.execPath, [path.join(REPO_ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json', '--noEmitOnError', 'false'], {
      cwd: REPO_ROOT,
      stdio: 'ignore',
    });
  }
});

beforeEach(() => {
  tree = makeTree();
});

afterEach(() => {
  tree.remove();
});

interface Served {
  readonly url: string;
  readonly stdout: () => string;
  readonly stderr: () => string;
  /** Sends the signal and resolves with the exit code. */
  stop(signal: NodeJS.Signals): Promise<number | null>;
}

/** Starts `panfab serve ARGS` and waits for its start-up line. */
function serve(...args: string[]): Promise<Served> {
  const child = spawn(process.execPath, [BIN, 'serve', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stderr.on('data', (c: Buffer) => (err += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /serving .* at (http:\/\/127\.0\.0\.1:\d+)\/\n/.exec(out);
      if (m) resolve({ url: m[1]!, stdout: () => out, stderr: () => err, stop: (signal) => (child.kill(signal), exited) });
    });
    void exited.then((code) => reject(new Error(`panfab serve exited (${code}) before serving: ${err}`)));
  });
}

describe('panfab serve', () => {
  test('--port 0 prints the bound URL, serves, logs to stdout with --access-log -, and exits 0 on SIGTERM', async () => {
    const s = await serve('--root', tree.root, '--port', '0', '--access-log', '-');
    const port = Number(new URL(s.url).port);
    expect(port).toBeGreaterThan(0);
    const r = await request(port, `/tftpboot/pxelinux.cfg/01-${WEB_MAC}`);
    expect(r.status).toBe(200);
    expect((await request(port, '/.panfab/manifest.json')).status).toBe(404);
    expect(await s.stop('SIGTERM')).toBe(0);
    expect(s.stdout()).toContain(`"GET /tftpboot/pxelinux.cfg/01-${WEB_MAC} HTTP/1.1" 200`);
    expect(s.stdout()).toContain('refused="hidden file"');
  });

  test('--quiet still prints the URL but logs nothing', async () => {
    const s = await serve('--root', tree.root, '--port', '0', '--quiet');
    expect((await request(Number(new URL(s.url).port), '/healthz')).status).toBe(200);
    expect(await s.stop('SIGTERM')).toBe(0);
    expect(s.stdout()).not.toContain('GET /healthz');
    expect(s.stderr()).toBe('');
  });

  test('SIGINT also exits 0; the access log goes to a file', async () => {
    const logFile = path.join(tree.dir, 'access.log');
    const s = await serve('--root', tree.root, '--port', '0', '--access-log', logFile);
    expect((await request(Number(new URL(s.url).port), '/healthz')).status).toBe(200);
    expect(await s.stop('SIGINT')).toBe(0);
    expect(readFileSync(logFile, 'utf8')).toMatch(/"GET \/healthz HTTP\/1\.1" 200 \d+/);
  });

  test('--help, usage errors and an unusable root', () => {
    const run = (...args: string[]) => spawnSync(process.execPath, [BIN, 'serve', ...args], { encoding: 'utf8' });
    const help = run('--help');
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('usage: panfab serve --root DIR');
    expect(run().status).toBe(2);
    expect(run('--root', tree.root, '--port', 'http').status).toBe(2);
    expect(run('--root', tree.root, '--bogus').status).toBe(2);
    const missing = run('--root', path.join(tree.dir, 'nope'), '--port', '0');
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('panfab serve: cannot serve');
  });
});
