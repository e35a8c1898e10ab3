/**
 * Address arithmetic for the site model and checks: IPv4 parsing and networks, MAC
 * normalisation, and the names network-boot loaders look up (docs/artifacts.md §2.1):
 * `01-<mac lower, dashed>` and the client address in upper-case hex.
 */

/** Parses a dotted-quad IPv4 address to an unsigned 32-bit number; undefined if malformed. */
export function parseIpv4(text: string): number | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  if (m === null) return undefined;
  let value = 0;
  for (let i = 1; i <= 4; i++) {
    const octet = Number(m[i]);
    if (octet > 255) return undefined;
    value = value * 256 + octet;
  }
  return value;
}

/** Parses a contiguous dotted-quad netmask (e.g. 255.255.255.0); undefined if malformed or not contiguous. */
export function parseNetmask(text: string): number | undefined {
  const mask = parseIpv4(text);
  if (mask === undefined) return undefined;
  const inverted = ~mask >>> 0;
  return (inverted & (inverted + 1)) === 0 ? mask : undefined;
}

/** Number of leading one bits of a netmask. */
export function prefixLength(mask: number): number {
  let bits = 0;
  for (let m = mask >>> 0; m & 0x80000000; m = (m << 1) >>> 0) bits++;
  return bits;
}

/** Network address of `ip` under `mask`. */
function networkOf(ip: number, mask: number): number {
  return (ip & mask) >>> 0;
}

/** Dotted-quad form of an unsigned 32-bit address. */
function formatIpv4(value: number): string {
  return [24, 16, 8, 0].map((shift) => (value >>> shift) & 255).join('.');
}

/** CIDR notation of the network containing `ip` under `mask`, e.g. `192.0.2.0/24`. */
export function cidr(ip: number, mask: number): string {
  return `${formatIpv4(networkOf(ip, mask))}/${prefixLength(mask)}`;
}

/** True if `address` lies in the network of `ip`/`mask`. */
export function inNetwork(address: number, ip: number, mask: number): boolean {
  return networkOf(address, mask) === networkOf(ip, mask);
}

/**
 * Normalises a MAC address written as six hex pairs separated by `:` or `-` (any case) to
 * lower-case colon form; undefined if malformed.
 */
export function normaliseMac(text: string): string | undefined {
  if (!/^[0-9a-fA-F]{2}([:-][0-9a-fA-F]{2}){5}$/.test(text)) return undefined;
  const separators = new Set(text.replace(/[0-9a-fA-F]/g, ''));
  if (separators.size !== 1) return undefined;
  return text.toLowerCase().replace(/-/g, ':');
}

/** The MAC part of per-client boot file names: `01-` + lower-case MAC with dashes. */
export function macBootName(mac: string): string {
  return `01-${mac.toLowerCase().replace(/:/g, '-')}`;
}

/** The address part of per-client boot file names: 8 upper-case hex digits (`192.0.2.5` → `C0000205`). */
export function hexIpBootName(ip: number): string {
  return ip.toString(16).toUpperCase().padStart(8, '0');
}
