/**
 * URL whitelist (docs/artifacts.md §3.6): a URL from the profile is parsed and must already be
 * in its canonical form — scheme http, https, ftp, nfs or tftp; no whitespace, quotes,
 * backslashes, control characters or fragment; no `.`/`..` path segments, even percent-encoded.
 * Anything else is rejected (PF502), never rewritten.
 */
import type { KindResult } from './kinds.js';

const SCHEMES = new Set(['http:', 'https:', 'ftp:', 'nfs:', 'tftp:']);
/** Characters that never appear in a canonical URL we write. */
const FORBIDDEN = /[\u0000-\u0020\u007f-\u009f"'`\\<>{}|^#\u2028\u2029]/;

/** Checks one URL; the text is returned unchanged when it is acceptable. */
export function checkUrl(raw: string): KindResult {
  const bad = FORBIDDEN.exec(raw);
  if (bad !== null) return fail(`contains ${describeChar(bad[0])}, which a URL in an artifact may not contain`);
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return fail('is not an absolute URL');
  }
  if (!SCHEMES.has(url.protocol)) return fail(`has scheme ${url.protocol.slice(0, -1)}; allowed: http, https, ftp, nfs, tftp`);
  if (url.hostname === '') return fail('has no host');
  const rawPath = raw.slice(raw.indexOf('//') + 2).replace(/^[^/?]*/, '').replace(/\?.*$/, '');
  if (rawPath.split('/').some((s) => /^(?:\.|%2e){1,2}$/i.test(s))) return fail('has a . or .. path segment');
  const canonical = url.href;
  if (canonical !== raw && canonical !== `${raw}/`) {
    return fail(`is not in canonical form (it would be read as ${JSON.stringify(canonical)})`);
  }
  return { ok: true, text: raw };
}

function describeChar(c: string): string {
  if (c === ' ') return 'a space';
  if (c === '\n') return 'a newline';
  if (c === '#') return 'a # (fragment)';
  const code = c.codePointAt(0)!;
  if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) return `the control character U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  return `the character ${JSON.stringify(c)}`;
}

function fail(reason: string): KindResult {
  return { ok: false, reason, code: 'PF502' };
}
