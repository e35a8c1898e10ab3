/** Address arithmetic and boot file names. */
import {
  cidr,
  hexIpBootName,
  inNetwork,
  macBootName,
  normaliseMac,
  parseIpv4,
  parseNetmask,
  prefixLength,
} from '../../src/site/addresses.js';
import { backingTarget } from '../../src/site/build.js';

describe('addresses', () => {
  test('IPv4 addresses and netmasks', () => {
    expect(parseIpv4('192.0.2.5')).toBe(0xc0000205);
    expect(parseIpv4('255.255.255.255')).toBe(0xffffffff);
    expect([parseIpv4('256.0.0.1'), parseIpv4('1.2.3'), parseIpv4(' 1.2.3.4')]).toEqual([undefined, undefined, undefined]);
    expect(parseNetmask('255.255.0.0')).toBe(0xffff0000);
    expect(parseNetmask('255.0.255.0')).toBeUndefined();
    expect([prefixLength(0xffffff00), prefixLength(0), prefixLength(0xffffffff)]).toEqual([24, 0, 32]);
    expect(cidr(parseIpv4('10.10.1.32')!, 0xffff0000)).toBe('10.10.0.0/16');
    expect(inNetwork(parseIpv4('10.10.1.32')!, parseIpv4('10.10.0.10')!, 0xffff0000)).toBe(true);
    expect(inNetwork(parseIpv4('192.0.3.1')!, parseIpv4('192.0.2.1')!, 0xffffff00)).toBe(false);
  });

  test('MACs are normalised to lower-case colon form', () => {
    expect(normaliseMac('00:16:3E:00:00:31')).toBe('00:16:3e:00:00:31');
    expect(normaliseMac('3C-EC-EF-4A-10-70')).toBe('3c:ec:ef:4a:10:70');
    expect([normaliseMac('00:16:3e-00:00:31'), normaliseMac('00:16:3e:zz:00:01'), normaliseMac('0016.3e00.0031')]).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
  });

  test('boot file names follow pxelinux and GRUB: 01-<mac> with dashes, upper-case hex IP', () => {
    expect(macBootName('52:54:00:12:34:56')).toBe('01-52-54-00-12-34-56');
    expect(hexIpBootName(parseIpv4('192.168.1.5')!)).toBe('C0A80105');
    expect(hexIpBootName(parseIpv4('133.2.85.234')!)).toBe('850255EA');
    expect(hexIpBootName(parseIpv4('10.0.2.15')!)).toBe('0A00020F');
  });

  test('disk backing targets on LVM and file pools', () => {
    const ref = { object: 'xen01', path: '/virtual/host/storage/p' };
    expect(backingTarget({ name: 'p', type: 'lvm', source: 'vg_guests', ref }, { volume: 'ce01-root' })).toBe('/dev/vg_guests/ce01-root');
    expect(backingTarget({ name: 'p', type: 'lvm', source: '/dev/vg_guests/', ref }, { volume: 'ce01-root' })).toBe('/dev/vg_guests/ce01-root');
    expect(backingTarget({ name: 'p', type: 'file', source: '/var/lib/xen/images/', ref }, { volume: 'ce01' })).toBe(
      '/var/lib/xen/images/ce01.img',
    );
  });
});
