/**
 * PF414 guest host is not a Xen host: a guest's /virtual/guest/host must be the FQDN of a
 * profile with /virtual/host. Reported when no profile in the site has that FQDN (a typo, or
 * a host that failed to compile) and when the profile is a plain machine or another guest.
 */
import type { Guest, Machine, Site } from '../site/model.js';
import { HOSTNAME, VIRTUAL_GUEST } from '../site/paths.js';
import { allMachines, hostOf, nameOf, report, siteCheck, type Side } from './support.js';

const HOST_PATH = `${VIRTUAL_GUEST}/host`;

export const guestHost = siteCheck('PF414', (site) =>
  site.guests.filter((g) => hostOf(site, g) === undefined).map((g) => notAHost(site, g)),
);

function notAHost(site: Site, guest: Guest) {
  const named = guest.host.toLowerCase();
  const other = allMachines(site).find((m) => m.fqdn.toLowerCase() === named);
  const sides: Side[] = [{ ref: { object: guest.object, path: HOST_PATH }, note: `guest ${guest.fqdn} names its host` }];
  if (other === undefined) {
    const message = `guest ${nameOf(guest)} runs on ${guest.host}, but no profile in the site has that FQDN`;
    return report(site, 'PF414', message, sides, HOST_PATH);
  }
  sides.push({ ref: { object: other.object, path: HOSTNAME }, note: `${other.fqdn} is declared here, without /virtual/host` });
  const message = `guest ${nameOf(guest)} runs on ${nameOf(other)}, which is ${describe(other, guest)}, not a Xen host (no /virtual/host)`;
  return report(site, 'PF414', message, sides, HOST_PATH);
}

function describe(other: Machine, guest: Guest): string {
  if (other.object === guest.object) return 'the guest itself';
  return other.role === 'guest' ? 'a guest' : 'a plain machine';
}
