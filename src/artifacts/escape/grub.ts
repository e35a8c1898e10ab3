/**
 * Escapers for GRUB 2 configuration files (docs/artifacts.md §2.3): GRUB's script language
 * splits words on blanks and `;`, expands `$…`, starts comments with `#` and groups with quotes
 * and braces. Menu titles are single-quoted (a `'` inside is refused); kernel arguments and
 * file names are bare words with every special character refused. Boot files relative to the
 * TFTP root become `(tftp)/path`; `http://host/path` becomes `(http,host)/path`.
 */
import { bootFileWord, kernelArgs, lineText } from './boot.js';
import { prepare, rejectFormat } from './core.js';
import { Rejected } from './value.js';

/** Characters GRUB's lexer treats specially in a bare word. */
const GRUB_SPECIAL = /[;&|<>$#"'\\{}()`*?[\]]/;

/** A menu entry title, single-quoted. */
export function grubTitle(value: unknown): string | Rejected {
  const text = lineText(value, 'GRUB', /'/);
  return text instanceof Rejected ? text : `'${text}'`;
}

/** A comment line's text. */
export function grubComment(value: unknown): string | Rejected {
  return lineText(value, 'GRUB');
}

/** Kernel arguments for a `linux` line. */
export function grubArgs(values: unknown): string | Rejected {
  return kernelArgs(values, 'GRUB', GRUB_SPECIAL);
}

/** A kernel or initrd as a GRUB file name: `(tftp)/path`, `(http,host)/path` or `(tftp,host)/path`. */
export function grubFile(value: unknown): string | Rejected {
  const p = prepare(value);
  if (p instanceof Rejected) return p;
  const m = /^(https?|tftp):\/\/([^/]+)(\/.*)$/.exec(p.text);
  let device: string;
  let path: string;
  if (m !== null) {
    device = `(${m[1] === 'tftp' ? 'tftp' : 'http'},${m[2]})`;
    path = m[3]!;
  } else if (/^[a-z][a-z0-9+.-]*:/i.test(p.text)) {
    return rejectFormat(p, 'is a URL GRUB cannot fetch (only http and tftp)');
  } else {
    device = '(tftp)';
    path = `/${p.text.replace(/^\/+/, '')}`;
  }
  const word = bootFileWord(path, 'GRUB', /[;&|<>$#"'\\{}()`*?[\],]/);
  if (word instanceof Rejected) return rejectFormat(p, word.reason.replace(/^"[^"]*" /, ''));
  if (/[^A-Za-z0-9.:_-]/.test(device.slice(1, -1).replace(',', ''))) return rejectFormat(p, 'has a host GRUB cannot name');
  return `${device}${word}`;
}
