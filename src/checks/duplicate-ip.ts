/**
 * PF411 duplicate IP address: the same IPv4 address on interfaces of two machines (or twice
 * on one machine). Both would answer ARP for it; DHCP, DNS and the hex-IP boot file name
 * cannot tell them apart.
 */
import { interfacePath } from '../site/paths.js';
import { allMachines, duplicates, listNames, nameOf, report, siteCheck } from './support.js';

export const duplicateIp = siteCheck('PF411', (site) => {
  const entries = allMachines(site).flatMap((m) => m.nics.filter((n) => n.ip !== undefined).map((nic) => ({ m, nic })));
  return duplicates(entries, (e) => e.nic.ip).map(({ key, items }) => {
    const users = items.map((e) => `${nameOf(e.m)} ${e.nic.device}`);
    const sides = items.map((e) => ({
      ref: { object: e.m.object, path: interfacePath(e.nic.device, 'ip') },
      note: `${key} assigned to ${e.m.fqdn} ${e.nic.device}`,
    }));
    return report(site, 'PF411', `IP address ${key} is assigned to ${listNames(users)}`, sides, interfacePath(items[0]!.nic.device, 'ip'));
  });
});
