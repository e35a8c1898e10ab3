/**
 * The site-wide local-boot fallbacks (docs/artifacts.md §2.5, §4.4): `pxelinux.cfg/default`
 * (also read by pypxeboot, so it stays in pypxeboot's dialect), GRUB's `grub.cfg` and iPXE's
 * `default.ipxe`. A machine without a file of its own boots from its local disk. One file per
 * enabled boot-loader kind.
 */
import type { ArtifactRun } from './run.js';

/** Adds the fallback files for the enabled boot-loader kinds. */
export function renderDefaultMenus(run: ArtifactRun): void {
  if (!run.wants('default')) return;
  const view = () => ({});
  if (run.wants('pxelinux') || run.wants('pypxeboot')) {
    run.run({ path: run.paths.pxelinux('default'), kind: 'default', owner: '', template: 'boot/default-pxelinux.cfg', view });
  }
  if (run.wants('grub')) run.run({ path: run.paths.grub(), kind: 'default', owner: '', template: 'boot/default-grub.cfg', view });
  if (run.wants('ipxe')) run.run({ path: run.paths.ipxe(), kind: 'default', owner: '', template: 'boot/default-ipxe', view });
}
