/**
 * The site report's data (`ReportData`): what `panfab report --format json` prints, what the
 * HTML page embeds and renders, and what a deployed tree carries for the install server
 * (`report/site-report.json`). Plain JSON values only, in a deterministic order: hosts,
 * guests and machines by FQDN, diagnostics in the run's order.
 */
import type { Severity } from '../diagnostics/diagnostic.js';
import type { GuestBootMode } from '../site/model.js';

/** Version of the layout below; readers refuse layouts they do not know. */
export const REPORT_FORMAT = 1;

/**
 * Whether a machine's artifacts are installed: `deployed` when every file generated for it is
 * in the deploy manifest with the same content (and intact in the deployed tree, when that was
 * checked); `pending` when a deploy is needed; `unknown` without a deploy manifest.
 */
export type InstallState = 'deployed' | 'pending' | 'unknown';

export interface ReportInstall {
  readonly state: InstallState;
  /** Why, in words (e.g. `2 of 3 files changed since the last deploy`). */
  readonly detail: string;
}

/** One of a guest's virtual interfaces. */
export interface ReportVif {
  readonly device: string;
  readonly bridge: string;
  readonly mac?: string;
  readonly ip?: string;
}

export interface ReportDisk {
  readonly vdev: string;
  readonly sizeGb: number;
  readonly pool: string;
  readonly volume: string;
  readonly format: string;
  readonly access: string;
  readonly target?: string;
}

export interface ReportGuest {
  readonly fqdn: string;
  readonly object: string;
  /** The host the guest names (a Xen host of the site, except for unplaced guests). */
  readonly host: string;
  readonly type: 'pv' | 'hvm';
  readonly bootMode: GuestBootMode;
  readonly memoryMb: number;
  readonly maxmemMb: number;
  readonly vcpus: number;
  /** Bridges its interfaces attach to, sorted, without repeats. */
  readonly bridges: readonly string[];
  readonly vifs: readonly ReportVif[];
  readonly disks: readonly ReportDisk[];
  readonly services: readonly string[];
  readonly install: ReportInstall;
  /** Ids of the diagnostics that concern it. */
  readonly diagnostics: readonly number[];
}

/** Use of one resource of a host against its capacity. */
export interface ReportUsage {
  /** What the host offers: RAM × the memory over-commit ratio, or cores × the vCPU ratio. */
  readonly capacity: number;
  /** The dom0 reserve. */
  readonly dom0: number;
  /** What the guests may use (maxmem for memory). */
  readonly guests: number;
  /** dom0 + guests. */
  readonly used: number;
}

export interface ReportBridge {
  readonly name: string;
  /** False for a bridge some guest attaches to but the host does not declare. */
  readonly declared: boolean;
  /** FQDNs of the guests attached to it, sorted. */
  readonly guests: readonly string[];
}

export interface ReportPool {
  readonly name: string;
  readonly type: string;
  readonly source: string;
}

export interface ReportHost {
  readonly fqdn: string;
  readonly object: string;
  /** Object template file, relative to the site root. */
  readonly file?: string;
  readonly cpuCores: number;
  readonly ramMb: number;
  readonly vcpuRatio: number;
  readonly maxGuests?: number;
  /** Memory in MB. */
  readonly memory: ReportUsage;
  readonly vcpus: ReportUsage;
  readonly bridges: readonly ReportBridge[];
  readonly storage: readonly ReportPool[];
  readonly guests: readonly ReportGuest[];
  readonly install: ReportInstall;
  /** Ids of the diagnostics that concern the host or one of its guests. */
  readonly diagnostics: readonly number[];
}

/** A machine that is neither a Xen host nor a guest. */
export interface ReportMachine {
  readonly fqdn: string;
  readonly object: string;
  readonly cpuCores: number;
  readonly ramMb: number;
  readonly services: readonly string[];
  readonly install: ReportInstall;
  readonly diagnostics: readonly number[];
}

/** A place in a source file, relative to the site root. */
export interface ReportLocation {
  readonly file: string;
  readonly line: number;
  readonly col: number;
}

export interface ReportDiagnostic {
  /** Position in `ReportData.diagnostics`; hosts and machines refer to it. */
  readonly id: number;
  readonly code: string;
  readonly severity: Severity;
  /** The catalogue title of the code. */
  readonly title: string;
  readonly message: string;
  readonly at?: ReportLocation;
  readonly path?: string;
  readonly related: ReadonlyArray<{ readonly message: string; readonly at: ReportLocation }>;
  /** FQDNs of the machines it concerns, sorted. */
  readonly machines: readonly string[];
  /** FQDNs of the Xen hosts it is shown with (its machines' hosts), sorted. */
  readonly hosts: readonly string[];
}

/** Where install states come from. */
export interface ReportDeployment {
  /** The deployed tree, as the caller names it. */
  readonly source: string;
  /** `panfab <version>` that wrote its manifest; absent when the tree has no manifest. */
  readonly generator?: string;
}

export interface ReportCounts {
  readonly hosts: number;
  readonly guests: number;
  readonly unplaced: number;
  readonly plain: number;
  readonly memoryMb: { readonly capacity: number; readonly used: number };
  readonly vcpus: { readonly capacity: number; readonly used: number };
  readonly diagnostics: Readonly<Record<Severity, number>>;
  /** Guests by install state. */
  readonly install: Readonly<Record<InstallState, number>>;
}

export interface ReportData {
  readonly format: typeof REPORT_FORMAT;
  readonly title: string;
  readonly summary: ReportCounts;
  readonly hosts: readonly ReportHost[];
  /** Guests whose host is not a Xen host of the site. */
  readonly unplaced: readonly ReportGuest[];
  readonly plain: readonly ReportMachine[];
  readonly diagnostics: readonly ReportDiagnostic[];
  /** Absent when no deployed tree was consulted (every install state is `unknown`). */
  readonly deployment?: ReportDeployment;
}
