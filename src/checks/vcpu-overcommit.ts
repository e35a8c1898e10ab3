/**
 * PF416 host vCPUs over-committed: on each Xen host, its guests' vCPUs plus dom0's must not
 * exceed the host's cores × the allowed ratio (CheckOptions.overcommitVcpuRatio, else the
 * host's own /virtual/host/vcpu_ratio). A warning: Xen runs over-committed vCPUs, slowly.
 */
import type { Guest, Host, Site } from '../site/model.js';
import { CPU, VIRTUAL_GUEST, VIRTUAL_HOST } from '../site/paths.js';
import { amount, guestsOf, listNames, nameOf, report, siteCheck, type Side } from './support.js';

export const vcpuOvercommit = siteCheck('PF416', (site, options) =>
  site.hosts.flatMap((host) => {
    const ratio = options.overcommitVcpuRatio ?? host.vcpuRatio;
    const guests = guestsOf(site, host);
    const demand = guests.reduce((sum, g) => sum + g.vcpus, host.dom0Vcpus);
    return demand > host.cpuCores * ratio ? [overcommitted(site, host, guests, demand, ratio, options.overcommitVcpuRatio === undefined)] : [];
  }),
);

function overcommitted(site: Site, host: Host, guests: readonly Guest[], demand: number, ratio: number, hostRatio: boolean) {
  const parts = [`dom0 ${host.dom0Vcpus}`, ...guests.map((g) => `${g.fqdn} ${g.vcpus}`)];
  const message =
    `Xen host ${nameOf(host)} runs ${demand} vCPUs (${listNames(parts)}), more than its ${host.cpuCores} cores × ` +
    `${ratio} = ${amount(host.cpuCores * ratio)}`;
  const sides: Side[] = [
    { ref: { object: host.object, path: CPU }, note: `CPUs of ${host.fqdn}: ${host.cpuCores} cores` },
    ...(hostRatio ? [{ ref: { object: host.object, path: `${VIRTUAL_HOST}/vcpu_ratio` }, note: `vCPU ratio of ${host.fqdn}: ${ratio}` }] : []),
    { ref: { object: host.object, path: `${VIRTUAL_HOST}/dom0_vcpus` }, note: `dom0 vCPUs of ${host.fqdn}: ${host.dom0Vcpus}` },
    ...guests.map((g) => ({ ref: { object: g.object, path: `${VIRTUAL_GUEST}/vcpus` }, note: `vCPUs of ${g.fqdn}: ${g.vcpus}` })),
  ];
  return report(site, 'PF416', message, sides, CPU);
}
