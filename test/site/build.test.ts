/** buildSite: the typed model of the example site, fixture sites and profiles of other schemas. */
import { buildSite } from '../../src/site/build.js';
import type { Guest, Host } from '../../src/site/model.js';
import { expectGolden } from '../golden.js';
import { codes, compileExampleSite, compileFixtureSite, lineOf, modelJson, where } from './helpers.js';

async function exampleSite() {
  return buildSite(await compileExampleSite());
}

function find<T extends { fqdn: string }>(list: readonly T[], fqdn: string): T {
  const found = list.find((m) => m.fqdn === fqdn);
  if (found === undefined) throw new Error(`${fqdn} is not in the model`);
  return found;
}

describe('the example site', () => {
  test('is two Xen hosts with their guests and one physical node, sorted by FQDN', async () => {
    const { site, diagnostics } = await exampleSite();
    expect(diagnostics).toEqual([]);
    expect(site.hosts.map((h) => [h.fqdn, h.guests])).toEqual([
      ['xen01.example.org', ['bdii01.example.org', 'ce01.example.org', 'mon01.example.org', 'se01.example.org', 'wn01.example.org', 'wn02.example.org']],
      ['xen02.example.org', ['ui01.example.org', 'wn03.example.org', 'wn04.example.org', 'wn05.example.org']],
    ]);
    expect(site.guests.map((g) => g.fqdn)).toEqual([
      'bdii01.example.org', 'ce01.example.org', 'mon01.example.org', 'se01.example.org', 'ui01.example.org',
      'wn01.example.org', 'wn02.example.org', 'wn03.example.org', 'wn04.example.org', 'wn05.example.org',
    ]);
    expect(site.plain.map((m) => [m.fqdn, m.role])).toEqual([['wn10.example.org', 'plain']]);
  });

  test('a Xen host: hardware sums, bridges, storage pools, dom0 reserve, NICs by device', async () => {
    const xen01: Host = find((await exampleSite()).site.hosts, 'xen01.example.org');
    expect([xen01.cpuCores, xen01.ramMb, xen01.dom0MemoryMb, xen01.dom0Vcpus, xen01.vcpuRatio]).toEqual([16, 65536, 4096, 2, 2]);
    expect(xen01.bridges).toEqual(['xenbr0', 'xenbr1']);
    expect(xen01.storage.map((p) => [p.name, p.type, p.source])).toEqual([['guests', 'lvm', 'vg_guests']]);
    expect(xen01.nics.map((n) => [n.device, n.mac, n.ip, n.bridge, n.type, n.boot])).toEqual([
      ['eth0', 'a0:36:9f:1c:20:01', undefined, 'xenbr0', 'Ethernet', true],
      ['eth1', 'a0:36:9f:1c:20:02', undefined, 'xenbr1', 'Ethernet', false],
      ['xenbr0', undefined, '192.0.2.10', undefined, 'Bridge', false],
      ['xenbr1', undefined, '10.10.0.10', undefined, 'Bridge', false],
    ]);
    expect(xen01.services.map((s) => s.name)).toEqual(['xen']);
  });

  test('a guest: NICs, vifs with their MACs, disks with LVM targets, services, boot entry, kickstart', async () => {
    const se01: Guest = find((await exampleSite()).site.guests, 'se01.example.org');
    expect([se01.host, se01.type, se01.bootMode, se01.memoryMb, se01.maxmemMb, se01.vcpus]).toEqual([
      'xen01.example.org', 'pv', 'direct-kernel', 8192, 8192, 4,
    ]);
    expect(se01.nics.map((n) => [n.device, n.mac, n.ip, n.netmask])).toEqual([
      ['eth0', '00:16:3e:00:00:32', '192.0.2.32', '255.255.255.0'],
      ['eth1', '00:16:3e:00:01:32', '10.10.1.32', '255.255.0.0'],
    ]);
    expect(se01.vifs.map((v) => [v.device, v.bridge, v.mac])).toEqual([
      ['eth0', 'xenbr0', '00:16:3e:00:00:32'],
      ['eth1', 'xenbr1', '00:16:3e:00:01:32'],
    ]);
    expect(se01.disks.map((d) => [d.vdev, d.sizeGb, d.target])).toEqual([
      ['xvda', 40, '/dev/vg_guests/se01-root'],
      ['xvdb', 500, '/dev/vg_guests/se01-pool'],
    ]);
    expect(se01.services.map((s) => [s.name, s.ref.path])).toEqual([['se', '/system/services/0']]);
    expect(se01.boot).toMatchObject({
      kernel: 'el9/vmlinuz',
      initrd: 'el9/initrd.img',
      append: ['inst.text', 'console=ttyS0,115200'],
      kickstartUrl: 'http://install.example.org/ks/se01.example.org.ks',
      ksdevice: 'bootif',
    });
    expect(se01.kickstart?.packages).toEqual(['@core', 'openssh-server', 'chrony', 'dcache', 'java-17-openjdk-headless']);
    expect(se01.kickstart?.partitioning?.disk).toBe('xvda');
  });

  test('origins are the last write of a path, or of its nearest ancestor with provenance', async () => {
    const { site } = await exampleSite();
    const at = (object: string, path: string) => where(site.origin({ object, path })!);
    // /virtual/guest/disks was written by the role, then appended to by the object template.
    expect(at('se01.example.org', '/virtual/guest/disks/1/volume')).toBe(
      lineOf('profiles/site/hosts/se01.example.org.pan', "'/virtual/guest/disks' = append"),
    );
    expect(at('se01.example.org', '/hardware/cards/nic/eth1/hwaddr')).toBe(
      lineOf('profiles/site/roles/private_nic.pan', "'/hardware/cards/nic/eth1'"),
    );
    expect(at('se01.example.org', '/virtual/guest/on_crash')).toBe(lineOf('profiles/lib/panfab/schema/virtual.pan', "'on_crash'"));
    expect(site.origin({ object: 'se01.example.org', path: '/no/such/path' })).toBeUndefined();
    expect(site.origin({ object: 'no-such-object', path: '/system' })).toBeUndefined();
  });

  test('golden model', async () => {
    expectGolden('site/example-model.json', modelJson((await exampleSite()).site));
  });

  test('does not depend on the order of the compiled profiles', async () => {
    const results = await compileExampleSite();
    expect(modelJson(buildSite([...results].reverse()).site)).toBe(modelJson(buildSite(results).site));
  });
});

describe('fixture sites', () => {
  test("a guest's services are the union of /virtual/guest/services and /system/services", async () => {
    const { site } = buildSite(await compileFixtureSite('base'));
    expect(find(site.guests, 'wn01.example.org').services.map((s) => [s.name, s.ref.path])).toEqual([
      ['wn', '/virtual/guest/services/0'],
    ]);
    expect(find(site.guests, 'ce01.example.org').services.map((s) => [s.name, s.ref.path])).toEqual([
      ['ce', '/system/services/0'],
    ]);
  });

  test('a guest on a missing host is in the model, with no disk targets and no host listing it', async () => {
    const { site, diagnostics } = buildSite(await compileFixtureSite('missing-host'));
    expect(diagnostics).toEqual([]);
    const wn01 = find(site.guests, 'wn01.example.org');
    expect(wn01.host).toBe('xen09.example.org');
    expect(wn01.disks.map((d) => d.target)).toEqual([undefined]);
    expect(site.hosts.map((h) => h.guests)).toEqual([['ce01.example.org']]);
  });
});

describe('profiles of other schemas', () => {
  test('unusable model data gives diagnostics, never an exception', async () => {
    const { site, diagnostics } = buildSite(await compileFixtureSite('wrong-types'));
    expect(codes(diagnostics)).toEqual(['PF400', 'PF401', 'PF402', 'PF403', 'PF404', 'PF405']);
    const byObject = (prefix: string) => diagnostics.filter((d) => d.message.startsWith(prefix)).map((d) => [d.code, d.path]);
    expect(byObject('odd01.example.org:')).toEqual([
      ['PF400', '/system/network/interfaces/eth0/ip'],
      ['PF403', '/hardware/cards/nic/eth0/hwaddr'],
      ['PF400', '/hardware/ram'],
      ['PF400', '/virtual/guest/memory'],
    ]);
    expect(byObject('nodomain.example.org:')).toEqual([['PF401', '/system/network/domainname']]);
    expect(byObject('both.example.org:')).toEqual([['PF405', '/virtual/guest']]);
    expect(byObject('cluster-settings:')).toEqual([['PF404', '/system/network/hostname']]);
    // A guest whose memory is unusable is left out; the other profiles of the base site stay.
    expect(site.guests.map((g) => g.fqdn)).toEqual(['ce01.example.org', 'wn01.example.org']);
  });

  test('wrong kinds point at the template line that wrote them', async () => {
    const { diagnostics } = buildSite(await compileFixtureSite('wrong-types'));
    const memory = diagnostics.find((d) => d.path === '/virtual/guest/memory')!;
    expect(memory.message).toBe('odd01.example.org: /virtual/guest/memory must be a long, not string');
    expect(where(memory.span!)).toBe(lineOf('fixtures/sites/wrong-types/odd01.example.org.pan', "'/virtual/guest' = dict("));
  });

  test('unsupported values are reported and ignored; the machine stays', async () => {
    const { site, diagnostics } = buildSite(await compileFixtureSite('wrong-types'));
    const quattor = find(site.plain, 'quattor01.example.org');
    expect(diagnostics.filter((d) => d.code === 'PF402').map((d) => [d.severity, d.path])).toEqual([
      ['info', '/system/network/interfaces/bond0/bootproto'],
      ['info', '/system/network/interfaces/bond0/type'],
    ]);
    expect(quattor.nics.map((n) => [n.device, n.ip, n.bootproto, n.type, n.mac])).toEqual([
      ['bond0', '192.0.2.70', undefined, undefined, undefined],
      ['eth0', undefined, undefined, undefined, '3c:ec:ef:4a:10:70'],
    ]);
    // CPUs without a core count count one core each; memory modules add up.
    expect([quattor.cpuCores, quattor.ramMb]).toEqual([2, 16384]);
  });
});
