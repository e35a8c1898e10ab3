/**
 * File access for the install server: resolves a checked relative path inside the served root,
 * refuses anything whose real path leaves the root or passes through a hidden entry (symlinks
 * out of the tree, links into `.panfab/`), and keeps small files in memory with their strong
 * ETag. Every request costs one asynchronous `stat`; a cached entry is reused only while the
 * file's identity (device, inode, size, mtime, ctime) is unchanged, so deploy's atomic renames
 * and hand edits are served at once. Large files are streamed from disk.
 */
import { createHash } from 'node:crypto';
import { constants, createReadStream, promises as fsp, type ReadStream, type Stats } from 'node:fs';
import path from 'node:path';
import { contentTypeFor } from './content-types.js';
import { hasHiddenSegment } from './paths.js';

/** Files up to this size are kept in memory. */
export const MAX_CACHED_FILE_BYTES = 1 << 20;
/** Total bytes of cached file bodies before the oldest entries are dropped. */
export const CACHE_BUDGET_BYTES = 256 << 20;

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

/** Resolves and caches files of one served root. */
export class FileStore {
  private readonly cache = new Map<string, ServedFile>();
  private readonly filling = new Map<string, Promise<FileLookup>>();
  private cachedBytes = 0;

  /** `root` must already be a real (symlink-free, absolute) path. */
  constructor(
    private readonly root: string,
    private readonly knownDigest: KnownDigest = async () => undefined,
  ) {}

  /** Looks up a relative path that passed the request-path checks. */
  async lookup(relative: string): Promise<FileLookup> {
    let st: Stats;
    try {
      st = await fsp.stat(this.root + '/' + relative);
    } catch (e) {
      this.forget(relative);
      return { ok: false, reason: fsReason(e) };
    }
    const cached = this.cache.get(relative);
    if (cached !== undefined && cached.identity === identityOf(st)) return { ok: true, file: cached };
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
      this.remember(relative, file);
      return { ok: true, file };
    } finally {
      await handle.close();
    }
  }

  private remember(relative: string, file: ServedFile): void {
    const bytes = file.body?.length ?? 0;
    for (const [key, old] of this.cache) {
      if (this.cachedBytes + bytes <= CACHE_BUDGET_BYTES) break;
      this.cache.delete(key);
      this.cachedBytes -= old.body?.length ?? 0;
    }
    this.cache.set(relative, file);
    this.cachedBytes += bytes;
  }

  private forget(relative: string): void {
    const old = this.cache.get(relative);
    if (old === undefined) return;
    this.cache.delete(relative);
    this.cachedBytes -= old.body?.length ?? 0;
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
