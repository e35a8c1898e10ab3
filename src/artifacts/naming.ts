/**
 * Where each artifact goes in the tree (docs/artifacts.md §2.1, §2.5, §4.4) and the names boot
 * loaders look up:
 *
 *   <tftp>/pxelinux.cfg/01-<mac lower, dashed>   pxelinux and pypxeboot, per boot NIC
 *   <tftp>/pxelinux.cfg/<HEXIP>                  optional copies under the address in upper-case hex
 *   <tftp>/pxelinux.cfg/default                  local boot for everything else
 *   <tftp>/grub/grub.cfg-01-<mac>                GRUB 2 (the directory is GRUB's prefix)
 *   <tftp>/grub/grub.cfg-<HEXIP>, grub.cfg       optional copies; local-boot fallback
 *   <http>/ipxe/<fqdn>.ipxe, ipxe/default.ipxe   iPXE scripts
 *   <http>/ks/<fqdn>.ks                          kickstart files
 *   xen/<dom0 fqdn>/<guest>.cfg                  xl domain config for normal boots
 *   xen/<dom0 fqdn>/<guest>.install.cfg          xl domain config for the installation boot
 *
 * Names built from profile values (FQDNs, host names, MACs, addresses) are whitelisted first,
 * so a value can never step out of its directory.
 */
import { hexIpBootName, macBootName, parseIpv4 } from '../site/addresses.js';
import { checkKind } from './escape/kinds.js';
import type { ResolvedArtifactOptions } from './types.js';

/** A checked file-name part, or why the value cannot name a file. */
export type NamePart = { ok: true; text: string } | { ok: false; reason: string };

/** Checks that `value` is an FQDN usable as a file or directory name. */
export function fqdnPart(value: string): NamePart {
  return part(checkKind('fqdn', value));
}

/** Checks that `value` is a host-name label usable as a file name. */
export function hostnamePart(value: string): NamePart {
  return part(checkKind('hostname', value));
}

/** `01-<mac>` for a MAC address (checked lower-case colon form). */
export function macPart(mac: string): NamePart {
  const checked = part(checkKind('mac', mac));
  return checked.ok ? { ok: true, text: macBootName(checked.text) } : checked;
}

/** The upper-case hex name of an IPv4 address (`133.2.85.234` → `850255EA`). */
export function hexIpPart(ip: string): NamePart {
  const value = parseIpv4(ip);
  return value === undefined ? { ok: false, reason: `${JSON.stringify(ip)} is not a dotted-quad IPv4 address` } : { ok: true, text: hexIpBootName(value) };
}

/** Path builders for one set of options. */
export class ArtifactPaths {
  constructor(private readonly options: ResolvedArtifactOptions) {}

  /** `<tftp>/pxelinux.cfg/<name>` (name: `01-<mac>`, a hex IP or `default`). */
  pxelinux(name: string): string {
    return join(this.options.tftpRoot, 'pxelinux.cfg', name);
  }

  /** `<tftp>/grub/grub.cfg-<name>`, or `<tftp>/grub/grub.cfg` for the fallback. */
  grub(name?: string): string {
    return join(this.options.tftpRoot, 'grub', name === undefined ? 'grub.cfg' : `grub.cfg-${name}`);
  }

  /** `<http>/ipxe/<fqdn>.ipxe`, or `<http>/ipxe/default.ipxe`. */
  ipxe(fqdn?: string): string {
    return join(this.options.httpRoot, 'ipxe', `${fqdn ?? 'default'}.ipxe`);
  }

  /** `<http>/ks/<fqdn>.ks`. */
  kickstart(fqdn: string): string {
    return join(this.options.httpRoot, 'ks', `${fqdn}.ks`);
  }

  /** `xen/<dom0>/<guest>.cfg` or `xen/<dom0>/<guest>.install.cfg`. */
  xen(dom0: string, guest: string, install: boolean): string {
    return join('xen', dom0, `${guest}${install ? '.install' : ''}.cfg`);
  }
}

function join(...parts: string[]): string {
  return parts.filter((p) => p !== '').join('/');
}

function part(result: ReturnType<typeof checkKind>): NamePart {
  return result.ok ? { ok: true, text: result.text } : { ok: false, reason: result.reason };
}
