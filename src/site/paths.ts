/**
 * The profile paths the site model reads (Quattor's conventions plus panfab's /virtual),
 * as builders, so the model, the checks and the artifacts name the same paths.
 */
export const NETWORK = '/system/network';
export const HOSTNAME = `${NETWORK}/hostname`;
export const DOMAINNAME = `${NETWORK}/domainname`;
export const DEFAULT_GATEWAY = `${NETWORK}/default_gateway`;
export const NAMESERVER = `${NETWORK}/nameserver`;
export const INTERFACES = `${NETWORK}/interfaces`;
export const HARDWARE_NICS = '/hardware/cards/nic';
export const CPU = '/hardware/cpu';
export const RAM = '/hardware/ram';
export const SERVICES = '/system/services';
export const KICKSTART = '/system/aii/osinstall/ks';
export const PXELINUX = '/system/aii/nbp/pxelinux';
export const VIRTUAL_HOST = '/virtual/host';
export const VIRTUAL_GUEST = '/virtual/guest';

/** `/system/network/interfaces/<device>` (+ `/<field>`). */
export function interfacePath(device: string, field?: string): string {
  return field === undefined ? `${INTERFACES}/${device}` : `${INTERFACES}/${device}/${field}`;
}

/** `/hardware/cards/nic/<device>` (+ `/<field>`). */
export function hardwareNicPath(device: string, field?: string): string {
  return field === undefined ? `${HARDWARE_NICS}/${device}` : `${HARDWARE_NICS}/${device}/${field}`;
}
