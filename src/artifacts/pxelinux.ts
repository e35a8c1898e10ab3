/**
 * pxelinux per-client files (docs/artifacts.md §2.2), template `boot/pxelinux.cfg`: a menu
 * with the installation entry as default and a local-boot entry, published as
 * `pxelinux.cfg/01-<mac>` for each boot card (and hex-IP copies when enabled). With
 * `ksdevice = bootif` pxelinux appends `BOOTIF=01-<mac>` itself (IPAPPEND 2).
 */
import type { BootEntry, Machine } from '../site/model.js';
import { kernelCommandLine } from './boot-entry.js';
import type { BootNames } from './boot-names.js';
import type { ArtifactRun } from './run.js';
import { bootFiles, fqdnValue } from './view.js';

/** Adds the pxelinux file of a machine that installs by PXE. */
export function renderPxelinux(run: ArtifactRun, m: Machine, entry: BootEntry, bootproto: 'static' | 'dhcp', names: BootNames): void {
  if (!run.wants('pxelinux')) return;
  const [first, ...rest] = names.macs;
  run.run({
    path: run.paths.pxelinux(first!),
    aliases: [...rest, ...names.hexIps].map((n) => run.paths.pxelinux(n)),
    kind: 'pxelinux',
    owner: m.fqdn,
    template: 'boot/pxelinux.cfg',
    view: (issues) => {
      const line = kernelCommandLine(m, entry, 'pxelinux', bootproto, issues);
      return line === undefined ? undefined : { fqdn: fqdnValue(m), ...bootFiles(entry), args: line.args, ipappend: line.ipappend };
    },
  });
}
