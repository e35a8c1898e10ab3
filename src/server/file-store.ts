/**
 * File access for the install server: resolves a checked relative path inside the served root,
 * refuses anything whose real path leaves the root or passes through a hidden entry (symlinks
 * out of the tree, links into `.panfab/`), and keeps small files in memory with their strong
 * ETag. A cached entry is dropped as soon as its directory reports a change to its name (deploy's
 * atomic renames, hand edits; see dir-watch.ts) and is re-checked with an asynchronous `stat`
 * at least every REVALIDATE_MS, or on every request when its directory cannot be watched; it
 * is reused only while the file's identity (device, inode, size, mtime, ctime) is unchanged.
 * Large files are streamed from disk.
 */
import { createHash } from 'node:crypto';
import { constants, createReadStream, promises as fsp, type ReadStream, type Stats } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { contentTypeFor } from './content-types.js';
import { DirectoryWatch } from './dir-watch.js';
import { hasHiddenSegment } from './paths.js';

/** Files up to this size are kept in memory. */
export const MAX_CACHED_FILE_BYTES = 1 << 20;
/** Total bytes of cached file bodies before the oldest entries are dropped. */
export const CACHE_BUDGET_BYTES = 256 << 20;
/** Longest time a watched cache entry is trusted without a `stat` (covers changes a watch cannot see, such as a replaced parent directory). */
export const REVALIDATE_MS = 1000;

/** A servable regular file. */
export interface ServedFile {
  readonly realPath: string;
  readonly size: number;
  readonly contentType: string;
  /** Strong validator: the quoted SHA-256 of the content. */
  readonly etag: string;
  readonly lastModified: string;
  /** The content when small enough to cache; otherwise stream `realPath`. */
  readonly body?: Buffer;
  readonly identity: string;
}

export type FileLookup = { readonly ok: true; readonly file: ServedFile } | { readonly ok: false; readonly reason: string };

/** Supplies a known SHA-256 for a large file (e.g. from the manifest) so it need not be hashed. */
export type KnownDigest = (relative: string, stats: Stats) => Promise<string | undefined>;

/** A cached file with its prebuilt lookup answer and when it was last known current. */
interface Entry {
  readonly found: FileLookup & { ok: true };
  readonly bytes: number;
  /** Directories watched for it (empty when they cannot be watched: then it is checked on every request). */
  readonly dirs: readonly string[];
  checkedAt: number;
}

/** Resolves and caches files of one served root. */
export class FileStore {
  private readonly cache = new Map<string, Entry>();
  private readonly filling = new Map<string, Promise<FileLookup>>();
  private readonly watch = new DirectoryWatch((key) => {
    this.changedWhileFilling.add(key);
    this.forget(key);
  });
  /** Keys whose directory reported a change since their watch was set up (cleared by the next fill). */
  private readonly changedWhileFilling = new Set<string>();
  private cachedBytes = 0;

  /** `root` must already be a real (symlink-free, absolute) path. */
  constructor(
    private readonly root: string,
    private readonly knownDigest: KnownDigest = async () => undefined,
  ) {}

  /** Looks up a relative path that passed the request-path checks. */
  async lookup(relative: string): Promise<FileLookup> {
    const now = performance.now();
    const cached = this.cache.get(relative);
    if (cached !== undefined && cached.dirs.length > 0 && now - cached.checkedAt < REVALIDATE_MS) return cached.found;
    let st: Stats;
    try {
      st = await fsp.stat(this.root + '/' + relative);
    } catch (e) {
      this.forget(relative);
      return { ok: false, reason: fsReason(e) };
    }
    if (cached !== undefined && this.cache.get(relative) === cached) {
      if (cached.found.file.identity === identityOf(st)) {
        cached.checkedAt = now;
        return cached.found;
      }
      if (cached.checkedAt !== -Infinity) for (const dir of cached.dirs) this.watch.drop(dir); // the watch missed a change
    }
    if (!st.isFile()) return { ok: false, reason: 'not a regular file' };
    let pending = this.filling.get(relative);
    if (pending === undefined) {
      pending = this.fill(relative).finally(() => this.filling.delete(relative));
      this.filling.set(relative, pending);
    }
    return pending;
  }

  /** A stream of a large file's content (the file handle closes with the stream). */
  async stream(file: ServedFile): Promise<ReadStream> {
    const handle = await fsp.open(file.realPath, constants.O_RDONLY | constants.O_NOFOLLOW);
    return handle.createReadStream({ start: 0, end: Math.max(0, file.size - 1) });
  }

  private async fill(relative: string): Promise<FileLookup> {
    this.forget(relative);
    let real: string;
    try {
      real = await fsp.realpath(path.join(this.root, relative));
    } catch (e) {
      return { ok: false, reason: fsReason(e) };
    }
    const inside = path.relative(this.root, real);
    if (inside === '' || inside.startsWith('..') || path.isAbsolute(inside)) return { ok: false, reason: 'resolves outside the served root' };
    if (hasHiddenSegment(inside)) return { ok: false, reason: 'resolves to a hidden file' };
    const dirs = this.watchFor(relative, real);
    const handle = await fsp.open(real, constants.O_RDONLY | constants.O_NOFOLLOW).catch((e: unknown) => e as Error);
    if (handle instanceof Error) return { ok: false, reason: fsReason(handle) };
    try {
      const st = await handle.stat();
      if (!st.isFile()) return { ok: false, reason: 'not a regular file' };
      const small = st.size <= MAX_CACHED_FILE_BYTES;
      const body = small ? await handle.readFile() : undefined;
      const digest = body !== undefined ? sha256(body) : ((await this.knownDigest(relative, st)) ?? (await hashFile(real)));
      const file: ServedFile = {
        realPath: real,
        size: body?.length ?? st.size,
        contentType: contentTypeFor(relative),
        etag: `"${digest}"`,
        lastModified: new Date(st.mtimeMs).toUTCString(),
        body,
        identity: identityOf(st),
      };
      return this.remember(relative, file, dirs);
    } finally {
      await handle.close();
    }
  }

  /** Stops watching directories. */
  close(): void {
    this.watch.close();
  }

  /**
   * Watches the directories of the requested and the real name before the file is read, so a
   * change while it is read is not missed; returns them, or none if they cannot be watched.
   */
  private watchFor(relative: string, real: string): string[] {
    this.changedWhileFilling.delete(relative);
    const requested = path.join(this.root, relative);
    const ok = this.watch.add(path.dirname(requested), path.basename(requested), relative) && this.watch.add(path.dirname(real), path.basename(real), relative);
    return ok ? [...new Set([path.dirname(requested), path.dirname(real)])] : [];
  }

  /** Caches a file; one that changed while it was read is re-checked on its next request. */
  private remember(relative: string, file: ServedFile, dirs: readonly string[]): FileLookup {
    const found = { ok: true as const, file };
    const bytes = file.body?.length ?? 0;
    for (const key of this.cache.keys()) {
      if (this.cachedBytes + bytes <= CACHE_BUDGET_BYTES) break;
      this.forget(key);
    }
    const checkedAt = this.changedWhileFilling.delete(relative) ? -Infinity : performance.now();
    this.cache.set(relative, { found, bytes, dirs, checkedAt });
    this.cachedBytes += bytes;
    return found;
  }

  private forget(relative: string): void {
    const old = this.cache.get(relative);
    if (old === undefined) return;
    this.cache.delete(relative);
    this.cachedBytes -= old.bytes;
  }
}

/** What identifies one version of a file on disk. */
function identityOf(st: Stats): string {
  return `${st.dev}:${st.ino}:${st.size}:${st.mtimeMs}:${st.ctimeMs}`;
}

/** Lower-case hex SHA-256. */
export function sha256(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex');
}

async function hashFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

function fsReason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return 'not found';
    case 'ENOTDIR':
      return 'not found (a path component is a file)';
    case 'ELOOP':
      return 'symlink loop';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENAMETOOLONG':
      return 'name too long';
    default:
      return `file-system error ${code ?? ''}`.trim();
  }
}
