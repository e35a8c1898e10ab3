/**
 * Shared steps of every escaper: take a value (a ModelValue from the profile, or text and
 * numbers the renderer or the template produced itself), apply the value's kind whitelist,
 * and report a format-level refusal (PF500) in one shape.
 */
import { checkKind, rejectKind } from './kinds.js';
import { ModelValue, Rejected, showRaw } from './value.js';

/** The text of a value after its kind whitelist, or why it was refused. */
export type Prepared = { text: string; value: ModelValue | undefined } | Rejected;

/**
 * The text of a value: a ModelValue goes through its kind whitelist; a string, number or
 * bigint the renderer or template made is taken as is (the format rules still apply to it).
 */
export function prepare(value: unknown): Prepared {
  if (value instanceof Rejected) return value;
  if (value instanceof ModelValue) {
    const raw = ModelValue.raw(value);
    const checked = checkKind(value.kind, raw);
    return checked.ok ? { text: checked.text, value } : rejectKind(value, raw, checked);
  }
  if (typeof value === 'string') return { text: value, value: undefined };
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') return { text: String(value), value: undefined };
  return new Rejected('PF503', `expected a value, found ${value === null ? 'null' : Array.isArray(value) ? 'a list' : typeof value}`, undefined);
}

/** A refusal by a format's rules: `text` contains something that would change the file's structure. */
export function rejectFormat(prepared: { text: string; value: ModelValue | undefined }, reason: string): Rejected {
  return new Rejected('PF500', `${showRaw(prepared.text)} ${reason}`, prepared.value);
}

/** The first character of `text` matched by `re`, described for a message; undefined when none. */
export function firstMatch(text: string, re: RegExp): string | undefined {
  const m = re.exec(text);
  return m === null ? undefined : describeChar(m[0]);
}

/** Describes one character for a message (`a newline`, `the character "#"`). */
export function describeChar(c: string): string {
  switch (c) {
    case '\n':
      return 'a newline';
    case '\r':
      return 'a carriage return';
    case '\t':
      return 'a tab';
    case ' ':
      return 'a space';
    default: {
      const code = c.codePointAt(0)!;
      if (code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0x2028 || code === 0x2029) {
        return `the control character U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
      }
      return `the character ${JSON.stringify(c)}`;
    }
  }
}

/** Control characters, including line breaks and Unicode line/paragraph separators. */
export const CONTROL_CHARS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

/**
 * Applies `one` to every element of a list (or to a single value) and joins the results with
 * `separator`; the first refusal wins. A list element must not contain the separator.
 */
export function joinEscaped(
  values: unknown,
  separator: string,
  one: (value: unknown) => string | Rejected,
): string | Rejected {
  const list = Array.isArray(values) ? values : [values];
  const out: string[] = [];
  for (const v of list) {
    const escaped = one(v);
    if (escaped instanceof Rejected) return escaped;
    if (separator.trim() !== '' && escaped.includes(separator.trim())) {
      const prepared = prepare(v);
      const base = prepared instanceof Rejected ? { text: escaped, value: undefined } : prepared;
      return rejectFormat(base, `contains the list separator ${JSON.stringify(separator.trim())}`);
    }
    out.push(escaped);
  }
  return out.join(separator);
}
