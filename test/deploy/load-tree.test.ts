/**
 * Reading a generated tree from disk (`--from`): only the install-server roots, dotfiles and
 * other build outputs left out, metadata from the tree's manifest or guessed from the path.
 */
import { chmodSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { generatedFile } from '../../src/deploy/generated.js';
import { inferFromPath, loadGeneratedTree } from '../../src/deploy/load-tree.js';
import { writeManifestFile } from '../../src/deploy/manifest.js';
import { targetManifest } from '../../src/deploy/plan.js';
import { cleanup, tempDir, writeTree } from './helpers.js';

let dir: string;
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => cleanup(dir));

describe('loadGeneratedTree', () => {
  it('reads the artifact roots only, in path order, with bytes, hashes and modes', async () => {
    writeTree(dir, {
      'xen/xen01.example.org/g1.example.org.cfg': 'name = "g1"\n',
      'ks/g1.example.org.ks': 'text\n',
      'tftpboot/pxelinux.cfg/01-52-54-00-00-00-01': 'DEFAULT install\n',
      'ipxe/g1.example.org.ipxe': '#!ipxe\n',
      'profiles/g1.example.org.json': '{}',
      'site.json': '{}',
      'g1.example.org.dep': '',
      'ks/.hidden': 'x',
    });
    chmodSync(path.join(dir, 'xen/xen01.example.org/g1.example.org.cfg'), 0o600);
    const tree = await loadGeneratedTree(dir);
    expect(tree.diagnostics).toEqual([]);
    expect([...tree.generated.keys()]).toEqual(['ipxe/g1.example.org.ipxe', 'ks/g1.example.org.ks', 'tftpboot/pxelinux.cfg/01-52-54-00-00-00-01', 'xen/xen01.example.org/g1.example.org.cfg']);
    expect(tree.generated.get('ks/g1.example.org.ks')).toEqual(generatedFile({ content: 'text\n', kind: 'kickstart', owner: 'g1.example.org', mode: 0o644 }));
    expect(tree.generated.get('xen/xen01.example.org/g1.example.org.cfg')!.mode).toBe(0o600);
    expect([...tree.inferred].sort()).toEqual([...tree.generated.keys()]);
  });

  it('takes kind and owner from the tree manifest when it has one', async () => {
    writeTree(dir, { 'tftpboot/pxelinux.cfg/01-52-54-00-00-00-01': 'DEFAULT install\n' });
    const recorded = new Map([['tftpboot/pxelinux.cfg/01-52-54-00-00-00-01', generatedFile({ content: 'DEFAULT install\n', kind: 'pypxeboot', owner: 'g1.example.org', mode: 0o644 })]]);
    mkdirSync(path.join(dir, '.panfab'));
    await writeManifestFile(dir, targetManifest(recorded, undefined, 'panfab 0.1.0'));
    const tree = await loadGeneratedTree(dir);
    expect(tree.generated.get('tftpboot/pxelinux.cfg/01-52-54-00-00-00-01')).toMatchObject({ kind: 'pypxeboot', owner: 'g1.example.org' });
    expect(tree.inferred.size).toBe(0);
  });

  it('takes owners and kinds from the site model beside the artifacts', async () => {
    writeTree(dir, {
      'tftpboot/pxelinux.cfg/01-52-54-00-00-00-01': 'guest\n',
      'tftpboot/pxelinux.cfg/01-52-54-00-00-00-02': 'host\n',
      'tftpboot/pxelinux.cfg/C0000205': 'host by address\n',
      'tftpboot/grub/grub.cfg-01-52-54-00-00-00-02': 'host\n',
      'xen/xen01.example.org/g1.cfg': 'name = "g1"\n',
      'xen/xen01.example.org/other.cfg': 'name = "other"\n',
      'site.json': JSON.stringify({
        hosts: [{ fqdn: 'xen01.example.org', hostname: 'xen01', nics: [{ mac: '52:54:00:00:00:02', ip: '192.0.2.5' }] }],
        guests: [{ fqdn: 'g1.example.net', hostname: 'g1', host: 'xen01.example.org', bootMode: 'pypxeboot', nics: [{ mac: '52:54:00:00:00:01' }] }],
        plain: [],
      }),
    });
    const tree = await loadGeneratedTree(dir);
    const meta = Object.fromEntries([...tree.generated].map(([rel, g]) => [rel, `${g.kind} ${g.owner}`]));
    expect(meta).toEqual({
      'tftpboot/grub/grub.cfg-01-52-54-00-00-00-02': 'grub xen01.example.org',
      'tftpboot/pxelinux.cfg/01-52-54-00-00-00-01': 'pypxeboot g1.example.net',
      'tftpboot/pxelinux.cfg/01-52-54-00-00-00-02': 'pxelinux xen01.example.org',
      'tftpboot/pxelinux.cfg/C0000205': 'pxelinux xen01.example.org',
      'xen/xen01.example.org/g1.cfg': 'xl g1.example.net',
      'xen/xen01.example.org/other.cfg': 'xl other.example.org',
    });
    expect([...tree.inferred]).toEqual(['xen/xen01.example.org/other.cfg']);
  });

  it('reports a missing directory and symbolic links (PF613)', async () => {
    const missing = await loadGeneratedTree(path.join(dir, 'nope'));
    expect(missing.diagnostics.map((d) => d.code)).toEqual(['PF613']);
    writeTree(dir, { 'ks/a.ks': 'x' });
    symlinkSync('a.ks', path.join(dir, 'ks/b.ks'));
    const linked = await loadGeneratedTree(dir);
    expect(linked.diagnostics.map((d) => d.message)).toEqual([`${path.join(dir, 'ks/b.ks')} is a symbolic link; generated trees hold regular files only`]);
    expect([...linked.generated.keys()]).toEqual(['ks/a.ks']);
  });

  it('refuses a damaged tree manifest', async () => {
    mkdirSync(path.join(dir, '.panfab'));
    writeFileSync(path.join(dir, '.panfab/manifest.json'), '{');
    expect((await loadGeneratedTree(dir)).diagnostics.map((d) => d.code)).toEqual(['PF602']);
  });
});

describe('inferFromPath', () => {
  it.each([
    ['xen/xen01.example.org/g1.example.org.cfg', 'xl', 'g1.example.org'],
    ['xen/xen01.example.org/g1.example.org.install.cfg', 'xl', 'g1.example.org'],
    ['xen/xen01.example.org/g1.cfg', 'xl', 'g1.example.org'],
    ['xen/xen01/g1.install.cfg', 'xl', 'g1'],
    ['ks/g1.example.org.ks', 'kickstart', 'g1.example.org'],
    ['www/ks/g1.example.org.ks', 'kickstart', 'g1.example.org'],
    ['ipxe/g1.example.org.ipxe', 'ipxe', 'g1.example.org'],
    ['ipxe/default.ipxe', 'default', ''],
    ['tftpboot/pxelinux.cfg/default', 'default', ''],
    ['tftpboot/pxelinux.cfg/01-52-54-00-00-00-01', 'pxelinux', ''],
    ['tftpboot/pxelinux.cfg/g1.example.org.cfg', 'pxelinux', 'g1.example.org'],
    ['tftpboot/grub/grub.cfg-01-52-54-00-00-00-01', 'grub', ''],
    ['tftpboot/grub/grub.cfg', 'default', ''],
    ['tftpboot/images/vmlinuz', 'other', ''],
  ])('%s is %s owned by %j', (rel, kind, owner) => {
    expect(inferFromPath(rel)).toEqual({ kind, owner });
  });
});
