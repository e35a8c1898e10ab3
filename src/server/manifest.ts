/**
 * The deployed tree's manifest (`.panfab/manifest.json`, written last by deploy and read with
 * deploy's own validating parser) as the install server uses it: the managed artifacts with
 * their kind, owner (host FQDN), SHA-256 and generator version, plus the lookups the routes
 * need (MAC → owner from the per-host pxelinux and GRUB file names, owner → artifacts). The
 * store re-reads the file when its identity (inode, size, mtime) changes, so a new deploy is
 * picked up without a restart: `.panfab/` is watched, and the file is re-checked with a `stat`
 * at least every REVALIDATE_MS (on every call when the directory cannot be watched).
 */
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { MANIFEST_PATH, parseManifest, type Manifest as DeployManifest } from '../deploy/manifest.js';
import { DirectoryWatch } from './dir-watch.js';
import { REVALIDATE_MS } from './file-store.js';
import { macOfBootFile } from './names.js';

/** One managed artifact. */
export interface ManifestEntry {
  readonly path: string;
  readonly sha256: string;
  readonly kind: string;
  /** Lower-case FQDN of the owning host; absent for site-wide files. */
  readonly owner?: string;
  readonly generator: string;
}

/** A manifest with the server's lookups. */
export interface Manifest {
  /** `panfab <version>` that wrote the manifest. */
  readonly generator: string;
  /** Entries sorted by path. */
  readonly entries: readonly ManifestEntry[];
  readonly byPath: ReadonlyMap<string, ManifestEntry>;
  /** Lower-case dashed MAC → owner FQDN, from per-host boot file names. */
  readonly macOwners: ReadonlyMap<string, string>;
  /** Owner FQDN → that host's entries. */
  readonly byOwner: ReadonlyMap<string, readonly ManifestEntry[]>;
}

/** The manifest's state as last read. */
export type ManifestState =
  | { readonly status: 'absent' }
  | { readonly status: 'invalid'; readonly reason: string }
  | { readonly status: 'ok'; readonly manifest: Manifest; readonly stamp: string; readonly manifestMtimeMs: number };

/** Builds the server's lookups over a deploy manifest. */
export function indexManifest(deployed: DeployManifest): Manifest {
  const entries: ManifestEntry[] = [];
  const byPath = new Map<string, ManifestEntry>();
  const macOwners = new Map<string, string>();
  const byOwner = new Map<string, ManifestEntry[]>();
  for (const rel of [...deployed.files.keys()].sort()) {
    const d = deployed.files.get(rel)!;
    const owner = d.owner === '' ? undefined : d.owner.toLowerCase();
    const entry: ManifestEntry = { path: rel, sha256: d.sha256, kind: d.kind, owner, generator: d.generator };
    entries.push(entry);
    byPath.set(rel, entry);
    if (owner === undefined) continue;
    const mac = macOfBootFile(rel);
    if (mac !== undefined && !macOwners.has(mac)) macOwners.set(mac, owner);
    const list = byOwner.get(owner) ?? [];
    list.push(entry);
    byOwner.set(owner, list);
  }
  return { generator: deployed.generator, entries, byPath, macOwners, byOwner };
}

/** Reads the manifest of a deployed tree, re-reading only when the file changed on disk. */
export class ManifestStore {
  private state: ManifestState = { status: 'absent' };
  private settled: Promise<ManifestState> = Promise.resolve(this.state);
  private stamp = '';
  private loading: Promise<ManifestState> | undefined;
  private watched = false;
  private checkedAt = -Infinity;
  private readonly watch = new DirectoryWatch(() => {
    this.checkedAt = -Infinity;
    this.watched = false;
  });

  constructor(private readonly root: string) {}

  /** The current manifest state (no I/O while known current; concurrent callers share a refresh). */
  current(): Promise<ManifestState> {
    if (this.watched && performance.now() - this.checkedAt < REVALIDATE_MS) return this.settled;
    this.loading ??= this.refresh().finally(() => {
      this.loading = undefined;
    });
    return this.loading;
  }

  /** Stops watching. */
  close(): void {
    this.watch.close();
  }

  private async refresh(): Promise<ManifestState> {
    const file = path.join(this.root, MANIFEST_PATH);
    const startedAt = performance.now();
    this.watched = this.watch.add(path.dirname(file), path.basename(file), MANIFEST_PATH);
    let stamp: string;
    let mtimeMs: number;
    try {
      const st = await fsp.stat(file);
      stamp = `${st.dev}:${st.ino}:${st.size}:${st.mtimeMs}`;
      mtimeMs = st.mtimeMs;
    } catch {
      this.stamp = '';
      return this.settle({ status: 'absent' }, startedAt);
    }
    if (stamp === this.stamp) return this.settle(this.state, startedAt);
    this.stamp = stamp;
    return this.settle(await this.load(file, stamp, mtimeMs), startedAt);
  }

  /** Records a state read at `startedAt` (a change reported since then leaves it unchecked). */
  private settle(state: ManifestState, startedAt: number): ManifestState {
    this.state = state;
    this.settled = Promise.resolve(state);
    this.checkedAt = this.watched ? startedAt : -Infinity;
    return state;
  }

  private async load(file: string, stamp: string, mtimeMs: number): Promise<ManifestState> {
    let text: string;
    try {
      text = await fsp.readFile(file, 'utf8');
    } catch (e) {
      return { status: 'invalid', reason: `cannot read the manifest: ${(e as Error).message}` };
    }
    const read = parseManifest(text, MANIFEST_PATH);
    if (!read.ok) return { status: 'invalid', reason: read.diagnostics.map((d) => d.message).join('; ') };
    if (read.manifest === undefined) return { status: 'absent' };
    return { status: 'ok', manifest: indexManifest(read.manifest), stamp, manifestMtimeMs: mtimeMs };
  }
}
