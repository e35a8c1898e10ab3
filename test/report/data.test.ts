/**
 * Report data: hosts, guests, capacity and bridges of the example site against its model;
 * diagnostics of broken fixture sites linked to the host they concern (through the objects the
 * checks name, through span files, through the objects that reported them); install states
 * from manifests, generated sets and damaged files; determinism.
 */
import path from 'node:path';
import { diagnostic, type Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { buildReportData, withInstallStates, type OwnedFile } from '../../src/report/data.js';
import { InstallStates } from '../../src/report/install-state.js';
import { checkSite, compileExampleSite, compileFixtureSite, INSTALL_SERVER, REPO_ROOT } from '../site/helpers.js';

const repoRelative = (f: string): string => path.relative(REPO_ROOT, path.resolve(f));

async function checked(results: ReturnType<typeof compileExampleSite>) {
  const { build, diagnostics } = await checkSite(results);
  return { site: build.site, diagnostics: [...build.diagnostics, ...diagnostics] };
}

describe('report data of the example site', () => {
  it('lists every Xen host with the guests that name it, and its capacity and use', async () => {
    const { site, diagnostics } = await checked(compileExampleSite());
    const data = buildReportData({ site, diagnostics });
    expect(data.hosts.map((h) => h.fqdn)).toEqual(site.hosts.map((h) => h.fqdn));
    for (const host of site.hosts) {
      const r = data.hosts.find((h) => h.fqdn === host.fqdn)!;
      const guests = site.guests.filter((g) => g.host === host.fqdn);
      expect(r.guests.map((g) => g.fqdn)).toEqual(host.guests);
      expect(r.guests.map((g) => g.fqdn)).toEqual(guests.map((g) => g.fqdn));
      expect(r.memory).toEqual({ capacity: host.ramMb, dom0: host.dom0MemoryMb, guests: sum(guests.map((g) => g.maxmemMb)), used: host.dom0MemoryMb + sum(guests.map((g) => g.maxmemMb)) });
      expect(r.vcpus).toEqual({ capacity: host.cpuCores * host.vcpuRatio, dom0: host.dom0Vcpus, guests: sum(guests.map((g) => g.vcpus)), used: host.dom0Vcpus + sum(guests.map((g) => g.vcpus)) });
      expect(r.guests.map((g) => [g.bootMode, g.type, g.memoryMb, g.vcpus])).toEqual(guests.map((g) => [g.bootMode, g.type, g.memoryMb, g.vcpus]));
    }
    expect(data.summary).toMatchObject({ hosts: 2, guests: 10, unplaced: 0, plain: 1, install: { deployed: 0, pending: 0, unknown: 10 } });
    expect(data.plain.map((m) => m.fqdn)).toEqual(['wn10.example.org']);
    expect(data.deployment).toBeUndefined();
  });

  it('lists each bridge of a host with the guests attached to it', async () => {
    const { site, diagnostics } = await checked(compileExampleSite());
    const data = buildReportData({ site, diagnostics });
    for (const r of data.hosts) {
      const host = site.hosts.find((h) => h.fqdn === r.fqdn)!;
      expect(r.bridges.map((b) => b.name)).toEqual(host.bridges);
      for (const b of r.bridges) {
        const attached = site.guests.filter((g) => g.host === host.fqdn && g.vifs.some((v) => v.bridge === b.name)).map((g) => g.fqdn);
        expect(b.guests).toEqual(attached);
      }
    }
    const se01 = data.hosts.flatMap((h) => h.guests).find((g) => g.fqdn === 'se01.example.org')!;
    expect(se01.bridges).toEqual(['xenbr0', 'xenbr1']);
  });

  it('applies the over-commit ratios of the site checks to the capacity', async () => {
    const { site, diagnostics } = await checked(compileExampleSite());
    const data = buildReportData({ site, diagnostics, memoryRatio: 1.5, vcpuRatio: 4 });
    const host = site.hosts[0]!;
    expect(data.hosts[0]!.memory.capacity).toBe(host.ramMb * 1.5);
    expect(data.hosts[0]!.vcpus.capacity).toBe(host.cpuCores * 4);
  });

  it('is deterministic', async () => {
    const { site, diagnostics } = await checked(compileExampleSite());
    expect(JSON.stringify(buildReportData({ site, diagnostics }))).toBe(JSON.stringify(buildReportData({ site, diagnostics })));
  });
});

describe('diagnostics linked to hosts', () => {
  it('shows a memory over-commit with its Xen host, and with the guests it names', async () => {
    const { site, diagnostics } = await checked(compileFixtureSite('memory-overcommit'));
    const data = buildReportData({ site, diagnostics, fileName: repoRelative });
    const d = data.diagnostics.find((x) => x.code === 'PF415')!;
    expect(d.hosts).toEqual(['xen01.example.org']);
    expect(d.machines).toEqual(expect.arrayContaining(['xen01.example.org', 'wn01.example.org']));
    expect(d.at?.file).toMatch(/^fixtures\/sites\//);
    const host = data.hosts.find((h) => h.fqdn === 'xen01.example.org')!;
    expect(host.diagnostics).toContain(d.id);
    expect(host.guests.find((g) => g.fqdn === 'wn01.example.org')!.diagnostics).toContain(d.id);
  });

  it('keeps a guest on an unknown host unplaced, its diagnostic site-wide', async () => {
    const { site, diagnostics } = await checked(compileFixtureSite('missing-host'));
    const data = buildReportData({ site, diagnostics });
    expect(data.unplaced.map((g) => [g.fqdn, g.host])).toEqual([['wn01.example.org', 'xen09.example.org']]);
    const d = data.diagnostics.find((x) => x.code === 'PF414')!;
    expect(d.machines).toEqual(['wn01.example.org']);
    expect(d.hosts).toEqual([]);
    expect(data.unplaced[0]!.diagnostics).toEqual([d.id]);
    expect(data.summary.unplaced).toBe(1);
  });

  it('links a diagnostic set in a shared template through the objects the check names', async () => {
    const { build, diagnostics } = await checkSite(compileFixtureSite('base'), { installServer: { ...INSTALL_SERVER, bootFiles: ['el9/vmlinuz'] } });
    const data = buildReportData({ site: build.site, diagnostics, fileName: repoRelative });
    const d = data.diagnostics.find((x) => x.code === 'PF423')!;
    expect(d.at?.file).toBe('fixtures/sites/common/site/base.pan');
    expect(d.machines).toEqual(['ce01.example.org', 'wn01.example.org', 'wn10.example.org', 'xen01.example.org']);
    expect(d.hosts).toEqual(['xen01.example.org']);
    expect(data.plain.find((m) => m.fqdn === 'wn10.example.org')!.diagnostics).toEqual([d.id]);
  });

  it('falls back to the files of the spans, then to the objects that reported a diagnostic', async () => {
    const { site } = await checked(compileExampleSite());
    const ce01 = site.guests.find((g) => g.fqdn === 'ce01.example.org')!;
    const at = { file: ce01.file!, offset: 0, length: 1, line: 1, col: 1, endLine: 1, endCol: 1 };
    const bySpan = diagnostic('PF402', 'a value the model ignores', at);
    const reported = diagnostic('PF301', 'a validation failure somewhere');
    const orphan = diagnostic('PF901', 'nothing to link');
    const reportedBy = new Map<Diagnostic, string[]>([[reported, ['wn10.example.org', 'xen02.example.org']]]);
    const data = buildReportData({ site, diagnostics: [bySpan, reported, orphan], reportedBy });
    expect(data.diagnostics.map((d) => [d.machines, d.hosts])).toEqual([
      [['ce01.example.org'], [ce01.host]],
      [['wn10.example.org', 'xen02.example.org'], ['xen02.example.org']],
      [[], []],
    ]);
    expect(data.summary.diagnostics).toEqual({ error: 2, warning: 0, info: 1 });
  });
});

describe('install states', () => {
  const file = (sha256: string, owner: string): OwnedFile => ({ sha256, owner });
  const generated = new Map([
    ['ks/a.example.org.ks', file('a1', 'a.example.org')],
    ['xen/h/a.cfg', file('a2', 'a.example.org')],
    ['ks/b.example.org.ks', file('b1', 'b.example.org')],
    ['ks/c.example.org.ks', file('c1', 'C.example.org')],
    ['tftpboot/pxelinux.cfg/default', file('d', '')],
  ]);
  const manifest = new Map([
    ['ks/a.example.org.ks', file('a1', 'a.example.org')],
    ['xen/h/a.cfg', file('a2', 'a.example.org')],
    ['ks/b.example.org.ks', file('old', 'b.example.org')],
    ['ks/c.example.org.ks', file('c1', 'c.example.org')],
    ['ks/c-old.ks', file('x', 'c.example.org')],
  ]);

  it('deployed when every generated file is in the manifest with the same content', () => {
    const states = new InstallStates({ source: 'deployed/', manifest }, generated);
    expect(states.of('a.example.org')).toEqual({ state: 'deployed', detail: '2 files deployed' });
    expect(states.of('b.example.org')).toEqual({ state: 'pending', detail: '1 of 1 file changed since the last deploy' });
    expect(states.of('c.example.org')).toEqual({ state: 'pending', detail: '1 file no longer generated' });
    expect(states.of('new.example.org')).toEqual({ state: 'unknown', detail: 'no files are generated for it' });
  });

  it('pending when a file is missing or edited in the deployed tree, or not deployed yet', () => {
    const states = new InstallStates({ source: 'deployed/', manifest, damaged: new Set(['xen/h/a.cfg']) }, generated);
    expect(states.of('A.example.org')).toEqual({ state: 'pending', detail: '1 of 2 files missing or edited in the deployed tree' });
    const fresh = new InstallStates({ source: 'deployed/', manifest: new Map() }, generated);
    expect(fresh.of('a.example.org')).toEqual({ state: 'pending', detail: '2 of 2 files not deployed yet' });
  });

  it('from the manifest alone when nothing generated is known, unknown without a manifest', () => {
    const states = new InstallStates({ source: 'deployed/', manifest, damaged: new Set(['ks/b.example.org.ks']) }, undefined);
    expect(states.of('a.example.org').state).toBe('deployed');
    expect(states.of('b.example.org').state).toBe('pending');
    expect(states.of('z.example.org')).toEqual({ state: 'pending', detail: 'no files of it in the deploy manifest' });
    expect(new InstallStates({ source: 'deployed/' }, generated).of('a.example.org')).toEqual({ state: 'unknown', detail: 'no deploy manifest in deployed/' });
    expect(new InstallStates(undefined, generated).of('a.example.org').state).toBe('unknown');
  });

  it('withInstallStates recomputes every machine and the summary', async () => {
    const { site, diagnostics } = await checked(compileExampleSite());
    const data = buildReportData({ site, diagnostics });
    const ce01 = 'ce01.example.org';
    const deployedManifest = new Map([[`ks/${ce01}.ks`, file('s', ce01)]]);
    const next = withInstallStates(data, { source: 'tree', generator: 'panfab 9', manifest: deployedManifest });
    expect(next.summary.install).toEqual({ deployed: 1, pending: 9, unknown: 0 });
    expect(next.deployment).toEqual({ source: 'tree', generator: 'panfab 9' });
    expect(next.hosts.flatMap((h) => h.guests).find((g) => g.fqdn === ce01)!.install.state).toBe('deployed');
    expect(data.summary.install.unknown).toBe(10);
  });
});

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
