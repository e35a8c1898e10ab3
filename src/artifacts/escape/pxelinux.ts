/**
 * Escapers for pxelinux configuration files (docs/artifacts.md §2.2): every directive runs to
 * the end of its line and nothing is quoted or escaped, so values must stay on one line;
 * kernel arguments are whitespace-free words (the kernel itself groups double quotes, so
 * quotes are refused too).
 */
import { bootFileWord, kernelArgs, lineText } from './boot.js';
import type { Rejected } from './value.js';

const KERNEL_SPECIAL = /["']/;

/** Text to the end of a directive line (MENU LABEL, MENU TITLE, comments). */
export function pxeText(value: unknown): string | Rejected {
  return lineText(value, 'pxelinux');
}

/** Kernel arguments for an APPEND line. */
export function pxeArgs(values: unknown): string | Rejected {
  return kernelArgs(values, 'pxelinux', KERNEL_SPECIAL);
}

/** A KERNEL or INITRD file (relative to the TFTP root, or a URL for lpxelinux). */
export function pxeFile(value: unknown): string | Rejected {
  return bootFileWord(value, 'pxelinux', /["',]/);
}
