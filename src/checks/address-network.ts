/**
 * PF421 address outside its network. The rule, for IPv4 interfaces that declare both an
 * address and a netmask (interfaces without a netmask, e.g. DHCP or bridge slaves, carry no
 * network to compare with and are skipped):
 *
 * 1. An interface's own `gateway` must lie in that interface's network.
 * 2. A machine's default gateway must lie in the network of at least one of its interfaces;
 *    otherwise the default route cannot be installed.
 * 3. A guest interface is on the network of the host bridge its vif attaches to: when the
 *    host has an interface named after that bridge with an address and a netmask, the guest
 *    interface must have the same network (same netmask, and its address inside it).
 *
 * Each diagnostic names the machines and the interfaces involved.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { cidr, inNetwork, parseIpv4, parseNetmask, prefixLength } from '../site/addresses.js';
import type { Guest, Machine, Nic, Site } from '../site/model.js';
import { DEFAULT_GATEWAY, interfacePath } from '../site/paths.js';
import { allMachines, hostOf, isGuest, listNames, nameOf, report, siteCheck } from './support.js';

/** A NIC with a parsed address and netmask. */
interface Addressed {
  readonly nic: Nic;
  readonly ip: number;
  readonly mask: number;
}

export const addressNetwork = siteCheck('PF421', (site) =>
  allMachines(site).flatMap((m) => [
    ...interfaceGateways(site, m),
    ...defaultGateway(site, m),
    ...(isGuest(m) ? bridgeNetworks(site, m) : []),
  ]),
);

function addressed(nic: Nic): Addressed | undefined {
  const ip = nic.ip === undefined ? undefined : parseIpv4(nic.ip);
  const mask = nic.netmask === undefined ? undefined : parseNetmask(nic.netmask);
  return ip === undefined || mask === undefined ? undefined : { nic, ip, mask };
}

function ipSide(m: Machine, nic: Nic) {
  return { ref: { object: m.object, path: interfacePath(nic.device, 'ip') }, note: `${m.fqdn} ${nic.device} is ${nic.ip}/${nic.netmask}` };
}

function interfaceGateways(site: Site, m: Machine): Diagnostic[] {
  return m.nics.flatMap((nic) => {
    const a = addressed(nic);
    const gw = nic.gateway === undefined ? undefined : parseIpv4(nic.gateway);
    if (a === undefined || gw === undefined || inNetwork(gw, a.ip, a.mask)) return [];
    const path = interfacePath(nic.device, 'gateway');
    const message = `${nameOf(m)} ${nic.device}: gateway ${nic.gateway} is outside the interface's network ${cidr(a.ip, a.mask)}`;
    const sides = [{ ref: { object: m.object, path }, note: `gateway of ${m.fqdn} ${nic.device}` }, ipSide(m, nic)];
    return [report(site, 'PF421', message, sides, path)];
  });
}

function defaultGateway(site: Site, m: Machine): Diagnostic[] {
  const gw = m.gateway === undefined ? undefined : parseIpv4(m.gateway);
  const networks = m.nics.map(addressed).filter((a): a is Addressed => a !== undefined);
  if (gw === undefined || networks.length === 0 || networks.some((a) => inNetwork(gw, a.ip, a.mask))) return [];
  const names = networks.map((a) => `${a.nic.device} ${cidr(a.ip, a.mask)}`);
  const message = `${nameOf(m)}: default gateway ${m.gateway} is outside the networks of all its interfaces (${listNames(names)})`;
  const sides = [
    { ref: { object: m.object, path: DEFAULT_GATEWAY }, note: `default gateway of ${m.fqdn}` },
    ...networks.map((a) => ipSide(m, a.nic)),
  ];
  return [report(site, 'PF421', message, sides, DEFAULT_GATEWAY)];
}

function bridgeNetworks(site: Site, guest: Guest): Diagnostic[] {
  const host = hostOf(site, guest);
  if (host === undefined) return [];
  return guest.vifs.flatMap((vif) => {
    const mine = guest.nics.find((n) => n.device === vif.device);
    const bridge = host.nics.find((n) => n.device === vif.bridge);
    const a = mine === undefined ? undefined : addressed(mine);
    const b = bridge === undefined ? undefined : addressed(bridge);
    if (a === undefined || b === undefined) return [];
    const sameNetwork = a.mask === b.mask && inNetwork(a.ip, b.ip, b.mask);
    if (sameNetwork) return [];
    const own = `${a.nic.ip}/${prefixLength(a.mask)}`;
    const problem = inNetwork(a.ip, b.ip, b.mask) ? `${own} has another netmask than` : `${own} is outside`;
    const message =
      `guest ${nameOf(guest)} ${vif.device} ${problem} the network ${cidr(b.ip, b.mask)} of bridge ${vif.bridge} ` +
      `on Xen host ${nameOf(host)}`;
    const sides = [
      ipSide(guest, a.nic),
      { ref: { object: guest.object, path: `${vif.ref.path}/bridge` }, note: `${guest.fqdn} ${vif.device} attaches to ${vif.bridge}` },
      ipSide(host, b.nic),
    ];
    return [report(site, 'PF421', message, sides, interfacePath(vif.device, 'ip'))];
  });
}
