/**
 * Byte encodings used by the string built-ins: panc's Base64 codec (encoder breaking lines
 * every 76 characters, lenient decoder with its error text) and message digests by Java
 * algorithm name, including MD2 (which Node's crypto lacks).
 */
import { createHash } from 'node:crypto';
import { fail } from './util.js';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const LINE_LENGTH = 76;

/** Base64 of the bytes, with a newline after every 76 output characters (panc's encoder). */
export function base64Encode(bytes: Uint8Array): string {
  let out = '';
  let line = 0;
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]! + ALPHABET[(n >> 6) & 63]! + ALPHABET[n & 63]!;
    line += 4;
    if (line === LINE_LENGTH) {
      out += '\n';
      line = 0;
    }
  }
  const rest = bytes.length - i;
  if (rest > 0) {
    const n = (bytes[i]! << 16) | (rest > 1 ? bytes[i + 1]! << 8 : 0);
    out += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]! + (rest > 1 ? ALPHABET[(n >> 6) & 63]! : '=') + '=';
  }
  return out;
}

const WHITESPACE = -5;
const EQUALS = -1;
const BAD = -9;

/** Decoding table over the low seven bits of a byte (127 has no entry, as in panc). */
const DECODE: readonly number[] = (() => {
  const table = new Array<number>(127).fill(BAD);
  for (const c of [9, 10, 13, 32]) table[c] = WHITESPACE;
  table[61] = EQUALS;
  for (let i = 0; i < ALPHABET.length; i++) table[ALPHABET.charCodeAt(i)] = i;
  return table;
})();

/** Value of a quartet character as panc's decoder uses it (`=` counts as 255 in sums). */
function sextet(c: number): number {
  return DECODE[c]! & 0xff;
}

function decodeQuartet(q: number[], out: number[]): void {
  const n = (sextet(q[0]!) << 18) | (sextet(q[1]!) << 12);
  if (q[2] === 61) {
    out.push((n >>> 16) & 0xff);
    return;
  }
  const n3 = n | (sextet(q[2]!) << 6);
  if (q[3] === 61) {
    out.push((n3 >>> 16) & 0xff, (n3 >>> 8) & 0xff);
    return;
  }
  const n4 = n3 | sextet(q[3]!);
  out.push((n4 >> 16) & 0xff, (n4 >> 8) & 0xff, n4 & 0xff);
}

/**
 * panc's Base64 decoder over the UTF-8 bytes of the input: whitespace is skipped, decoding
 * stops after a quartet ending in `=`, an incomplete final quartet is ignored, and any other
 * character is "Bad Base64 input character at I: B(decimal)" (B as a signed byte).
 */
export function base64Decode(bytes: Uint8Array): Uint8Array {
  const out: number[] = [];
  const quartet: number[] = [];
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i]! & 0x7f;
    const code = c < DECODE.length ? DECODE[c]! : BAD;
    if (code < WHITESPACE) {
      const signed = bytes[i]! > 127 ? bytes[i]! - 256 : bytes[i]!;
      fail(`Bad Base64 input character at ${i}: ${signed}(decimal)`);
    }
    if (code < EQUALS) continue;
    quartet.push(c);
    if (quartet.length === 4) {
      decodeQuartet(quartet, out);
      quartet.length = 0;
      if (c === 61) break;
    }
  }
  return Uint8Array.from(out);
}

/** Node hash names by Java algorithm name (upper case), with Java's aliases and OIDs. */
const ALGORITHMS: ReadonlyMap<string, string> = (() => {
  const m = new Map<string, string>();
  const add = (node: string, names: string[], oid?: string): void => {
    for (const n of names) m.set(n, node);
    if (oid !== undefined) {
      m.set(oid, node);
      m.set('OID.' + oid, node);
    }
  };
  add('md2', ['MD2'], '1.2.840.113549.2.2');
  add('md5', ['MD5'], '1.2.840.113549.2.5');
  add('sha1', ['SHA-1', 'SHA', 'SHA1'], '1.3.14.3.2.26');
  add('sha224', ['SHA-224', 'SHA224'], '2.16.840.1.101.3.4.2.4');
  add('sha256', ['SHA-256', 'SHA256'], '2.16.840.1.101.3.4.2.1');
  add('sha384', ['SHA-384', 'SHA384'], '2.16.840.1.101.3.4.2.2');
  add('sha512', ['SHA-512', 'SHA512'], '2.16.840.1.101.3.4.2.3');
  add('sha512-224', ['SHA-512/224', 'SHA512/224'], '2.16.840.1.101.3.4.2.5');
  add('sha512-256', ['SHA-512/256', 'SHA512/256'], '2.16.840.1.101.3.4.2.6');
  add('sha3-224', ['SHA3-224'], '2.16.840.1.101.3.4.2.7');
  add('sha3-256', ['SHA3-256'], '2.16.840.1.101.3.4.2.8');
  add('sha3-384', ['SHA3-384'], '2.16.840.1.101.3.4.2.9');
  add('sha3-512', ['SHA3-512'], '2.16.840.1.101.3.4.2.10');
  return m;
})();

/** True if Java's MessageDigest knows the algorithm name (case-insensitive). */
export function isDigestAlgorithm(name: string): boolean {
  return ALGORITHMS.has(name.toUpperCase());
}

/** Digest bytes of the data with a known algorithm name. */
export function digestBytes(algorithm: string, data: Uint8Array): Uint8Array {
  const node = ALGORITHMS.get(algorithm.toUpperCase())!;
  if (node === 'md2') return md2(data);
  return new Uint8Array(createHash(node).update(data).digest());
}

/** The first `count` digits of pi (3, 1, 4, 1, 5, ...), by Machin's formula. */
function piDigits(count: number): number[] {
  const scale = 10n ** BigInt(count + 10);
  const arctanInv = (x: bigint): bigint => {
    let sum = 0n;
    let term = scale / x;
    for (let k = 0n; term !== 0n; k++) {
      sum += (k % 2n === 0n ? term : -term) / (2n * k + 1n);
      term /= x * x;
    }
    return sum;
  };
  const pi = 4n * (4n * arctanInv(5n) - arctanInv(239n));
  return [...pi.toString().slice(0, count)].map(Number);
}

/** MD2's substitution table: a permutation of 0..255 drawn from the digits of pi (RFC 1319). */
const MD2_S: readonly number[] = (() => {
  const digits = piDigits(1000);
  let next = 0;
  const random = (n: number): number => {
    for (;;) {
      let x = digits[next++]!;
      let y = 10;
      if (n > 10) {
        x = x * 10 + digits[next++]!;
        y = 100;
      }
      if (n > 100) {
        x = x * 10 + digits[next++]!;
        y = 1000;
      }
      if (x < n * Math.floor(y / n)) return x % n;
    }
  };
  const s = Array.from({ length: 256 }, (_, i) => i);
  for (let i = 2; i <= 256; i++) {
    const j = random(i);
    [s[j], s[i - 1]] = [s[i - 1]!, s[j]!];
  }
  return s;
})();

/** The MD2 message digest (RFC 1319). */
export function md2(data: Uint8Array): Uint8Array {
  const pad = 16 - (data.length % 16);
  const msg = new Uint8Array(data.length + pad + 16);
  msg.set(data);
  msg.fill(pad, data.length, data.length + pad);
  const checksum = new Uint8Array(16);
  let last = 0;
  for (let i = 0; i < data.length + pad; i += 16) {
    for (let j = 0; j < 16; j++) {
      checksum[j] ^= MD2_S[msg[i + j]! ^ last]!;
      last = checksum[j]!;
    }
  }
  msg.set(checksum, data.length + pad);
  const x = new Uint8Array(48);
  for (let i = 0; i < msg.length; i += 16) {
    for (let j = 0; j < 16; j++) {
      x[16 + j] = msg[i + j]!;
      x[32 + j] = x[16 + j]! ^ x[j]!;
    }
    let t = 0;
    for (let round = 0; round < 18; round++) {
      for (let k = 0; k < 48; k++) {
        x[k] ^= MD2_S[t]!;
        t = x[k]!;
      }
      t = (t + round) & 0xff;
    }
  }
  return x.slice(0, 16);
}

/** Hex rendering of a digest as Java's BigInteger(1, bytes).toString(16): no leading zeros. */
export function digestHex(bytes: Uint8Array): string {
  const hex = Buffer.from(bytes).toString('hex').replace(/^0+/, '');
  return hex === '' ? '0' : hex;
}
