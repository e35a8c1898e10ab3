/**
 * xl domain configs (docs/artifacts.md §1, design.md §5), template `xen/domain.cfg`:
 *
 * | guest boot | `<guest>.install.cfg` (installation boot) | `<guest>.cfg` (normal boots) |
 * |---|---|---|
 * | pypxeboot | PV, `bootloader` = pypxeboot with `mac=<mac>`, `on_reboot = "destroy"` | PV, pygrub |
 * | direct-kernel | PV, `kernel`/`ramdisk`/`extra` from the boot entry, `on_reboot = "destroy"` | PV, pygrub |
 * | pygrub | — | PV, pygrub |
 * | hvm-pxe | — | HVM, `boot = "cn"`: disk first, network when the disk is empty |
 *
 * The installation config stops the domain when the installer reboots, so a finished
 * installation is not started again; the normal config then boots the installed system.
 * After rendering, the file is parsed back (xl-lint.ts) to check it sets only known keys, once.
 */
import type { Guest, Host, ModelRef } from '../site/model.js';
import { hardwareNicPath } from '../site/paths.js';
import { installNic, kernelCommandLine } from './boot-entry.js';
import { mv, type ModelValue } from './escape/value.js';
import { fqdnPart, hostnamePart } from './naming.js';
import type { Issues } from './report.js';
import type { ArtifactRun } from './run.js';
import { lintXl } from './xl-lint.js';

/** The two ways a domain config is used. */
type Purpose = 'install' | 'run';

/** Adds the xl configs of one guest. */
export function renderGuestDomains(run: ArtifactRun, guest: Guest, hosts: ReadonlyMap<string, Host>): void {
  if (!run.wants('xl')) return;
  const issues = run.issues(`xl configs of ${guest.fqdn}`);
  const dom0 = fqdnPart(guest.host);
  const name = hostnamePart(guest.hostname);
  if (!dom0.ok) issues.value('PF501', 'Xen host', guest.host, dom0.reason, field(guest.ref, 'host'));
  if (!name.ok) issues.value('PF501', 'host name', guest.hostname, name.reason, { object: guest.object, path: '/system/network/hostname' });
  run.report(issues);
  if (!dom0.ok || !name.ok) return;
  const purposes: Purpose[] = guest.bootMode === 'pypxeboot' || guest.bootMode === 'direct-kernel' ? ['install', 'run'] : ['run'];
  for (const purpose of purposes) {
    const path = run.paths.xen(dom0.text, name.text, purpose === 'install');
    run.run({
      path,
      kind: 'xl',
      owner: guest.fqdn,
      template: 'xen/domain.cfg',
      view: (jobIssues) => domainView(run, guest, hosts.get(guest.host), purpose, jobIssues),
      check: (text, template) => lintXl(text, { artifact: path, template }),
    });
  }
}

/** The template context of one domain config. */
function domainView(run: ArtifactRun, guest: Guest, host: Host | undefined, purpose: Purpose, issues: Issues): object | undefined {
  const at = (f: string): ModelRef => field(guest.ref, f);
  if (guest.maxmemMb < guest.memoryMb) {
    issues.model('PF512', `maxmem ${guest.maxmemMb} MiB is below memory ${guest.memoryMb} MiB`, at('maxmem'));
  }
  if (guest.vifs.length === 0) issues.model('PF512', `${guest.fqdn} has no network interface`, at('nics'));
  const pv = guest.type === 'pv';
  if (pv && guest.disks.length === 0) issues.model('PF512', `a PV guest boots through a bootloader and needs a disk; ${guest.fqdn} has none`, at('disks'));
  for (const d of guest.disks) {
    if (d.target === undefined) issues.model('PF512', `disk ${d.vdev} has no backing: storage pool ${JSON.stringify(d.pool)} is not a pool of ${guest.host}`, field(d.ref, 'pool'));
  }
  const boot = bootFields(run, guest, purpose, issues);
  if (boot === undefined || issues.failed) return undefined;
  return {
    fqdn: mv(guest.fqdn, 'fqdn', { object: guest.object, path: '/system/network/hostname' }, 'FQDN'),
    dom0: mv(host?.fqdn ?? guest.host, 'fqdn', at('host'), 'Xen host'),
    purpose,
    install: purpose === 'install',
    name: mv(guest.hostname, 'hostname', { object: guest.object, path: '/system/network/hostname' }, 'domain name'),
    type: mv(guest.type, 'enum', at('type'), 'guest type'),
    pv,
    hvm: !pv,
    uuid: mv(guest.uuid, 'uuid', at('uuid'), 'UUID'),
    memory: mv(guest.memoryMb, 'integer', at('memory'), 'memory'),
    maxmem: mv(guest.maxmemMb, 'integer', guest.maxmemMb === guest.memoryMb ? at('memory') : at('maxmem'), 'maxmem'),
    vcpus: mv(guest.vcpus, 'integer', at('vcpus'), 'vCPU count'),
    ...boot,
    disks: guest.disks.map((d) => ({
      vdev: mv(d.vdev, 'name', field(d.ref, 'vdev'), 'disk device'),
      format: mv(d.format, 'enum', field(d.ref, 'format'), 'disk format'),
      access: mv(d.access, 'enum', field(d.ref, 'access'), 'disk access'),
      target: mv(d.target, 'path', field(d.ref, 'pool'), 'disk target'),
    })),
    vifs: guest.vifs.map((v) => {
      const vif: Record<string, ModelValue> = {
        mac: mv(v.mac, 'mac', { object: guest.object, path: hardwareNicPath(v.device, 'hwaddr') }, 'MAC address'),
        bridge: mv(v.bridge, 'bridge', field(v.ref, 'bridge'), 'bridge'),
      };
      if (!pv) vif['model'] = mv('e1000', 'enum', undefined, 'emulated NIC model');
      return vif;
    }),
    onPoweroff: mv(guest.onPoweroff, 'enum', at('on_poweroff'), 'on_poweroff action'),
    onReboot: purpose === 'install' ? mv('destroy', 'enum', undefined, 'on_reboot action') : mv(guest.onReboot, 'enum', at('on_reboot'), 'on_reboot action'),
    onCrash: mv(guest.onCrash, 'enum', at('on_crash'), 'on_crash action'),
  };
}

/** The boot keys: bootloader (+ args), or kernel/ramdisk/extra; none for HVM. */
function bootFields(run: ArtifactRun, guest: Guest, purpose: Purpose, issues: Issues): object | undefined {
  if (guest.type === 'hvm') return { hvmBoot: 'cn' };
  if (purpose === 'run') return { bootloader: mv('pygrub', 'name', undefined, 'bootloader') };
  const entry = guest.boot;
  // Without a boot entry or kickstart settings there is nothing to install; install.ts reports it.
  if (entry === undefined || guest.kickstart === undefined) return undefined;
  if (guest.bootMode === 'pypxeboot') {
    const nic = installNic(guest, entry, issues);
    if (nic === undefined) return undefined;
    const macRef = { object: guest.object, path: hardwareNicPath(nic.nic.device, 'hwaddr') };
    return {
      bootloader: mv(run.options.pypxeboot, 'path', undefined, 'pypxeboot path'),
      bootloaderArgs: [mv(`mac=${nic.nic.mac ?? ''}`, 'kernel-arg', macRef, 'pypxeboot MAC argument')],
    };
  }
  const line = kernelCommandLine(guest, entry, 'xl', guest.kickstart.bootproto, issues);
  if (line === undefined) return undefined;
  const kernel = dom0File(run, entry.kernel, field(entry.ref, 'kernel'), 'kernel', issues);
  const ramdisk = dom0File(run, entry.initrd, field(entry.ref, 'initrd'), 'initrd', issues);
  if (kernel === undefined || ramdisk === undefined) return undefined;
  return { kernel, ramdisk, extra: line.args };
}

/** A boot-entry file (relative to the TFTP root) as a path on the Xen host under dom0BootDir. */
function dom0File(run: ArtifactRun, file: string, ref: ModelRef, what: string, issues: Issues): ModelValue | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(file)) {
    issues.model('PF513', `a direct-kernel boot needs the ${what} as a file path, not the URL ${JSON.stringify(file)}`, ref);
    return undefined;
  }
  return mv(`${run.options.dom0BootDir.replace(/\/+$/, '')}/${file.replace(/^\/+/, '')}`, 'path', ref, what);
}

function field(ref: ModelRef, name: string): ModelRef {
  return { object: ref.object, path: `${ref.path}/${name}` };
}
