/**
 * Installation settings of a machine, read with AII's names: the network-boot entry from
 * /system/aii/nbp/pxelinux (structure_pxelinux_pxe_info) and the kickstart settings from
 * /system/aii/osinstall/ks (the subset of structure_ks_ks_info panfab supports). Optional
 * fields take the defaults of panfab's schema (profiles/lib/panfab/schema/aii.pan), so
 * profiles validated by other schemas map the same way. A part with a missing or broken
 * required field is reported and left out.
 */
import type { BootEntry, KickstartSettings, LogicalVolume } from './model.js';
import { KICKSTART, PXELINUX } from './paths.js';
import type { ProfileReader } from './reader.js';

/** The boot entry, when the profile has /system/aii/nbp/pxelinux. */
export function readBootEntry(r: ProfileReader): BootEntry | undefined {
  if (r.dict(PXELINUX, 'optional') === undefined) return undefined;
  const label = r.string(`${PXELINUX}/label`, 'required');
  const kernel = r.string(`${PXELINUX}/kernel`, 'required');
  const initrd = r.string(`${PXELINUX}/initrd`, 'required');
  const kickstartUrl = r.string(`${PXELINUX}/kslocation`, 'required');
  const append = r.string(`${PXELINUX}/append`, 'optional') ?? '';
  const ksdevice = r.string(`${PXELINUX}/ksdevice`, 'optional') ?? 'bootif';
  if (label === undefined || kernel === undefined || initrd === undefined || kickstartUrl === undefined) return undefined;
  return {
    label,
    kernel,
    initrd,
    append: append.split(/\s+/).filter((t) => t !== ''),
    kickstartUrl,
    ksdevice,
    ref: { object: r.object, path: PXELINUX },
  };
}

/** The kickstart settings, when the profile has /system/aii/osinstall/ks. */
export function readKickstart(r: ProfileReader): KickstartSettings | undefined {
  if (r.dict(KICKSTART, 'optional') === undefined) return undefined;
  const field = (name: string): string => `${KICKSTART}/${name}`;
  const installtype = r.string(field('installtype'), 'required');
  const timezone = r.string(field('timezone'), 'required');
  const rootpw = r.string(field('rootpw'), 'required');
  const bootproto = r.choice(field('bootproto'), 'required', ['static', 'dhcp'] as const);
  const repo = r.stringList(field('repo'), 'optional') ?? [];
  const packages = r.stringList(field('packages'), 'optional') ?? ['@core'];
  const lang = r.string(field('lang'), 'optional') ?? 'en_US.UTF-8';
  const keyboard = r.string(field('keyboard'), 'optional') ?? 'us';
  const selinux = r.string(field('selinux'), 'optional') ?? 'enforcing';
  const partitioning = readPartitioning(r, field('partitioning'));
  const postInstallScript = r.string(field('post_install_script'), 'optional');
  if (installtype === undefined || timezone === undefined || rootpw === undefined || bootproto === undefined) return undefined;
  const settings: { -readonly [K in keyof KickstartSettings]: KickstartSettings[K] } = {
    installtype,
    repo,
    lang,
    keyboard,
    timezone,
    rootpw,
    bootproto,
    packages,
    selinux,
    ref: { object: r.object, path: KICKSTART },
  };
  if (partitioning !== undefined) settings.partitioning = partitioning;
  if (postInstallScript !== undefined) settings.postInstallScript = postInstallScript;
  return settings;
}

function readPartitioning(r: ProfileReader, path: string): KickstartSettings['partitioning'] {
  if (r.dict(path, 'optional') === undefined) return undefined;
  const list = r.list(`${path}/logvols`, 'required');
  const logvols: LogicalVolume[] = [];
  list?.items.forEach((_, i) => {
    const lv = readLogicalVolume(r, `${path}/logvols/${i}`);
    if (lv !== undefined) logvols.push(lv);
  });
  return {
    disk: r.string(`${path}/disk`, 'optional') ?? 'sda',
    bootSizeMb: r.long(`${path}/boot_size`, 'optional') ?? 1024,
    volgroup: r.string(`${path}/volgroup`, 'optional') ?? 'vg_root',
    logvols,
  };
}

function readLogicalVolume(r: ProfileReader, path: string): LogicalVolume | undefined {
  if (r.dict(path, 'required') === undefined) return undefined;
  const name = r.string(`${path}/name`, 'required');
  const mountpoint = r.string(`${path}/mountpoint`, 'required');
  const sizeMb = r.long(`${path}/size`, 'required', 1);
  const fstype = r.string(`${path}/fstype`, 'optional') ?? 'xfs';
  if (name === undefined || mountpoint === undefined || sizeMb === undefined) return undefined;
  return { name, mountpoint, sizeMb, fstype };
}
