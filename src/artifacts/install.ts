/**
 * Which installation files a machine gets, by how it installs (design.md §5):
 *
 * | machine | installs by | files |
 * |---|---|---|
 * | Xen host or plain machine with a boot entry | PXE | pxelinux, GRUB, iPXE, kickstart |
 * | guest `hvm-pxe` | PXE from its emulated NIC | pxelinux, GRUB, iPXE, kickstart |
 * | guest `pypxeboot` | pypxeboot in dom0 | pypxeboot file, kickstart (+ xl install config) |
 * | guest `direct-kernel` | kernel booted by xl | kickstart (+ xl install config) |
 * | guest `pygrub`, machine without boot entry | — (installed) | none |
 *
 * A machine that installs needs a boot entry and kickstart settings (PF510).
 */
import type { Guest, Machine } from '../site/model.js';
import { KICKSTART, PXELINUX } from '../site/paths.js';
import { installNic } from './boot-entry.js';
import { bootNames } from './boot-names.js';
import { renderGrub } from './grub.js';
import { renderIpxe } from './ipxe.js';
import { renderKickstart } from './kickstart.js';
import { fqdnPart, macPart } from './naming.js';
import { renderPxelinux } from './pxelinux.js';
import { renderPypxeboot } from './pypxeboot.js';
import type { ArtifactRun } from './run.js';

export type InstallMode = 'pxe' | 'pypxeboot' | 'direct-kernel' | 'none';

/** How a machine installs. */
export function installMode(m: Machine): InstallMode {
  if (m.role === 'guest') {
    const mode = (m as Guest).bootMode;
    if (mode === 'hvm-pxe') return 'pxe';
    if (mode === 'pygrub') return 'none';
    return mode;
  }
  return m.boot !== undefined ? 'pxe' : 'none';
}

/** Adds the boot and kickstart files of one machine. */
export function renderInstall(run: ArtifactRun, m: Machine): void {
  const mode = installMode(m);
  if (mode === 'none') return;
  const issues = run.issues(`installation files of ${m.fqdn}`);
  const entry = m.boot;
  const ks = m.kickstart;
  if (entry === undefined) issues.model('PF510', `${m.fqdn} installs (${mode}) but has no boot entry at ${PXELINUX}`);
  if (ks === undefined) issues.model('PF510', `${m.fqdn} installs (${mode}) but has no kickstart settings at ${KICKSTART}`);
  const fqdn = fqdnPart(m.fqdn);
  if (!fqdn.ok) issues.value('PF501', 'FQDN', m.fqdn, fqdn.reason, { object: m.object, path: '/system/network/hostname' });
  if (entry === undefined || ks === undefined || !fqdn.ok) {
    run.report(issues);
    return;
  }
  if (mode === 'pxe') {
    const names = bootNames(m, run.options.hexIpNames, issues);
    if (names !== undefined) {
      renderPxelinux(run, m, entry, ks.bootproto, names);
      renderGrub(run, m, entry, ks.bootproto, names);
      renderIpxe(run, m, entry, ks.bootproto, fqdn.text);
    }
  } else if (mode === 'pypxeboot') {
    const nic = installNic(m, entry, issues);
    const name = nic?.nic.mac === undefined ? undefined : macPart(nic.nic.mac);
    if (name?.ok) renderPypxeboot(run, m as Guest, name.text);
    else if (nic !== undefined) issues.model('PF510', `${m.fqdn} installs through pypxeboot but ${nic.nic.device} has no usable MAC address`, nic.nic.ref);
  }
  run.report(issues);
  renderKickstart(run, m, fqdn.text);
}
