/**
 * Artifacts benchmark: a generated site model — 50 Xen hosts with 1,000 guests among them in
 * all four boot modes, plus 200 physical machines — is rendered by renderArtifacts; prints
 * artifacts per second and MB per second for a first run (templates compiled) and for later
 * runs (engines and compiled templates cached). Prints numbers only.
 */
import { renderArtifacts } from '../src/artifacts/index.js';
import type { BootEntry, Guest, GuestBootMode, Host, KickstartSettings, Machine, Nic, Site } from '../src/site/model.js';
import { median } from './timing.js';

const HOSTS = 50;
const GUESTS = 1000;
const PLAIN = 200;
const DOMAIN = 'bench.example.org';
const MODES: readonly GuestBootMode[] = ['pypxeboot', 'direct-kernel', 'pygrub', 'hvm-pxe'];

function ip(n: number): string {
  return `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
}

function mac(n: number, prefix = '00:16:3e'): string {
  return `${prefix}:${[(n >> 16) & 255, (n >> 8) & 255, n & 255].map((b) => b.toString(16).padStart(2, '0')).join(':')}`;
}

function nic(object: string, n: number): Nic {
  return { device: 'eth0', mac: mac(n), ip: ip(n), netmask: '255.0.0.0', boot: true, bootproto: 'static', ref: { object, path: '/system/network/interfaces/eth0' } };
}

function boot(object: string, fqdn: string): BootEntry {
  return {
    label: 'Enterprise Linux 9 (x86_64)',
    kernel: 'el9/vmlinuz',
    initrd: 'el9/initrd.img',
    append: ['inst.text', 'console=ttyS0,115200'],
    kickstartUrl: `http://install.${DOMAIN}/ks/${fqdn}.ks`,
    ksdevice: 'bootif',
    ref: { object, path: '/system/aii/nbp/pxelinux' },
  };
}

function kickstart(object: string, disk: string): KickstartSettings {
  return {
    installtype: `url --url=http://install.${DOMAIN}/mirror/el9/os`,
    repo: [`http://install.${DOMAIN}/mirror/el9/os`, `http://install.${DOMAIN}/mirror/el9/updates`],
    lang: 'en_US.UTF-8',
    keyboard: 'us',
    timezone: 'Europe/Zurich',
    rootpw: '$6$saltsalt$0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ./0123456789abcdefghi',
    bootproto: 'static',
    packages: ['@core', 'openssh-server', 'chrony', 'condor', 'apptainer'],
    selinux: 'enforcing',
    partitioning: {
      disk,
      bootSizeMb: 1024,
      volgroup: 'vg_root',
      logvols: [
        { name: 'root', mountpoint: '/', sizeMb: 16384, fstype: 'xfs' },
        { name: 'var', mountpoint: '/var', sizeMb: 8192, fstype: 'xfs' },
        { name: 'swap', mountpoint: 'swap', sizeMb: 2048, fstype: 'swap' },
      ],
    },
    ref: { object, path: '/system/aii/osinstall/ks' },
  };
}

function machine(name: string, n: number, disk: string): Omit<Machine, 'role'> {
  const fqdn = `${name}.${DOMAIN}`;
  return {
    object: fqdn,
    hostname: name,
    domain: DOMAIN,
    fqdn,
    gateway: '10.0.0.1',
    nameservers: ['10.0.0.53', '10.0.0.54'],
    nics: [nic(fqdn, n)],
    cpuCores: 16,
    ramMb: 65536,
    services: [{ name: 'wn', ref: { object: fqdn, path: '/system/services/0' } }],
    boot: boot(fqdn, fqdn),
    kickstart: kickstart(fqdn, disk),
  };
}

function guest(i: number, hosts: number): Guest {
  const mode = MODES[i % MODES.length]!;
  const hvm = mode === 'hvm-pxe';
  const base = machine(`vm${String(i).padStart(4, '0')}`, 0x10000 + i, hvm ? 'hda' : 'xvda');
  const host = `xen${String(i % hosts).padStart(2, '0')}.${DOMAIN}`;
  return {
    ...base,
    role: 'guest',
    host,
    type: hvm ? 'hvm' : 'pv',
    memoryMb: 4096,
    maxmemMb: 4096,
    vcpus: 2,
    uuid: `6f1c2b3a-0c4d-4e5f-8a9b-${(0x1000000000000 + i).toString(16).slice(1)}`,
    disks: [{ vdev: hvm ? 'hda' : 'xvda', sizeGb: 40, pool: 'guests', volume: `${base.hostname}-root`, format: 'raw', access: 'rw', target: `/dev/vg_guests/${base.hostname}-root`, ref: { object: base.object, path: '/virtual/guest/disks/0' } }],
    vifs: [{ device: 'eth0', bridge: 'xenbr0', mac: base.nics[0]!.mac!, ref: { object: base.object, path: '/virtual/guest/nics/0' } }],
    bootMode: mode,
    onPoweroff: 'destroy',
    onReboot: 'restart',
    onCrash: 'restart',
    ref: { object: base.object, path: '/virtual/guest' },
  };
}

function host(h: number, guests: readonly Guest[]): Host {
  const base = machine(`xen${String(h).padStart(2, '0')}`, 0x20000 + h, 'sda');
  return {
    ...base,
    role: 'xen-host',
    hypervisor: 'xen',
    dom0MemoryMb: 4096,
    dom0Vcpus: 2,
    bridges: ['xenbr0'],
    storage: [{ name: 'guests', type: 'lvm', source: 'vg_guests', ref: { object: base.object, path: '/virtual/host/storage/guests' } }],
    vcpuRatio: 2,
    guests: guests.filter((g) => g.host === base.fqdn).map((g) => g.fqdn),
    ref: { object: base.object, path: '/virtual/host' },
  };
}

/** Sizes of a generated site model. */
export interface BenchSiteSize {
  readonly hosts: number;
  readonly guests: number;
  readonly plain: number;
}

/** The generated site model (by default 50 hosts, 1,000 guests and 200 physical machines). */
export function benchSiteModel(size: BenchSiteSize = { hosts: HOSTS, guests: GUESTS, plain: PLAIN }): Site {
  const guests = Array.from({ length: size.guests }, (_, i) => guest(i, size.hosts));
  const hosts = Array.from({ length: size.hosts }, (_, h) => host(h, guests));
  const plain = Array.from({ length: size.plain }, (_, p): Machine => ({ ...machine(`wn${String(p).padStart(4, '0')}`, 0x30000 + p, 'sda'), role: 'plain' }));
  return { hosts, guests, plain, origin: () => undefined };
}

function timeRender(site: Site): { seconds: number; files: number; bytes: number } {
  const start = process.hrtime.bigint();
  const { artifacts, diagnostics } = renderArtifacts(site, { installServer: `http://install.${DOMAIN}` });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (diagnostics.length > 0) throw new Error(`benchmark site has diagnostics: ${diagnostics[0]!.message}`);
  let bytes = 0;
  for (const a of artifacts.values()) bytes += Buffer.byteLength(a.content, 'utf8');
  return { seconds, files: artifacts.size, bytes };
}

/** Runs the artifacts benchmark. */
export async function benchArtifacts(): Promise<void> {
  const site = benchSiteModel();
  const first = timeRender(site);
  process.stdout.write(`  site: ${HOSTS} Xen hosts, ${GUESTS} guests, ${PLAIN} physical machines -> ${first.files} files, ${(first.bytes / 1e6).toFixed(2)} MB\n`);
  const line = (label: string, seconds: number): void => {
    process.stdout.write(`  ${label.padEnd(38)} ${(first.files / seconds).toFixed(0).padStart(8)} artifacts/s ${(first.bytes / 1e6 / seconds).toFixed(2).padStart(8)} MB/s ${(seconds * 1000).toFixed(0).padStart(7)} ms\n`);
  };
  line('first run (templates compiled)', first.seconds);
  const warm: number[] = [];
  for (let i = 0; i < 5; i++) warm.push(timeRender(site).seconds);
  line('warm (engines cached)', median(warm));
}
