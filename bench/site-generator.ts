/**
 * Seeded, deterministic generator of synthetic Pan sites shaped like a virtualisation fabric:
 * a shared schema library (record types with validation functions, bound to the root), structure
 * templates used through create(), unique and ordinary role and service templates, and per
 * 1,000 guests 50 Xen hosts with 20 guests each (about 110 leaf values per guest profile).
 * Object templates go to `<dir>/profiles`, everything else to `<dir>/templates`; compile with
 * include path `templates:profiles`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { libraryTemplates, SERVICES } from './site-templates.js';
import { seededRandom } from './random.js';

/** Guests per Xen host. */
export const GUESTS_PER_HOST = 20;

/** What a generated site holds. */
export interface GeneratedSite {
  readonly dir: string;
  readonly templatesDir: string;
  readonly profilesDir: string;
  /** Object template names (hosts and guests), sorted. */
  readonly objects: readonly string[];
  /** Object template names of the guests, in generation order. */
  readonly guests: readonly string[];
}

function hex(n: number, width: number): string {
  return n.toString(16).padStart(width, '0');
}

/** Writes a site with `guests` guests (rounded up to whole hosts) into `dir`. */
export function generateSyntheticSite(dir: string, guests: number, seed = 1): GeneratedSite {
  const templatesDir = path.join(dir, 'templates');
  const profilesDir = path.join(dir, 'profiles');
  const write = (root: string, rel: string, text: string): void => {
    const file = path.join(root, rel);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  };
  for (const [rel, text] of Object.entries(libraryTemplates())) write(templatesDir, rel, text);
  const random = seededRandom(seed);
  const hosts = Math.max(1, Math.ceil(guests / GUESTS_PER_HOST));
  const objects: string[] = [];
  const guestNames: string[] = [];
  for (let h = 0; h < hosts; h++) {
    const host = hostName(h);
    write(profilesDir, `${host}.pan`, hostTemplate(h, random));
    objects.push(host);
    for (let g = 0; g < GUESTS_PER_HOST; g++) {
      const n = h * GUESTS_PER_HOST + g;
      const name = guestName(n);
      write(profilesDir, `${name}.pan`, guestTemplate(n, host, random));
      objects.push(name);
      guestNames.push(name);
    }
  }
  mkdirSync(path.join(dir, 'out'), { recursive: true });
  return { dir, templatesDir, profilesDir, objects: objects.sort(), guests: guestNames };
}

/** Object name of host `h`. */
export function hostName(h: number): string {
  return `xen${String(h).padStart(4, '0')}.example.org`;
}

/** Object name of guest `n`. */
export function guestName(n: number): string {
  return `vm${String(n).padStart(5, '0')}.example.org`;
}

/** An edit that changes one guest's profile (its memory), for one-changed rebuilds. */
export function changedGuestText(original: string, generation: number): string {
  return original.replace(/variable GUEST_MEMORY = \d+;/, `variable GUEST_MEMORY = ${4096 + 256 * (generation + 1)};`);
}

function hostTemplate(h: number, random: () => number): string {
  const cores = [32, 48, 64][Math.floor(random() * 3)]!;
  return `object template ${hostName(h)};

variable HOST_IP = '10.1.${h >> 8}.${(h & 255)}';
variable HOST_MAC = 'a0:36:9f:${hex(h >> 8, 2)}:${hex(h & 255, 2)}:01';
variable HOST_CORES = ${cores};
variable HOST_RAM_MB = ${cores * 4096};
variable HOST_RACK = 'rack${String(h % 40).padStart(2, '0')}';

include 'roles/xen_host';
`;
}

function guestTemplate(n: number, host: string, random: () => number): string {
  const service = SERVICES[Math.floor(random() * SERVICES.length)]!;
  const vcpus = 1 + Math.floor(random() * 8);
  const disk = 20 + 10 * Math.floor(random() * 10);
  return `object template ${guestName(n)};

variable GUEST_HOST = '${host}';
variable GUEST_IP = '10.${2 + (n >> 16)}.${(n >> 8) & 255}.${n & 255}';
variable GUEST_MAC = '00:16:3e:${hex(n >> 16, 2)}:${hex((n >> 8) & 255, 2)}:${hex(n & 255, 2)}';
variable GUEST_UUID = '6f1c2b3a-0c4d-4e5f-8a9b-${hex(n, 12)}';
variable GUEST_MEMORY = 4096;
variable GUEST_VCPUS = ${vcpus};
variable GUEST_DISK_GB = ${disk};
variable GUEST_SERVICE = '${service}';

include 'roles/guest';
include 'services/${service}';
`;
}
