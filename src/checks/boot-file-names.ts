/**
 * PF424 boot configuration file claimed twice. Network-boot loaders find a client's file by
 * name (docs/artifacts.md §2.1, §4.4): pxelinux and pypxeboot by `pxelinux.cfg/01-<mac>` and
 * by the address in upper-case hex, GRUB by `grub.cfg-01-<mac>` and `grub.cfg-<HEXIP>`.
 * Every machine with a boot entry claims the MAC names of its boot NICs (those flagged `boot`,
 * or every NIC with a MAC when none is flagged) and the hex-IP names of each interface with an
 * address (AII's convention). Two machines claiming one name would overwrite each other's
 * file, and the client would boot whichever was written last.
 */
import { hexIpBootName, macBootName, parseIpv4 } from '../site/addresses.js';
import type { Machine, Nic } from '../site/model.js';
import { hardwareNicPath, interfacePath } from '../site/paths.js';
import { compareText } from '../site/order.js';
import { allMachines, duplicates, listNames, nameOf, report, siteCheck } from './support.js';

/** One machine's claim on the boot file names derived from one address. */
interface Claim {
  readonly name: string;
  readonly machine: Machine;
  readonly nic: Nic;
  readonly path: string;
}

export const bootFileNames = siteCheck('PF424', (site) => {
  const claims = allMachines(site).flatMap(claimsOf);
  return duplicates(claims, (c) => c.name)
    .filter(({ items }) => new Set(items.map((c) => c.machine.object)).size > 1)
    .map(({ key, items }) => {
      const files = `pxelinux.cfg/${key} and grub/grub.cfg-${key}`;
      const message = `boot files ${files} are claimed by ${listNames(items.map((c) => `${nameOf(c.machine)} ${c.nic.device}`))}`;
      const sides = items.map((c) => ({ ref: { object: c.machine.object, path: c.path }, note: `${c.machine.fqdn} ${c.nic.device} claims ${key}` }));
      return report(site, 'PF424', message, sides, items[0]!.path);
    });
});

function claimsOf(m: Machine): Claim[] {
  if (m.boot === undefined) return [];
  const withMac = m.nics.filter((n) => n.mac !== undefined);
  const flagged = withMac.filter((n) => n.boot);
  const macClaims = (flagged.length > 0 ? flagged : withMac).map((nic) => ({
    name: macBootName(nic.mac!),
    machine: m,
    nic,
    path: hardwareNicPath(nic.device, 'hwaddr'),
  }));
  const ipClaims = m.nics.flatMap((nic) => {
    const ip = nic.ip === undefined ? undefined : parseIpv4(nic.ip);
    return ip === undefined ? [] : [{ name: hexIpBootName(ip), machine: m, nic, path: interfacePath(nic.device, 'ip') }];
  });
  const unique = new Map<string, Claim>();
  for (const c of [...macClaims, ...ipClaims]) if (!unique.has(c.name)) unique.set(c.name, c);
  return [...unique.values()].sort((a, b) => compareText(a.name, b.name));
}
