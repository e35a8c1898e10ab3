/**
 * Reads panfab's virtualisation paths (profiles/lib/panfab/schema/virtual.pan): the Xen host
 * part (/virtual/host) and the guest part (/virtual/guest). Optional fields take the schema's
 * defaults. A required field that is missing or broken makes the part unusable (undefined);
 * a broken disk, NIC or pool is reported and left out. Disk backing targets and the host's
 * guest list need the whole site and are filled in by build.ts.
 */
import type { MachineFields } from './machine.js';
import type { Disk, Guest, GuestBootMode, Host, LifecycleAction, Nic, StoragePool, Vif } from './model.js';
import { VIRTUAL_GUEST, VIRTUAL_HOST } from './paths.js';
import type { ProfileReader } from './reader.js';

/** The fields of a Host beyond the common machine fields (`guests` is filled in later). */
export type HostPart = Omit<Host, keyof MachineFields | 'role' | 'guests'>;
/** The fields of a Guest beyond the common machine fields. */
export type GuestPart = Omit<Guest, keyof MachineFields | 'role'>;

const ACTIONS = ['destroy', 'restart', 'preserve'] as const;
const CRASH_ACTIONS = [...ACTIONS, 'coredump-destroy', 'coredump-restart'] as const;
const BOOT_MODES: readonly GuestBootMode[] = ['pypxeboot', 'direct-kernel', 'pygrub', 'hvm-pxe'];

/** Reads /virtual/host; undefined when a required field is unusable. */
export function readHostPart(r: ProfileReader): HostPart | undefined {
  const at = (f: string): string => `${VIRTUAL_HOST}/${f}`;
  // Absent means the schema default; any other hypervisor is not a Xen host.
  const hypervisor = r.has(at('hypervisor')) ? r.choice(at('hypervisor'), 'required', ['xen'] as const) : 'xen';
  const bridges = r.stringList(at('bridges'), 'required');
  const maxGuests = r.long(at('max_guests'), 'optional', 1);
  const part = {
    hypervisor: 'xen' as const,
    dom0MemoryMb: r.long(at('dom0_memory'), 'optional') ?? 4096,
    dom0Vcpus: r.long(at('dom0_vcpus'), 'optional') ?? 2,
    bridges: bridges === undefined ? [] : [...new Set(bridges)].sort(),
    storage: readPools(r),
    vcpuRatio: r.positiveNumber(at('vcpu_ratio'), 'optional') ?? 2.0,
    ref: { object: r.object, path: VIRTUAL_HOST },
  };
  if (hypervisor === undefined || bridges === undefined) return undefined;
  return maxGuests === undefined ? part : { ...part, maxGuests };
}

function readPools(r: ProfileReader): StoragePool[] {
  const path = `${VIRTUAL_HOST}/storage`;
  const pools = r.dict(path, 'optional');
  const out: StoragePool[] = [];
  for (const name of pools?.keys() ?? []) {
    const at = `${path}/${name}`;
    if (r.dict(at, 'required') === undefined) continue;
    const type = r.choice(`${at}/type`, 'required', ['lvm', 'file'] as const);
    const source = r.string(`${at}/source`, 'required');
    if (type !== undefined && source !== undefined) out.push({ name, type, source, ref: { object: r.object, path: at } });
  }
  return out;
}

/** Reads /virtual/guest; undefined when a required field is unusable. `nics` gives vif MACs. */
export function readGuestPart(r: ProfileReader, nics: readonly Nic[]): GuestPart | undefined {
  const at = (f: string): string => `${VIRTUAL_GUEST}/${f}`;
  const host = r.string(at('host'), 'required');
  const type = r.choice(at('type'), 'required', ['pv', 'hvm'] as const);
  const memoryMb = r.long(at('memory'), 'required', 1);
  const maxmemMb = r.long(at('maxmem'), 'optional', 1);
  const uuid = r.string(at('uuid'), 'required');
  const bootMode = r.choice(at('boot'), 'required', BOOT_MODES);
  const rest = {
    vcpus: r.long(at('vcpus'), 'optional', 1) ?? 1,
    disks: readDisks(r),
    vifs: readVifs(r, nics),
    onPoweroff: action(r, at('on_poweroff'), ACTIONS, 'destroy'),
    onReboot: action(r, at('on_reboot'), ACTIONS, 'restart'),
    onCrash: action(r, at('on_crash'), CRASH_ACTIONS, 'restart'),
    ref: { object: r.object, path: VIRTUAL_GUEST },
  };
  if (host === undefined || type === undefined || memoryMb === undefined || uuid === undefined || bootMode === undefined) {
    return undefined;
  }
  return { host, type, memoryMb, maxmemMb: maxmemMb ?? memoryMb, uuid: uuid.toLowerCase(), bootMode, ...rest };
}

function action(r: ProfileReader, path: string, allowed: readonly LifecycleAction[], fallback: LifecycleAction): LifecycleAction {
  return r.choice(path, 'optional', allowed) ?? fallback;
}

function readDisks(r: ProfileReader): Disk[] {
  const path = `${VIRTUAL_GUEST}/disks`;
  const disks: Disk[] = [];
  r.list(path, 'optional')?.items.forEach((_, i) => {
    const at = `${path}/${i}`;
    if (r.dict(at, 'required') === undefined) return;
    const vdev = r.string(`${at}/vdev`, 'required');
    const sizeGb = r.long(`${at}/size`, 'required', 1);
    const pool = r.string(`${at}/pool`, 'required');
    const volume = r.string(`${at}/volume`, 'required');
    const format = r.choice(`${at}/format`, 'optional', ['raw', 'qcow2'] as const) ?? 'raw';
    const access = r.choice(`${at}/access`, 'optional', ['rw', 'ro'] as const) ?? 'rw';
    if (vdev === undefined || sizeGb === undefined || pool === undefined || volume === undefined) return;
    disks.push({ vdev, sizeGb, pool, volume, format, access, ref: { object: r.object, path: at } });
  });
  return disks;
}

function readVifs(r: ProfileReader, nics: readonly Nic[]): Vif[] {
  const path = `${VIRTUAL_GUEST}/nics`;
  const vifs: Vif[] = [];
  r.list(path, 'optional')?.items.forEach((_, i) => {
    const at = `${path}/${i}`;
    if (r.dict(at, 'required') === undefined) return;
    const device = r.string(`${at}/device`, 'required');
    const bridge = r.string(`${at}/bridge`, 'required');
    if (device === undefined || bridge === undefined) return;
    const mac = nics.find((n) => n.device === device)?.mac;
    vifs.push({ device, bridge, ...(mac !== undefined ? { mac } : {}), ref: { object: r.object, path: at } });
  });
  return vifs;
}
