/**
 * Builds the typed site model (model.ts) from compiled profiles: a profile with /virtual/host
 * is a Host, one with /virtual/guest a Guest, any other machine a plain Machine. Then links
 * the site together: each host's guest list and each guest disk's backing target on its
 * host's storage pool. Unusable model data gives diagnostics (PF400-PF405), never an
 * exception; an object without a usable identity or role is left out. The result depends
 * only on the profiles, not on the order of the results.
 */
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { ObjectResult } from '../pan/compiler-api.js';
import type { Disk, Guest, Host, Machine, Site, StoragePool } from './model.js';
import { mergeServices, readMachine, readServices, type MachineFields } from './machine.js';
import { OriginIndex } from './origin.js';
import { byFqdn, compareText, sortDiagnostics } from './order.js';
import { HOSTNAME, NETWORK, VIRTUAL_GUEST, VIRTUAL_HOST } from './paths.js';
import { ProfileReader } from './reader.js';
import { readGuestPart, readHostPart } from './virtual.js';

/** The model of a site and the diagnostics of profiles that did not map cleanly. */
export interface SiteBuild {
  readonly site: Site;
  readonly diagnostics: Diagnostic[];
}

type HostDraft = Omit<Host, 'guests'>;
type Classified = { kind: 'host'; host: HostDraft } | { kind: 'guest'; guest: Guest } | { kind: 'plain'; machine: Machine };

/** Maps every successfully compiled profile to the model. */
export function buildSite(results: readonly ObjectResult[]): SiteBuild {
  const origins = new OriginIndex(results);
  const diagnostics: Diagnostic[] = [];
  const hosts: HostDraft[] = [];
  const guests: Guest[] = [];
  const plain: Machine[] = [];
  for (const result of [...results].sort((a, b) => compareText(a.name, b.name))) {
    if (result.profile === undefined) continue;
    const reader = new ProfileReader(result.name, result.profile, (path) => origins.origin({ object: result.name, path }));
    const classified = classify(reader, result.file);
    diagnostics.push(...reader.diagnostics);
    if (classified?.kind === 'host') hosts.push(classified.host);
    else if (classified?.kind === 'guest') guests.push(classified.guest);
    else if (classified?.kind === 'plain') plain.push(classified.machine);
  }
  const linkedHosts = linkHosts(hosts, guests);
  const linkedGuests = guests.map((g) => withDiskTargets(g, linkedHosts)).sort(byFqdn);
  const site: Site = {
    hosts: linkedHosts,
    guests: linkedGuests,
    plain: plain.sort(byFqdn),
    origin: (ref) => origins.origin(ref),
  };
  return { site, diagnostics: sortDiagnostics(diagnostics) };
}

/** Reads one profile as a host, a guest or a plain machine; undefined when it is none. */
function classify(r: ProfileReader, file: string | undefined): Classified | undefined {
  const isHost = r.has(VIRTUAL_HOST);
  const isGuest = r.has(VIRTUAL_GUEST);
  if (!r.has(NETWORK) && !isHost && !isGuest) {
    r.diagnostics.push(
      diagnostic('PF404', `${r.object}: not a machine profile (no ${HOSTNAME}); left out of the site model`, undefined, {
        path: HOSTNAME,
      }),
    );
    return undefined;
  }
  if (isHost && isGuest) {
    r.fail('PF405', VIRTUAL_GUEST, `has both ${VIRTUAL_HOST} and ${VIRTUAL_GUEST}; left out of the site model`);
    return undefined;
  }
  if (isHost && r.dict(VIRTUAL_HOST, 'required') === undefined) return undefined;
  if (isGuest && r.dict(VIRTUAL_GUEST, 'required') === undefined) return undefined;
  const fields = readMachine(r, file);
  if (isHost) return asHost(r, fields);
  if (isGuest) return asGuest(r, fields);
  return fields === undefined ? undefined : { kind: 'plain', machine: { role: 'plain', ...fields } };
}

function asHost(r: ProfileReader, fields: MachineFields | undefined): Classified | undefined {
  const part = readHostPart(r);
  if (fields === undefined || part === undefined) return undefined;
  return { kind: 'host', host: { ...fields, ...part, role: 'xen-host' } };
}

function asGuest(r: ProfileReader, fields: MachineFields | undefined): Classified | undefined {
  if (fields === undefined) return undefined;
  const part = readGuestPart(r, fields.nics);
  if (part === undefined) return undefined;
  // One service list: what the guest part declares plus what the machine runs.
  const services = mergeServices(fields.services, readServices(r, `${VIRTUAL_GUEST}/services`));
  return { kind: 'guest', guest: { ...fields, ...part, services, role: 'guest' } };
}

/** Hosts sorted by FQDN, each with the sorted FQDNs of the guests that name it. */
function linkHosts(hosts: readonly HostDraft[], guests: readonly Guest[]): Host[] {
  return hosts
    .map((h) => {
      const fqdn = h.fqdn.toLowerCase();
      const names = guests.filter((g) => g.host.toLowerCase() === fqdn).map((g) => g.fqdn);
      return { ...h, guests: [...new Set(names)].sort() };
    })
    .sort(byFqdn);
}

/** The guest with each disk's backing target on its host's pool (when both are known). */
function withDiskTargets(guest: Guest, hosts: readonly Host[]): Guest {
  const host = hosts.find((h) => h.fqdn.toLowerCase() === guest.host.toLowerCase());
  if (host === undefined) return guest;
  const disks = guest.disks.map((d) => {
    const pool = host.storage.find((p) => p.name === d.pool);
    return pool === undefined ? d : { ...d, target: backingTarget(pool, d) };
  });
  return { ...guest, disks };
}

/** Backing path on the host: `/dev/<vg>/<volume>` for an LVM pool, `<dir>/<volume>.img` for a file pool. */
export function backingTarget(pool: StoragePool, disk: Pick<Disk, 'volume'>): string {
  if (pool.type === 'lvm') return `/dev/${pool.source.replace(/^\/dev\//, '').replace(/\/+$/, '')}/${disk.volume}`;
  return `${pool.source.replace(/\/+$/, '')}/${disk.volume}.img`;
}
