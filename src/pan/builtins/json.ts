/**
 * JSON built-ins and the JSON encoder shared with the JSON profile writer. Encoding follows
 * Gson's pretty printer as panc configures it: 2-space indentation, HTML-safe escaping, null
 * dict entries omitted, doubles in Java form, undef rejected. Decoding follows panc's Gson
 * adapter: lenient syntax, numbers with a `.` are doubles, object names must be dict keys.
 * The encoder writes into a ByteSink, so the JSON output format takes its bytes without an
 * intermediate string.
 */
import { asciiBytes, asciiEscapes, ByteSink } from '../../output/byte-sink.js';
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

/** By depth: a line break and indentation, alone, after `,`, and followed by `}` or `]`. */
const FIRST_LINES: Uint8Array[] = [];
const NEXT_LINES: Uint8Array[] = [];
const DICT_ENDS: Uint8Array[] = [];
const LIST_ENDS: Uint8Array[] = [];

function newLine(depth: number): string {
  return '\n' + '  '.repeat(depth);
}

/** What precedes an item at `depth`: a line break and indentation, after a `,` unless `first`. */
function itemStart(depth: number, first: boolean): Uint8Array {
  if (!first) return (NEXT_LINES[depth] ??= asciiBytes(',' + newLine(depth)));
  return (FIRST_LINES[depth] ??= asciiBytes(newLine(depth)));
}

/** A JSON string literal followed by `suffix` (ASCII). */
function writeString(s: string, suffix: string): void {
  if (!sink.escaped(s, ESCAPES, '"', suffix)) {
    sink.ascii('"');
    sink.text(escapeString(s));
    sink.ascii(suffix);
  }
}

/** Writes the encoding of `v` at `depth`. */
function writeValue(v: Value, depth: number): void {
  switch (typeof v) {
    case 'undefined':
      return fail('undef cannot be converted to JSON');
    case 'boolean':
      return sink.ascii(v ? 'true' : 'false');
    case 'bigint':
      return sink.ascii(v.toString());
    case 'number':
      return sink.ascii(formatDouble(v));
    case 'string':
      return writeString(v, '"');
  }
  if (v === null) return sink.ascii('null');
  if (v instanceof PanList) writeList(v.items, depth);
  else writeDict(v, depth);
}

function writeList(items: readonly Value[], depth: number): void {
  if (items.length === 0) return sink.ascii('[]');
  sink.ascii('[');
  for (let i = 0; i < items.length; i++) {
    sink.raw(itemStart(depth + 1, i === 0));
    writeValue(items[i], depth + 1);
  }
  sink.raw((LIST_ENDS[depth] ??= asciiBytes(newLine(depth) + ']')));
}

/** A dict, null entries left out as Gson does. */
function writeDict(dict: PanDict, depth: number): void {
  const map = dict.map;
  let first = true;
  for (const k of dict.keys()) {
    const x = map.get(k);
    if (x === null) continue;
    if (first) sink.ascii('{');
    sink.raw(itemStart(depth + 1, first));
    first = false;
    writeString(k, '": ');
    writeValue(x, depth + 1);
  }
  if (first) return sink.ascii('{}');
  sink.raw((DICT_ENDS[depth] ??= asciiBytes(newLine(depth) + '}')));
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
