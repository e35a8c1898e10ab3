/**
 * The state of the files a cached build depends on: absent, a directory, or a file with a
 * content hash. Size and modification time are a pre-check only: when both match what was
 * recorded and the file was not modified within the second before the record was written
 * (a change in that window could keep both), the recorded hash is trusted; otherwise the file
 * is read and hashed again. Each path is examined at most once per checker.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** Recorded state of one path: [path, size, mtimeMs, hash]; hash null = absent, 'dir' = directory. */
export type FileRecord = [path: string, size: number, mtimeMs: number, hash: string | null];

/** How close to the record's writing a modification makes size and mtime untrustworthy. */
const RACY_MS = 1000;

/** Checks and records file states, memoised per path. */
export class FileStates {
  private readonly current = new Map<string, FileRecord>();

  /** `recordedAt`: when the records being checked were written (ms since the epoch). */
  constructor(private readonly recordedAt = 0) {}

  /** The current state of a path, reusing `previous` when size and mtime prove it unchanged. */
  state(file: string, previous?: FileRecord): FileRecord {
    let rec = this.current.get(file);
    if (rec === undefined) {
      rec = this.examine(file, previous);
      this.current.set(file, rec);
    }
    return rec;
  }

  /** Every state examined so far. */
  examined(): IterableIterator<FileRecord> {
    return this.current.values();
  }

  /** True if the path is as recorded. */
  unchanged(previous: FileRecord): boolean {
    return this.state(previous[0], previous)[3] === previous[3];
  }

  /** Names in each directory examined (null: unreadable), to confirm absent files without a stat each. */
  private readonly listings = new Map<string, Set<string> | null>();

  private listed(file: string): boolean | undefined {
    const dir = path.dirname(file);
    let names = this.listings.get(dir);
    if (names === undefined) {
      try {
        names = new Set(readdirSync(dir));
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        names = code === 'ENOENT' || code === 'ENOTDIR' ? new Set() : null;
      }
      this.listings.set(dir, names);
    }
    return names === null ? undefined : names.has(path.basename(file));
  }

  private examine(file: string, previous: FileRecord | undefined): FileRecord {
    if (previous !== undefined && previous[3] === null && this.listed(file) === false) return [file, 0, 0, null];
    const st = statSync(file, { throwIfNoEntry: false });
    if (st === undefined) return [file, 0, 0, null];
    if (st.isDirectory()) return [file, 0, st.mtimeMs, 'dir'];
    if (
      previous !== undefined &&
      previous[3] !== null &&
      previous[1] === st.size &&
      previous[2] === st.mtimeMs &&
      st.mtimeMs < this.recordedAt - RACY_MS
    ) {
      return [file, st.size, st.mtimeMs, previous[3]];
    }
    try {
      return [file, st.size, st.mtimeMs, createHash('sha1').update(readFileSync(file)).digest('hex')];
    } catch {
      return [file, 0, 0, null];
    }
  }
}
