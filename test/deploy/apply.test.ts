/**
 * Deploying to a real tree: a first deploy creates it, later deploys add, replace and remove
 * managed files, unmanaged files are never modified or deleted, drift and conflicts are refused
 * (drift can be forced), a dry run writes nothing, and leftovers of an interrupted deploy are
 * cleaned up and converge.
 */
import { existsSync, mkdirSync, readFileSync, statSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { MANIFEST_PATH, PENDING_PATH, serializeManifest } from '../../src/deploy/manifest.js';
import { commitManifest } from '../../src/deploy/apply.js';
import { hasChanges, targetManifest } from '../../src/deploy/plan.js';
import { deployTree, GENERATOR, preparePlan } from '../../src/deploy/session.js';
import type { GeneratedSet } from '../../src/deploy/generated.js';
import { cleanup, generatedSet, readTree, tempDir, writeTree } from './helpers.js';

let dir: string;
let root: string;
beforeEach(() => {
  dir = tempDir();
  root = path.join(dir, 'deployed');
});
afterEach(() => cleanup(dir));

const V1 = { 'ks/a.example.org.ks': 'a1\n', 'ks/b.example.org.ks': 'b1\n', 'xen/xen01.example.org/a.example.org.cfg': 'name="a"\n', 'tftpboot/pxelinux.cfg/default': 'DEFAULT local\n' };
const V2 = { 'ks/a.example.org.ks': 'a2\n', 'xen/xen01.example.org/a.example.org.cfg': 'name="a"\n', 'tftpboot/pxelinux.cfg/default': 'DEFAULT local\n', 'ipxe/c.example.org.ipxe': '#!ipxe\n' };

async function deploy(files: Record<string, string> | GeneratedSet, opts: { force?: boolean; dryRun?: boolean } = {}) {
  const generated = files instanceof Map ? files : generatedSet(files as Record<string, string>);
  return deployTree(root, { generated }, { force: opts.force ?? false, dryRun: opts.dryRun ?? false });
}

async function planFor(files: Record<string, string>) {
  return preparePlan(root, { generated: generatedSet(files) });
}

describe('deploy', () => {
  it('creates the tree and its manifest on a first deploy into a missing directory', async () => {
    const r = await deploy(V1);
    expect(r.ok).toBe(true);
    expect(r.counts).toEqual({ written: 4, deleted: 0 });
    expect(readTree(root)).toEqual(V1);
    const manifest = readFileSync(path.join(root, MANIFEST_PATH), 'utf8');
    expect(manifest).toBe(serializeManifest(targetManifest(generatedSet(V1), undefined, GENERATOR)));
    expect(readTree(path.join(root, '.panfab'))).toEqual({ 'manifest.json': manifest });
    expect(hasChanges((await planFor(V1)).plan)).toBe(false);
  });

  it('adds, replaces and removes managed files and converges', async () => {
    await deploy(V1);
    const r = await deploy(V2);
    expect(r.ok).toBe(true);
    expect(r.counts).toEqual({ written: 2, deleted: 1 });
    expect(readTree(root)).toEqual(V2);
    const again = await deploy(V2);
    expect(again.ok).toBe(true);
    expect(again.counts).toBeUndefined();
  });

  it('sets the generated mode exactly, whatever the umask', async () => {
    const generated = generatedSet({ 'xen/h/g.cfg': 'x\n', 'ks/g.ks': 'y\n' }, { 'xen/h/g.cfg': { mode: 0o600 }, 'ks/g.ks': { mode: 0o664 } });
    const old = process.umask(0o077);
    try {
      expect((await deploy(generated)).ok).toBe(true);
    } finally {
      process.umask(old);
    }
    expect(statSync(path.join(root, 'xen/h/g.cfg')).mode & 0o777).toBe(0o600);
    expect(statSync(path.join(root, 'ks/g.ks')).mode & 0o777).toBe(0o664);
  });

  it('never modifies or deletes unmanaged files, even next to removed managed ones', async () => {
    writeTree(root, { 'ks/notes.txt': 'mine\n', 'tftpboot/pxelinux.0': 'binary', 'tftpboot/pxelinux.cfg/01-aa-bb-cc-dd-ee-ff': 'hand made\n' });
    const before = statSync(path.join(root, 'ks/notes.txt'));
    await deploy(V1);
    await deploy(V2);
    const tree = readTree(root);
    expect(tree).toEqual({ ...V2, 'ks/notes.txt': 'mine\n', 'tftpboot/pxelinux.0': 'binary', 'tftpboot/pxelinux.cfg/01-aa-bb-cc-dd-ee-ff': 'hand made\n' });
    const after = statSync(path.join(root, 'ks/notes.txt'));
    expect([after.ino, after.mtimeMs]).toEqual([before.ino, before.mtimeMs]);
    const plan = (await planFor(V2)).plan;
    expect(plan.entries.filter((e) => e.status === 'unmanaged').map((e) => e.path)).toEqual(['ks/notes.txt', 'tftpboot/pxelinux.0', 'tftpboot/pxelinux.cfg/01-aa-bb-cc-dd-ee-ff']);
  });

  it('refuses to overwrite a drifted file without --force (PF600) and writes nothing', async () => {
    await deploy(V1);
    writeFileSync(path.join(root, 'ks/a.example.org.ks'), 'edited by hand\n');
    const before = readTree(root, true);
    const r = await deploy(V2);
    expect(r.ok).toBe(false);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['PF600']);
    expect(r.diagnostics[0]!.span?.file).toBe(path.join(root, 'ks', 'a.example.org.ks'));
    expect(readTree(root, true)).toEqual(before);
  });

  it('refuses to delete a drifted file that is no longer generated, and a deleted managed file is drift too', async () => {
    await deploy(V1);
    writeFileSync(path.join(root, 'ks/b.example.org.ks'), 'edited\n');
    unlinkSync(path.join(root, 'tftpboot/pxelinux.cfg/default'));
    const r = await deploy(V2);
    expect(r.diagnostics.map((d) => d.message)).toEqual([
      'ks/b.example.org.ks was changed by hand since the last deploy (edited); refusing to delete it without --force',
      'tftpboot/pxelinux.cfg/default was changed by hand since the last deploy (missing); refusing to overwrite it without --force',
    ]);
  });

  it('overwrites and deletes drifted files with --force, warning about each (PF611)', async () => {
    await deploy(V1);
    writeFileSync(path.join(root, 'ks/a.example.org.ks'), 'edited\n');
    writeFileSync(path.join(root, 'ks/b.example.org.ks'), 'edited\n');
    const r = await deploy(V2, { force: true });
    expect(r.ok).toBe(true);
    expect(r.diagnostics.map((d) => [d.code, d.severity])).toEqual([
      ['PF611', 'warning'],
      ['PF611', 'warning'],
    ]);
    expect(readTree(root)).toEqual(V2);
  });

  it('refuses a generated file where an unmanaged file with other bytes sits (PF605), even with --force', async () => {
    writeTree(root, { 'ks/a.example.org.ks': 'the admin wrote this\n' });
    const r = await deploy(V1, { force: true });
    expect(r.ok).toBe(false);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['PF605']);
    expect(readTree(root)).toEqual({ 'ks/a.example.org.ks': 'the admin wrote this\n' });
  });

  it('adopts an unmanaged file that already has the generated bytes, without rewriting it', async () => {
    writeTree(root, { 'ks/a.example.org.ks': 'a1\n' });
    const ino = statSync(path.join(root, 'ks/a.example.org.ks')).ino;
    const r = await deploy(V1);
    expect(r.ok).toBe(true);
    expect(r.counts).toEqual({ written: 3, deleted: 0 });
    expect(statSync(path.join(root, 'ks/a.example.org.ks')).ino).toBe(ino);
    expect(JSON.parse(readFileSync(path.join(root, MANIFEST_PATH), 'utf8')).files['ks/a.example.org.ks']).toBeDefined();
  });

  it('refuses to write through a symbolic link that leads out of the tree (PF604)', async () => {
    const outside = path.join(dir, 'outside');
    mkdirSync(outside);
    mkdirSync(root);
    symlinkSync(outside, path.join(root, 'ks'));
    const r = await deploy(V1);
    expect(r.ok).toBe(false);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['PF604', 'PF604']);
    expect(readTree(outside)).toEqual({});
    expect(existsSync(path.join(root, MANIFEST_PATH))).toBe(false);
  });

  it('refuses to start while another deploy holds the lock (PF601)', async () => {
    mkdirSync(path.join(root, '.panfab'), { recursive: true });
    writeFileSync(path.join(root, '.panfab/lock'), JSON.stringify({ pid: process.ppid, hostname: (await import('node:os')).hostname(), startedAt: 'now' }));
    const r = await deploy(V1);
    expect(r.ok).toBe(false);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['PF601']);
    expect(readTree(root)).toEqual({});
  });

  it('refuses a damaged manifest (PF602) without touching the tree', async () => {
    await deploy(V1);
    writeFileSync(path.join(root, MANIFEST_PATH), '{"format": 1, "generator": "x", "files": {"../../etc/passwd": {}}}');
    const r = await deploy(V2);
    expect(r.ok).toBe(false);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['PF602']);
    expect(readTree(root)).toEqual(V1);
  });

  it('reports a write failure as PF608, leaves no temporary file, and converges on the next deploy', async () => {
    await deploy(V1);
    const tooLong = `ks/${'x'.repeat(300)}.ks`;
    const r = await deploy({ ...V2, [tooLong]: 'y\n' });
    expect(r.ok).toBe(false);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['PF608']);
    expect(r.diagnostics[0]!.message).toContain(tooLong);
    expect(Object.keys(readTree(root, true)).filter((p) => path.basename(p).startsWith('.panfab-tmp-'))).toEqual([]);
    expect(existsSync(path.join(root, PENDING_PATH))).toBe(true);
    const again = await deploy(V2);
    expect(again.ok).toBe(true);
    expect(readTree(root)).toEqual(V2);
    expect(existsSync(path.join(root, PENDING_PATH))).toBe(false);
  });
});

describe('dry run', () => {
  it('writes nothing into a missing directory, not even the directory', async () => {
    const r = await deploy(V1, { dryRun: true });
    expect(r.ok).toBe(true);
    expect(r.counts).toBeUndefined();
    expect(existsSync(root)).toBe(false);
    expect(r.session?.plan.entries.map((e) => e.status)).toEqual(['added', 'added', 'added', 'added']);
  });

  it('writes nothing into a deployed tree, and reports the refusals a real deploy would meet', async () => {
    await deploy(V1);
    writeFileSync(path.join(root, 'ks/b.example.org.ks'), 'edited\n');
    const before = readTree(root, true);
    const mtime = statSync(path.join(root, MANIFEST_PATH)).mtimeMs;
    const r = await deploy(V2, { dryRun: true });
    expect(r.ok).toBe(false);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['PF600']);
    const forced = await deploy(V2, { dryRun: true, force: true });
    expect(forced.ok).toBe(true);
    expect(readTree(root, true)).toEqual(before);
    expect(statSync(path.join(root, MANIFEST_PATH)).mtimeMs).toBe(mtime);
  });
});

describe('recovery after an interrupted deploy', () => {
  it('removes stale temporary files (PF610) and finishes a half-applied deploy whose files are new but manifest old', async () => {
    await deploy(V1);
    // The state a deploy of V2 killed midway leaves: journal written, one file renamed, a temp file.
    const target = targetManifest(generatedSet(V2), undefined, GENERATOR);
    writeFileSync(path.join(root, PENDING_PATH), serializeManifest(target));
    writeFileSync(path.join(root, 'ks/a.example.org.ks'), 'a2\n');
    writeFileSync(path.join(root, 'ks/.panfab-tmp-999999-abc'), 'partial');
    writeFileSync(path.join(root, '.panfab/.panfab-tmp-999999-def'), 'partial manifest');
    const plan = await planFor(V2);
    expect(plan.recovered).toBe(true);
    expect(plan.plan.entries.some((e) => e.status === 'drifted')).toBe(false);
    const r = await deploy(V2);
    expect(r.ok).toBe(true);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['PF610']);
    expect(r.diagnostics[0]!.message).toBe('removed 2 temporary files left by an interrupted deploy');
    expect(readTree(root, true)).toEqual({ ...V2, '.panfab/manifest.json': serializeManifest(targetManifest(generatedSet(V2), undefined, GENERATOR)) });
  });

  it('accepts a file that a killed deploy had already deleted', async () => {
    await deploy(V1);
    const target = targetManifest(generatedSet(V2), undefined, GENERATOR);
    writeFileSync(path.join(root, PENDING_PATH), serializeManifest(target));
    unlinkSync(path.join(root, 'ks/b.example.org.ks'));
    const r = await deploy(V2);
    expect(r.ok).toBe(true);
    expect(readTree(root)).toEqual(V2);
  });

  it('keeps earlier progress when a second deploy towards another version is interrupted too', async () => {
    await deploy(V1);
    // A deploy of V2 stopped after renaming a2 into place ...
    writeFileSync(path.join(root, PENDING_PATH), serializeManifest(targetManifest(generatedSet(V2), undefined, GENERATOR)));
    writeFileSync(path.join(root, 'ks/a.example.org.ks'), 'a2\n');
    // ... then a deploy of V3 recorded that progress and stopped right after writing its own journal.
    const V3 = { ...V2, 'ks/a.example.org.ks': 'a3\n' };
    const recovered = await planFor(V3);
    await commitManifest(root, recovered.manifest!);
    writeFileSync(path.join(root, PENDING_PATH), serializeManifest(targetManifest(generatedSet(V3), undefined, GENERATOR)));
    const session = await planFor(V3);
    expect(session.plan.entries.find((e) => e.path === 'ks/a.example.org.ks')?.status).toBe('changed');
    const r = await deploy(V3);
    expect(r.ok).toBe(true);
    expect(readTree(root)).toEqual(V3);
  });
});
