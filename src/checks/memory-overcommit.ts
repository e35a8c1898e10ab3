/**
 * PF415 host memory over-committed: on each Xen host, the memory its guests may use (maxmem,
 * which defaults to memory) plus the dom0 reserve must fit in the host's RAM × the
 * configured ratio (CheckOptions.overcommitMemoryRatio, default 1.0: Xen does not swap guest
 * memory, so a guest that does not fit does not start).
 */
import type { Guest, Host, Site } from '../site/model.js';
import { RAM, VIRTUAL_GUEST, VIRTUAL_HOST } from '../site/paths.js';
import { amount, guestsOf, listNames, nameOf, report, siteCheck, type Side } from './support.js';
import { DEFAULT_MEMORY_RATIO } from './types.js';

export const memoryOvercommit = siteCheck('PF415', (site, options) => {
  const ratio = options.overcommitMemoryRatio ?? DEFAULT_MEMORY_RATIO;
  return site.hosts.flatMap((host) => {
    const guests = guestsOf(site, host);
    const demand = guests.reduce((sum, g) => sum + g.maxmemMb, host.dom0MemoryMb);
    const capacity = host.ramMb * ratio;
    return demand > capacity ? [overcommitted(site, host, guests, demand, ratio)] : [];
  });
});

function overcommitted(site: Site, host: Host, guests: readonly Guest[], demand: number, ratio: number) {
  const parts = [`dom0 ${host.dom0MemoryMb} MB`, ...guests.map((g) => `${g.fqdn} ${g.maxmemMb} MB`)];
  const limit = ratio === 1 ? `${host.ramMb} MB of RAM` : `${host.ramMb} MB of RAM × ${ratio} = ${amount(host.ramMb * ratio)} MB`;
  const message = `Xen host ${nameOf(host)} needs ${demand} MB of memory (${listNames(parts)}) but has ${limit}`;
  const sides: Side[] = [
    { ref: { object: host.object, path: RAM }, note: `RAM of ${host.fqdn}: ${host.ramMb} MB` },
    { ref: { object: host.object, path: `${VIRTUAL_HOST}/dom0_memory` }, note: `dom0 reserve of ${host.fqdn}: ${host.dom0MemoryMb} MB` },
    ...guests.map((g) => ({ ref: { object: g.object, path: memoryPath(g) }, note: `${g.fqdn} may use ${g.maxmemMb} MB` })),
  ];
  return report(site, 'PF415', message, sides, RAM);
}

/** maxmem when it differs from memory (so it was set), else memory. */
function memoryPath(g: Guest): string {
  return `${VIRTUAL_GUEST}/${g.maxmemMb !== g.memoryMb ? 'maxmem' : 'memory'}`;
}
