/**
 * A hand-made deployed tree for the install-server tests, in a fresh temporary directory:
 * two hosts' boot files, kickstarts, an iPXE script and an xl config, a binary boot program,
 * the manifest, a deploy temp file, and hostile entries (symlinks to a file and a directory
 * outside the root, a link into `.panfab/`). Also a small HTTP client over raw sockets and the
 * node http client, and a server started on 127.0.0.1:0 with an in-memory access log.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { createInstallServer, type InstallServer } from '../../src/server/server.js';

export const WEB_MAC = '52-54-00-12-34-56';
export const DB_MAC = '52-54-00-ab-cd-ef';
export const GENERATOR = 'panfab 0.1.0';

/** Files of the tree (relative path → content) with their manifest kind and owner; files without a kind are not managed (boot programs). */
export const FILES: ReadonlyArray<{ path: string; content: string | Buffer; kind?: string; owner?: string }> = [
  { path: `tftpboot/pxelinux.cfg/01-${WEB_MAC}`, kind: 'pxelinux', owner: 'web01.example.org', content: 'DEFAULT install\nLABEL install\n  KERNEL el9/vmlinuz\n  APPEND initrd=el9/initrd.img inst.ks=http://install.example.org/ks/web01.example.org.ks\n' },
  { path: `tftpboot/pxelinux.cfg/01-${DB_MAC}`, kind: 'pxelinux', owner: 'db01.example.org', content: 'DEFAULT local\nLABEL local\n  LOCALBOOT 0\n' },
  { path: 'tftpboot/pxelinux.cfg/default', kind: 'default', content: 'DEFAULT local\nLABEL local\n  LOCALBOOT 0\n' },
  { path: `tftpboot/grub/grub.cfg-01-${WEB_MAC}`, kind: 'grub', owner: 'web01.example.org', content: "set default=0\nmenuentry 'Install web01.example.org' {\n  linux (tftp)/el9/vmlinuz ip=dhcp\n}\n" },
  { path: 'tftpboot/pxelinux.0', content: Buffer.from([0xfa, 0xea, 0x05, 0x00, 0x00, 0x00, 0xff, 0x80]) },
  { path: 'ipxe/web01.example.org.ipxe', kind: 'ipxe', owner: 'web01.example.org', content: '#!ipxe\nkernel http://install.example.org/el9/vmlinuz\nboot\n' },
  { path: 'ks/web01.example.org.ks', kind: 'kickstart', owner: 'web01.example.org', content: 'text\nlang en_US.UTF-8\nrootpw --iscrypted "$6$x"\nreboot\n' },
  { path: 'ks/db01.example.org.ks', kind: 'kickstart', owner: 'db01.example.org', content: 'text\nlang en_US.UTF-8\npoweroff\n' },
  { path: 'xen/dom0.example.org/web01.cfg', kind: 'xl', owner: 'web01.example.org', content: 'name = "web01"\nmemory = 2048\nvcpus = 2\n' },
];

/** The files listed in the manifest. */
export const MANAGED = FILES.filter((f) => f.kind !== undefined);

export const SECRET = 'secret outside the served root\n';

/** A deployed tree in a temp directory; `root` is the served directory, `dir` its parent. */
export interface Tree {
  readonly dir: string;
  readonly root: string;
  write(relative: string, content: string | Buffer): void;
  remove(): void;
}

/** Creates the tree. */
export function makeTree(): Tree {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'panfab-serve-'));
  const root = path.join(dir, 'deployed');
  const write = (relative: string, content: string | Buffer): void => {
    const full = path.join(root, relative);
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, content);
  };
  for (const f of FILES) write(f.path, f.content);
  write('.panfab/manifest.json', JSON.stringify(manifest(), null, 2));
  write('ks/.panfab-tmp-web01.example.org.ks.1234', 'half-written kickstart\n');
  write('.hidden-file', 'not for clients\n');
  mkdirSync(path.join(dir, 'outside'));
  writeFileSync(path.join(dir, 'outside', 'secret.txt'), SECRET);
  symlinkSync('../../outside/secret.txt', path.join(root, 'ks', 'leak.ks'));
  symlinkSync('../../outside', path.join(root, 'tftpboot', 'outdir'));
  symlinkSync('../.panfab/manifest.json', path.join(root, 'tftpboot', 'manifest-link'));
  symlinkSync(`01-${WEB_MAC}`, path.join(root, 'tftpboot', 'pxelinux.cfg', 'C0A80105'));
  return { dir, root, write, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The manifest of FILES, in the shape deploy writes. */
export function manifest(): unknown {
  const files: Record<string, unknown> = {};
  for (const f of MANAGED) {
    files[f.path] = { sha256: sha256(f.content), mode: '0644', kind: f.kind, owner: f.owner ?? '', generator: GENERATOR };
  }
  return { format: 1, generator: GENERATOR, files };
}

export function sha256(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

/** A running server with its collected access log. */
export interface Running {
  readonly server: InstallServer;
  readonly url: string;
  readonly port: number;
  /** Access-log lines written so far (flushed first). */
  logLines(): Promise<string[]>;
}

/** Starts a server over `root` on 127.0.0.1:0. */
export async function startServer(root: string, shutdownGraceMs?: number): Promise<Running> {
  let text = '';
  const log = new Writable({
    write(chunk: Buffer, _enc, done) {
      text += chunk.toString();
      done();
    },
  });
  const server = createInstallServer({ root, host: '127.0.0.1', port: 0, log, shutdownGraceMs, logFlushMs: 0 });
  const url = await server.start();
  const port = Number(new URL(url).port);
  const logLines = async (): Promise<string[]> => {
    await new Promise((r) => setImmediate(r));
    await new Promise((r) => setImmediate(r));
    return text.split('\n').filter((l) => l !== '');
  };
  return { server, url, port, logLines };
}

/** A response read with the node http client. */
export interface Reply {
  readonly status: number;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: Buffer;
}

/** Sends one request with node's http client (fresh connection). */
export function request(port: number, target: string, options: { method?: string; headers?: Record<string, string> } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: target, method: options.method ?? 'GET', headers: options.headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

/**
 * Sends raw bytes (without half-closing, as real clients do) and returns everything the server
 * answered until it closed the connection, or until it stayed silent for a second.
 */
export function rawRequest(port: number, bytes: string | Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(bytes));
    const chunks: Buffer[] = [];
    socket.setTimeout(1000, () => socket.destroy());
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('error', reject);
    socket.on('close', () => resolve(Buffer.concat(chunks).toString('latin1')));
  });
}

/** The status code of a raw HTTP response, or 0 if there is none. */
export function statusOf(response: string): number {
  const m = /^HTTP\/1\.[01] (\d{3})/.exec(response);
  return m ? Number(m[1]) : 0;
}
