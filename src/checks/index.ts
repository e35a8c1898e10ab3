/**
 * The site-wide rules, registered in one list, and `runChecks`, which runs every rule that is
 * not disabled over the site model and returns their diagnostics in a deterministic order.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Site } from '../site/model.js';
import { sortDiagnostics } from '../site/order.js';
import { addressNetwork } from './address-network.js';
import { bootFileNames } from './boot-file-names.js';
import { bootFiles } from './boot-files.js';
import { diskBacking } from './disk-backing.js';
import { diskPool } from './disk-pool.js';
import { duplicateFqdn } from './duplicate-fqdn.js';
import { duplicateIp } from './duplicate-ip.js';
import { duplicateMac } from './duplicate-mac.js';
import { duplicateUuid } from './duplicate-uuid.js';
import { guestHost } from './guest-host.js';
import { kickstartUrl } from './kickstart-url.js';
import { maxGuests } from './max-guests.js';
import { memoryOvercommit } from './memory-overcommit.js';
import type { CheckOptions, SiteCheck } from './types.js';
import { vcpuOvercommit } from './vcpu-overcommit.js';
import { vifBridge } from './vif-bridge.js';

export type { CheckOptions, InstallServer, SiteCheck } from './types.js';

/** Every site rule, in code order. */
export const SITE_CHECKS: readonly SiteCheck[] = [
  duplicateFqdn,
  duplicateIp,
  duplicateMac,
  duplicateUuid,
  guestHost,
  memoryOvercommit,
  vcpuOvercommit,
  maxGuests,
  vifBridge,
  diskBacking,
  diskPool,
  addressNetwork,
  kickstartUrl,
  bootFiles,
  bootFileNames,
];

/** Runs the enabled rules over the site; diagnostics sorted by file, position, code and message. */
export function runChecks(site: Site, options: CheckOptions): Diagnostic[] {
  const disabled = new Set(options.disabled ?? []);
  const diagnostics = SITE_CHECKS.filter((check) => !disabled.has(check.code)).flatMap((check) => check.run(site, options));
  return sortDiagnostics(diagnostics);
}
