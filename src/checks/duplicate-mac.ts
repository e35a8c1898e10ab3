/**
 * PF412 duplicate MAC address: two network cards (of any machines, guests included) with the
 * same hardware address, compared in normalised lower-case form. The network, DHCP and the
 * `01-<mac>` boot file name cannot tell them apart.
 */
import { hardwareNicPath } from '../site/paths.js';
import { allMachines, duplicates, listNames, nameOf, report, siteCheck } from './support.js';

export const duplicateMac = siteCheck('PF412', (site) => {
  const entries = allMachines(site).flatMap((m) => m.nics.filter((n) => n.mac !== undefined).map((nic) => ({ m, nic })));
  return duplicates(entries, (e) => e.nic.mac).map(({ key, items }) => {
    const users = items.map((e) => `${nameOf(e.m)} ${e.nic.device}`);
    const sides = items.map((e) => ({
      ref: { object: e.m.object, path: hardwareNicPath(e.nic.device, 'hwaddr') },
      note: `${key} on ${e.m.fqdn} ${e.nic.device}`,
    }));
    return report(site, 'PF412', `MAC address ${key} is used by ${listNames(users)}`, sides, hardwareNicPath(items[0]!.nic.device, 'hwaddr'));
  });
});
