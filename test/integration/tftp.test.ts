/**
 * A real TFTP server over the deployed tree, as the README's "Serving the tree over TFTP"
 * describes: the example site is deployed with `panfab deploy`, tftpd-hpa's `in.tftpd` serves
 * `<deployed>/tftpboot` in the foreground on a free loopback UDP port (chrooted with --secure,
 * hiding dotfiles with the README's remap rule), and `curl tftp://` fetches every generated
 * pxelinux and GRUB per-host file. Each must equal the deployed bytes and what `panfab serve`
 * answers over HTTP for the same tree. Runs as root (in.tftpd chroots); without in.tftpd or curl
 * the suite is skipped with a message, unless CI is set, where that is a failure.
 */
import { execFile, execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import dgram from 'node:dgram';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { createInstallServer, type InstallServer } from '../../src/server/server.js';
import { REPO_ROOT, inCi } from './validators.js';

const execFileAsync = promisify(execFile);

/** The remap rule of the README: any path with a segment starting with '.' names no file. */
const TFTPD_MAP = '# dotfiles (deploy temporary files) are never served\nr (^|/)\\. /dotfiles-are-not-served/\n';

function locate(name: string, dirs: readonly string[]): string | undefined {
  for (const dir of [...(process.env['PATH'] ?? '').split(':'), ...dirs]) {
    if (dir !== '' && existsSync(path.join(dir, name))) return path.join(dir, name);
  }
  return undefined;
}

const IN_TFTPD = locate('in.tftpd', ['/usr/sbin', '/sbin']);
const CURL = locate('curl', ['/usr/bin']);
const isRoot = process.getuid?.() === 0;
const missing = [IN_TFTPD ? '' : 'in.tftpd (package tftpd-hpa)', CURL ? '' : 'curl', isRoot ? '' : 'root (in.tftpd --secure chroots)'].filter((m) => m !== '');
const skip = missing.length > 0 && !inCi();
if (skip) process.stderr.write(`tftp.test: skipped, missing ${missing.join(', ')}; .ci/install-validators installs the packages\n`);
const describeTftp = skip ? describe.skip : describe;

describeTftp('the deployed tree over TFTP (tftpd-hpa) and HTTP (panfab serve)', () => {
  let dir: string;
  let deployed: string;
  let tftpd: ChildProcess | undefined;
  let tftpPort: number;
  let http: InstallServer | undefined;
  let httpUrl: string;

  beforeAll(async () => {
    if (missing.length > 0) throw new Error(`TFTP integration test needs ${missing.join(', ')} (CI is set, so this is a failure)`);
    dir = mkdtempSync(path.join(os.tmpdir(), 'panfab-tftp-'));
    deployed = path.join(dir, 'deployed');
    deploySite(deployed);
    writeFileSync(path.join(dir, 'tftpd.map'), TFTPD_MAP);
    writeFileSync(path.join(deployed, 'tftpboot', 'pxelinux.cfg', '.panfab-tmp-1-abcdef'), 'a deploy temporary file\n');
    tftpPort = await freeUdpPort();
    tftpd = spawn(IN_TFTPD!, ['--foreground', '--address', `127.0.0.1:${tftpPort}`, '--secure', '--map-file', path.join(dir, 'tftpd.map'), path.join(deployed, 'tftpboot')], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    await waitForTftp('pxelinux.cfg/default');
    http = createInstallServer({ root: deployed, port: 0 });
    httpUrl = await http.start();
  });

  afterAll(async () => {
    await http?.stop();
    tftpd?.kill('SIGTERM');
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** `curl -s tftp://127.0.0.1:PORT/<rel>`: the file's bytes, or the curl exit code. */
  async function tftpGet(rel: string): Promise<Buffer | number> {
    try {
      const r = await execFileAsync(CURL!, ['-s', '--max-time', '10', `tftp://127.0.0.1:${tftpPort}/${rel}`], { encoding: 'buffer' });
      return r.stdout;
    } catch (e) {
      return (e as { code?: number }).code ?? -1;
    }
  }

  async function waitForTftp(rel: string): Promise<void> {
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline) {
      if (tftpd?.exitCode !== null) throw new Error(`in.tftpd exited with ${tftpd?.exitCode}`);
      if (Buffer.isBuffer(await tftpGet(rel))) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('in.tftpd did not answer within 10 s');
  }

  function perHostBootFiles(): string[] {
    const pxe = readdirSync(path.join(deployed, 'tftpboot', 'pxelinux.cfg')).filter((n) => n.startsWith('01-')).map((n) => `pxelinux.cfg/${n}`);
    const grub = readdirSync(path.join(deployed, 'tftpboot', 'grub')).filter((n) => n.startsWith('grub.cfg-01-')).map((n) => `grub/${n}`);
    return [...pxe, ...grub].sort();
  }

  test('every generated per-host pxelinux and GRUB file: TFTP bytes = deployed bytes = HTTP bytes', async () => {
    const files = perHostBootFiles();
    expect(files.filter((f) => f.startsWith('pxelinux.cfg/01-')).length).toBeGreaterThan(0);
    expect(files.filter((f) => f.startsWith('grub/')).length).toBeGreaterThan(0);
    for (const rel of files) {
      const onDisk = readFileSync(path.join(deployed, 'tftpboot', rel));
      const overTftp = await tftpGet(rel);
      expect([rel, Buffer.isBuffer(overTftp) && overTftp.equals(onDisk)]).toEqual([rel, true]);
      const overHttp = Buffer.from(await (await fetch(`${httpUrl}/tftpboot/${rel}`)).arrayBuffer());
      expect([rel, overHttp.equals(onDisk)]).toEqual([rel, true]);
    }
  });

  test('the site-wide defaults are served too', async () => {
    for (const rel of ['pxelinux.cfg/default', 'grub/grub.cfg']) {
      const got = await tftpGet(rel);
      expect(Buffer.isBuffer(got) && got.equals(readFileSync(path.join(deployed, 'tftpboot', rel)))).toBe(true);
    }
  });

  test('missing files, deploy temporary files and paths outside tftpboot/ are not served', async () => {
    expect(await tftpGet('pxelinux.cfg/01-00-00-00-00-00-00')).toBe(68);
    expect(await tftpGet('pxelinux.cfg/.panfab-tmp-1-abcdef')).toBe(68);
    expect(await tftpGet('.panfab/manifest.json')).toBe(68);
    expect(await tftpGet('../ks/ce01.example.org.ks')).toBe(68);
  });
});

/** `panfab deploy --to DIR profiles`: the example site, built and deployed by the compiled CLI. */
function deploySite(target: string): void {
  if (!existsSync(path.join(REPO_ROOT, 'dist', 'src', 'cli', 'deploy.js'))) {
    execFileSync(process.execPath, [path.join(REPO_ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json', '--noEmitOnError', 'false'], { cwd: REPO_ROOT, stdio: 'ignore' });
  }
  const r = spawnSync(process.execPath, [path.join(REPO_ROOT, 'bin', 'panfab.js'), 'deploy', '--quiet', '--to', target, 'profiles'], { cwd: REPO_ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`panfab deploy failed (${r.status}): ${r.stderr}`);
}

/** A UDP port that was free on 127.0.0.1 a moment ago. */
function freeUdpPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = dgram.createSocket('udp4');
    socket.on('error', reject);
    socket.bind(0, '127.0.0.1', () => {
      const { port } = socket.address();
      socket.close(() => resolve(port));
    });
  });
}
