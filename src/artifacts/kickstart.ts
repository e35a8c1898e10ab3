/**
 * Kickstart files (docs/artifacts.md §3), template `kickstart/base.ks` with snippets under
 * `kickstart/snippets/`, published as `ks/<fqdn>.ks`. The context holds the AII-named settings
 * of /system/aii/osinstall/ks as model values: the install source (`installtype`, which must
 * be `url --url=<URL>`) and repositories, locale, time zone, root password hash, SELinux mode,
 * partitioning, packages and the optional post-install script, plus one network line per
 * interface from the model (bridges with their member cards, the installing interface with
 * the name servers and host name). Every generated file is checked by the kickstart linter.
 */
import type { KickstartSettings, Machine, Nic } from '../site/model.js';
import { NAMESERVER, interfacePath } from '../site/paths.js';
import { gatewayOf, installNic } from './boot-entry.js';
import { mv, type ModelValue } from './escape/value.js';
import { lintKickstart } from './kslint/index.js';
import type { Issues } from './report.js';
import type { ArtifactRun } from './run.js';
import { domainValue, field, fqdnValue, hostnameValue } from './view.js';

/** Adds the kickstart file of a machine that installs. */
export function renderKickstart(run: ArtifactRun, m: Machine, fqdnName: string): void {
  if (!run.wants('kickstart') || m.kickstart === undefined) return;
  const path = run.paths.kickstart(fqdnName);
  run.run({
    path,
    kind: 'kickstart',
    owner: m.fqdn,
    template: 'kickstart/base.ks',
    view: (issues) => kickstartView(m, m.kickstart!, issues),
    check: (text, file) => lintKickstart(text, { artifact: path, template: file }),
  });
}

function kickstartView(m: Machine, ks: KickstartSettings, issues: Issues): object | undefined {
  const at = (name: string) => field(ks.ref, name);
  const source = installSource(ks, issues);
  const networks = networkLines(m, ks, issues);
  if (source === undefined || networks === undefined) return undefined;
  const view: Record<string, unknown> = {
    host: {
      fqdn: fqdnValue(m),
      hostname: hostnameValue(m),
      domain: domainValue(m),
      role: m.role,
      services: m.services.map((s) => mv(s.name, 'name', s.ref, 'service')),
    },
    source,
    repos: repositories(ks),
    lang: mv(ks.lang, 'lang', at('lang'), 'language'),
    keyboard: mv(ks.keyboard, 'keyboard', at('keyboard'), 'keyboard layout'),
    timezone: mv(ks.timezone, 'timezone', at('timezone'), 'time zone'),
    rootpw: mv(ks.rootpw, 'crypt', at('rootpw'), 'root password hash'),
    selinux: mv(ks.selinux, 'enum', at('selinux'), 'SELinux mode'),
    networks,
    packages: ks.packages.map((p, i) => mv(p, 'package', at(`packages/${i}`), 'package')),
  };
  if (ks.partitioning !== undefined) view['storage'] = storage(ks);
  if (ks.postInstallScript !== undefined) view['postInstallScript'] = mv(ks.postInstallScript, 'url', at('post_install_script'), 'post-install script URL');
  return view;
}

/** The `url` command's URL from AII's `installtype` line. */
function installSource(ks: KickstartSettings, issues: Issues): { url: ModelValue } | undefined {
  const m = /^url\s+--url(?:=|\s+)(\S+)$/.exec(ks.installtype.trim());
  if (m === null) {
    issues.model('PF513', `installtype ${JSON.stringify(ks.installtype)} is not of the supported form url --url=<URL>`, field(ks.ref, 'installtype'));
    return undefined;
  }
  return { url: mv(m[1], 'url', field(ks.ref, 'installtype'), 'installation source URL') };
}

/** `repo` lines: named after the last path segment of their URL, made unique. */
function repositories(ks: KickstartSettings): { name: ModelValue; url: ModelValue }[] {
  const used = new Set<string>();
  return ks.repo.map((url, i) => {
    const ref = field(ks.ref, `repo/${i}`);
    const last = url.replace(/[?#].*$/, '').replace(/\/+$/, '').replace(/^.*\//, '');
    let name = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/.test(last) && !/^[a-z]+:$/.test(last) ? last : `repo-${i + 1}`;
    if (used.has(name)) name = `${name}-${i + 1}`;
    used.add(name);
    return { name: mv(name, 'name', ref, 'repository name'), url: mv(url, 'url', ref, 'repository URL') };
  });
}

function storage(ks: KickstartSettings): object {
  const p = ks.partitioning!;
  const at = (name: string) => field(ks.ref, `partitioning/${name}`);
  return {
    disk: mv(p.disk, 'device', at('disk'), 'installation disk'),
    bootSize: mv(p.bootSizeMb, 'integer', at('boot_size'), '/boot size'),
    volgroup: mv(p.volgroup, 'name', at('volgroup'), 'volume group'),
    logvols: p.logvols.map((lv, i) => ({
      name: mv(lv.name, 'name', at(`logvols/${i}/name`), 'logical volume name'),
      mountpoint: mv(lv.mountpoint, 'mountpoint', at(`logvols/${i}/mountpoint`), 'mount point'),
      fstype: mv(lv.fstype, 'fstype', at(`logvols/${i}/fstype`), 'file-system type'),
      size: mv(lv.sizeMb, 'integer', at(`logvols/${i}/size`), 'logical volume size'),
    })),
  };
}

/** One `network` line per configured interface; undefined (after reporting) when one cannot be written. */
function networkLines(m: Machine, ks: KickstartSettings, issues: Issues): object[] | undefined {
  const install = installNic(m, m.boot, issues);
  if (install === undefined) return undefined;
  const installDevice = install.address?.device ?? install.nic.device;
  const devices = new Set(m.nics.map((n) => n.device));
  const lines: { line: object; first: boolean }[] = [];
  let ok = true;
  for (const nic of m.nics) {
    if (nic.bridge !== undefined && devices.has(nic.bridge)) continue; // written as a bridge member
    const isInstall = nic.device === installDevice;
    const slaves = m.nics.filter((s) => s.bridge === nic.device);
    const proto = isInstall ? ks.bootproto : nic.bootproto ?? (nic.ip !== undefined ? 'static' : 'dhcp');
    if (proto === 'none') continue;
    const line = networkLine(m, nic, slaves, proto, isInstall, issues);
    if (line === undefined) ok = false;
    else lines.push({ line, first: isInstall });
  }
  if (!ok) return undefined;
  return [...lines.filter((l) => l.first), ...lines.filter((l) => !l.first)].map((l) => l.line);
}

function networkLine(m: Machine, nic: Nic, slaves: readonly Nic[], proto: 'static' | 'dhcp', isInstall: boolean, issues: Issues): object | undefined {
  const at = (name: string) => ({ object: m.object, path: interfacePath(nic.device, name) });
  const line: Record<string, unknown> = {
    device: mv(nic.device, 'device', nic.ref, 'device name'),
    bootproto: mv(proto, 'enum', isInstall ? field(m.kickstart!.ref, 'bootproto') : at('bootproto'), 'boot protocol'),
    bridgeslaves: slaves.map((s) => mv(s.device, 'device', s.ref, 'bridge member')),
    nameservers: isInstall ? m.nameservers.map((ns, i) => mv(ns, 'ipv4', { object: m.object, path: `${NAMESERVER}/${i}` }, 'name server')) : [],
    activate: isInstall,
  };
  if (isInstall) line['hostname'] = fqdnValue(m);
  if (proto === 'static') {
    if (nic.ip === undefined || nic.netmask === undefined) {
      issues.model('PF510', `${nic.device} of ${m.fqdn} is static but has no ip and netmask`, nic.ref);
      return undefined;
    }
    line['ip'] = mv(nic.ip, 'ipv4', at('ip'), 'address');
    line['netmask'] = mv(nic.netmask, 'netmask', at('netmask'), 'netmask');
    const gateway = gatewayOf(m, nic);
    if (gateway !== undefined) line['gateway'] = gateway;
  }
  return line;
}
