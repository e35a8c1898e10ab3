/**
 * Path joins without `path.join`'s normalisation pass, for the names the compiler handles by
 * the thousand (template names, object names, output files): a name whose `/`-separated
 * segments are all non-empty and neither `.` nor `..` survives normalisation as it is, so it
 * can be appended to a normalised base. Other names, and other platforms, go through
 * `path.join`.
 */
import path from 'node:path';

/** True if `name` is non-empty and none of its `/`-separated segments is empty, `.` or `..` (any platform). */
export function hasPlainSegments(name: string): boolean {
  return plainFrom(name, 0);
}

/** `hasPlainSegments` for the part of `name` from offset `from`. */
function plainFrom(name: string, from: number): boolean {
  let start = from;
  for (let i = from; i <= name.length; i++) {
    if (i < name.length && name.charCodeAt(i) !== 47) continue;
    const length = i - start;
    if (length === 0 || (name.charCodeAt(start) === 46 && (length === 1 || (length === 2 && name.charCodeAt(start + 1) === 46)))) return false;
    start = i + 1;
  }
  return true;
}

/** True for a relative name that `path.join` leaves as it is (POSIX paths only). */
export function isPlainName(name: string): boolean {
  return path.sep === '/' && hasPlainSegments(name);
}

/** True for an absolute path that `path.resolve` leaves as it is (POSIX paths only; the root `/` excepted). */
export function isResolvedPath(p: string): boolean {
  return path.sep === '/' && p.charCodeAt(0) === 47 && plainFrom(p, 1);
}

/** `path.resolve(p)`, without its work for a path that is already resolved. */
export function resolvePath(p: string): string {
  return isResolvedPath(p) ? p : path.resolve(p);
}

/** `path.join(base, name)` for a plain name (see `isPlainName`) and a base made by `path.join` or `path.resolve`. */
export function joinPlain(base: string, name: string): string {
  if (base === '.' || base === '') return name;
  return base.endsWith('/') ? base + name : base + '/' + name;
}

/** `path.join(base, name)` for a base made by `path.join` or `path.resolve`. */
export function joinName(base: string, name: string): string {
  return isPlainName(name) ? joinPlain(base, name) : path.join(base, name);
}

/** The last directory given to `prefixBelow`, and its prefix. */
let lastDirectory: string | undefined;
let lastPrefix = '';

/**
 * What `path.join(dir, name)` puts before a plain name below any directory (normalised or
 * not): the normalised directory and a separator, or nothing. Computed once for a run of calls
 * with the same directory.
 */
export function prefixBelow(dir: string): string {
  if (dir !== lastDirectory) {
    lastPrefix = path.join(dir, 'x').slice(0, -1);
    lastDirectory = dir;
  }
  return lastPrefix;
}

/** `path.join(dir, name)` for any directory (normalised or not), without normalising plain names. */
export function joinBelow(dir: string, name: string): string {
  return isPlainName(name) ? prefixBelow(dir) + name : path.join(dir, name);
}
