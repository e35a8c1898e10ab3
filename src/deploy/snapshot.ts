/**
 * A snapshot of a deployed tree as the plan needs it: every entry reached without following
 * symbolic links (regular files, links with their targets, directories), the SHA-256 and mode of
 * the files the plan cares about, and the temporary files an interrupted deploy left behind.
 * The bookkeeping directory `.panfab/` is not part of the tree.
 */
import { lstatSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import path from 'node:path';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { sha256 } from './generated.js';
import { compareStrings, fileSpan, isTempName, resolveIn, STATE_DIR } from './paths.js';

/** What a path in the deployed tree is. `mode` and `sha256` are present for regular files the plan asked about. */
export type DiskEntry =
  | { readonly type: 'file'; readonly mode?: number; readonly sha256?: string }
  | { readonly type: 'symlink'; readonly target: string }
  | { readonly type: 'dir' }
  | { readonly type: 'other' };

export interface Snapshot {
  /** Whether the deployed root exists. */
  readonly exists: boolean;
  /** Relative POSIX path → entry, for everything under the root except `.panfab/` and temp files. */
  readonly entries: ReadonlyMap<string, DiskEntry>;
  /** Relative paths of temporary files left by an interrupted deploy, sorted. */
  readonly tempFiles: readonly string[];
}

export interface ScanResult {
  readonly snapshot: Snapshot;
  readonly diagnostics: Diagnostic[];
}

/**
 * Scans the tree at `root`. Regular files for which `wantHash(rel)` is true are read and hashed;
 * others are only listed (install servers hold large boot images the plan never needs to read).
 * Synchronous file-system calls: for thousands of small files they are several times faster than
 * the thread-pool round trips of the asynchronous ones, and nothing else runs meanwhile.
 */
export async function scanTree(root: string, wantHash: (rel: string) => boolean): Promise<ScanResult> {
  const diagnostics: Diagnostic[] = [];
  let rootStat;
  try {
    rootStat = lstatSync(root);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') diagnostics.push(readError(root, err as Error));
    return { snapshot: { exists: false, entries: new Map(), tempFiles: [] }, diagnostics };
  }
  if (!rootStat.isDirectory()) {
    diagnostics.push(diagnostic('PF607', `${root} is not a directory`, fileSpan(root)));
    return { snapshot: { exists: false, entries: new Map(), tempFiles: [] }, diagnostics };
  }
  const entries = new Map<string, DiskEntry>();
  const tempFiles: string[] = [];
  const files: string[] = [];
  walk(root, '', entries, tempFiles, files, diagnostics);
  for (const rel of files.filter(wantHash)) {
    const abs = resolveIn(root, rel);
    try {
      const mode = lstatSync(abs).mode & 0o7777;
      entries.set(rel, { type: 'file', mode, sha256: sha256(readFileSync(abs)) });
    } catch (err) {
      diagnostics.push(readError(abs, err as Error));
    }
  }
  return { snapshot: { exists: true, entries: sortedMap(entries), tempFiles: tempFiles.sort(compareStrings) }, diagnostics };
}

function walk(root: string, rel: string, entries: Map<string, DiskEntry>, temps: string[], files: string[], diagnostics: Diagnostic[]): void {
  const dir = rel === '' ? root : resolveIn(root, rel);
  let children;
  try {
    children = readdirSync(dir, { withFileTypes: true });
  } catch (err) {
    diagnostics.push(readError(dir, err as Error));
    return;
  }
  children.sort((a, b) => compareStrings(a.name, b.name));
  for (const child of children) {
    const childRel = rel === '' ? child.name : `${rel}/${child.name}`;
    if (rel === '' && child.name === STATE_DIR) continue;
    if (isTempName(child.name) && !child.isDirectory()) {
      temps.push(childRel);
    } else if (child.isDirectory()) {
      entries.set(childRel, { type: 'dir' });
      walk(root, childRel, entries, temps, files, diagnostics);
    } else if (child.isSymbolicLink()) {
      const target = readLink(path.join(dir, child.name));
      entries.set(childRel, { type: 'symlink', target });
    } else if (child.isFile()) {
      entries.set(childRel, { type: 'file' });
      files.push(childRel);
    } else {
      entries.set(childRel, { type: 'other' });
    }
  }
}

function readLink(file: string): string {
  try {
    return readlinkSync(file);
  } catch {
    return '';
  }
}

function sortedMap<V>(map: Map<string, V>): Map<string, V> {
  return new Map([...map.entries()].sort((a, b) => compareStrings(a[0], b[0])));
}

function readError(file: string, err: Error): Diagnostic {
  return diagnostic('PF607', `cannot read ${file}: ${err.message}`, fileSpan(file));
}
