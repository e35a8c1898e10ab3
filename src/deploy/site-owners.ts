/**
 * Owners and kinds of a generated tree's files from the site model `build` writes next to them
 * (`site.json`): per-client boot files are named after a machine's MAC (`01-<mac>`) or address
 * (upper-case hex), guests' xl configs after their host name under their Xen host's directory.
 * A PXE file of a guest that boots through pypxeboot is of kind `pypxeboot`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { hexIpBootName, macBootName, normaliseMac, parseIpv4 } from '../site/addresses.js';
import { SITE_MODEL_FILE } from '../site/outputs.js';

/** What the model says about a machine's files. */
interface MachineFacts {
  readonly fqdn: string;
  readonly pypxeboot: boolean;
}

/** Looks up the owner (and, for PXE files, the kind) of artifact paths. */
export interface SiteOwners {
  describe(rel: string): { kind: string; owner: string } | undefined;
}

interface ModelMachine {
  fqdn?: unknown;
  hostname?: unknown;
  host?: unknown;
  bootMode?: unknown;
  nics?: Array<{ mac?: unknown; ip?: unknown }>;
}

/** Reads `site.json` in `dir`; undefined when there is none or it is not a site model. */
export function readSiteOwners(dir: string): SiteOwners | undefined {
  let model: { hosts?: ModelMachine[]; guests?: ModelMachine[]; plain?: ModelMachine[] };
  try {
    model = JSON.parse(readFileSync(path.join(dir, SITE_MODEL_FILE), 'utf8')) as typeof model;
  } catch {
    return undefined;
  }
  const byBootName = new Map<string, MachineFacts>();
  const guestsByDom0 = new Map<string, string>();
  for (const m of [...(model.hosts ?? []), ...(model.guests ?? []), ...(model.plain ?? [])]) {
    if (typeof m.fqdn !== 'string') continue;
    const facts = { fqdn: m.fqdn, pypxeboot: m.bootMode === 'pypxeboot' };
    for (const nic of m.nics ?? []) {
      const mac = typeof nic.mac === 'string' ? normaliseMac(nic.mac) : undefined;
      if (mac !== undefined) byBootName.set(macBootName(mac), facts);
      const ip = typeof nic.ip === 'string' ? parseIpv4(nic.ip) : undefined;
      if (ip !== undefined) byBootName.set(hexIpBootName(ip), facts);
    }
    if (typeof m.host === 'string' && typeof m.hostname === 'string') guestsByDom0.set(`${m.host}/${m.hostname}`, m.fqdn);
  }
  return { describe: (rel) => describeWith(rel, byBootName, guestsByDom0) };
}

function describeWith(rel: string, byBootName: ReadonlyMap<string, MachineFacts>, guests: ReadonlyMap<string, string>): { kind: string; owner: string } | undefined {
  const parts = rel.split('/');
  const base = parts[parts.length - 1]!;
  if (parts[0] === 'xen' && parts.length === 3) {
    const owner = guests.get(`${parts[1]}/${base.replace(/(\.install)?\.cfg$/, '')}`);
    return owner === undefined ? undefined : { kind: 'xl', owner };
  }
  if (parts.includes('pxelinux.cfg')) {
    const facts = byBootName.get(base);
    return facts && { kind: facts.pypxeboot ? 'pypxeboot' : 'pxelinux', owner: facts.fqdn };
  }
  if (parts.includes('grub') && base.startsWith('grub.cfg-')) {
    const facts = byBootName.get(base.slice('grub.cfg-'.length));
    return facts && { kind: 'grub', owner: facts.fqdn };
  }
  return undefined;
}
