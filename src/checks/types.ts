/**
 * The contract of site-wide checks: a rule (`SiteCheck`) runs over the whole site model and
 * returns diagnostics with its one code; `CheckOptions` tunes the rules (ratios, the install
 * server) and can switch rules off by code.
 */
import type { DiagnosticCode } from '../diagnostics/codes.js';
import type { Diagnostic, Severity } from '../diagnostics/diagnostic.js';
import type { Site } from '../site/model.js';

/** What the install server serves, for the kickstart and boot-file rules. */
export interface InstallServer {
  /** URL the server's files are published under, e.g. `http://install.example.org`. */
  readonly baseUrl: string;
  /** Kernel and initrd files it serves (relative to the TFTP root, e.g. `el9/vmlinuz`); unchecked when absent. */
  readonly bootFiles?: readonly string[];
}

export interface CheckOptions {
  /** Guest memory plus dom0 reserve may use at most host RAM × this ratio. Default 1.0. */
  readonly overcommitMemoryRatio?: number;
  /** Guest vCPUs plus dom0 vCPUs may use at most cores × this ratio. Default: each host's `vcpu_ratio`. */
  readonly overcommitVcpuRatio?: number;
  /** When set, kickstart URLs and boot files must be served by this install server. */
  readonly installServer?: InstallServer;
  /** Codes of rules not to run. */
  readonly disabled?: readonly string[];
}

/** Default of `CheckOptions.overcommitMemoryRatio`: Xen does not over-commit memory. */
export const DEFAULT_MEMORY_RATIO = 1.0;

/** One site-wide rule. Its diagnostics all carry `code`. */
export interface SiteCheck {
  readonly code: DiagnosticCode;
  readonly severity: Severity;
  readonly title: string;
  run(site: Site, options: CheckOptions): Diagnostic[];
}
