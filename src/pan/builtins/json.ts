/**
 * JSON built-ins and the JSON encoder shared with the JSON profile writer. Encoding follows
 * Gson's pretty printer as panc configures it: 2-space indentation, HTML-safe escaping, null
 * dict entries omitted, doubles in Java form, undef rejected. Decoding follows panc's Gson
 * adapter: lenient syntax, numbers with a `.` are doubles, object names must be dict keys.
 * The encoder builds the text from pieces mostly made once (markup lines, recurring keys and
 * strings with their quotes), and the JSON output format encodes it into a shared slab.
 */
import { TextSlab } from '../../output/byte-sink.js';
import { formatDouble, PanDict, PanList, type Value } from '../element.js';
import { PanError } from '../errors.js';
import { isKey, termFromString } from '../terms.js';
import { decodeJavaLong, parseJavaDouble } from './java-lang.js';
import { JsonReadError, JsonReader } from './json-reader.js';
import type { PureBuiltin } from './registry-types.js';
import { fail, putEntry } from './util.js';

/** Gson's escape of char code `c` in HTML-safe mode, or '' when it writes the character as is. */
function gsonEscape(c: number): string {
  switch (c) {
    case 0x22:
      return '\\"';
    case 0x5c:
      return '\\\\';
    case 0x09:
      return '\\t';
    case 0x08:
      return '\\b';
    case 0x0a:
      return '\\n';
    case 0x0d:
      return '\\r';
    case 0x0c:
      return '\\f';
    case 0x3c: // <
    case 0x3e: // >
    case 0x26: // &
    case 0x3d: // =
    case 0x27: // '
    case 0x2028:
    case 0x2029:
      return unicodeEscape(c);
    default:
      return c < 0x20 ? unicodeEscape(c) : '';
  }
}

function unicodeEscape(c: number): string {
  return '\\u' + c.toString(16).padStart(4, '0');
}

/** A JSON string literal with Gson's HTML-safe escaping. */
export function jsonString(s: string): string {
  return '"' + escapeString(s) + '"';
}

/** The contents of the JSON string literal of `s`. */
function escapeString(s: string): string {
  let out = '';
  let clean = 0;
  for (let i = 0; i < s.length; i++) {
    const rep = gsonEscape(s.charCodeAt(i));
    if (rep === '') continue;
    out += s.slice(clean, i) + rep;
    clean = i + 1;
  }
  return clean === 0 ? s : out + s.slice(clean);
}

/**
 * 1 for each ASCII char code Gson writes as is, 0 for the others (escaped, or a control
 * character): a string made only of the former is written between quotes unchanged.
 */
const PLAIN = Uint8Array.from({ length: 128 }, (_, c) => (gsonEscape(c) === '' ? 1 : 0));

/** True if `s` is all ASCII. */
function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) >= 128) return false;
  return true;
}

/** The contents of the JSON string literal of `s` (as `escapeString`) when `s` is all ASCII, else undefined. */
function asciiContents(s: string): string | undefined {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 128) return undefined;
    if (PLAIN[c] === 0) return isAscii(s) ? escapeString(s) : undefined;
  }
  return s;
}

/** Most texts a `TextMemo` keeps; it starts again empty when full. */
const MEMO_SIZE = 4096;
/** Longest string whose text a `TextMemo` keeps. */
const MEMO_LENGTH = 64;

/**
 * The encoded texts of strings, kept for the strings that recur (dict keys, common values):
 * encoding a recurring string is then one lookup. Only all-ASCII texts are kept.
 */
class TextMemo {
  private readonly texts = new Map<string, string>();

  /** `make` gives the text of a string from the contents of its JSON string literal. */
  constructor(private readonly make: (contents: string) => string) {}

  /** The text of `s`, or undefined when it leaves ASCII (the caller then makes it itself). */
  get(s: string): string | undefined {
    const known = this.texts.get(s);
    if (known !== undefined) return known;
    const contents = asciiContents(s);
    if (contents === undefined) return undefined;
    const text = this.make(contents);
    if (s.length > MEMO_LENGTH) return text;
    if (this.texts.size >= MEMO_SIZE) this.texts.clear();
    this.texts.set(s, text);
    return text;
  }
}

/** A line break and the indentation of a depth, between `before` and `after`, made once per depth. */
class Line {
  private readonly byDepth: string[] = [];

  constructor(
    private readonly before: string,
    private readonly after: string,
  ) {}

  at(depth: number): string {
    return (this.byDepth[depth] ??= flat(this.before + '\n' + '  '.repeat(depth) + this.after));
  }
}

/** `s` as one flat string (not a tree of concatenations), so that appending it copies it once. */
function flat(s: string): string {
  return Buffer.from(s, 'latin1').toString('latin1');
}

/** The texts of dict keys after a line: the line at the key's depth, the quoted key, and `: `. */
class KeyLines {
  private readonly byDepth: TextMemo[] = [];

  constructor(private readonly line: Line) {}

  /** The text of key `k` at `depth`. */
  text(k: string, depth: number): string {
    const memo = (this.byDepth[depth] ??= new TextMemo((key) => flat(this.line.at(depth) + '"' + key + '": ')));
    return memo.get(k) ?? wideText(this.line.at(depth) + '"', k, '": ');
  }
}

const OPEN_LIST = new Line('[', '');
const NEXT_ITEM = new Line(',', '');
const CLOSE_LIST = new Line('', ']');
const CLOSE_DICT = new Line('', '}');
const FIRST_KEY = new KeyLines(new Line('{', ''));
const NEXT_KEY = new KeyLines(NEXT_ITEM);
/** The quoted texts of string values. */
const STRINGS = new TextMemo((s) => '"' + s + '"');

/** True once the encoding in progress holds a character outside ASCII (one encoding at a time). */
let wide = false;

/** The text of a string that leaves ASCII, escaped, between `before` and `after`. */
function wideText(before: string, s: string, after: string): string {
  wide = true;
  return before + escapeString(s) + after;
}

/** The JSON text of a value other than a string, list or dict. */
function scalarText(v: Value): string {
  switch (typeof v) {
    case 'boolean':
      return v ? 'true' : 'false';
    case 'bigint':
      return v.toString();
    case 'number':
      return formatDouble(v);
    case 'undefined':
      return fail('undef cannot be converted to JSON');
    default:
      return 'null';
  }
}

/**
 * Returns `out` followed by the encoding of `v` at `depth`. The text grows by concatenation
 * in a local (no write barrier; V8 copies the pieces once, when the text is used), and most
 * pieces are texts made once: markup lines, and dict keys and string values with their quotes.
 */
function writeValue(v: Value, depth: number, out: string): string {
  if (typeof v === 'string') return out + (STRINGS.get(v) ?? wideText('"', v, '"'));
  if (v instanceof PanList) {
    const items = v.items;
    if (items.length === 0) return out + '[]';
    for (let i = 0; i < items.length; i++) {
      out += (i === 0 ? OPEN_LIST : NEXT_ITEM).at(depth + 1);
      out = writeValue(items[i], depth + 1, out);
    }
    return out + CLOSE_LIST.at(depth);
  }
  if (v instanceof PanDict) {
    const map = v.map;
    const keys = v.keys();
    let first = true;
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i]!;
      const x = map.get(k);
      if (x === null) continue;
      out += (first ? FIRST_KEY : NEXT_KEY).text(k, depth + 1);
      first = false;
      out = writeValue(x, depth + 1, out);
    }
    return out + (first ? '{}' : CLOSE_DICT.at(depth));
  }
  return out + scalarText(v);
}

/** Encodes `v`: the text, and whether it is all ASCII. */
function encode(v: Value): { text: string; ascii: boolean } {
  wide = false;
  const text = writeValue(v, 0, '');
  return { text, ascii: !wide };
}

/**
 * Encodes a value as pretty-printed JSON exactly as panc does (json_encode and the JSON
 * output format). Throws BuiltinError "undef cannot be converted to JSON" for undef.
 */
export function encodeJson(v: Value): string {
  return encode(v).text;
}

/** Where `encodeJsonBytes` puts its results. */
const slab = new TextSlab();

/** `encodeJson` as UTF-8 bytes (a view of memory shared with other results: not to be modified). */
export function encodeJsonBytes(v: Value): Buffer {
  const { text, ascii } = encode(v);
  return slab.bytes(text, ascii);
}

/** Thrown inside decoding; becomes "invalid JSON value <input>: <text>". */
class InvalidJson extends Error {}

function javaNumberError(s: string): never {
  throw new InvalidJson(`java.lang.NumberFormatException: For input string: "${s}"`);
}

function readNumber(text: string): Value {
  if (!text.includes('.')) return decodeJavaLong(text) ?? javaNumberError(text);
  return parseJavaDouble(text) ?? javaNumberError(text);
}

function readObject(r: JsonReader): PanDict {
  const d = new PanDict();
  r.beginObject();
  while (r.hasNext()) {
    const name = r.nextName();
    let term: string | number;
    try {
      term = termFromString(name);
    } catch (e) {
      if (e instanceof PanError) fail(e.message);
      throw e;
    }
    const value = readValue(r);
    if (!isKey(term)) fail(`JSON path '${r.getPath()}' is not a valid PAN path`);
    putEntry(d, term, value);
  }
  r.endObject();
  return d;
}

function readValue(r: JsonReader): Value {
  switch (r.peek()) {
    case 'BOOLEAN':
      return r.nextBoolean();
    case 'STRING':
      return r.nextString();
    case 'NUMBER':
      return readNumber(r.nextString());
    case 'NULL':
      r.nextNull();
      return null;
    case 'BEGIN_ARRAY': {
      const items: Value[] = [];
      r.beginArray();
      while (r.hasNext()) items.push(readValue(r));
      r.endArray();
      return new PanList(items);
    }
    case 'BEGIN_OBJECT':
      return readObject(r);
    default:
      throw new InvalidJson('unexpected JSON token');
  }
}

/** Gson's fromJson: lenient while reading the value, then strict check for trailing data. */
function decode(text: string): Value {
  const r = new JsonReader(text);
  let value: Value;
  try {
    r.peek();
    value = readValue(r);
    r.lenient = false;
    if (r.peek() !== 'END_DOCUMENT') throw new InvalidJson('JSON document was not fully consumed.');
  } catch (e) {
    if (e instanceof JsonReadError) throw new InvalidJson(`${e.javaClass}: ${e.message}`);
    throw e;
  }
  return value;
}

/** Decodes JSON text into Pan values as panc's json_decode does. */
export function decodeJson(text: string): Value {
  try {
    return decode(text);
  } catch (e) {
    if (e instanceof InvalidJson) fail(`invalid JSON value ${text}: ${e.message}`);
    throw e;
  }
}

const jsonEncode: PureBuiltin = {
  name: 'json_encode',
  minArgs: 1,
  maxArgs: 1,
  arityMessage: 'json_encode() requires exactly one argument',
  call: ([v]) => encodeJson(v),
};

const jsonDecode: PureBuiltin = {
  name: 'json_decode',
  minArgs: 1,
  maxArgs: 1,
  arityMessage: 'json_decode() requires exactly one argument',
  call: ([s]) => (typeof s === 'string' ? decodeJson(s) : fail('argument for json_decode() must be a string')),
};

/** The JSON built-ins. */
export const JSON_BUILTINS: readonly PureBuiltin[] = [jsonEncode, jsonDecode];
