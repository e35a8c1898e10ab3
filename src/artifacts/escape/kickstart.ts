/**
 * Escapers for kickstart files (docs/artifacts.md §3.1, §3.6). Command lines are split like a
 * POSIX shell with comments: an unquoted `#` anywhere cuts the line, quotes group, a backslash
 * escapes. So a bare word may contain no whitespace, quote, backslash or `#`; free text goes
 * in double quotes with `\` and `"` escaped; shell words inside %pre/%post are single-quoted
 * with `'\''`; script bodies may not contain a line starting with `%` (it would end the
 * section); package lines follow the package-name whitelist.
 */
import { CONTROL_CHARS, firstMatch, joinEscaped, prepare, rejectFormat } from './core.js';
import { Rejected } from './value.js';

/** A bare word on a command line; a list is joined with `separator` (default `,`). */
export function ksWord(values: unknown, separator: unknown = ','): string | Rejected {
  const sep = typeof separator === 'string' && (separator === ',' || separator === ' ') ? separator : ',';
  return joinEscaped(values, sep, ksOneWord);
}

function ksOneWord(value: unknown): string | Rejected {
  const p = prepare(value);
  if (p instanceof Rejected) return p;
  const bad = firstMatch(p.text, CONTROL_CHARS) ?? firstMatch(p.text, /[\s"'\\#]/);
  if (bad !== undefined) return rejectFormat(p, `contains ${bad}, which would split or cut a kickstart command line`);
  if (p.text === '') return rejectFormat(p, 'is empty where a kickstart command needs a word');
  return p.text;
}

/** Free text as a double-quoted kickstart argument: `"…"` with `\` and `"` escaped. */
export function ksQuoted(value: unknown): string | Rejected {
  const p = prepare(value);
  if (p instanceof Rejected) return p;
  const bad = firstMatch(p.text, CONTROL_CHARS);
  if (bad !== undefined) return rejectFormat(p, `contains ${bad}, which would end the kickstart command`);
  return `"${p.text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** A word for a shell command in %pre/%post: single-quoted, `'` written as `'\''`. */
export function shQuoted(value: unknown): string | Rejected {
  const p = prepare(value);
  if (p instanceof Rejected) return p;
  const bad = firstMatch(p.text, CONTROL_CHARS);
  if (bad !== undefined) return rejectFormat(p, `contains ${bad}, which would add a line to the script`);
  return `'${p.text.replace(/'/g, `'\\''`)}'`;
}

/** One %packages line: a package, `@group`, `@^environment` or `-exclusion`. */
export function ksPackage(value: unknown): string | Rejected {
  const word = ksOneWord(value);
  if (word instanceof Rejected) return word;
  const p = prepare(value);
  const base = p instanceof Rejected ? { text: word, value: undefined } : p;
  if (!/^(?:-|@\^?)?[A-Za-z0-9_+][A-Za-z0-9._+:*-]*$/.test(word)) {
    return rejectFormat(base, 'is not a package, @group or -exclusion line');
  }
  return word;
}

/**
 * Script text for a %pre/%post body: lines are kept, but a line starting with `%` (which ends
 * the section and resumes kickstart commands) and control characters other than TAB are refused.
 * The result ends with a newline unless it is empty.
 */
export function ksScript(value: unknown): string | Rejected {
  const p = prepare(value);
  if (p instanceof Rejected) return p;
  const bad = firstMatch(p.text, /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]/);
  if (bad !== undefined) return rejectFormat(p, `contains ${bad}`);
  const lines = p.text.split('\n');
  const marker = lines.findIndex((l) => /^\s*%/.test(l));
  if (marker >= 0) {
    return rejectFormat(p, `has a line starting with % (line ${marker + 1}), which would end the kickstart section`);
  }
  return p.text === '' || p.text.endsWith('\n') ? p.text : `${p.text}\n`;
}

/** Text for a `#` comment line of any line-oriented format: one line. */
export function commentText(value: unknown): string | Rejected {
  const p = prepare(value);
  if (p instanceof Rejected) return p;
  const bad = firstMatch(p.text, CONTROL_CHARS);
  if (bad !== undefined) return rejectFormat(p, `contains ${bad}, which would end the comment and start a new line`);
  return p.text;
}
