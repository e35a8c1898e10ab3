/**
 * PF420 guest disk on a storage pool its host lacks: every guest disk's `pool` must be one of
 * its Xen host's /virtual/host/storage pools, or the disk has no backing. Guests whose host is
 * not a Xen host are reported by PF414 instead.
 */
import { VIRTUAL_HOST } from '../site/paths.js';
import { hostOf, nameOf, report, siteCheck } from './support.js';

const STORAGE = `${VIRTUAL_HOST}/storage`;

export const diskPool = siteCheck('PF420', (site) =>
  site.guests.flatMap((guest) => {
    const host = hostOf(site, guest);
    if (host === undefined) return [];
    const pools = host.storage.map((p) => p.name);
    return guest.disks
      .filter((disk) => !pools.includes(disk.pool))
      .map((disk) => {
        const message =
          `guest ${nameOf(guest)} disk ${disk.vdev} is in storage pool ${disk.pool}, which Xen host ${nameOf(host)} ` +
          `does not have (it has ${pools.join(', ') || 'no pools'})`;
        const guestSide = {
          ref: { object: guest.object, path: `${disk.ref.path}/pool` },
          note: `${guest.fqdn} ${disk.vdev} uses pool ${disk.pool}`,
        };
        // The host's pools one by one (they are usually written one by one), or the empty storage.
        const hostSides =
          host.storage.length > 0
            ? host.storage.map((p) => ({ ref: p.ref, note: `${host.fqdn} has pool ${p.name} (${p.type} ${p.source})` }))
            : [{ ref: { object: host.object, path: STORAGE }, note: `storage pools of ${host.fqdn}` }];
        const sides = [guestSide, ...hostSides];
        return report(site, 'PF420', message, sides, `${disk.ref.path}/pool`);
      });
  }),
);
