/**
 * Interpretation of annotation tokens `@name(...)`, `@name[...]`, `@name{...}` (language
 * reference §2.2). The body is either free text or a sequence of `key = value` entries; a
 * malformed annotation is a parse error even though annotations never affect a profile.
 */

/** Result of reading one annotation token. */
export type AnnotationReading =
  | { readonly ok: true; readonly name: string; readonly body: string; readonly entries: Array<[string, string]> }
  | { readonly ok: false; readonly message: string };

const TOKEN_SHAPE = /^@[ \t\f\r\n]*([A-Za-z0-9_.-]*)[ \t\f\r\n]*[([{]([\s\S]*)[)\]}]$/;
/** A body that starts like `key =` must be a list of entries (Java `\s` semantics). */
const KEY_PAIR_START = /^[ \t\n\x0B\f\r]*[^=\n\r\f \t\x0B]*[ \t\n\x0B\f\r]*=/;
const VALID_KEY = /^[A-Za-z_][A-Za-z_.-]*$/;
const XML_PREFIX = /^xml/i;
const KEY_CHARS = /[A-Za-z0-9_.-]+/y;
const CONTINUATION = /\\(\n|\r|\r\n)/g;

/** Reads an annotation token image. */
export function readAnnotation(image: string): AnnotationReading {
  const shape = TOKEN_SHAPE.exec(image);
  if (!shape) return { ok: false, message: 'malformed annotation' };
  const name = shape[1]!;
  const body = shape[2]!;
  if (name !== '' && !validKey(name)) {
    return { ok: false, message: `invalid annotation name '${name}' (letters, '_', '.', '-'; not starting with 'xml')` };
  }
  if (!KEY_PAIR_START.test(body)) return { ok: true, name, body, entries: [] };
  const entries = readEntries(body);
  if (typeof entries === 'string') return { ok: false, message: `malformed annotation: ${entries}` };
  for (const [key] of entries) {
    if (!validKey(key)) {
      return { ok: false, message: `invalid annotation key '${key}' (letters, '_', '.', '-'; not starting with 'xml')` };
    }
  }
  return { ok: true, name, body, entries };
}

function validKey(key: string): boolean {
  return VALID_KEY.test(key) && !XML_PREFIX.test(key);
}

function isSpace(c: string | undefined): boolean {
  return c === ' ' || c === '\t' || c === '\f' || c === '\n' || c === '\r';
}

function isLineEnd(c: string | undefined): boolean {
  return c === '\n' || c === '\r';
}

/** Parses `key = value` entries; returns an error description instead when malformed. */
function readEntries(body: string): Array<[string, string]> | string {
  const entries: Array<[string, string]> = [];
  let i = 0;
  for (;;) {
    while (isSpace(body[i])) i++;
    if (i >= body.length) return entries;
    KEY_CHARS.lastIndex = i;
    const key = KEY_CHARS.exec(body);
    if (!key) return `unexpected '${body[i]}' where a key was expected`;
    i += key[0].length;
    while (isSpace(body[i])) i++;
    if (body[i] !== '=') return `'=' expected after key '${key[0]}'`;
    i++;
    while (isSpace(body[i])) i++;
    const value = readValue(body, i);
    if (typeof value === 'string') return value;
    entries.push([key[0], value.value]);
    i = value.end;
  }
}

/** Reads a quoted or end-of-line value starting at `i`. */
function readValue(body: string, i: number): { value: string; end: number } | string {
  const c = body[i];
  if (c === undefined) return 'value expected after \'=\'';
  if (c === "'" || c === '"') {
    let j = i + 1;
    for (;;) {
      const k = body.indexOf(c, j);
      if (k < 0) return `unterminated quoted value`;
      if (body[k + 1] !== c) {
        const raw = body.substring(i + 1, k);
        return { value: raw.split(c + c).join(c), end: k + 1 };
      }
      j = k + 2;
    }
  }
  let j = i;
  while (body[j] === '\\' && isLineEnd(body[j + 1])) j += body[j + 1] === '\r' && body[j + 2] === '\n' ? 3 : 2;
  if (j >= body.length || isLineEnd(body[j]) || body[j] === "'" || body[j] === '"' || body[j] === '\\') {
    return j >= body.length ? 'value expected after \'=\'' : `unexpected '${body[j]}' at the start of a value`;
  }
  let end = j;
  while (end < body.length) {
    if (!isLineEnd(body[end])) {
      end++;
    } else if (body[end - 1] === '\\') {
      end += body[end] === '\r' && body[end + 1] === '\n' ? 2 : 1;
    } else {
      break;
    }
  }
  return { value: body.substring(i, end).replace(CONTINUATION, '').trim(), end };
}
