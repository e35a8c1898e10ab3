/**
 * The state of the files a cached build depends on: absent, a directory, or a file with a
 * content hash. Size and modification time are a pre-check only: when both match what was
 * recorded and the file was not modified within the second before the record was written
 * (a change in that window could keep both), the recorded hash is trusted; otherwise the file
 * is read and hashed again. Each path is examined at most once per checker. The states of files
 * a compile read are adopted as it read them (the outputs were built from those versions).
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';
import type { SourceRead } from '../pan/compiler-api.js';

/** Recorded state of one path: [path, size, mtimeMs, hash]; hash null = absent, 'dir' = directory. */
export type FileRecord = [path: string, size: number, mtimeMs: number, hash: string | null];

/** The hash recorded for a file read in two versions by one run: equal to no content hash. */
const CHANGED_DURING_RUN = 'changed-during-run';

/** How close to the record's writing a modification makes size and mtime untrustworthy. */
const RACY_MS = 1000;

/**
 * True when a record's size and time can vouch for its hash in a checker started with
 * `recordedAt`: the file had last changed well before the record was written, so a later
 * change shows as a later time.
 */
export function timeVouches(record: FileRecord, recordedAt: number): boolean {
  return record[2] < recordedAt - RACY_MS;
}

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

  /** Paths whose state was adopted from a compile's reads (not examined by this checker). */
  private readonly adopted = new Set<string>();

  /**
   * Takes the states of files as a compile read them, for paths not examined yet (a state
   * examined earlier is what the rest of the run was checked against, so it stays); may be
   * called several times (each thread's reads). A path read in two different versions
   * (changed during the compile) is recorded so that it never matches: whatever depends on it
   * is compiled again next time.
   */
  adopt(reads: readonly SourceRead[]): void {
    for (const r of reads) {
      const known = this.current.get(r.path);
      if (known === undefined) {
        this.current.set(r.path, [r.path, r.size, r.mtimeMs, r.sha1]);
        this.adopted.add(r.path);
      } else if (this.adopted.has(r.path) && (known[1] !== r.size || known[2] !== r.mtimeMs || known[3] !== r.sha1)) {
        this.current.set(r.path, [r.path, -1, -1, CHANGED_DURING_RUN]);
      }
    }
  }

  /** The state of a path if this checker has examined (or adopted) it. */
  examinedState(file: string): FileRecord | undefined {
    return this.current.get(file);
  }


  /** True if the path is as recorded. */
  unchanged(previous: FileRecord): boolean {
    return this.state(previous[0], previous)[3] === previous[3];
  }

  /** Names in each directory examined (null: unreadable), to confirm absent files without a stat each. */
  private readonly listings = new Map<string, Set<string> | null>();

  private listed(file: string): boolean | undefined {
    const [dir, base] = splitPath(file);
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
    return names === null ? undefined : names.has(base);
  }

  private examine(file: string, previous: FileRecord | undefined): FileRecord {
    // Absent files are confirmed by their directory's listing (one read per directory), as
    // most paths examined without a previous state are places where a template was not found.
    if ((previous === undefined || previous[3] === null) && this.listed(file) === false) return [file, 0, 0, null];
    const st = statNow(file);
    if (st === undefined) return [file, 0, 0, null];
    if (st.isDirectory()) return [file, 0, st.mtimeMs, 'dir'];
    if (
      previous !== undefined &&
      previous[3] !== null &&
      previous[1] === st.size &&
      previous[2] === st.mtimeMs &&
      timeVouches(previous, this.recordedAt)
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

/**
 * The state of a path, taken now; undefined when absent. A path that cannot be statted (below
 * a file that replaced a directory, no permission) counts as absent: it matches no recorded
 * file, so whatever depends on it is compiled again, and the compile reports the error.
 */
export function statNow(file: string): Stats | undefined {
  try {
    return statSync(file, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}

/** Directory and name of a path (by its last `/` for plain absolute POSIX paths, as path.dirname/basename). */
function splitPath(file: string): [string, string] {
  const slash = path.sep === '/' ? file.lastIndexOf('/') : -1;
  if (slash > 0 && slash < file.length - 1) return [file.slice(0, slash), file.slice(slash + 1)];
  return [path.dirname(file), path.basename(file)];
}
