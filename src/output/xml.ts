/**
 * The pan XML profile format, byte for byte as panc writes it: the XML declaration and the
 * root `<nlist format="pan" name="profile">` on one line, one element per line indented by
 * four spaces, tags named after element kinds, `name` attributes for dict children, and the
 * escaping rules of the JDK's XML serializer. Strings holding characters that XML 1.0 cannot
 * carry are written as base64 of their UTF-8 bytes with `encoding="base64"`. The document is
 * written into a ByteSink, markup encoded once per element kind and depth.
 */
import { formatDouble, PanDict, PanList, type Value } from '../pan/element.js';
import { javaUtf8Bytes, pancBase64 } from './base64.js';
import { asciiBytes, asciiEscapes, ByteSink } from './byte-sink.js';

/** What the serializer writes for one ASCII character, as an `AsciiEscapes` entry. */
function asciiEntry(escape: (s: string) => string, c: number): string {
  const ch = String.fromCharCode(c);
  const escaped = escape(ch);
  return escaped === ch ? '' : escaped;
}

/** Character data: characters XML cannot carry are left to the caller (base64). */
const TEXT_ESCAPES = asciiEscapes((c) => (isValidXmlString(String.fromCharCode(c)) ? asciiEntry(escapeText, c) : undefined));
const ATTRIBUTE_ESCAPES = asciiEscapes((c) => asciiEntry(escapeAttribute, c));

const ROOT_START = '<?xml version="1.0" encoding="UTF-8"?><nlist format="pan" name="profile"';
const INDENT = '    ';

/** Renders a profile as pan XML (UTF-8 text, ends with a newline). */
export function formatPanXml(root: PanDict): string {
  writeDocument(root);
  return sink.string();
}

/** `formatPanXml` as UTF-8 bytes. */
export function formatPanXmlBytes(root: PanDict): Buffer {
  writeDocument(root);
  return sink.bytes();
}

/** Where the writer puts the document: one document at a time. */
const sink = new ByteSink();

/** The markup of one element name, encoded once per depth. */
class Tag {
  private readonly starts: Uint8Array[] = [];
  private readonly ends: Uint8Array[] = [];
  /** The end tag and line end of a property (`</long>\n`). */
  readonly inlineEnd: string;

  constructor(private readonly name: string) {
    this.inlineEnd = `</${name}>\n`;
  }

  /** Indentation and `<name`. */
  start(depth: number): Uint8Array {
    return (this.starts[depth] ??= asciiBytes(INDENT.repeat(depth) + '<' + this.name));
  }

  /** Indentation and `</name>` with the line end. */
  end(depth: number): Uint8Array {
    return (this.ends[depth] ??= asciiBytes(INDENT.repeat(depth) + this.inlineEnd));
  }
}

const NLIST = new Tag('nlist');
const LIST = new Tag('list');
const STRING = new Tag('string');
const LONG = new Tag('long');
const DOUBLE = new Tag('double');
const BOOLEAN = new Tag('boolean');

/** The declaration, the root element and everything in it. */
function writeDocument(root: PanDict): void {
  sink.start();
  sink.ascii(ROOT_START);
  if (root.size === 0) return sink.ascii('/>\n');
  sink.ascii('>\n');
  const map = root.map;
  for (const key of root.keys()) writeElement(map.get(key), 1, key);
  sink.ascii('</nlist>\n');
}

/** The tag of a value's element. */
function tagOf(value: Value): Tag {
  switch (typeof value) {
    case 'string':
      return STRING;
    case 'bigint':
      return LONG;
    case 'number':
      return DOUBLE;
    case 'boolean':
      return BOOLEAN;
    default:
      if (value instanceof PanDict) return NLIST;
      if (value instanceof PanList) return LIST;
      // A finished profile holds no undef or null; reaching this is a bug in the caller.
      throw new TypeError(`cannot serialize ${value === null ? 'null' : 'undef'} as pan XML`);
  }
}

/** The text of a long, double or boolean. */
function scalarText(value: Value): string {
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'number') return formatDouble(value);
  return value ? 'true' : 'false';
}

/**
 * Writes one element (and its children) at `depth`; `name` is its key in a dict, undefined
 * in a list. One recursive function with few write sites (each write is inlined where it is
 * called), which keeps its optimized code small.
 */
function writeElement(value: Value, depth: number, name: string | undefined): void {
  const tag = tagOf(value);
  sink.raw(tag.start(depth));
  if (name !== undefined && !sink.escaped(name, ATTRIBUTE_ESCAPES, ' name="', '"')) {
    sink.text(' name="' + escapeAttribute(name) + '"');
  }
  if (typeof value === 'string') return writeStringContent(value);
  if (value instanceof PanDict || value instanceof PanList) {
    if (value.size === 0) return sink.ascii('/>\n');
    sink.ascii('>\n');
    if (value instanceof PanList) {
      const items = value.items;
      for (let i = 0; i < items.length; i++) writeElement(items[i], depth + 1, undefined);
    } else {
      const map = value.map;
      const keys = value.keys();
      for (let i = 0; i < keys.length; i++) writeElement(map.get(keys[i]!), depth + 1, keys[i]);
    }
    return sink.raw(tag.end(depth));
  }
  sink.ascii('>');
  sink.ascii(scalarText(value));
  sink.ascii(tag.inlineEnd);
}

/** The rest of a string element: empty, escaped text, or base64 when XML cannot carry the text. */
function writeStringContent(s: string): void {
  if (s.length === 0) return sink.ascii('/>\n');
  if (sink.escaped(s, TEXT_ESCAPES, '>', STRING.inlineEnd)) return;
  if (isValidXmlString(s)) {
    sink.ascii('>');
    sink.text(escapeText(s));
  } else {
    sink.ascii(' encoding="base64">');
    sink.ascii(pancBase64(javaUtf8Bytes(s)));
  }
  sink.ascii(STRING.inlineEnd);
}

/** True if every code point of `s` may appear in an XML 1.0 document. */
export function isValidXmlString(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x20 && c <= 0xd7ff) continue;
    if (c === 0x9 || c === 0xa || c === 0xd) continue;
    if (c >= 0xe000 && c <= 0xfffd) continue;
    if (c >= 0xd800 && c <= 0xdbff) {
      const low = s.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        i++;
        continue;
      }
    }
    return false;
  }
  return true;
}

/** Character data escaping of the JDK serializer (text of a valid XML string). */
export function escapeText(s: string): string {
  let out = '';
  let clean = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let rep: string | undefined;
    if (c === 0x3c) rep = '&lt;';
    else if (c === 0x3e) rep = '&gt;';
    else if (c === 0x26) rep = '&amp;';
    else if (c === 0xd) rep = '&#13;';
    else if ((c < 0x20 && c !== 0x9 && c !== 0xa) || (c >= 0x7f && c <= 0x9f)) rep = `&#${c};`;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      rep = `&#${s.codePointAt(i)};`;
      out += s.slice(clean, i) + rep;
      i++;
      clean = i + 1;
      continue;
    }
    if (rep !== undefined) {
      out += s.slice(clean, i) + rep;
      clean = i + 1;
    }
  }
  return clean === 0 ? s : out + s.slice(clean);
}

/** Attribute value escaping of the JDK serializer. */
export function escapeAttribute(s: string): string {
  let out = '';
  let clean = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let rep: string | undefined;
    if (c === 0x3c) rep = '&lt;';
    else if (c === 0x3e) rep = '&gt;';
    else if (c === 0x26) rep = '&amp;';
    else if (c === 0x22) rep = '&quot;';
    else if (c < 0x20) rep = `&#${c};`;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      out += s.slice(clean, i) + `&#${s.codePointAt(i)};`;
      i++;
      clean = i + 1;
      continue;
    }
    if (rep !== undefined) {
      out += s.slice(clean, i) + rep;
      clean = i + 1;
    }
  }
  return clean === 0 ? s : out + s.slice(clean);
}
