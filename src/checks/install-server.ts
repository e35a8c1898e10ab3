/**
 * What the install server serves, for the kickstart and boot-file rules: whether a URL lies
 * under the server's base URL, and the server-relative name of a boot file given either as a
 * path relative to the TFTP root or as a URL under the base URL.
 */

/** The server-relative path of `url` when it lies under `baseUrl` (same scheme, host and port, path below). */
export function underBase(url: string, baseUrl: string): string | undefined {
  const u = parseUrl(url);
  const b = parseUrl(baseUrl);
  if (u === undefined || b === undefined) return undefined;
  if (u.protocol !== b.protocol || u.host !== b.host) return undefined;
  const basePath = b.pathname.endsWith('/') ? b.pathname : `${b.pathname}/`;
  return u.pathname.startsWith(basePath) ? u.pathname.slice(basePath.length) : undefined;
}

/** True if `text` is an absolute URL (has a scheme). */
function isUrl(text: string): boolean {
  return /^[a-zA-Z][a-zA-Z0-9+.-]*:\/\//.test(text);
}

/** The name a boot file is served under: URLs relative to the base URL, paths without a leading `/`. */
export function servedName(file: string, baseUrl: string): string | undefined {
  return isUrl(file) ? underBase(file, baseUrl) : file.replace(/^\/+/, '');
}

/** The values of `key=value` tokens of a kernel command line whose key is in `keys`. */
export function tokenValues(append: readonly string[], keys: readonly string[]): string[] {
  return append.flatMap((token) => {
    const eq = token.indexOf('=');
    return eq > 0 && keys.includes(token.slice(0, eq)) ? [token.slice(eq + 1)] : [];
  });
}

function parseUrl(text: string): URL | undefined {
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}
