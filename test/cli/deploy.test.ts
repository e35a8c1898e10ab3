/**
 * `panfab deploy` scenarios: usage errors, first and repeated deploys, drift refusal and
 * --force, --dry-run, the JSON report, --quiet, and a tree locked by another deploy.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { jest } from '@jest/globals';
import { run as build } from '../../src/cli/build.js';
import { run as deploy } from '../../src/cli/deploy.js';
import { REPO_ROOT } from '../grammar/helpers.js';
import { cleanup, readTree, tempDir, writeTree } from '../deploy/helpers.js';

let dir: string;
let out: string;
let deployed: string;
let stdout: string;
let stderr: string;

beforeEach(() => {
  dir = tempDir('panfab-deploy-cli-');
  out = path.join(dir, 'out');
  deployed = path.join(dir, 'deployed');
  stdout = '';
  stderr = '';
  jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += chunk.toString();
    return true;
  });
  jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    if (!/^\((node:\d+|Use `node)/.test(chunk.toString())) stderr += chunk.toString();
    return true;
  });
});

afterEach(() => {
  jest.restoreAllMocks();
  cleanup(dir);
});

const V1 = { 'ks/a.example.org.ks': 'a1\n', 'tftpboot/pxelinux.cfg/default': 'DEFAULT local\n' };
const V2 = { 'ks/a.example.org.ks': 'a2\n', 'ks/b.example.org.ks': 'b1\n' };

function generate(files: Record<string, string>): void {
  cleanup(out);
  writeTree(out, files);
}

function reset(): void {
  stdout = '';
  stderr = '';
}

describe('panfab deploy: usage', () => {
  it.each([[['--bogus']], [['--from', 'o', '--to', 'd', '--format', 'xml']], [['--from', 'o', '--to', 'd', 'x', 'y']]])('%j exits 1', async (args) => {
    expect(await deploy(args)).toBe(1);
    expect(stderr).toContain("(see 'panfab deploy --help')");
  });

  it('prints its help', async () => {
    expect(await deploy(['-h'])).toBe(0);
    expect(stdout).toMatch(/^usage: panfab deploy \[options\] \[SITE-DIR\]/);
  });
});

describe('panfab deploy', () => {
  it('deploys into a new directory, then has nothing to do', async () => {
    generate(V1);
    expect(await deploy(['--from', out, '--to', deployed])).toBe(0);
    expect(stdout).toBe(
      'a.example.org\n  kickstart: ks/a.example.org.ks (added)\n(site-wide)\n  default: tftpboot/pxelinux.cfg/default (added)\n' + `Deployed to ${deployed}: 2 written, 0 deleted\n`,
    );
    expect(stderr).toBe('');
    expect(readTree(deployed)).toEqual(V1);
    reset();
    expect(await deploy(['--from', out, '--to', deployed])).toBe(0);
    expect(stdout).toBe(`Nothing to do: ${deployed} is up to date\n`);
  });

  it('replaces and removes managed files and leaves unmanaged ones alone', async () => {
    generate(V1);
    await deploy(['--from', out, '--to', deployed]);
    writeTree(deployed, { 'tftpboot/pxelinux.0': 'loader' });
    generate(V2);
    reset();
    expect(await deploy(['--from', out, '--to', deployed])).toBe(0);
    expect(stdout).toContain(`Deployed to ${deployed}: 2 written, 1 deleted; 1 unmanaged file left alone\n`);
    expect(readTree(deployed)).toEqual({ ...V2, 'tftpboot/pxelinux.0': 'loader' });
  });

  it('refuses drift (exit 1, PF600 on stderr) and overwrites it with --force', async () => {
    generate(V1);
    await deploy(['--from', out, '--to', deployed]);
    writeFileSync(path.join(deployed, 'ks/a.example.org.ks'), 'by hand\n');
    generate(V2);
    reset();
    expect(await deploy(['--from', out, '--to', deployed])).toBe(1);
    expect(stderr).toContain(`${path.join(deployed, 'ks/a.example.org.ks')}:1:1: PF600 ks/a.example.org.ks was changed by hand since the last deploy (edited); refusing to overwrite it without --force`);
    expect(stdout).toContain('refused or failed');
    expect(readTree(deployed)['ks/a.example.org.ks']).toBe('by hand\n');
    reset();
    expect(await deploy(['--from', out, '--to', deployed, '--force'])).toBe(0);
    expect(stderr).toContain('PF611 warning: overwriting ks/a.example.org.ks');
    expect(readTree(deployed)).toEqual(V2);
  });

  it('writes nothing with --dry-run and reports what it would do', async () => {
    generate(V1);
    expect(await deploy(['--from', out, '--to', deployed, '--dry-run'])).toBe(0);
    expect(existsSync(deployed)).toBe(false);
    expect(stdout).toContain('2 to add');
    expect(stdout).toContain(`Dry run: nothing written to ${deployed}\n`);
  });

  it('writes a JSON report with --format json', async () => {
    generate(V1);
    expect(await deploy(['--from', out, '--to', deployed, '--format', 'json'])).toBe(0);
    const doc = JSON.parse(stdout);
    expect(doc).toMatchObject({ ok: true, dryRun: false, root: deployed, counts: { written: 2, deleted: 0 }, summary: { added: 2 } });
    expect(doc.entries.map((e: { path: string }) => e.path)).toEqual(['ks/a.example.org.ks', 'tftpboot/pxelinux.cfg/default']);
    expect(doc.entries[0].diff).toBeUndefined();
  });

  it('is silent with --quiet except for errors', async () => {
    generate(V1);
    expect(await deploy(['--from', out, '--to', deployed, '-q'])).toBe(0);
    expect(stdout + stderr).toBe('');
  });

  it('refuses while another deploy holds the lock', async () => {
    generate(V1);
    mkdirSync(path.join(deployed, '.panfab'), { recursive: true });
    writeFileSync(path.join(deployed, '.panfab/lock'), JSON.stringify({ pid: process.ppid, hostname: (await import('node:os')).hostname(), startedAt: '2030-01-01T00:00:00Z' }));
    expect(await deploy(['--from', out, '--to', deployed])).toBe(1);
    expect(stderr).toContain('PF601 another deploy holds the lock: pid');
    expect(readTree(deployed)).toEqual({});
  });

  it('builds the site as build does when no --from is given, and deploys its artifacts', async () => {
    const site = path.join(REPO_ROOT, 'profiles');
    expect(await deploy(['--to', deployed, '--quiet', site])).toBe(0);
    const manifest = JSON.parse(readFileSync(path.join(deployed, '.panfab/manifest.json'), 'utf8'));
    expect(manifest.files['ks/ce01.example.org.ks']).toMatchObject({ kind: 'kickstart', owner: 'ce01.example.org', mode: '0644' });
    const kinds = new Set(Object.values(manifest.files as Record<string, { kind: string }>).map((f) => f.kind));
    expect([...kinds].sort()).toEqual(['default', 'grub', 'ipxe', 'kickstart', 'pxelinux', 'pypxeboot', 'report', 'xl']);
    expect(Object.keys(readTree(deployed)).sort()).toEqual(Object.keys(manifest.files).sort());
    reset();
    expect(await deploy(['--to', deployed, site])).toBe(0);
    expect(stdout).toBe(`Nothing to do: ${deployed} is up to date\n`);
  });

  it('records the same manifest from a build\'s output directory (--from) as from building', async () => {
    const site = path.join(REPO_ROOT, 'profiles');
    expect(await build(['--output-dir', out, '--quiet', site])).toBe(0);
    expect(await deploy(['--from', out, '--to', deployed, '--quiet'])).toBe(0);
    const built = path.join(dir, 'built');
    expect(await deploy(['--to', built, '--quiet', site])).toBe(0);
    const manifest = (root: string) => readFileSync(path.join(root, '.panfab/manifest.json'), 'utf8');
    expect(manifest(deployed)).toBe(manifest(built));
    expect(readTree(deployed)).toEqual(readTree(built));
  });
});
