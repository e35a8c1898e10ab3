/**
 * One boot entry (AII's /system/aii/nbp/pxelinux: kernel, initrd, kslocation, ksdevice,
 * append), turned into the kernel command line of each boot target (design.md §5,
 * docs/artifacts.md §2.5, §2.7):
 *
 *   [initrd=<file>]            pypxeboot (its only way to get an initrd); iPXE on EFI (image name)
 *   inst.ks=<kslocation>
 *   BOOTIF=01-<mac>            ksdevice bootif (pxelinux adds it itself: IPAPPEND 2) or a MAC
 *   bootdev=<device>           ksdevice naming an interface
 *   ifname=<device>:<mac>      per network card, so the installer sees the model's device names
 *                              (pypxeboot: only the installing card — it keeps one value per key)
 *   ip=<ip>::<gw>:<mask>:<fqdn>:<device>:none[:<dns1>[:<dns2>]]   static installs
 *   ip=<device>:dhcp           DHCP installs
 *   <append tokens>            pypxeboot: installer flags `inst.x` / `rd.x` written `inst.x=1`
 *
 * Every token is a ModelValue of kind `kernel-arg` carrying the model path it comes from; the
 * parts it is built from are checked against their own whitelists first.
 */
import { inNetwork, parseIpv4, parseNetmask } from '../site/addresses.js';
import type { BootEntry, Machine, ModelRef, Nic } from '../site/model.js';
import { DEFAULT_GATEWAY, NAMESERVER, hardwareNicPath, interfacePath } from '../site/paths.js';
import { checkKind, type ValueKind } from './escape/kinds.js';
import { ModelValue, mv, showRaw } from './escape/value.js';
import type { Issues } from './report.js';

export type BootTarget = 'pxelinux' | 'grub' | 'ipxe' | 'pypxeboot' | 'xl';

/** The kernel command line of one target. */
export interface KernelCommandLine {
  readonly args: readonly ModelValue[];
  /** pxelinux appends `BOOTIF=01-<mac>` itself (IPAPPEND 2). */
  readonly ipappend: boolean;
}

/** The network card an installer uses, and the interface holding its address (itself or its bridge). */
export interface InstallNic {
  readonly nic: Nic;
  readonly address?: Nic;
}

/** Keys of append tokens the generator writes itself. */
const GENERATED_KEYS = new Set(['ks', 'inst.ks', 'initrd', 'BOOTIF', 'bootdev', 'ksdevice']);

/** The machine's boot NICs: those flagged `boot` that have a MAC, else every NIC with a MAC. */
export function bootNics(m: Machine): Nic[] {
  const withMac = m.nics.filter((n) => n.mac !== undefined && n.type !== 'Bridge');
  const flagged = withMac.filter((n) => n.boot);
  return flagged.length > 0 ? flagged : withMac;
}

/** The card the installer brings up, chosen by `ksdevice`; reports and returns undefined when there is none. */
export function installNic(m: Machine, entry: BootEntry | undefined, issues: Issues): InstallNic | undefined {
  const ksdevice = entry?.ksdevice ?? 'bootif';
  const ref = entry === undefined ? undefined : field(entry.ref, 'ksdevice');
  let nic: Nic | undefined;
  if (ksdevice === 'bootif' || ksdevice === 'link') nic = bootNics(m)[0];
  else if (checkKind('mac', ksdevice.toLowerCase()).ok) nic = m.nics.find((n) => n.mac === ksdevice.toLowerCase());
  else nic = m.nics.find((n) => n.device === ksdevice);
  if (nic === undefined) {
    if (ksdevice === 'bootif' || ksdevice === 'link') issues.model('PF510', `${m.fqdn} has no network card with a MAC address to install from`, ref);
    else issues.model('PF513', `ksdevice ${showRaw(ksdevice)} is not bootif, link, or a MAC or device of ${m.fqdn}`, ref);
    return undefined;
  }
  const address = nic.ip !== undefined ? nic : m.nics.find((b) => b.device === nic.bridge && b.ip !== undefined);
  return address === undefined ? { nic } : { nic, address };
}

/** Builds the kernel command line of `target`; reports and returns undefined on problems. */
export function kernelCommandLine(
  m: Machine,
  entry: BootEntry,
  target: BootTarget,
  bootproto: 'static' | 'dhcp',
  issues: Issues,
): KernelCommandLine | undefined {
  const install = installNic(m, entry, issues);
  if (install === undefined) return undefined;
  const tokens: (ModelValue | undefined)[] = [];
  const build = new TokenBuilder(issues);
  if (target === 'pypxeboot') tokens.push(build.token(field(entry.ref, 'initrd'), 'initrd=', value(entry.initrd, 'bootfile', field(entry.ref, 'initrd'), 'initrd')));
  if (target === 'ipxe') tokens.push(build.token(field(entry.ref, 'initrd'), 'initrd=', imageName(entry, issues)));
  tokens.push(build.token(field(entry.ref, 'kslocation'), 'inst.ks=', value(entry.kickstartUrl, 'url', field(entry.ref, 'kslocation'), 'kickstart URL')));
  const ipappend = target === 'pxelinux' && entry.ksdevice === 'bootif';
  tokens.push(...deviceTokens(m, entry, install, target, build));
  tokens.push(...ifnameTokens(m, install, target, build));
  tokens.push(ipToken(m, install, bootproto, build, issues));
  tokens.push(...appendTokens(entry, target, issues));
  if (tokens.some((t) => t === undefined)) return undefined;
  return { args: tokens as ModelValue[], ipappend };
}

/** BOOTIF / bootdev tokens for the ksdevice setting. */
function deviceTokens(m: Machine, entry: BootEntry, install: InstallNic, target: BootTarget, build: TokenBuilder): (ModelValue | undefined)[] {
  const ksdevice = entry.ksdevice;
  const macRef = { object: m.object, path: hardwareNicPath(install.nic.device, 'hwaddr') };
  if (ksdevice === 'bootif' || checkKind('mac', ksdevice.toLowerCase()).ok) {
    if (ksdevice === 'bootif' && target === 'pxelinux') return [];
    return [build.token(macRef, 'BOOTIF=01-', dashed(value(install.nic.mac, 'mac', macRef, 'MAC address'), build))];
  }
  if (ksdevice === 'link') return [];
  return [build.token(field(entry.ref, 'ksdevice'), 'bootdev=', value(install.nic.device, 'device', install.nic.ref, 'device name'))];
}

/** `ifname=<device>:<mac>` for every card (pypxeboot: the installing card only). */
function ifnameTokens(m: Machine, install: InstallNic, target: BootTarget, build: TokenBuilder): (ModelValue | undefined)[] {
  const cards = m.nics.filter((n) => n.mac !== undefined && n.type !== 'Bridge');
  const named = target === 'pypxeboot' ? [install.nic] : cards;
  return named.map((n) => {
    const macRef = { object: m.object, path: hardwareNicPath(n.device, 'hwaddr') };
    return build.token(macRef, 'ifname=', value(n.device, 'device', n.ref, 'device name'), ':', value(n.mac, 'mac', macRef, 'MAC address'));
  });
}

/** The `ip=` token for the install network. */
function ipToken(m: Machine, install: InstallNic, bootproto: 'static' | 'dhcp', build: TokenBuilder, issues: Issues): ModelValue | undefined {
  const device = value(install.nic.device, 'device', install.nic.ref, 'device name');
  if (bootproto === 'dhcp') return build.token(install.nic.ref, 'ip=', device, ':dhcp');
  const addr = install.address;
  if (addr?.ip === undefined || addr.netmask === undefined) {
    issues.model('PF510', `${m.fqdn} installs with a static address but ${install.nic.device} has no ip and netmask`, install.nic.ref);
    return undefined;
  }
  const ipRef = { object: m.object, path: interfacePath(addr.device, 'ip') };
  const gateway = gatewayOf(m, addr);
  const dns = m.nameservers.slice(0, 2).map((ns, i) => value(ns, 'ipv4', { object: m.object, path: `${NAMESERVER}/${i}` }, 'name server'));
  const parts: (string | ModelValue)[] = [
    'ip=',
    value(addr.ip, 'ipv4', ipRef, 'address'),
    '::',
    gateway ?? '',
    ':',
    value(addr.netmask, 'netmask', { object: m.object, path: interfacePath(addr.device, 'netmask') }, 'netmask'),
    ':',
    value(m.fqdn, 'fqdn', { object: m.object, path: '/system/network/hostname' }, 'host name'),
    ':',
    device,
    ':none',
  ];
  for (const d of dns) parts.push(':', d);
  return build.token(ipRef, ...parts);
}

/** The gateway for an interface: its own, or the machine's default when it lies in the interface's network. */
export function gatewayOf(m: Machine, nic: Nic): ModelValue | undefined {
  if (nic.gateway !== undefined) return value(nic.gateway, 'ipv4', { object: m.object, path: interfacePath(nic.device, 'gateway') }, 'gateway');
  if (m.gateway === undefined || nic.ip === undefined || nic.netmask === undefined) return undefined;
  const gw = parseIpv4(m.gateway);
  const ip = parseIpv4(nic.ip);
  const mask = parseNetmask(nic.netmask);
  if (gw === undefined || ip === undefined || mask === undefined || !inNetwork(gw, ip, mask)) return undefined;
  return value(m.gateway, 'ipv4', { object: m.object, path: DEFAULT_GATEWAY }, 'default gateway');
}

/** The boot entry's own append tokens; pypxeboot gets installer flags as `flag=1`. */
function appendTokens(entry: BootEntry, target: BootTarget, issues: Issues): (ModelValue | undefined)[] {
  const ref = field(entry.ref, 'append');
  return entry.append.map((token) => {
    const key = token.includes('=') ? token.slice(0, token.indexOf('=')) : token;
    if (GENERATED_KEYS.has(key)) {
      issues.model('PF513', `append sets ${key}, which is written from the boot entry's own fields`, ref);
      return undefined;
    }
    if (target === 'pypxeboot' && !token.includes('=')) {
      if (/^(?:inst|rd)\.[A-Za-z0-9_.-]+$/.test(token)) return mv(`${token}=1`, 'kernel-arg', ref, 'kernel argument');
      issues.model('PF511', `pypxeboot passes only key=value arguments; the bare flag ${showRaw(token)} would be lost`, ref);
      return undefined;
    }
    return mv(token, 'kernel-arg', ref, 'kernel argument');
  });
}

/** The iPXE image name of the initrd (its last path segment). */
function imageName(entry: BootEntry, issues: Issues): ModelValue | undefined {
  const ref = field(entry.ref, 'initrd');
  const checked = checkKind('bootfile', entry.initrd);
  if (!checked.ok) {
    issues.value(checked.code ?? 'PF501', 'initrd', entry.initrd, checked.reason, ref);
    return undefined;
  }
  return mv(checked.text.replace(/\/+$/, '').replace(/^.*\//, ''), 'kernel-arg', ref, 'initrd image name');
}

/** Builds tokens from parts, checking each ModelValue part against its kind first. */
class TokenBuilder {
  constructor(private readonly issues: Issues) {}

  token(ref: ModelRef, ...parts: (string | ModelValue | undefined)[]): ModelValue | undefined {
    let text = '';
    for (const p of parts) {
      if (p === undefined) return undefined;
      if (typeof p === 'string') {
        text += p;
        continue;
      }
      const raw = ModelValue.raw(p);
      const checked = checkKind(p.kind, raw);
      if (!checked.ok) {
        const partRef = ModelValue.ref(p);
        this.issues.value(checked.code ?? 'PF501', ModelValue.what(p), raw, checked.reason, partRef);
        return undefined;
      }
      text += checked.text;
    }
    return mv(text, 'kernel-arg', ref, 'kernel argument');
  }
}

/** A MAC value in dashed form (for BOOTIF), after checking it. */
function dashed(mac: ModelValue, build: TokenBuilder): ModelValue | undefined {
  const ref = ModelValue.ref(mac) ?? { object: '', path: '' };
  const checked = build.token(ref, mac);
  if (checked === undefined) return undefined;
  return mv(String(ModelValue.raw(checked)).replace(/:/g, '-'), 'kernel-arg', ref, 'MAC address');
}

function value(raw: unknown, kind: ValueKind, ref: ModelRef, what: string): ModelValue {
  return mv(raw, kind, ref, what);
}

function field(ref: ModelRef, name: string): ModelRef {
  return { object: ref.object, path: `${ref.path}/${name}` };
}
