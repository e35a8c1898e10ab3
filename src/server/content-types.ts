/**
 * Content types of the files in a deployed tree. Boot configurations (pxelinux files, which have
 * no extension, GRUB's `grub.cfg-*`), kickstarts, xl configs and iPXE scripts are text; boot
 * programs, kernels and images are binary. Anything unrecognised is served as an opaque
 * byte stream so that no client guesses a renderable type.
 */

export const TEXT = 'text/plain; charset=utf-8';
export const JSON_TYPE = 'application/json';
export const BINARY = 'application/octet-stream';

const BY_EXTENSION: ReadonlyMap<string, string> = new Map([
  ['ks', TEXT],
  ['cfg', TEXT],
  ['conf', TEXT],
  ['ipxe', TEXT],
  ['pxe', TEXT],
  ['txt', TEXT],
  ['menu', TEXT],
  ['sh', TEXT],
  ['json', JSON_TYPE],
  ['xml', 'application/xml'],
  ['0', BINARY],
  ['efi', BINARY],
  ['kpxe', BINARY],
  ['kkpxe', BINARY],
  ['lkrn', BINARY],
  ['c32', BINARY],
  ['mod', BINARY],
  ['img', BINARY],
  ['iso', BINARY],
  ['gz', BINARY],
  ['xz', BINARY],
]);

/** Directories whose extension-less files are boot-loader configurations. */
const TEXT_DIRECTORIES = ['pxelinux.cfg', 'grub', 'ipxe', 'ks', 'xen'];
/** Extension-less binary names found next to configurations. */
const BINARY_NAMES = /^(?:vmlinuz|vmlinux|initrd|initramfs|bzImage|linux|kernel)(?:[-._].*)?$/;

/** The Content-Type header value for a file at `relative` (a `/`-separated path). */
export function contentTypeFor(relative: string): string {
  const slash = relative.lastIndexOf('/');
  const name = relative.slice(slash + 1);
  if (name.startsWith('grub.cfg')) return TEXT;
  if (BINARY_NAMES.test(name)) return BINARY;
  const dot = name.lastIndexOf('.');
  if (dot > 0) {
    const known = BY_EXTENSION.get(name.slice(dot + 1).toLowerCase());
    if (known !== undefined) return known;
  }
  const dir = slash < 0 ? '' : relative.slice(relative.lastIndexOf('/', slash - 1) + 1, slash);
  return TEXT_DIRECTORIES.includes(dir) ? TEXT : BINARY;
}
