/**
 * The per-client names a machine's boot files are published under: `01-<mac>` for each boot
 * network card, plus — when hex-IP names are enabled — the upper-case hex address of each
 * interface with an IP (the names the PF424 check claims for the machine).
 */
import type { Machine } from '../site/model.js';
import { hardwareNicPath, interfacePath } from '../site/paths.js';
import { bootNics } from './boot-entry.js';
import { hexIpPart, macPart } from './naming.js';
import type { Issues } from './report.js';

export interface BootNames {
  /** `01-<mac>` names, first the installing card's. */
  readonly macs: readonly string[];
  /** Hex-IP names (empty unless enabled). */
  readonly hexIps: readonly string[];
}

/** The names for `m`; reports a MAC or address that cannot form a name. Undefined when it has no boot card. */
export function bootNames(m: Machine, hexIpNames: boolean, issues: Issues): BootNames | undefined {
  const macs: string[] = [];
  for (const nic of bootNics(m)) {
    const name = macPart(nic.mac!);
    if (name.ok) macs.push(name.text);
    else issues.value('PF501', 'MAC address', nic.mac, name.reason, { object: m.object, path: hardwareNicPath(nic.device, 'hwaddr') });
  }
  if (macs.length === 0) {
    if (!issues.failed) issues.model('PF510', `${m.fqdn} network-boots but has no network card with a MAC address`);
    return undefined;
  }
  const hexIps: string[] = [];
  if (hexIpNames) {
    for (const nic of m.nics) {
      if (nic.ip === undefined) continue;
      const name = hexIpPart(nic.ip);
      if (name.ok) hexIps.push(name.text);
      else issues.value('PF501', 'address', nic.ip, 'is not a dotted-quad IPv4 address', { object: m.object, path: interfacePath(nic.device, 'ip') });
    }
  }
  return { macs: [...new Set(macs)], hexIps: [...new Set(hexIps)].sort() };
}
