/**
 * JSON built-ins and the JSON encoder shared with the JSON profile writer. Encoding follows
 * Gson's pretty printer as panc configures it: 2-space indentation, HTML-safe escaping, null
 * dict entries omitted, doubles in Java form, undef rejected. Decoding follows panc's Gson
 * adapter: lenient syntax, numbers with a `.` are doubles, object names must be dict keys.
 */
import { formatDouble, PanDict, PanList, type Value } from '../element.js';
import { PanError } from '../errors.js';
import { isKey, termFromString } from '../terms.js';
import { decodeJavaLong, parseJavaDouble } from './java-lang.js';
import { JsonReadError, JsonReader } from './json-reader.js';
import type { PureBuiltin } from './registry-types.js';
import { fail, putEntry } from './util.js';

const ESCAPES: Readonly<Record<string, string>> = {
  '"': '\\"',
  '\\': '\\\\',
  '\t': '\\t',
  '\b': '\\b',
  '\n': '\\n',
  '\r': '\\r',
  '\f': '\\f',
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '=': '\\u003d',
  "'": '\\u0027',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};

const NEEDS_ESCAPE = /["\\\u0000-\u001f<>&='\u2028\u2029]/;

/** A JSON string literal with Gson's HTML-safe escaping. */
export function jsonString(s: string): string {
  if (!NEEDS_ESCAPE.test(s)) return '"' + s + '"';
  const escaped = s.replace(/["\\\u0000-\u001f<>&='\u2028\u2029]/g, (c) => {
    return ESCAPES[c] ?? '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0');
  });
  return `"${escaped}"`;
}

/** Indentation strings by depth (newline included). */
const INDENTS: string[] = [];

function indent(depth: number): string {
  let s = INDENTS[depth];
  if (s === undefined) s = INDENTS[depth] = '\n' + '  '.repeat(depth);
  return s;
}

/** Appends the encoding of `v` at `depth` to `out` (one join at the end instead of nested concatenations). */
function encodeInto(v: Value, depth: number, out: string[]): void {
  switch (typeof v) {
    case 'undefined':
      return fail('undef cannot be converted to JSON');
    case 'boolean':
      out.push(v ? 'true' : 'false');
      return;
    case 'bigint':
      out.push(v.toString());
      return;
    case 'number':
      out.push(formatDouble(v));
      return;
    case 'string':
      out.push(jsonString(v));
      return;
  }
  if (v === null) {
    out.push('null');
    return;
  }
  const inner = indent(depth + 1);
  if (v instanceof PanList) {
    if (v.items.length === 0) return void out.push('[]');
    out.push('[');
    v.items.forEach((x, i) => {
      out.push(i === 0 ? inner : ',' + inner);
      encodeInto(x, depth + 1, out);
    });
    out.push(indent(depth), ']');
    return;
  }
  let first = true;
  for (const k of v.keys()) {
    const x = v.get(k);
    if (x === null) continue;
    out.push(first ? '{' + inner : ',' + inner, jsonString(k), ': ');
    first = false;
    encodeInto(x, depth + 1, out);
  }
  out.push(first ? '{}' : indent(depth) + '}');
}

/**
 * Encodes a value as pretty-printed JSON exactly as panc does (json_encode and the JSON
 * output format). Throws BuiltinError "undef cannot be converted to JSON" for undef.
 */
export function encodeJson(v: Value): string {
  const out: string[] = [];
  encodeInto(v, 0, out);
  return out.join('');
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
