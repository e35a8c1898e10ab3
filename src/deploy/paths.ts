/**
 * Names inside a deployed tree: which relative paths an artifact set may use, the reserved
 * bookkeeping directory (`.panfab/`), the prefix of temporary files written during a deploy, and
 * point spans that let deploy diagnostics name a file.
 */
import path from 'node:path';
import type { Span } from '../diagnostics/span.js';

/** Bookkeeping directory at the root of a deployed tree (manifest, journal, lock). */
export const STATE_DIR = '.panfab';
/** Prefix of every temporary file a deploy creates; a dotfile, so the install server never serves it. */
export const TEMP_PREFIX = '.panfab-tmp-';

/** True for a file name a deploy uses for its temporary files. */
export function isTempName(name: string): boolean {
  return name.startsWith(TEMP_PREFIX);
}

/**
 * Why `rel` cannot name a file in a deployed tree, or undefined when it can. A usable path is
 * relative, POSIX-separated, has no empty, `.` or `..` segments, no NUL or backslash, and does
 * not enter the bookkeeping directory or use the temporary-file prefix.
 */
export function unsafePathReason(rel: string): string | undefined {
  if (rel === '') return 'the path is empty';
  if (rel.includes('\0')) return 'the path contains a NUL character';
  if (rel.includes('\\')) return 'the path contains a backslash';
  if (rel.startsWith('/') || path.win32.isAbsolute(rel)) return 'the path is absolute';
  const segments = rel.split('/');
  for (const segment of segments) {
    if (segment === '') return 'the path has an empty segment';
    if (segment === '.' || segment === '..') return `the path has a '${segment}' segment`;
    if (isTempName(segment)) return `'${segment}' uses the temporary-file prefix ${TEMP_PREFIX}`;
  }
  if (segments[0] === STATE_DIR) return `${STATE_DIR}/ is reserved for the deploy manifest`;
  return undefined;
}

/** The directories that contain `rel`, outermost first (`a/b/c` → `a`, `a/b`). */
export function parentDirs(rel: string): string[] {
  const segments = rel.split('/');
  const out: string[] = [];
  for (let i = 1; i < segments.length; i++) out.push(segments.slice(0, i).join('/'));
  return out;
}

/** Absolute file-system path of `rel` under `root`. */
export function resolveIn(root: string, rel: string): string {
  return path.join(root, ...rel.split('/'));
}

/** A point span at the start of a file, for diagnostics about a whole file. */
export function fileSpan(file: string): Span {
  return { file, offset: 0, length: 0, line: 1, col: 1, endLine: 1, endCol: 1 };
}

/** Code-unit order of two strings (stable whatever the locale). */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
