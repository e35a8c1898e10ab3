/**
 * GRUB 2 per-client files (docs/artifacts.md §2.1, §2.3), template `boot/grub.cfg`: the same
 * installation and local-boot entries as pxelinux, with `linux`/`initrd` (which both BIOS and
 * EFI builds know) and files as `(tftp)/path`. Published as `grub/grub.cfg-01-<mac>` — the
 * name GRUB's own network search asks for — and hex-IP copies when enabled. GRUB has no
 * IPAPPEND, so `BOOTIF=01-<mac>` is written out.
 */
import type { BootEntry, Machine } from '../site/model.js';
import { kernelCommandLine } from './boot-entry.js';
import type { BootNames } from './boot-names.js';
import type { ArtifactRun } from './run.js';
import { bootFiles, compose, field, fqdnValue } from './view.js';

/** Adds the GRUB file of a machine that installs by PXE. */
export function renderGrub(run: ArtifactRun, m: Machine, entry: BootEntry, bootproto: 'static' | 'dhcp', names: BootNames): void {
  if (!run.wants('grub')) return;
  const [first, ...rest] = names.macs;
  run.run({
    path: run.paths.grub(first!),
    aliases: [...rest, ...names.hexIps].map((n) => run.paths.grub(n)),
    kind: 'grub',
    owner: m.fqdn,
    template: 'boot/grub.cfg',
    view: (issues) => {
      const line = kernelCommandLine(m, entry, 'grub', bootproto, issues);
      const files = bootFiles(entry);
      const title = compose(issues, 'text', field(entry.ref, 'label'), 'menu title', 'Install ', fqdnValue(m), ': ', files.label);
      return line === undefined || title === undefined ? undefined : { fqdn: fqdnValue(m), ...files, title, args: line.args };
    },
  });
}
