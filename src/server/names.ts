/**
 * Host identifiers accepted by the install server's lookup routes: MAC addresses in any of the
 * usual spellings (normalised to pxelinux's lower-case dashed form) and host FQDNs.
 */

/** Six hex pairs with one separator used throughout (or none), optionally after pxelinux's `01-`. */
const MAC_PAIRS = /^(?:01-)?([0-9a-f]{2})([:-]?)([0-9a-f]{2})\2([0-9a-f]{2})\2([0-9a-f]{2})\2([0-9a-f]{2})\2([0-9a-f]{2})$/i;
/** Cisco's three dotted groups of four. */
const MAC_DOTTED = /^([0-9a-f]{2})([0-9a-f]{2})\.([0-9a-f]{2})([0-9a-f]{2})\.([0-9a-f]{2})([0-9a-f]{2})$/i;
const FQDN_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/**
 * Normalises a MAC address to `aa-bb-cc-dd-ee-ff`. Accepts upper or lower case with `:` or `-`
 * separators or none (`52:54:00:12:34:56`, `52-54-00-12-34-56`, `525400123456`), Cisco's
 * `5254.0012.3456`, and pxelinux's `01-` ARP-type prefix. Returns undefined for anything else.
 */
export function normaliseMac(text: string): string | undefined {
  const m = MAC_PAIRS.exec(text);
  if (m !== null) return `${m[1]}-${m[3]}-${m[4]}-${m[5]}-${m[6]}-${m[7]}`.toLowerCase();
  const d = MAC_DOTTED.exec(text);
  return d === null ? undefined : `${d[1]}-${d[2]}-${d[3]}-${d[4]}-${d[5]}-${d[6]}`.toLowerCase();
}

/** Lower-cases a host name and returns it if it is a syntactically valid FQDN (at least two labels). */
export function normaliseFqdn(text: string): string | undefined {
  const s = text.toLowerCase();
  if (s.length > 253) return undefined;
  const labels = s.split('.');
  if (labels.length < 2 || !labels.every((l) => FQDN_LABEL.test(l))) return undefined;
  return s;
}

/** The MAC in a pxelinux (`…/pxelinux.cfg/01-<mac>`) or GRUB (`…/grub.cfg-01-<mac>`) per-host file path. */
export function macOfBootFile(relative: string): string | undefined {
  const m = /(?:^|\/)(?:pxelinux\.cfg\/|grub\.cfg-)01-([0-9a-f]{2}(?:-[0-9a-f]{2}){5})$/.exec(relative);
  return m ? m[1] : undefined;
}
