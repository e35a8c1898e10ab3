/**
 * The deployed tree's manifest (`.panfab/manifest.json`, written last by deploy) as the install
 * server sees it: the managed artifacts with their kind, owner (host FQDN), SHA-256 and
 * generator version, plus the lookups the routes need (MAC → owner from the per-host pxelinux
 * and GRUB file names, owner → artifacts). The store re-reads the file when its identity
 * (inode, size, mtime) changes, so a new deploy is picked up without a restart.
 *
 * Accepted shapes: `{ files | entries | artifacts: {<path>: entry} | [entry with path] }` or a
 * bare `{<path>: entry}` map; an entry's generator version may be spelled `generatorVersion`,
 * `generator_version` or `generator` (a string or `{ version }`).
 */
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { macOfBootFile } from './names.js';

/** One managed artifact. */
export interface ManifestEntry {
  readonly path: string;
  readonly sha256?: string;
  readonly mode?: string;
  readonly kind?: string;
  readonly owner?: string;
  readonly generatorVersion?: string;
}

/** A parsed manifest with its lookups. */
export interface Manifest {
  /** Generator version of the manifest, or of its entries when they all agree. */
  readonly generatorVersion?: string;
  /** Entries sorted by path. */
  readonly entries: readonly ManifestEntry[];
  readonly byPath: ReadonlyMap<string, ManifestEntry>;
  /** Lower-case dashed MAC → owner FQDN, from per-host boot file names. */
  readonly macOwners: ReadonlyMap<string, string>;
  /** Owner FQDN (lower case) → that host's entries. */
  readonly byOwner: ReadonlyMap<string, readonly ManifestEntry[]>;
}

/** The manifest's state as last read. */
export type ManifestState =
  | { readonly status: 'absent' }
  | { readonly status: 'invalid'; readonly reason: string }
  | { readonly status: 'ok'; readonly manifest: Manifest; readonly stamp: string; readonly manifestMtimeMs: number };

/** Relative path of the manifest inside a deployed tree. */
export const MANIFEST_PATH = '.panfab/manifest.json';

/** Parses manifest JSON text; throws an Error with a short reason on a shape it cannot read. */
export function parseManifest(text: string): Manifest {
  const data: unknown = JSON.parse(text);
  if (!isObject(data)) throw new Error('manifest is not a JSON object');
  const files = data['files'] ?? data['entries'] ?? data['artifacts'] ?? data;
  const raw: [string, unknown][] = Array.isArray(files)
    ? files.map((e: unknown) => [isObject(e) && typeof e['path'] === 'string' ? e['path'] : '', e])
    : isObject(files) ? Object.entries(files) : [];
  const entries = raw.filter(([p, e]) => p !== '' && isObject(e)).map(([p, e]) => toEntry(p, e as Record<string, unknown>));
  entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return index(entries, generatorOf(data) ?? commonGenerator(entries));
}

function toEntry(p: string, e: Record<string, unknown>): ManifestEntry {
  const mode = typeof e['mode'] === 'number' ? '0' + e['mode'].toString(8) : str(e['mode']);
  return {
    path: p.replace(/^\/+/, ''),
    sha256: str(e['sha256']),
    mode,
    kind: str(e['kind']),
    owner: str(e['owner'])?.toLowerCase(),
    generatorVersion: generatorOf(e),
  };
}

function index(entries: ManifestEntry[], generatorVersion: string | undefined): Manifest {
  const byPath = new Map<string, ManifestEntry>();
  const macOwners = new Map<string, string>();
  const byOwner = new Map<string, ManifestEntry[]>();
  for (const e of entries) {
    byPath.set(e.path, e);
    if (e.owner === undefined) continue;
    const mac = macOfBootFile(e.path);
    if (mac !== undefined && !macOwners.has(mac)) macOwners.set(mac, e.owner);
    const list = byOwner.get(e.owner) ?? [];
    list.push(e);
    byOwner.set(e.owner, list);
  }
  return { generatorVersion, entries, byPath, macOwners, byOwner };
}

function generatorOf(o: Record<string, unknown>): string | undefined {
  const g = o['generatorVersion'] ?? o['generator_version'] ?? o['generator'];
  if (typeof g === 'string') return g;
  if (isObject(g)) return str(g['version']) ?? str(g['name']);
  return undefined;
}

function commonGenerator(entries: readonly ManifestEntry[]): string | undefined {
  const versions = new Set(entries.map((e) => e.generatorVersion).filter((v) => v !== undefined));
  return versions.size === 1 ? [...versions][0] : undefined;
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Reads the manifest of a deployed tree, re-reading only when the file changed on disk. */
export class ManifestStore {
  private state: ManifestState = { status: 'absent' };
  private stamp = '';
  private loading: Promise<ManifestState> | undefined;

  constructor(private readonly root: string) {}

  /** The current manifest state (one stat call when unchanged). */
  current(): Promise<ManifestState> {
    this.loading ??= this.refresh().finally(() => {
      this.loading = undefined;
    });
    return this.loading;
  }

  private async refresh(): Promise<ManifestState> {
    const file = path.join(this.root, MANIFEST_PATH);
    let stamp: string;
    let mtimeMs: number;
    try {
      const st = await fsp.stat(file);
      stamp = `${st.dev}:${st.ino}:${st.size}:${st.mtimeMs}`;
      mtimeMs = st.mtimeMs;
    } catch {
      this.stamp = '';
      return (this.state = { status: 'absent' });
    }
    if (stamp === this.stamp) return this.state;
    this.stamp = stamp;
    try {
      this.state = { status: 'ok', manifest: parseManifest(await fsp.readFile(file, 'utf8')), stamp, manifestMtimeMs: mtimeMs };
    } catch (e) {
      this.state = { status: 'invalid', reason: e instanceof Error ? e.message : String(e) };
    }
    return this.state;
  }
}
