/**
 * Pure parts of the install server: request-target checks, MAC/FQDN normalisation, content
 * types, If-None-Match matching, manifest lookups and access-log escaping.
 */
import { escapeField } from '../../src/server/access-log.js';
import { contentTypeFor } from '../../src/server/content-types.js';
import { indexManifest } from '../../src/server/manifest.js';
import { macOfBootFile, normaliseFqdn, normaliseMac } from '../../src/server/names.js';
import { checkRequestTarget, urlForRelative } from '../../src/server/paths.js';
import { etagListMatches } from '../../src/server/respond.js';

describe('checkRequestTarget', () => {
  test('accepts origin-form paths, decodes once, drops the query and a trailing slash', () => {
    expect(checkRequestTarget('/')).toEqual({ ok: true, segments: [], relative: '' });
    expect(checkRequestTarget('/ks/web01.example.org.ks?x=1')).toEqual({ ok: true, segments: ['ks', 'web01.example.org.ks'], relative: 'ks/web01.example.org.ks' });
    expect(checkRequestTarget('/ipxe/52%3A54%3A00%3A12%3A34%3A56')).toMatchObject({ ok: true, segments: ['ipxe', '52:54:00:12:34:56'] });
    expect(checkRequestTarget('/tftpboot/pxelinux.cfg/')).toMatchObject({ ok: true, relative: 'tftpboot/pxelinux.cfg' });
  });

  test.each([
    ['/a/../b', 400, 'dot segment in path'],
    ['/a/%2E%2E/b', 400, 'dot segment in path'],
    ['/a%2fb', 400, 'encoded separator or NUL in path'],
    ['/a%5Cb', 400, 'encoded separator or NUL in path'],
    ['/a%00', 400, 'encoded separator or NUL in path'],
    ['/a%252e', 400, 'double-encoded path'],
    ['/a%e9', 400, 'invalid percent-encoding or UTF-8 in path'],
    ['/a%0a', 400, 'control character in path'],
    ['/a%c2%85', 400, 'control character in path'],
    ['/a\\b', 400, 'backslash in path'],
    ['//a', 400, 'empty path segment'],
    ['/a#b', 400, 'fragment in request target'],
    ['http://h/a', 400, 'request target is not in origin form'],
    ['/a b', 400, 'raw space, control or non-ASCII byte in request target'],
    ['/.panfab/manifest.json', 404, 'hidden file'],
    ['/ks/.panfab-tmp-1', 404, 'hidden file'],
    ['/' + 'x'.repeat(1100), 400, 'path too long'],
  ])('%s is refused (%d, %s)', (target, status, reason) => {
    expect(checkRequestTarget(target)).toEqual({ ok: false, status, reason });
  });

  test('urlForRelative percent-encodes segments', () => {
    expect(urlForRelative('ipxe/a b:c')).toBe('/ipxe/a%20b%3Ac');
  });
});

describe('names', () => {
  test.each(['52:54:00:12:34:56', '52-54-00-12-34-56', '52:54:00:12:34:56'.toUpperCase(), '525400123456', '5254.0012.3456', '01-52-54-00-12-34-56'])('%s is a MAC', (mac) => {
    expect(normaliseMac(mac)).toBe('52-54-00-12-34-56');
  });

  test.each(['52:54:00:12:34', '52:54-00:12-34:56', '52545400123456', 'zz:54:00:12:34:56', '525.4001.23456', ''])('%s is not a MAC', (text) => {
    expect(normaliseMac(text)).toBeUndefined();
  });

  test('FQDNs are lower-cased; single labels and bad labels are refused', () => {
    expect(normaliseFqdn('Web01.Example.ORG')).toBe('web01.example.org');
    expect(normaliseFqdn('localhost')).toBeUndefined();
    expect(normaliseFqdn('-a.example.org')).toBeUndefined();
    expect(normaliseFqdn('a..org')).toBeUndefined();
  });

  test('macOfBootFile reads pxelinux and GRUB per-host names only', () => {
    expect(macOfBootFile('tftpboot/pxelinux.cfg/01-52-54-00-12-34-56')).toBe('52-54-00-12-34-56');
    expect(macOfBootFile('tftpboot/grub/grub.cfg-01-52-54-00-12-34-56')).toBe('52-54-00-12-34-56');
    expect(macOfBootFile('tftpboot/pxelinux.cfg/C0A80105')).toBeUndefined();
    expect(macOfBootFile('tftpboot/grub/grub.cfg-52-54-00-12-34-56')).toBeUndefined();
  });
});

describe('contentTypeFor', () => {
  test.each([
    ['tftpboot/pxelinux.cfg/01-52-54-00-12-34-56', 'text/plain; charset=utf-8'],
    ['tftpboot/pxelinux.cfg/C0A80105', 'text/plain; charset=utf-8'],
    ['tftpboot/grub/grub.cfg-01-52-54-00-12-34-56', 'text/plain; charset=utf-8'],
    ['tftpboot/grub/grub.cfg', 'text/plain; charset=utf-8'],
    ['ks/web01.example.org.ks', 'text/plain; charset=utf-8'],
    ['xen/dom0.example.org/web01.cfg', 'text/plain; charset=utf-8'],
    ['ipxe/web01.example.org.ipxe', 'text/plain; charset=utf-8'],
    ['ipxe/web01.example.org', 'text/plain; charset=utf-8'],
    ['index.json', 'application/json'],
    ['tftpboot/pxelinux.0', 'application/octet-stream'],
    ['tftpboot/grub/grubx64.efi', 'application/octet-stream'],
    ['tftpboot/el9/vmlinuz', 'application/octet-stream'],
    ['tftpboot/el9/initrd.img', 'application/octet-stream'],
    ['tftpboot/undionly.kpxe', 'application/octet-stream'],
    ['tftpboot/ldlinux.c32', 'application/octet-stream'],
    ['misc/unknown', 'application/octet-stream'],
    ['page.html', 'application/octet-stream'],
  ])('%s → %s', (rel, type) => {
    expect(contentTypeFor(rel)).toBe(type);
  });
});

describe('etagListMatches', () => {
  test('exact, weak, listed and * match; others do not', () => {
    expect(etagListMatches('"a"', '"a"')).toBe(true);
    expect(etagListMatches('W/"a"', '"a"')).toBe(true);
    expect(etagListMatches('"b" , "a"', '"a"')).toBe(true);
    expect(etagListMatches('*', '"a"')).toBe(true);
    expect(etagListMatches('"b"', '"a"')).toBe(false);
    expect(etagListMatches('a', '"a"')).toBe(false);
  });
});

describe('indexManifest', () => {
  const entry = (kind: string, owner: string) => ({ sha256: 'a'.repeat(64), mode: 0o644, kind, owner, generator: 'panfab 1' });

  test('owners lower-cased, site-wide files without owner, MAC index from per-host boot file names', () => {
    const m = indexManifest({
      generator: 'panfab 1',
      files: new Map([
        ['tftpboot/pxelinux.cfg/default', entry('default', '')],
        ['tftpboot/pxelinux.cfg/01-52-54-00-12-34-56', entry('pxelinux', 'Web01.Example.org')],
        ['tftpboot/grub/grub.cfg-01-52-54-00-ab-cd-ef', entry('grub', 'db01.example.org')],
        ['ks/web01.example.org.ks', entry('kickstart', 'web01.example.org')],
      ]),
    });
    expect(m.generator).toBe('panfab 1');
    expect(m.entries.map((e) => e.path)).toEqual([
      'ks/web01.example.org.ks',
      'tftpboot/grub/grub.cfg-01-52-54-00-ab-cd-ef',
      'tftpboot/pxelinux.cfg/01-52-54-00-12-34-56',
      'tftpboot/pxelinux.cfg/default',
    ]);
    expect(m.byPath.get('tftpboot/pxelinux.cfg/default')?.owner).toBeUndefined();
    expect([...m.macOwners]).toEqual([
      ['52-54-00-ab-cd-ef', 'db01.example.org'],
      ['52-54-00-12-34-56', 'web01.example.org'],
    ]);
    expect(m.byOwner.get('web01.example.org')?.map((e) => e.kind)).toEqual(['kickstart', 'pxelinux']);
  });
});

describe('escapeField', () => {
  test('keeps log fields on one line and quotes balanced', () => {
    expect(escapeField('/ks/a.ks')).toBe('/ks/a.ks');
    expect(escapeField('/a"b\\c\r\nd e')).toBe('/a\\"b\\\\c\\x0d\\x0ad\\x20e');
    expect(escapeField('not found', true)).toBe('not found');
    expect(escapeField('é\u2028')).toBe('\\xe9\\u{2028}');
  });
});
