/**
 * Escapers shared by the network-boot formats: kernel command-line tokens and boot-file paths.
 * A kernel argument is one whitespace-free token; whitespace would add an argument
 * (`init=/bin/sh`), a newline a boot-loader directive. Each format adds the characters its own
 * parser treats specially (docs/artifacts.md §2.2-§2.4, §3.6).
 */
import { CONTROL_CHARS, firstMatch, joinEscaped, prepare, rejectFormat } from './core.js';
import { Rejected } from './value.js';

/** One kernel argument, refusing whitespace, control characters, quotes, backslashes and the format's `special` characters. */
export function kernelWord(value: unknown, format: string, special: RegExp): string | Rejected {
  const p = prepare(value);
  if (p instanceof Rejected) return p;
  const bad = firstMatch(p.text, CONTROL_CHARS) ?? firstMatch(p.text, /[\s"'\\]/) ?? firstMatch(p.text, special);
  if (bad !== undefined) return rejectFormat(p, `contains ${bad}, which would change a ${format} kernel command line`);
  if (p.text === '') return rejectFormat(p, 'is an empty kernel argument');
  if (p.text.startsWith('-')) return rejectFormat(p, 'starts with -, which the kernel reads as the end of its arguments');
  return p.text;
}

/** A list of kernel arguments joined by single spaces. */
export function kernelArgs(values: unknown, format: string, special: RegExp): string | Rejected {
  return joinEscaped(values, ' ', (v) => kernelWord(v, format, special));
}

/** A boot-file path or URL written to the end of a line: one word, no control characters. */
export function bootFileWord(value: unknown, format: string, special: RegExp): string | Rejected {
  const p = prepare(value);
  if (p instanceof Rejected) return p;
  const bad = firstMatch(p.text, CONTROL_CHARS) ?? firstMatch(p.text, /\s/) ?? firstMatch(p.text, special);
  if (bad !== undefined) return rejectFormat(p, `contains ${bad}, which a ${format} file name may not contain`);
  if (p.text === '') return rejectFormat(p, `is an empty ${format} file name`);
  return p.text;
}

/** Text that runs to the end of a line (titles, labels, comments): no control characters. */
export function lineText(value: unknown, format: string, special: RegExp = /(?!)/): string | Rejected {
  const p = prepare(value);
  if (p instanceof Rejected) return p;
  const bad = firstMatch(p.text, CONTROL_CHARS) ?? firstMatch(p.text, special);
  if (bad !== undefined) return rejectFormat(p, `contains ${bad}, which would add a line or change its meaning in ${format}`);
  return p.text;
}
