/**
 * Request-target normalisation for the install server. A request path is accepted only in
 * origin form (`/a/b`), is percent-decoded exactly once, and is refused when any segment could
 * step outside the served tree or name something the server must not expose: `.`/`..`
 * segments, encoded separators (`%2f`, `%5c`), NUL and other control characters, backslashes,
 * empty segments (`//`), dotfiles and dot-directories (which covers `.panfab/` and deploy's
 * `.panfab-tmp-*` files), leftover `%` after decoding (double encoding), invalid UTF-8 escapes
 * and over-long paths. The file-system side (symlinks leaving the root) is checked by the file
 * store after resolution.
 */

/** Longest accepted raw request target (path plus query), in characters. */
export const MAX_TARGET_LENGTH = 1024;
/** Longest accepted path segment after decoding (a common file-name limit). */
export const MAX_SEGMENT_LENGTH = 255;
/** Deepest accepted path. */
export const MAX_DEPTH = 16;

/** A request path that passed every check. */
export interface SafePath {
  readonly ok: true;
  /** Decoded segments; empty for `/`. */
  readonly segments: readonly string[];
  /** Segments joined with `/` (no leading slash): the path relative to the served root. */
  readonly relative: string;
}

/** A refused request path, with the status to answer and the reason to log. */
export interface RefusedPath {
  readonly ok: false;
  readonly status: 400 | 404;
  readonly reason: string;
}

export type PathCheck = SafePath | RefusedPath;

const ROOT: SafePath = { ok: true, segments: [], relative: '' };
/** Encoded forms that must never be decoded into a path: slash, backslash, NUL. */
const FORBIDDEN_ESCAPE = /%(?:2f|5c|00)/i;
/** What an HTTP request target may contain before decoding: visible ASCII only. */
const VISIBLE_ASCII = /^[\x21-\x7e]*$/;
/** C0 controls, DEL and C1 controls. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/**
 * Checks a raw request target (`req.url`) and returns its decoded segments, or the reason it is
 * refused. The query string is ignored; a fragment or any non-origin form is refused.
 */
export function checkRequestTarget(target: string): PathCheck {
  if (target.length > MAX_TARGET_LENGTH) return refuse(400, 'path too long');
  if (target.charCodeAt(0) !== 47 /* / */) return refuse(400, 'request target is not in origin form');
  if (!VISIBLE_ASCII.test(target)) return refuse(400, 'raw space, control or non-ASCII byte in request target');
  const q = target.indexOf('?');
  const rawPath = q < 0 ? target : target.slice(0, q);
  if (rawPath === '/') return ROOT;
  if (rawPath.includes('#')) return refuse(400, 'fragment in request target');
  if (rawPath.includes('\\')) return refuse(400, 'backslash in path');
  if (FORBIDDEN_ESCAPE.test(rawPath)) return refuse(400, 'encoded separator or NUL in path');
  const rawSegments = rawPath.slice(1).split('/');
  if (rawSegments.length > MAX_DEPTH) return refuse(400, 'path too deep');
  const segments: string[] = [];
  for (let i = 0; i < rawSegments.length; i++) {
    const checked = checkSegment(rawSegments[i]!, i === rawSegments.length - 1);
    if (typeof checked !== 'string') return checked;
    if (checked !== '') segments.push(checked);
  }
  return { ok: true, segments, relative: segments.join('/') };
}

/** Decodes and checks one segment; the last segment may be empty (a trailing slash). */
function checkSegment(raw: string, last: boolean): string | RefusedPath {
  if (raw === '') return last ? '' : refuse(400, 'empty path segment');
  let decoded = raw;
  if (raw.includes('%')) {
    try {
      decoded = decodeURIComponent(raw);
    } catch {
      return refuse(400, 'invalid percent-encoding or UTF-8 in path');
    }
    if (decoded.includes('%')) return refuse(400, 'double-encoded path');
  }
  if (decoded === '.' || decoded === '..') return refuse(400, 'dot segment in path');
  if (CONTROL.test(decoded)) return refuse(400, 'control character in path');
  if (decoded.includes('/') || decoded.includes('\\')) return refuse(400, 'separator in path segment');
  if (decoded.length > MAX_SEGMENT_LENGTH) return refuse(400, 'path segment too long');
  if (decoded.charCodeAt(0) === 46 /* . */) return refuse(404, 'hidden file');
  return decoded;
}

/** True if a relative path (already resolved on disk) has a dotfile or dot-directory segment. */
export function hasHiddenSegment(relative: string): boolean {
  return relative.startsWith('.') || relative.includes('/.');
}

/** Percent-encodes each segment of a relative path for use in a URL (`/` kept as separator). */
export function urlForRelative(relative: string): string {
  return '/' + relative.split('/').map(encodeURIComponent).join('/');
}

function refuse(status: 400 | 404, reason: string): RefusedPath {
  return { ok: false, status, reason };
}
