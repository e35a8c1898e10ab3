/**
 * PF419 disk backing used twice: two guest disks on the same Xen host resolve to the same
 * backing (the LVM volume or image file computed from the host's storage pool, or the same
 * pool and volume when the pool is unknown). Both domains would write the same blocks.
 * Disks on different hosts never collide: pools are local to their host.
 */
import type { Disk, Guest } from '../site/model.js';
import { duplicates, listNames, nameOf, report, siteCheck } from './support.js';

interface Use {
  readonly guest: Guest;
  readonly disk: Disk;
}

export const diskBacking = siteCheck('PF419', (site) => {
  const uses: Use[] = site.guests.flatMap((guest) => guest.disks.map((disk) => ({ guest, disk })));
  return duplicates(uses, (u) => `${u.guest.host.toLowerCase()}\n${backing(u.disk)}`).map(({ items }) => {
    const first = items[0]!;
    const message =
      `${backing(first.disk)} on Xen host ${first.guest.host} backs ${items.length} disks: ` +
      listNames(items.map((u) => `${nameOf(u.guest)} ${u.disk.vdev}`));
    const sides = items.map((u) => ({
      ref: { object: u.guest.object, path: `${u.disk.ref.path}/volume` },
      note: `${u.guest.fqdn} ${u.disk.vdev} uses volume ${u.disk.volume} in pool ${u.disk.pool}`,
    }));
    return report(site, 'PF419', message, sides, `${first.disk.ref.path}/volume`);
  });
});

function backing(disk: Disk): string {
  return disk.target ?? `volume ${disk.volume} in pool ${disk.pool}`;
}
