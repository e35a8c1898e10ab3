/**
 * Base64 as panc uses it for XML strings that XML cannot carry: standard alphabet with
 * padding, a line feed after every 76 output characters, and Java's UTF-8 encoder (which
 * turns an unpaired surrogate into `?`).
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const LINE_LENGTH = 76;

/** UTF-8 bytes of `s` as Java's `String.getBytes(UTF_8)` produces them. */
export function javaUtf8Bytes(s: string): Buffer {
  return Buffer.from(s.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '?'), 'utf8');
}

/** Base64 of `bytes`, with a newline after each full line of 76 characters. */
export function pancBase64(bytes: Uint8Array): string {
  let out = '';
  let lineLength = 0;
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    out += encodeGroup(bytes[i]!, bytes[i + 1]!, bytes[i + 2]!, 3);
    lineLength += 4;
    if (lineLength === LINE_LENGTH) {
      out += '\n';
      lineLength = 0;
    }
  }
  const rest = bytes.length - i;
  if (rest > 0) out += encodeGroup(bytes[i]!, rest > 1 ? bytes[i + 1]! : 0, 0, rest);
  return out;
}

function encodeGroup(a: number, b: number, c: number, count: number): string {
  const n = (a << 16) | (b << 8) | c;
  const chars = [ALPHABET[(n >> 18) & 63], ALPHABET[(n >> 12) & 63], ALPHABET[(n >> 6) & 63], ALPHABET[n & 63]];
  if (count < 3) chars[3] = '=';
  if (count < 2) chars[2] = '=';
  return chars.join('');
}
