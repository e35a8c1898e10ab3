/**
 * Escapers for iPXE scripts (docs/artifacts.md §2.4): iPXE expands `${…}` everywhere (a
 * backslash does not protect it), keeps quotes literally and starts a comment at `#` after a
 * word, so every interpolated value is refused if it contains `$`, `#`, a quote or a
 * backslash; arguments are whitespace-free words, menu texts single lines.
 */
import { bootFileWord, kernelArgs, lineText } from './boot.js';
import { prepare, rejectFormat } from './core.js';
import { Rejected } from './value.js';

const IPXE_SPECIAL = /[$#"'\\]/;

/** Menu and item text. */
export function ipxeText(value: unknown): string | Rejected {
  return lineText(value, 'iPXE', IPXE_SPECIAL);
}

/** Kernel arguments for a `kernel` line. */
export function ipxeArgs(values: unknown): string | Rejected {
  return kernelArgs(values, 'iPXE', IPXE_SPECIAL);
}

/**
 * A boot file as an iPXE URI: a URL as is, or a path relative to the TFTP root appended to
 * `base` (the renderer's `tftp://${next-server}` or the install server's URL of the TFTP tree).
 */
export function ipxeFile(value: unknown, base: unknown): string | Rejected {
  const p = prepare(value);
  if (p instanceof Rejected) return p;
  const isUrl = /^[a-z][a-z0-9+.-]*:/i.test(p.text);
  if (!isUrl && typeof base !== 'string') return new Rejected('PF503', 'ipxefile needs a base URI for a relative path', p.value);
  const uri = isUrl ? p.text : `${String(base).replace(/\/+$/, '')}/${p.text.replace(/^\/+/, '')}`;
  const word = bootFileWord(isUrl ? uri : p.text, 'iPXE', IPXE_SPECIAL);
  return word instanceof Rejected ? word : uri;
}

/** The image name iPXE gives a downloaded file (the last path segment), for `initrd=` on EFI. */
export function ipxeImageName(value: unknown): string | Rejected {
  const p = prepare(value);
  if (p instanceof Rejected) return p;
  const name = p.text.replace(/[?].*$/, '').replace(/\/+$/, '').replace(/^.*\//, '');
  if (!/^[A-Za-z0-9._+-]+$/.test(name)) return rejectFormat(p, 'has no usable file name for an iPXE image');
  return name;
}
