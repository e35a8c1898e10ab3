/**
 * Reads what every machine has from Quattor's well-known paths: identity and addresses
 * (/system/network), network cards, CPU cores and memory (/hardware), services, and the
 * installation settings (see install.ts). Identity is required; a broken optional part is
 * reported and left out.
 */
import type { Machine, Nic, Service } from './model.js';
import { readBootEntry, readKickstart } from './install.js';
import * as P from './paths.js';
import type { ProfileReader } from './reader.js';

/** A machine's common fields, before its role is known. */
export type MachineFields = Omit<Machine, 'role'>;

/** Reads the common fields; undefined when the profile has no usable identity. */
export function readMachine(r: ProfileReader, file: string | undefined): MachineFields | undefined {
  const hostname = r.string(P.HOSTNAME, 'required');
  const domain = r.string(P.DOMAINNAME, 'required');
  if (hostname === undefined || domain === undefined) return undefined;
  const fields: { -readonly [K in keyof MachineFields]: MachineFields[K] } = {
    object: r.object,
    hostname,
    domain,
    fqdn: `${hostname}.${domain}`,
    nameservers: readNameservers(r),
    nics: readNics(r),
    cpuCores: sumOver(r, P.CPU, 'cores', 1),
    ramMb: sumOver(r, P.RAM, 'size', 0),
    services: readServices(r, P.SERVICES),
  };
  if (file !== undefined) fields.file = file;
  const gateway = r.ipv4(P.DEFAULT_GATEWAY, 'optional');
  if (gateway !== undefined) fields.gateway = gateway;
  const boot = readBootEntry(r);
  if (boot !== undefined) fields.boot = boot;
  const kickstart = readKickstart(r);
  if (kickstart !== undefined) fields.kickstart = kickstart;
  return fields;
}

function readNameservers(r: ProfileReader): string[] {
  const list = r.list(P.NAMESERVER, 'optional');
  if (list === undefined) return [];
  const out: string[] = [];
  list.items.forEach((_, i) => {
    const ip = r.ipv4(`${P.NAMESERVER}/${i}`, 'required');
    if (ip !== undefined) out.push(ip);
  });
  return out;
}

/**
 * Sums one field over a list of dicts (/hardware/cpu cores, /hardware/ram size); an entry
 * without the field counts `fallback` (one core per CPU, as Quattor's optional `cores`).
 */
function sumOver(r: ProfileReader, path: string, field: string, fallback: number): number {
  const list = r.list(path, 'optional');
  if (list === undefined) return 0;
  let total = 0;
  list.items.forEach((_, i) => {
    if (r.dict(`${path}/${i}`, 'required') === undefined) return;
    total += r.long(`${path}/${i}/${field}`, 'optional') ?? fallback;
  });
  return total;
}

/** NICs: the union of /system/network/interfaces and /hardware/cards/nic devices, by device name. */
function readNics(r: ProfileReader): Nic[] {
  const interfaces = r.dict(P.INTERFACES, 'optional');
  const cards = r.dict(P.HARDWARE_NICS, 'optional');
  const devices = new Set([...(interfaces?.keys() ?? []), ...(cards?.keys() ?? [])]);
  const nics: Nic[] = [];
  for (const device of [...devices].sort()) {
    const nic = readNic(r, device, interfaces?.has(device) === true, cards?.has(device) === true);
    if (nic !== undefined) nics.push(nic);
  }
  return nics;
}

function readNic(r: ProfileReader, device: string, inInterfaces: boolean, inCards: boolean): Nic | undefined {
  const base = P.interfacePath(device);
  const hw = P.hardwareNicPath(device);
  if (inInterfaces && r.dict(base, 'required') === undefined) return undefined;
  if (inCards && r.dict(hw, 'required') === undefined) return undefined;
  const nic: { -readonly [K in keyof Nic]: Nic[K] } = {
    device,
    boot: r.boolean(P.hardwareNicPath(device, 'boot'), 'optional') ?? false,
    ref: { object: r.object, path: inInterfaces ? base : hw },
  };
  const mac = r.mac(P.hardwareNicPath(device, 'hwaddr'), 'optional');
  if (mac !== undefined) nic.mac = mac;
  const ip = r.ipv4(P.interfacePath(device, 'ip'), 'optional');
  if (ip !== undefined) nic.ip = ip;
  const netmask = r.netmask(P.interfacePath(device, 'netmask'), 'optional');
  if (netmask !== undefined) nic.netmask = netmask;
  const gateway = r.ipv4(P.interfacePath(device, 'gateway'), 'optional');
  if (gateway !== undefined) nic.gateway = gateway;
  const bridge = r.string(P.interfacePath(device, 'bridge'), 'optional');
  if (bridge !== undefined) nic.bridge = bridge;
  const bootproto = r.choice(P.interfacePath(device, 'bootproto'), 'optional', ['static', 'dhcp', 'none'] as const);
  if (bootproto !== undefined) nic.bootproto = bootproto;
  const type = r.choice(P.interfacePath(device, 'type'), 'optional', ['Ethernet', 'Bridge'] as const);
  if (type !== undefined) nic.type = type;
  return nic;
}

/** Services listed at `path`, sorted by name, without duplicates. */
export function readServices(r: ProfileReader, path: string): Service[] {
  const list = r.list(path, 'optional');
  if (list === undefined) return [];
  const services: Service[] = [];
  list.items.forEach((_, i) => {
    const name = r.string(`${path}/${i}`, 'required');
    if (name !== undefined) services.push({ name, ref: { object: r.object, path: `${path}/${i}` } });
  });
  return mergeServices(services, []);
}

/** The union of two service lists by name (the first list's entry wins), sorted by name. */
export function mergeServices(first: readonly Service[], second: readonly Service[]): Service[] {
  const byName = new Map<string, Service>();
  for (const s of [...first, ...second]) if (!byName.has(s.name)) byName.set(s.name, s);
  return [...byName.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
