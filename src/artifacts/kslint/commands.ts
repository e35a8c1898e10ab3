/**
 * The RHEL 9 kickstart command set (pykickstart's RHEL9 handler, docs/artifacts.md §3.2): for
 * each command its options (`--name=` takes a value, `--name` is a flag, `--name=?` may take
 * one), how many positional arguments it takes, whether it may appear only once (commands of
 * one `group` share a setting, e.g. text/graphical/cmdline), and whether RHEL 9 deprecates
 * or removed it. Commands marked `raw` pass their arguments to another tool unchecked.
 */

export interface CommandSpec {
  readonly options: ReadonlyMap<string, 'value' | 'flag' | 'optional'>;
  readonly positional: readonly [min: number, max: number];
  /** Commands in one group may appear once in total (a singleton is its own group). */
  readonly group?: string;
  readonly status?: 'deprecated' | 'removed';
  readonly deprecatedOptions?: ReadonlySet<string>;
  readonly raw?: boolean;
}

const ANY = Number.POSITIVE_INFINITY;

interface Spec {
  o?: string;
  p?: [number, number];
  once?: boolean | string;
  status?: 'deprecated' | 'removed';
  dep?: string;
  raw?: boolean;
}

const LUKS = '--encrypted --passphrase= --escrowcert= --backuppassphrase --cipher= --luks-version= --pbkdf= --pbkdf-memory= --pbkdf-time= --pbkdf-iterations=';
const FILESYSTEM = '--fstype= --fsoptions= --fsprofile= --label= --mkfsoptions=';
const FINISH = { o: '--eject --kexec', once: 'finish' };
const DISPLAY = { o: '--non-interactive', once: 'display' };

const SPECS: Record<string, Spec> = {
  auth: { raw: true, once: 'auth', status: 'deprecated' },
  authconfig: { raw: true, once: 'auth', status: 'deprecated' },
  authselect: { raw: true, once: true },
  autopart: { o: `--nolvm --type= --fstype= --nohome --noboot --noswap ${LUKS}`, once: true },
  autostep: { o: '--autoscreenshot', once: true, status: 'deprecated' },
  bootloader: { o: '--append= --location= --password= --driveorder= --timeout= --default= --iscrypted --md5pass= --boot-drive= --leavebootorder --extlinux --disabled --nombr', once: true },
  btrfs: { o: '--noformat --useexisting --label= --data= --metadata= --subvol --parent= --name= --mkfsoptions=', p: [1, ANY], status: 'deprecated' },
  cdrom: { once: 'source' },
  clearpart: { o: '--all --initlabel --linux --none --disklabel= --drives= --list= --cdl', once: true },
  cmdline: DISPLAY,
  device: { o: '--opts=', p: [0, ANY], status: 'removed' },
  deviceprobe: { p: [0, ANY], status: 'removed' },
  dmraid: { o: '--name= --dev=', status: 'removed' },
  driverdisk: { o: '--source= --biospart=', p: [0, ANY] },
  eula: { o: '--agreed --agree --accepted --accept', once: true },
  fcoe: { o: '--nic= --dcb --autovlan' },
  firewall: { o: '--disable --disabled --enable --enabled --port= --trust= --service= --ftp --http --smtp --ssh --remove-service= --use-system-defaults', once: true },
  firstboot: { o: '--disable --disabled --enable --enabled --reconfig', once: true },
  graphical: DISPLAY,
  group: { o: '--name= --gid=' },
  halt: FINISH,
  harddrive: { o: '--dir= --partition=', once: 'source' },
  hmc: { once: 'source' },
  ignoredisk: { o: '--drives= --only-use=', once: true },
  install: { o: '--root-device=', status: 'removed' },
  iscsi: { o: '--target= --ipaddr= --port= --user= --password= --reverse-user= --reverse-password= --iface=' },
  iscsiname: { p: [1, 1], once: true },
  keyboard: { o: '--vckeymap= --xlayouts= --switch=', p: [0, 1], once: true },
  lang: { o: '--addsupport=', p: [1, 1], once: true },
  liveimg: { o: '--url= --proxy= --noverifyssl --checksum=', once: 'source' },
  logging: { o: '--host= --port= --level=', once: true, dep: '--level' },
  logvol: {
    o: `--grow --maxsize= --name= --noformat --percent= --recommended --size= --useexisting --vgname= --resize --hibernation --thinpool --thin --poolname= --chunksize= --metadatasize= --profile= --cachesize= --cachemode= --cachepvs= ${FILESYSTEM} ${LUKS}`,
    p: [1, 1],
  },
  mediacheck: { once: true },
  method: { p: [0, ANY], status: 'deprecated' },
  module: { o: '--name= --stream= --disable' },
  mount: { o: '--reformat=? --mkfsoptions= --mountoptions=', p: [2, 2] },
  multipath: { o: '--name= --device= --rule=', status: 'removed' },
  network: {
    o: '--bootproto= --dhcpclass= --device= --essid= --ethtool= --gateway= --hostname= --ip= --mtu= --nameserver= --netmask= --nodns --onboot= --wepkey= --notksdevice --noipv4 --noipv6 --ipv6= --activate --nodefroute --wpakey= --bondslaves= --bondopts= --vlanid= --ipv6gateway= --teamslaves= --teamconfig= --interfacename= --bridgeslaves= --bridgeopts= --no-activate --bindto= --ipv4-dns-search= --ipv6-dns-search= --ipv4-ignore-auto-dns --ipv6-ignore-auto-dns',
  },
  nfs: { o: '--server= --dir= --opts=', once: 'source' },
  nvdimm: { o: '--namespace= --blockdevs= --mode= --sectorsize=', p: [1, 1] },
  ostreecontainer: { o: '--stateroot= --url= --transport= --remote= --no-signature-verification', once: 'source' },
  ostreesetup: { o: '--osname= --remote= --url= --ref= --nogpg', once: 'source' },
  part: { o: `--asprimary --type= --grow --maxsize= --noformat --onbiosdisk= --ondisk= --ondrive= --onpart= --usepart= --recommended --size= --resize --hibernation ${FILESYSTEM} ${LUKS}`, p: [1, 1] },
  poweroff: FINISH,
  raid: { o: `--device= --level= --noformat --spares= --useexisting --chunksize= ${FILESYSTEM} ${LUKS}`, p: [1, ANY] },
  realm: { raw: true },
  reboot: FINISH,
  repo: { o: '--name= --baseurl= --mirrorlist= --cost= --excludepkgs= --includepkgs= --proxy= --noverifyssl --install --metalink= --sslcacert= --sslclientcert= --sslclientkey= --ignoregroups=', dep: '--ignoregroups' },
  reqpart: { o: '--add-boot', once: true },
  rescue: { o: '--nomount --romount', once: true },
  rhsm: { o: '--organization= --activation-key= --connect-to-insights --proxy= --server-hostname= --rhsm-baseurl=', once: true },
  rootpw: { o: '--iscrypted --lock --plaintext --allow-ssh', p: [0, 1], once: true },
  selinux: { o: '--disabled --enforcing --permissive', once: true },
  services: { o: '--disabled= --enabled=', once: true },
  shutdown: FINISH,
  skipx: { once: true },
  snapshot: { o: '--name= --when=', p: [1, 1] },
  sshkey: { o: '--username=', p: [1, 1] },
  sshpw: { o: '--username= --iscrypted --plaintext --lock --sshkey', p: [0, ANY] },
  syspurpose: { o: '--role= --sla= --usage= --addon=', once: true },
  text: DISPLAY,
  timesource: { o: '--ntp-server= --ntp-pool= --ntp-disable --nts' },
  timezone: { o: '--utc --isUtc --nontp --ntpservers=', p: [0, 1], once: true, dep: '--isUtc --nontp --ntpservers' },
  updates: { p: [0, 1], once: true },
  url: { o: '--url= --mirrorlist= --metalink= --proxy= --noverifyssl --sslcacert= --sslclientcert= --sslclientkey=', once: 'source' },
  user: { o: '--homedir= --iscrypted --name= --password= --shell= --uid= --lock --plaintext --gecos= --gid= --groups=' },
  vnc: { o: '--password= --host= --port=', once: true },
  volgroup: { o: '--noformat --useexisting --reserved-space= --reserved-percent= --pesize=', p: [1, ANY] },
  xconfig: { o: '--defaultdesktop= --startxonboot', once: true },
  zerombr: { once: true },
  zfcp: { o: '--devnum= --wwpn= --fcplun=' },
  zipl: { o: '--secure-boot --force-secure-boot --no-secure-boot', once: true },
};
SPECS['partition'] = SPECS['part']!;

/** The RHEL 9 commands by name. */
export const RHEL9_COMMANDS: ReadonlyMap<string, CommandSpec> = new Map(
  Object.entries(SPECS).map(([name, s]) => [name, toSpec(name, s)]),
);

/** Script and other sections with their options. */
export const RHEL9_SECTIONS: ReadonlyMap<string, CommandSpec> = new Map([
  ['%packages', toSpec('%packages', { o: '--excludedocs --ignoremissing --default --multilib --nocore --timeout= --retries= --instLangs= --inst-langs= --excludeWeakdeps --exclude-weakdeps' })],
  ['%pre', toSpec('%pre', { o: '--erroronfail --interpreter= --log= --logfile=' })],
  ['%pre-install', toSpec('%pre-install', { o: '--erroronfail --interpreter= --log= --logfile=' })],
  ['%post', toSpec('%post', { o: '--erroronfail --interpreter= --log= --logfile= --nochroot' })],
  ['%onerror', toSpec('%onerror', { o: '--erroronfail --interpreter= --log= --logfile=' })],
  ['%traceback', toSpec('%traceback', { o: '--erroronfail --interpreter= --log= --logfile=' })],
  ['%certificate', toSpec('%certificate', { o: '--filename= --dir= --type=' })],
  ['%addon', toSpec('%addon', { p: [1, 1], raw: true })],
  ['%anaconda', toSpec('%anaconda', {})],
]);

function toSpec(name: string, s: Spec): CommandSpec {
  const options = new Map<string, 'value' | 'flag' | 'optional'>();
  for (const o of (s.o ?? '').split(/\s+/).filter((x) => x !== '')) {
    if (o.endsWith('=?')) options.set(o.slice(0, -2), 'optional');
    else if (o.endsWith('=')) options.set(o.slice(0, -1), 'value');
    else options.set(o, 'flag');
  }
  const spec: { -readonly [K in keyof CommandSpec]: CommandSpec[K] } = { options, positional: s.p ?? [0, 0] };
  if (s.once !== undefined && s.once !== false) spec.group = s.once === true ? name : s.once;
  if (s.status !== undefined) spec.status = s.status;
  if (s.dep !== undefined) spec.deprecatedOptions = new Set(s.dep.split(' '));
  if (s.raw === true) spec.raw = true;
  return spec;
}
