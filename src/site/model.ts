/**
 * The typed model of a virtual site, built from compiled profiles (src/site/build.ts):
 * Xen hosts (dom0), their guests (domU), plain machines, and what they run and how they boot.
 * Every model object keeps a `ref` (object template + profile path) so checks and artifacts can
 * name the template line that set a value (through the compiler's provenance).
 */
import type { Span } from '../diagnostics/span.js';

/** Where a model value comes from: the object template (profile) and the path in it. */
export interface ModelRef {
  /** Object template name, e.g. `ce01.example.org`. */
  readonly object: string;
  /** Absolute profile path, e.g. `/hardware/cards/nic/eth0/hwaddr`. */
  readonly path: string;
}

/** A network interface of a machine: MAC from /hardware/cards/nic, addresses from /system/network/interfaces. */
export interface Nic {
  readonly device: string;
  /** Lower-case colon-separated MAC, when the hardware declares one. */
  readonly mac?: string;
  readonly ip?: string;
  readonly netmask?: string;
  readonly gateway?: string;
  /** Bridge this interface is enslaved to (dom0 side) — for guests see `Vif`. */
  readonly bridge?: string;
  readonly bootproto?: 'static' | 'dhcp' | 'none';
  /** True for the NIC the machine network-boots from. */
  readonly boot: boolean;
  readonly type?: 'Ethernet' | 'Bridge';
  readonly ref: ModelRef;
}

/** A guest's virtual interface on one of its host's bridges. */
export interface Vif {
  readonly device: string;
  readonly bridge: string;
  /** MAC of the matching guest NIC (same device name), when declared. */
  readonly mac?: string;
  readonly ref: ModelRef;
}

/** A guest disk backed by a host storage pool. */
export interface Disk {
  readonly vdev: string;
  readonly sizeGb: number;
  readonly pool: string;
  readonly volume: string;
  readonly format: 'raw' | 'qcow2';
  readonly access: 'rw' | 'ro';
  /** Backing path on the host, e.g. `/dev/vg_guests/ce01-root` (lvm) or `<dir>/<volume>.img` (file). */
  readonly target?: string;
  readonly ref: ModelRef;
}

/** One network-boot entry (AII pxelinux names), rendered per boot target. */
export interface BootEntry {
  readonly label: string;
  readonly kernel: string;
  readonly initrd: string;
  /** Kernel command-line tokens from `append`, in order. */
  readonly append: readonly string[];
  readonly kickstartUrl: string;
  readonly ksdevice: string;
  readonly ref: ModelRef;
}

/** A kickstart logical volume. */
export interface LogicalVolume {
  readonly name: string;
  readonly mountpoint: string;
  readonly sizeMb: number;
  readonly fstype: string;
}

/** Kickstart settings (subset of AII's structure_ks_ks_info, same names where they exist). */
export interface KickstartSettings {
  readonly installtype: string;
  readonly repo: readonly string[];
  readonly lang: string;
  readonly keyboard: string;
  readonly timezone: string;
  readonly rootpw: string;
  readonly bootproto: 'static' | 'dhcp';
  readonly packages: readonly string[];
  readonly selinux: string;
  readonly partitioning?: {
    readonly disk: string;
    readonly bootSizeMb: number;
    readonly volgroup: string;
    readonly logvols: readonly LogicalVolume[];
  };
  readonly postInstallScript?: string;
  readonly ref: ModelRef;
}

/** A service a machine runs (grid roles such as `ce`, `se`, `bdii`). */
export interface Service {
  readonly name: string;
  readonly ref: ModelRef;
}

export type Role = 'xen-host' | 'guest' | 'plain';

/** What every machine has, whatever its role. */
export interface Machine {
  readonly role: Role;
  /** Object template name of its profile. */
  readonly object: string;
  /** Source file of the object template. */
  readonly file?: string;
  readonly hostname: string;
  readonly domain: string;
  /** `hostname.domain`. */
  readonly fqdn: string;
  readonly gateway?: string;
  readonly nameservers: readonly string[];
  readonly nics: readonly Nic[];
  readonly cpuCores: number;
  readonly ramMb: number;
  readonly services: readonly Service[];
  readonly boot?: BootEntry;
  readonly kickstart?: KickstartSettings;
}

export interface StoragePool {
  readonly name: string;
  readonly type: 'lvm' | 'file';
  readonly source: string;
  readonly ref: ModelRef;
}

/** A Xen host (dom0). */
export interface Host extends Machine {
  readonly role: 'xen-host';
  readonly hypervisor: 'xen';
  readonly dom0MemoryMb: number;
  readonly dom0Vcpus: number;
  readonly bridges: readonly string[];
  readonly storage: readonly StoragePool[];
  readonly maxGuests?: number;
  readonly vcpuRatio: number;
  /** FQDNs of the guests that name this host, sorted. */
  readonly guests: readonly string[];
  readonly ref: ModelRef;
}

export type GuestBootMode = 'pypxeboot' | 'direct-kernel' | 'pygrub' | 'hvm-pxe';
export type LifecycleAction = 'destroy' | 'restart' | 'preserve' | 'coredump-destroy' | 'coredump-restart';

/** A Xen guest (domU). */
export interface Guest extends Machine {
  readonly role: 'guest';
  /** FQDN of the Xen host profile it runs on (may name a profile that is not a host: a check reports it). */
  readonly host: string;
  readonly type: 'pv' | 'hvm';
  readonly memoryMb: number;
  readonly maxmemMb: number;
  readonly vcpus: number;
  readonly uuid: string;
  readonly disks: readonly Disk[];
  readonly vifs: readonly Vif[];
  readonly bootMode: GuestBootMode;
  readonly onPoweroff: LifecycleAction;
  readonly onReboot: LifecycleAction;
  readonly onCrash: LifecycleAction;
  readonly ref: ModelRef;
}

/** The whole site. Arrays are sorted by FQDN; the model never depends on input order. */
export interface Site {
  readonly hosts: readonly Host[];
  readonly guests: readonly Guest[];
  /** Machines that are neither Xen hosts nor guests (e.g. physical worker nodes). */
  readonly plain: readonly Machine[];
  /** Span of the statement that last set the value at `ref` (from provenance), if known. */
  origin(ref: ModelRef): Span | undefined;
}
