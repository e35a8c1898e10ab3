/**
 * The escapers templates use, by name — nunjucks filters (`{{ v | xl }}`) and handlebars
 * helpers (`{{xl v}}`) alike. Each takes a value (usually a ModelValue) plus fixed arguments
 * and returns text or a Rejected; an undefined value becomes a Rejected with PF505 so the
 * engines report it at the line that printed it.
 *
 * | name | format | writes |
 * |---|---|---|
 * | comment | any | text of a `#` comment line |
 * | xl, xlnum, xlargs, xldisk, xlvif, xllist | xl.cfg | string, number, kernel arguments, DISKSPEC, VIFSPEC, string list |
 * | pxe, pxeargs, pxefile | pxelinux | line text, APPEND arguments, KERNEL/INITRD file |
 * | pypxeargs, pypxefile | pypxeboot | APPEND `key=value` tokens, KERNEL/initrd file |
 * | grubtitle, grubargs, grubfile, grubcomment | GRUB 2 | quoted title, `linux` arguments, `(tftp)/file` |
 * | ipxe, ipxeargs, ipxefile, ipxename | iPXE | menu text, `kernel` arguments, file URI, image name |
 * | ks, ksq, kspkg, ksscript, shq | kickstart | bare word (lists joined by `,`), quoted text, package line, script body, shell word |
 */
import { grubArgs, grubComment, grubFile, grubTitle } from './grub.js';
import { ipxeArgs, ipxeFile, ipxeImageName, ipxeText } from './ipxe.js';
import { commentText, ksPackage, ksQuoted, ksScript, ksWord, shQuoted } from './kickstart.js';
import { pxeArgs, pxeFile, pxeText } from './pxelinux.js';
import { pypxeArgs, pypxeFile } from './pypxeboot.js';
import { Rejected } from './value.js';
import { xlArgs, xlDisk, xlList, xlNumber, xlString, xlVif } from './xl.js';

export type Escaper = (value: unknown, ...args: unknown[]) => string | Rejected;

export const ESCAPERS: Readonly<Record<string, Escaper>> = {
  comment: commentText,
  xl: xlString,
  xlnum: xlNumber,
  xlargs: xlArgs,
  xldisk: xlDisk,
  xlvif: xlVif,
  xllist: xlList,
  pxe: pxeText,
  pxeargs: pxeArgs,
  pxefile: pxeFile,
  pypxeargs: pypxeArgs,
  pypxefile: pypxeFile,
  grubtitle: grubTitle,
  grubargs: grubArgs,
  grubfile: grubFile,
  grubcomment: grubComment,
  ipxe: ipxeText,
  ipxeargs: ipxeArgs,
  ipxefile: ipxeFile,
  ipxename: ipxeImageName,
  ks: ksWord,
  ksq: ksQuoted,
  kspkg: ksPackage,
  ksscript: ksScript,
  shq: shQuoted,
};

/** Calls the escaper `name`; undefined values and exceptions become Rejected values. */
export function callEscaper(name: string, value: unknown, args: readonly unknown[]): string | Rejected {
  const escaper = ESCAPERS[name];
  if (escaper === undefined) return new Rejected('PF503', `unknown escaper ${name}`, undefined);
  if (value === undefined || value === null) return new Rejected('PF505', `the value given to ${name} is undefined`, undefined);
  if (Array.isArray(value) && value.some((v) => v === undefined || v === null)) {
    return new Rejected('PF505', `a list given to ${name} has an undefined element`, undefined);
  }
  return escaper(value, ...args);
}
