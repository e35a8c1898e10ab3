/**
 * File names boot loaders look up (docs/artifacts.md §2.1, §2.5, §6): `01-<mac>` in lower case
 * with dashes, the IPv4 address in upper-case hex (AII's fixture values), and paths that a
 * profile value can never steer outside the tree.
 */
import { ArtifactPaths, fqdnPart, hexIpPart, hostnamePart, macPart } from '../../src/artifacts/naming.js';
import { resolveArtifactOptions } from '../../src/artifacts/types.js';

test.each([
  ['133.2.85.234', '850255EA'],
  ['192.168.1.5', 'C0A80105'],
  ['10.0.2.15', '0A00020F'],
  ['0.0.0.1', '00000001'],
])('hex IP name of %s is %s', (ip, hex) => {
  expect(hexIpPart(ip)).toEqual({ ok: true, text: hex });
});

test('MAC names are 01- plus the lower-case MAC with dashes', () => {
  expect(macPart('52:54:00:12:34:56')).toEqual({ ok: true, text: '01-52-54-00-12-34-56' });
  expect(macPart('52:54:00:12:34:5G').ok).toBe(false);
  expect(macPart('52:54:00:12:34:56/../x').ok).toBe(false);
});

test('host names and FQDNs that are not DNS names cannot name files', () => {
  expect(fqdnPart('xen01.example.org').ok).toBe(true);
  for (const bad of ['..', 'a/b', 'x.example.org/../../etc', '-x.org', 'a..b']) expect(fqdnPart(bad).ok).toBe(false);
  expect(hostnamePart('web01.example').ok).toBe(false);
});

test('paths follow the tree layout and its roots', () => {
  const paths = new ArtifactPaths(resolveArtifactOptions({}));
  expect(paths.pxelinux('01-52-54-00-12-34-56')).toBe('tftpboot/pxelinux.cfg/01-52-54-00-12-34-56');
  expect(paths.grub('01-52-54-00-12-34-56')).toBe('tftpboot/grub/grub.cfg-01-52-54-00-12-34-56');
  expect(paths.grub()).toBe('tftpboot/grub/grub.cfg');
  expect(paths.ipxe('web01.example.org')).toBe('ipxe/web01.example.org.ipxe');
  expect(paths.kickstart('web01.example.org')).toBe('ks/web01.example.org.ks');
  expect(paths.xen('xen01.example.org', 'web01', true)).toBe('xen/xen01.example.org/web01.install.cfg');
  const rooted = new ArtifactPaths(resolveArtifactOptions({ tftpRoot: '/srv/tftp/', httpRoot: 'www/' }));
  expect(rooted.pxelinux('default')).toBe('srv/tftp/pxelinux.cfg/default');
  expect(rooted.kickstart('a.b')).toBe('www/ks/a.b.ks');
});
