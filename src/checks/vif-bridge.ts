/**
 * PF418 guest interface on a bridge its host lacks: every /virtual/guest/nics entry must name
 * one of its Xen host's /virtual/host/bridges; otherwise `xl create` fails to attach the vif.
 * Guests whose host is not a Xen host are reported by PF414 instead.
 */
import { VIRTUAL_HOST } from '../site/paths.js';
import { hostOf, nameOf, report, siteCheck } from './support.js';

const BRIDGES = `${VIRTUAL_HOST}/bridges`;

export const vifBridge = siteCheck('PF418', (site) =>
  site.guests.flatMap((guest) => {
    const host = hostOf(site, guest);
    if (host === undefined) return [];
    return guest.vifs
      .filter((vif) => !host.bridges.includes(vif.bridge))
      .map((vif) => {
        const message =
          `guest ${nameOf(guest)} interface ${vif.device} is on bridge ${vif.bridge}, which Xen host ${nameOf(host)} ` +
          `does not have (it has ${host.bridges.join(', ') || 'no bridges'})`;
        const sides = [
          { ref: { object: guest.object, path: `${vif.ref.path}/bridge` }, note: `${guest.fqdn} ${vif.device} attaches to ${vif.bridge}` },
          { ref: { object: host.object, path: BRIDGES }, note: `bridges of ${host.fqdn}` },
        ];
        return report(site, 'PF418', message, sides, `${vif.ref.path}/bridge`);
      });
  }),
);
