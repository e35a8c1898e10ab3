/**
 * Plan presentation: grouping by host then kind, unified diffs for each kind of change, colour
 * only when asked, binary files, and the JSON document.
 */
import { sha256 } from '../../src/deploy/generated.js';
import type { Manifest, ManifestEntry } from '../../src/deploy/manifest.js';
import { computePlan } from '../../src/deploy/plan.js';
import { entryDiff, groupByOwnerAndKind, planToJson, renderPlanHuman, summaryLine, type DiffSource } from '../../src/deploy/render-plan.js';
import type { DiskEntry, Snapshot } from '../../src/deploy/snapshot.js';
import { generatedSet } from './helpers.js';

const DISK: Record<string, string> = {
  'ks/a.example.org.ks': 'install\ntext\nreboot\n',
  'ks/old.example.org.ks': 'old\n',
  'xen/xen01.example.org/a.example.org.cfg': 'name = "a"\nmemory = 1024\n',
  'tftpboot/pxelinux.0': 'binary loader',
};
const GENERATED = {
  'ks/a.example.org.ks': 'install\ntext\npoweroff\n',
  'xen/xen01.example.org/a.example.org.cfg': 'name = "a"\nmemory = 2048\n',
  'ks/b.example.org.ks': 'new\n',
  'tftpboot/pxelinux.cfg/default': 'DEFAULT local\n',
};

function fixture() {
  const generated = generatedSet(GENERATED);
  const entries = new Map<string, DiskEntry>();
  for (const [rel, text] of Object.entries(DISK)) entries.set(rel, { type: 'file', mode: 0o644, sha256: sha256(Buffer.from(text)) });
  const snapshot: Snapshot = { exists: true, entries, tempFiles: [] };
  const files = new Map<string, ManifestEntry>();
  for (const rel of ['ks/a.example.org.ks', 'ks/old.example.org.ks', 'xen/xen01.example.org/a.example.org.cfg']) {
    const g = generated.get(rel);
    files.set(rel, { sha256: sha256(Buffer.from(DISK[rel]!)), mode: 0o644, kind: g?.kind ?? 'kickstart', owner: g?.owner ?? 'old.example.org', generator: 'panfab 0.1.0' });
  }
  const manifest: Manifest = { generator: 'panfab 0.1.0', files };
  const plan = computePlan({ generated, snapshot, manifest, root: 'deployed' });
  const source: DiffSource = { deployed: async (rel) => (DISK[rel] === undefined ? undefined : Buffer.from(DISK[rel]!)), generated: (rel) => generated.get(rel)?.bytes };
  return { plan, source };
}

describe('human plan report', () => {
  it('groups changes by host, then kind, with unified diffs, site-wide files last and unmanaged files at the end', async () => {
    const { plan, source } = fixture();
    const text = await renderPlanHuman(plan, source, { root: 'deployed', color: false });
    expect(text).toBe(
      [
        'Plan for deployed: 2 to add, 2 to change, 1 to remove, 0 drifted, 1 unmanaged, 0 unchanged',
        '',
        'a.example.org',
        '  kickstart',
        '    ~ ks/a.example.org.ks (changed)',
        '      --- a/ks/a.example.org.ks',
        '      +++ b/ks/a.example.org.ks',
        '      @@ -1,3 +1,3 @@',
        '       install',
        '       text',
        '      -reboot',
        '      +poweroff',
        '  xl',
        '    ~ xen/xen01.example.org/a.example.org.cfg (changed)',
        '      --- a/xen/xen01.example.org/a.example.org.cfg',
        '      +++ b/xen/xen01.example.org/a.example.org.cfg',
        '      @@ -1,2 +1,2 @@',
        '       name = "a"',
        '      -memory = 1024',
        '      +memory = 2048',
        '',
        'b.example.org',
        '  kickstart',
        '    + ks/b.example.org.ks (added)',
        '      --- /dev/null',
        '      +++ b/ks/b.example.org.ks',
        '      @@ -0,0 +1,1 @@',
        '      +new',
        '',
        'old.example.org',
        '  kickstart',
        '    - ks/old.example.org.ks (removed)',
        '      --- a/ks/old.example.org.ks',
        '      +++ /dev/null',
        '      @@ -1,1 +0,0 @@',
        '      -old',
        '',
        '(site-wide)',
        '  default',
        '    + tftpboot/pxelinux.cfg/default (added)',
        '      --- /dev/null',
        '      +++ b/tftpboot/pxelinux.cfg/default',
        '      @@ -0,0 +1,1 @@',
        '      +DEFAULT local',
        '',
        'unmanaged (never touched)',
        '    ? tftpboot/pxelinux.0',
        '',
      ].join('\n'),
    );
  });

  it('colours only when asked: additions green, removals red, hunk headers cyan', async () => {
    const { plan, source } = fixture();
    const plain = await renderPlanHuman(plan, source, { root: 'deployed', color: false });
    const coloured = await renderPlanHuman(plan, source, { root: 'deployed', color: true });
    expect(plain).not.toContain('\x1b[');
    expect(coloured).toContain('\x1b[32m+poweroff\x1b[0m');
    expect(coloured).toContain('\x1b[31m-reboot\x1b[0m');
    expect(coloured).toContain('\x1b[36m@@ -1,3 +1,3 @@\x1b[0m');
    expect(coloured.replace(/\x1b\[\d+m/g, '')).toBe(plain);
  });

  it('lists files without diffs when diffs are off', async () => {
    const { plan, source } = fixture();
    const text = await renderPlanHuman(plan, source, { root: 'deployed', color: false, diffs: false });
    expect(text).not.toContain('@@');
    expect(text).toContain('    ~ ks/a.example.org.ks (changed)\n  xl\n');
  });

  it('says when there is nothing to change', () => {
    const plan = computePlan({ generated: new Map(), snapshot: { exists: true, entries: new Map(), tempFiles: [] }, manifest: undefined, root: 'd' });
    expect(summaryLine(plan, 'd')).toBe('Plan for d: 0 to add, 0 to change, 0 to remove, 0 drifted, 0 unmanaged, 0 unchanged — no changes');
  });

  it('orders hosts and kinds by name whatever the input order', () => {
    const e = (path: string, owner: string, kind: string) => ({ path, owner, kind, status: 'added' as const, action: 'write' as const });
    const groups = groupByOwnerAndKind([e('3', 'b', 'xl'), e('2', '', 'default'), e('1', 'a', 'xl'), e('0', 'a', 'kickstart')]);
    expect([...groups].map(([owner, kinds]) => [owner, [...kinds.keys()]])).toEqual([
      ['a', ['kickstart', 'xl']],
      ['b', ['xl']],
      ['', ['default']],
    ]);
  });
});

describe('diffs', () => {
  it('says binary files differ instead of printing their bytes', async () => {
    const generated = generatedSet({ 'tftpboot/x': 'a\u0000b' });
    const entry = { path: 'tftpboot/x', status: 'changed' as const, action: 'write' as const, kind: 'other', owner: '', diskSha256: 'd', generatedSha256: 'g' };
    const diff = await entryDiff(entry, { deployed: async () => Buffer.from([0xff, 0xfe]), generated: (rel) => generated.get(rel)?.bytes });
    expect(diff).toBe('Binary files a/tftpboot/x and b/tftpboot/x differ\n');
  });

  it('shows a drifted file as the change from the hand-edited bytes to the generated ones', async () => {
    const generated = generatedSet({ 'ks/a.ks': 'generated\n' });
    const entry = { path: 'ks/a.ks', status: 'drifted' as const, action: 'write' as const, kind: 'kickstart', owner: 'a', diskSha256: 'd', generatedSha256: 'g', reason: 'edited' };
    const diff = await entryDiff(entry, { deployed: async () => Buffer.from('by hand\n'), generated: (rel) => generated.get(rel)?.bytes });
    expect(diff).toBe('--- a/ks/a.ks\n+++ b/ks/a.ks\n@@ -1,1 +1,1 @@\n-by hand\n+generated\n');
  });
});

describe('JSON plan report', () => {
  it('has the summary, every entry but untouched files, hashes, modes and diffs', async () => {
    const { plan, source } = fixture();
    const doc = await planToJson(plan, source, [], { root: 'deployed', color: false });
    expect(doc.changes).toBe(true);
    expect(doc.summary).toEqual({ added: 2, changed: 2, removed: 1, drifted: 0, unchanged: 0, unmanaged: 1, conflict: 0, manifestRecords: 0 });
    const entries = doc.entries as Array<Record<string, unknown>>;
    expect(entries.map((e) => [e.path, e.status, e.action])).toEqual([
      ['ks/a.example.org.ks', 'changed', 'write'],
      ['ks/b.example.org.ks', 'added', 'write'],
      ['ks/old.example.org.ks', 'removed', 'delete'],
      ['tftpboot/pxelinux.0', 'unmanaged', 'none'],
      ['tftpboot/pxelinux.cfg/default', 'added', 'write'],
      ['xen/xen01.example.org/a.example.org.cfg', 'changed', 'write'],
    ]);
    expect(entries[0]).toMatchObject({ kind: 'kickstart', owner: 'a.example.org', reason: 'content', diskMode: '0644', generatedMode: '0644', diff: expect.stringContaining('+poweroff') });
    expect(entries[0]!.deployedSha256).toBe(sha256(Buffer.from(DISK['ks/a.example.org.ks']!)));
    expect(entries[3]!.diff).toBeUndefined();
    expect(doc.diagnostics).toEqual([]);
  });
});
