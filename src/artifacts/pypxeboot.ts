/**
 * pypxeboot files for Xen PV guests (docs/artifacts.md §2.7), template `boot/pypxeboot.cfg`:
 * pypxeboot's restricted pxelinux dialect — DEFAULT, LABEL, KERNEL and APPEND only, the
 * initrd as `initrd=` in APPEND, every APPEND token `key=value` once. Published as
 * `pxelinux.cfg/01-<mac>` for the MAC the guest's install config passes to pypxeboot, in
 * lower case as pypxeboot asks for it.
 */
import type { Guest } from '../site/model.js';
import { kernelCommandLine } from './boot-entry.js';
import type { ArtifactRun } from './run.js';
import { bootFiles, fqdnValue } from './view.js';

/** Adds the pypxeboot file of a PV guest installed through pypxeboot. */
export function renderPypxeboot(run: ArtifactRun, guest: Guest, macName: string): void {
  if (!run.wants('pypxeboot') || guest.boot === undefined || guest.kickstart === undefined) return;
  const entry = guest.boot;
  const bootproto = guest.kickstart.bootproto;
  run.run({
    path: run.paths.pxelinux(macName),
    kind: 'pypxeboot',
    owner: guest.fqdn,
    template: 'boot/pypxeboot.cfg',
    view: (issues) => {
      const line = kernelCommandLine(guest, entry, 'pypxeboot', bootproto, issues);
      return line === undefined ? undefined : { fqdn: fqdnValue(guest), kernel: bootFiles(entry).kernel, args: line.args };
    },
  });
}
