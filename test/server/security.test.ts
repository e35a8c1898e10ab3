/**
 * Hostile requests against the install server, sent as raw bytes so that no client library
 * normalises them first: traversal in every encoding, separators and NUL smuggled through
 * escapes, double encoding, invalid UTF-8, absolute and asterisk forms, backslashes, hidden
 * files (`.panfab/`, deploy's temp files), symlinks leaving the root, over-long and over-deep
 * paths, header injection, forbidden and unknown methods. Each one must be refused with
 * 400/404/405, must not leak the secret outside the root or the manifest, and must leave a
 * `refused="…"` line in the access log. curl (with --path-as-is) checks a few of them again.
 */
import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { SECRET, WEB_MAC, makeTree, rawRequest, startServer, statusOf, type Running, type Tree } from './tree.js';

let tree: Tree;
let srv: Running;
let manifestText: string;

beforeAll(async () => {
  tree = makeTree();
  manifestText = readFileSync(path.join(tree.root, '.panfab', 'manifest.json'), 'utf8');
  srv = await startServer(tree.root);
});

afterAll(async () => {
  await srv.server.stop();
  tree.remove();
});

/** Sends `METHOD TARGET HTTP/1.1` with a Host header. */
function line(method: string, target: string): string {
  return `${method} ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`;
}

interface Case {
  readonly name: string;
  readonly request: string | Buffer;
  readonly status: 400 | 404 | 405;
}

const get = (target: string): string => line('GET', target);

const CASES: readonly Case[] = [
  { name: 'plain ../ traversal', request: get('/../outside/secret.txt'), status: 400 },
  { name: 'traversal after a real directory', request: get('/ks/../../outside/secret.txt'), status: 400 },
  { name: '. segment', request: get('/ks/./web01.example.org.ks'), status: 400 },
  { name: 'percent-encoded dots %2e%2e', request: get('/%2e%2e/outside/secret.txt'), status: 400 },
  { name: 'mixed-case encoded dots %2E%2e', request: get('/ks/%2E%2e/%2E%2e/outside/secret.txt'), status: 400 },
  { name: 'encoded slash %2f', request: get('/ks/..%2f..%2foutside%2fsecret.txt'), status: 400 },
  { name: 'encoded slash in upper case %2F', request: get('/%2E%2E%2Foutside%2Fsecret.txt'), status: 400 },
  { name: 'encoded backslash %5c', request: get('/ks/..%5c..%5coutside%5csecret.txt'), status: 400 },
  { name: 'encoded NUL %00', request: get('/ks/web01.example.org.ks%00.txt'), status: 400 },
  { name: 'raw NUL byte', request: Buffer.from('GET /ks/web01.example.org.ks\u0000 HTTP/1.1\r\nHost: x\r\n\r\n', 'latin1'), status: 400 },
  { name: 'double-encoded dots %252e', request: get('/%252e%252e/outside/secret.txt'), status: 400 },
  { name: 'double-encoded slash %252f', request: get('/ks/..%252f..%252foutside'), status: 400 },
  { name: 'overlong UTF-8 dots %c0%ae', request: get('/%c0%ae%c0%ae/outside/secret.txt'), status: 400 },
  { name: 'invalid UTF-8 escape %ff', request: get('/ks/%ff%fe'), status: 400 },
  { name: 'non-standard %u escape', request: get('/ks/%u002e%u002e/secret'), status: 400 },
  { name: 'raw backslashes', request: get('/ks\\..\\..\\outside\\secret.txt'), status: 400 },
  { name: 'absolute-form URL', request: get('http://127.0.0.1/ks/web01.example.org.ks'), status: 400 },
  { name: 'absolute-form URL with traversal', request: get('http://evil.example/../../outside/secret.txt'), status: 400 },
  { name: 'asterisk form', request: get('*'), status: 400 },
  { name: '// prefix', request: get('//outside/secret.txt'), status: 400 },
  { name: 'empty inner segment', request: get('/ks//web01.example.org.ks'), status: 400 },
  { name: 'fragment in target', request: get('/ks/web01.example.org.ks#x'), status: 400 },
  { name: 'manifest .panfab/manifest.json', request: get('/.panfab/manifest.json'), status: 404 },
  { name: 'manifest through an encoded dot', request: get('/%2epanfab/manifest.json'), status: 404 },
  { name: 'deploy temp file .panfab-tmp-*', request: get('/ks/.panfab-tmp-web01.example.org.ks.1234'), status: 404 },
  { name: 'dotfile at the root', request: get('/.hidden-file'), status: 404 },
  { name: 'symlink to a file outside the root', request: get('/ks/leak.ks'), status: 404 },
  { name: 'symlink to a directory outside the root', request: get('/tftpboot/outdir/secret.txt'), status: 404 },
  { name: 'symlink into .panfab/', request: get('/tftpboot/manifest-link'), status: 404 },
  { name: 'long path (2,000 characters)', request: get('/' + 'a'.repeat(2000)), status: 400 },
  { name: 'path beyond the header limit (20,000 characters)', request: get('/' + 'b'.repeat(20000)), status: 400 },
  { name: 'segment longer than 255 characters', request: get('/ks/' + 'c'.repeat(300)), status: 400 },
  { name: 'path deeper than 16 levels', request: get('/a'.repeat(20)), status: 400 },
  { name: 'encoded CR LF header injection', request: get('/ks/web01.example.org.ks%0d%0aSet-Cookie:%20x=1'), status: 400 },
  { name: 'raw CR LF in the request line (an HTTP/0.9 request)', request: 'GET /ks/web01.example.org.ks\r\nSet-Cookie: x=1 HTTP/1.1\r\nHost: x\r\n\r\n', status: 400 },
  { name: 'raw space in the path', request: 'GET /ks/a b HTTP/1.1\r\nHost: x\r\n\r\n', status: 400 },
  { name: 'raw non-ASCII byte', request: Buffer.from('GET /ks/\u00e9.ks HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n', 'latin1'), status: 400 },
  { name: 'encoded tab', request: get('/ks/web01%09.ks'), status: 400 },
  { name: 'CONNECT tunnel', request: 'CONNECT 127.0.0.1:22 HTTP/1.1\r\nHost: 127.0.0.1:22\r\n\r\n', status: 405 },
  { name: 'TRACE', request: line('TRACE', '/ks/web01.example.org.ks'), status: 405 },
  { name: 'PUT with a body', request: 'PUT /ks/web01.example.org.ks HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nConnection: close\r\n\r\nabc', status: 405 },
  { name: 'unknown method', request: line('FROB', '/'), status: 400 },
];

describe('refused requests', () => {
  test('there are at least 20 cases', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(20);
  });

  test.each(CASES.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const before = (await srv.logLines()).length;
    const response = await rawRequest(srv.port, c.request);
    expect(statusOf(response)).toBe(c.status);
    expect(response).not.toContain(SECRET.trim());
    expect(response).not.toContain(manifestText.slice(0, 40));
    const log = await srv.logLines();
    expect(log.length).toBe(before + 1);
    expect(log[log.length - 1]).toMatch(new RegExp(` ${c.status} \\d+ [\\d.]+ms refused="[^"]+"$`));
  });

  test('log lines stay single lines whatever the request contains', async () => {
    const log = await srv.logLines();
    for (const entry of log) expect(entry).toMatch(/^\S+ - - \[[^\]]+\] "[^"\\]*(?:\\.[^"\\]*)*" \d{3} \d+ [\d.]+ms(?: refused="[^"]*")?$/);
  });

  test('the server still serves normal requests afterwards', async () => {
    const response = await rawRequest(srv.port, get(`/tftpboot/pxelinux.cfg/01-${WEB_MAC}`));
    expect(statusOf(response)).toBe(200);
  });
});

const execFileAsync = promisify(execFile);
const curlMissing = spawnSync('curl', ['--version']).error !== undefined;
const runCurl = curlMissing && !process.env['CI'] ? test.skip : test;
if (curlMissing && !process.env['CI']) process.stderr.write('security.test: curl is not installed; skipping the curl cases (install the curl package)\n');

describe('with curl', () => {
  /** Runs curl asynchronously (the server lives in this process) and returns the status it saw. */
  const curl = async (...args: string[]): Promise<string> => (await execFileAsync('curl', ['-s', '--max-time', '10', '-o', '/dev/null', '-w', '%{http_code}', ...args], { timeout: 15000 })).stdout;

  runCurl('curl --path-as-is traversal, encoded traversal and the manifest are refused; a kickstart is served', async () => {
    const base = `http://127.0.0.1:${srv.port}`;
    expect(await curl('--path-as-is', `${base}/ks/../../outside/secret.txt`)).toBe('400');
    expect(await curl('--path-as-is', `${base}/%2e%2e/%2e%2e/outside/secret.txt`)).toBe('400');
    expect(await curl(`${base}/.panfab/manifest.json`)).toBe('404');
    expect(await curl('-X', 'DELETE', `${base}/ks/web01.example.org.ks`)).toBe('405');
    expect(await curl(`${base}/ks/by-mac/${WEB_MAC.toUpperCase().replace(/-/g, ':')}`)).toBe('200');
  });
});
