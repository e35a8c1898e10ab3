/**
 * JSON built-ins and the JSON encoder shared with the JSON profile writer. Encoding follows
 * Gson's pretty printer as panc configures it: 2-space indentation, HTML-safe escaping, null
 * dict entries omitted, doubles in Java form, undef rejected. Decoding follows panc's Gson
 * adapter: lenient syntax, numbers with a `.` are doubles, object names must be dict keys.
 * The encoder writes into a ByteSink, so the JSON output format takes its bytes without an
 * intermediate string.
 */
import { asciiEscapes, ByteSink } from '../../output/byte-sink.js';
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

/** The escapes of ASCII characters, for the encoder's fast path. */
const ESCAPES = asciiEscapes(gsonEscape);

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

/** Where the encoder writes: one encoding at a time (encoding never runs Pan code). */
const sink = new ByteSink();

/** A line break and the indentation of a depth, between `before` and `after`, made once per depth. */
class Line {
  private readonly byDepth: string[] = [];

  constructor(
    private readonly before: string,
    private readonly after: string,
  ) {}

  at(depth: number): string {
    return (this.byDepth[depth] ??= this.before + '\n' + '  '.repeat(depth) + this.after);
  }
}

const OPEN_LIST = new Line('[', '');
const OPEN_DICT = new Line('{', '');
const NEXT_ITEM = new Line(',', '');
const CLOSE_LIST = new Line('', ']');
const CLOSE_DICT = new Line('', '}');

/** A JSON string literal followed by `suffix` (ASCII). */
function writeString(s: string, suffix: string): void {
  if (sink.escaped(s, ESCAPES, '"', suffix)) return;
  sink.ascii('"');
  sink.text(escapeString(s));
  sink.ascii(suffix);
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
 * Writes the encoding of `v` at `depth`: one recursive function with few write sites (each
 * write is inlined where it is called), which keeps its optimized code small.
 */
function writeValue(v: Value, depth: number): void {
  if (typeof v === 'string') return writeString(v, '"');
  if (v instanceof PanList) {
    const items = v.items;
    if (items.length === 0) return sink.ascii('[]');
    for (let i = 0; i < items.length; i++) {
      sink.ascii((i === 0 ? OPEN_LIST : NEXT_ITEM).at(depth + 1));
      writeValue(items[i], depth + 1);
    }
    return sink.ascii(CLOSE_LIST.at(depth));
  }
  if (v instanceof PanDict) {
    const map = v.map;
    const keys = v.keys();
    let first = true;
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i]!;
      const x = map.get(k);
      if (x === null) continue;
      sink.ascii((first ? OPEN_DICT : NEXT_ITEM).at(depth + 1));
      first = false;
      writeString(k, '": ');
      writeValue(x, depth + 1);
    }
    return sink.ascii(first ? '{}' : CLOSE_DICT.at(depth));
  }
  sink.ascii(scalarText(v));
}

/**
 * Encodes a value as pretty-printed JSON exactly as panc does (json_encode and the JSON
 * output format). Throws BuiltinError "undef cannot be converted to JSON" for undef.
 */
export function encodeJson(v: Value): string {
  sink.start();
  writeValue(v, 0);
  return sink.string();
}

/** `encodeJson` as UTF-8 bytes. */
export function encodeJsonBytes(v: Value): Buffer {
  sink.start();
  writeValue(v, 0);
  return sink.bytes();
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
