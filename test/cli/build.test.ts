/**
 * `panfab build` scenarios through the real binary: the example site builds from its own
 * directory and from its parent, the outputs (profiles in panc's JSON format, the site model)
 * are complete and deterministic, bad profiles give diagnostics and exit 1 with nothing written,
 * stale profiles are removed, configuration and usage errors have their exit codes.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { ALL_OBJECTS, GUESTS, HOSTS, panfab, sandbox, snapshot, type Sandbox } from './site-helpers.js';

let box: Sandbox;
const out = () => path.join(box.dir, 'out');

beforeEach(() => {
  box = sandbox();
});

afterEach(() => box.remove());

describe('panfab build: the example site', () => {
  it('builds with no arguments in the site directory and writes every profile and site.json', () => {
    const r = panfab(['build'], box.site);
    expect(r.stderr).toBe('panfab build: wrote 13 profiles, site.json and 50 artifacts to ../out/ (0 errors, 0 warnings)\n');
    expect(r.status).toBe(0);
    const files = Object.keys(snapshot(out()));
    expect(files.filter((f) => f.startsWith('profiles/'))).toEqual(ALL_OBJECTS.map((o) => `profiles/${o}.json`));
    expect(files).toContain('site.json');
    expect(files).toContain('.panfab/build.json');
    expect(files).toEqual(expect.arrayContaining(['ks/ce01.example.org.ks', 'tftpboot/pxelinux.cfg/default', 'tftpboot/grub/grub.cfg', 'ipxe/wn10.example.org.ipxe', 'xen/xen01.example.org/ce01.install.cfg']));
  });

  it('writes the site model with hosts and guests by FQDN, guests with their NIC MACs', () => {
    expect(panfab(['build', 'site'], box.dir).status).toBe(0);
    const model = JSON.parse(readFileSync(path.join(out(), 'site.json'), 'utf8'));
    expect(model.hosts.map((h: { fqdn: string }) => h.fqdn)).toEqual(HOSTS);
    expect(model.guests.map((g: { fqdn: string }) => g.fqdn)).toEqual(GUESTS);
    const ce01 = model.guests.find((g: { fqdn: string }) => g.fqdn === 'ce01.example.org');
    expect(ce01.nics.map((n: { mac: string }) => n.mac)).toEqual(['00:16:3e:00:00:31']);
    expect(ce01.file).toBe('site/hosts/ce01.example.org.pan');
    expect(model.hosts[0].guests).toEqual(expect.arrayContaining(['ce01.example.org']));
  });

  it('writes profiles byte-identical to panfab compile --formats json', () => {
    expect(panfab(['build'], box.site).status).toBe(0);
    const c = panfab(['compile', '--formats', 'json', '--include-path', 'site/hosts:site:lib', '--output-dir', '.', 'site/hosts/se01.example.org.pan'], box.site);
    expect(c.status).toBe(0);
    expect(readFileSync(path.join(out(), 'profiles/se01.example.org.json'), 'utf8')).toBe(readFileSync(path.join(box.site, 'se01.example.org.json'), 'utf8'));
  });

  it('is deterministic: a second build and a build from another directory give the same bytes', () => {
    expect(panfab(['build'], box.site).status).toBe(0);
    const first = snapshot(out());
    expect(panfab(['build', 'site'], box.dir).status).toBe(0);
    expect(snapshot(out())).toEqual(first);
  });

  it('works without panfab.json, with the default layout and out/ in the site directory', () => {
    rmSync(path.join(box.site, 'panfab.json'));
    const r = panfab(['build', '--quiet'], box.site);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(Object.keys(snapshot(path.join(box.site, 'out')))).toContain('site.json');
  });

  it('removes profiles of objects that no longer exist, on success only', () => {
    expect(panfab(['build'], box.site).status).toBe(0);
    rmSync(path.join(box.site, 'site/hosts/ui01.example.org.pan'));
    const r = panfab(['build'], box.site);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('wrote 12 profiles, site.json and 45 artifacts to ../out/, removed 6 stale files');
    expect(existsSync(path.join(out(), 'profiles/ui01.example.org.json'))).toBe(false);
    expect(existsSync(path.join(out(), 'ks/ui01.example.org.ks'))).toBe(false);
    expect(existsSync(path.join(out(), 'xen/xen02.example.org/ui01.cfg'))).toBe(false);
  });
});

describe('panfab build: bad profiles give diagnostics, exit 1 and write nothing', () => {
  const cases: Array<[string, (b: Sandbox) => void, RegExp]> = [
    ['a value of the wrong type', (b) => b.edit('site/hosts/ui01.example.org.pan', 'GUEST_MEMORY = 4096', "GUEST_MEMORY = 'lots'"),
      /^lib\/panfab\/virtual_guest.pan:7:25: PF302 validation requires type of 'long' but element is of type 'string' \(in profile ui01.example.org\)$/m],
    ['a guest on a host that does not exist', (b) => b.edit('site/hosts/ce01.example.org.pan', "GUEST_HOST = 'xen01.example.org'", "GUEST_HOST = 'xen09.example.org'"),
      /^site\/roles\/guest.pan:\d+:\d+: PF414 guest ce01.example.org runs on xen09.example.org/m],
    ['one MAC address in two profiles', (b) => b.edit('site/hosts/wn02.example.org.pan', '00:16:3e:00:00:42', '00:16:3e:00:00:41'),
      /^site\/roles\/guest.pan:\d+:\d+: PF412 MAC address 00:16:3e:00:00:41 is used by wn01.example.org eth0 and wn02.example.org eth0$/m],
    ['a syntax error in a shared template', (b) => b.edit('site/roles/guest.pan', "'memory' = GUEST_MEMORY;", "'memory' = GUEST_MEMORY +;"),
      /^site\/roles\/guest.pan:\d+:\d+: PF101 .* \(affects 10 profiles: bdii01.example.org, ce01.example.org, mon01.example.org, se01.example.org, ui01.example.org and 5 more\)$/m],
    ['a boot label that would add a boot-loader directive', (b) => b.edit('site/os/el9.pan', "'label' = 'Enterprise Linux 9 (x86_64)';", '\'label\' = "EL9\\nLABEL evil";'),
      /^site\/os\/el9.pan:\d+:\d+: PF501 boot label at \/system\/aii\/nbp\/pxelinux\/label: "EL9\\nLABEL evil" contains a line break or control character; in 5 profiles: .*; not written: 15 files: /m],
  ];

  it.each(cases)('%s (fresh output directory)', (_name, breakIt, expected) => {
    breakIt(box);
    const r = panfab(['build'], box.site);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(expected);
    expect(r.stderr).toMatch(/nothing written to \.\.\/out\/\n$/);
    expect(r.stderr).not.toMatch(/\n\s+at .*\.js:\d+/);
    expect(existsSync(out())).toBe(false);
  });

  it.each(cases)('%s (previous outputs stay as they were)', (_name, breakIt) => {
    expect(panfab(['build'], box.site).status).toBe(0);
    const before = snapshot(out());
    breakIt(box);
    expect(panfab(['build'], box.site).status).toBe(1);
    expect(snapshot(out())).toEqual(before);
  });

  it('says when site checks were not run because profiles failed', () => {
    box.edit('site/hosts/ui01.example.org.pan', 'GUEST_MEMORY = 4096', "GUEST_MEMORY = 'lots'");
    expect(panfab(['build'], box.site).stderr).toContain('panfab build: site checks not run: 1 of 13 profiles failed to compile\n');
  });
});

describe('panfab build: configuration and usage', () => {
  it('an unknown key in panfab.json is an error at its position (exit 1)', () => {
    box.edit('panfab.json', '"outputDir"', '"outptuDir"');
    const r = panfab(['build'], box.site);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^panfab.json:4:3: PF703 unknown key 'outptuDir' in panfab.json/);
    expect(existsSync(out())).toBe(false);
  });

  it('flags override panfab.json', () => {
    const r = panfab(['build', '--output-dir', 'elsewhere'], box.site);
    expect(r.status).toBe(0);
    expect(existsSync(path.join(box.site, 'elsewhere', 'site.json'))).toBe(true);
    expect(existsSync(out())).toBe(false);
  });

  it.each([[['--no-such-flag']], [['--overcommit-memory-ratio', 'lots']], [['a', 'b']]])('usage error %j exits 2', (args) => {
    const r = panfab(['build', ...args], box.site);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/panfab build|PF700/);
  });

  it('a missing site directory is an error', () => {
    const r = panfab(['build', 'no-such-site'], box.dir);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('PF702 site directory no-such-site does not exist');
  });

  it('--help describes every flag', () => {
    const r = panfab(['build', '--help'], box.site);
    expect(r.status).toBe(0);
    for (const flag of ['--include-path', '--objects', '--output-dir', '--deployed-dir', '--template-dir', '--artifacts', '--install-server-url', '--boot-files', '--overcommit-memory-ratio', '--overcommit-vcpu-ratio', '--disable-checks', '--warnings-as-errors', '--quiet']) {
      expect(r.stdout).toContain(flag);
    }
  });
});
