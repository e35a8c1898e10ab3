/**
 * PF417 host runs more guests than max_guests: a Xen host with /virtual/host/max_guests has
 * more guests naming it than that limit.
 */
import { VIRTUAL_GUEST, VIRTUAL_HOST } from '../site/paths.js';
import { guestsOf, listNames, nameOf, plural, report, siteCheck } from './support.js';

const MAX_PATH = `${VIRTUAL_HOST}/max_guests`;

export const maxGuests = siteCheck('PF417', (site) =>
  site.hosts.flatMap((host) => {
    const guests = guestsOf(site, host);
    if (host.maxGuests === undefined || guests.length <= host.maxGuests) return [];
    const message =
      `Xen host ${nameOf(host)} allows at most ${plural(host.maxGuests, 'guest')} but ${guests.length} name it: ` +
      listNames(guests.map((g) => g.fqdn));
    const sides = [
      { ref: { object: host.object, path: MAX_PATH }, note: `max_guests of ${host.fqdn}` },
      ...guests.map((g) => ({ ref: { object: g.object, path: `${VIRTUAL_GUEST}/host` }, note: `${g.fqdn} runs on ${host.fqdn}` })),
    ];
    return [report(site, 'PF417', message, sides, MAX_PATH)];
  }),
);
