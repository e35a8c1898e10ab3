/**
 * The pan XML profile format, byte for byte as panc writes it: the XML declaration and the
 * root `<nlist format="pan" name="profile">` on one line, one element per line indented by
 * four spaces, tags named after element kinds, `name` attributes for dict children, and the
 * escaping rules of the JDK's XML serializer. Strings holding characters that XML 1.0 cannot
 * carry are written as base64 of their UTF-8 bytes with `encoding="base64"`.
 */
import { formatDouble, PanDict, PanList, type Value } from '../pan/element.js';
import { javaUtf8Bytes, pancBase64 } from './base64.js';

const DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';
const INDENT = '    ';

/** Renders a profile as pan XML (UTF-8 text, ends with a newline). */
export function formatPanXml(root: PanDict): string {
  const out: string[] = [];
  const rootAttrs = ' format="pan" name="profile"';
  if (root.size === 0) {
    out.push(`${DECLARATION}<nlist${rootAttrs}/>`);
  } else {
    out.push(`${DECLARATION}<nlist${rootAttrs}>`);
    writeChildren(out, root, INDENT);
    out.push('</nlist>');
  }
  return out.join('\n') + '\n';
}

function writeChildren(out: string[], resource: PanDict | PanList, indent: string): void {
  if (resource instanceof PanDict) {
    for (const key of resource.keys()) writeElement(out, resource.get(key), indent, key);
  } else {
    for (const item of resource.items) writeElement(out, item, indent, undefined);
  }
}

function writeElement(out: string[], value: Value, indent: string, name: string | undefined): void {
  const nameAttr = name === undefined ? '' : ` name="${escapeAttribute(name)}"`;
  if (value instanceof PanDict || value instanceof PanList) {
    const tag = value instanceof PanDict ? 'nlist' : 'list';
    if (value.size === 0) {
      out.push(`${indent}<${tag}${nameAttr}/>`);
      return;
    }
    out.push(`${indent}<${tag}${nameAttr}>`);
    writeChildren(out, value, indent + INDENT);
    out.push(`${indent}</${tag}>`);
    return;
  }
  const [tag, text, extraAttr] = propertyContent(value);
  if (text.length === 0) out.push(`${indent}<${tag}${nameAttr}${extraAttr}/>`);
  else out.push(`${indent}<${tag}${nameAttr}${extraAttr}>${escapeText(text)}</${tag}>`);
}

/** Tag, unescaped text and extra attributes of a property. */
function propertyContent(value: Value): [string, string, string] {
  switch (typeof value) {
    case 'string':
      if (isValidXmlString(value)) return ['string', value, ''];
      return ['string', pancBase64(javaUtf8Bytes(value)), ' encoding="base64"'];
    case 'bigint':
      return ['long', value.toString(), ''];
    case 'number':
      return ['double', formatDouble(value), ''];
    case 'boolean':
      return ['boolean', value ? 'true' : 'false', ''];
    default:
      // A finished profile holds no undef or null; reaching this is a bug in the caller.
      throw new TypeError(`cannot serialize ${value === null ? 'null' : 'undef'} as pan XML`);
  }
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
