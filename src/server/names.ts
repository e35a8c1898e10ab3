/**
 * Host identifiers accepted by the install server's lookup routes: MAC addresses in any of the
 * usual spellings (normalised to pxelinux's lower-case dashed form) and host FQDNs.
 */

const HEX12 = /^[0-9a-f]{12}$/;
const FQDN_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/**
 * Normalises a MAC address to `aa-bb-cc-dd-ee-ff`. Accepts upper or lower case with `:`, `-`
 * or `.` separators or none (`52:54:00:12:34:56`, `52-54-00-12-34-56`, `5254.0012.3456`,
 * `525400123456`), and pxelinux's `01-` ARP-type prefix. Returns undefined for anything else.
 */
export function normaliseMac(text: string): string | undefined {
  let s = text.toLowerCase();
  if (s.length === 20 && s.startsWith('01-')) s = s.slice(3);
  const groups = s.split(/[:.-]/);
  const separated = groups.length > 1;
  if (separated && !(groups.length === 6 && groups.every((g) => g.length === 2)) && !(groups.length === 3 && groups.every((g) => g.length === 4))) {
    return undefined;
  }
  if (separated && new Set(s.replace(/[0-9a-f]/g, '')).size !== 1) return undefined;
  const hex = groups.join('');
  if (!HEX12.test(hex)) return undefined;
  return hex.match(/../g)!.join('-');
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
