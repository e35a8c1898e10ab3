/**
 * Values of literal tokens: long (bigint), double (number) and strings (quotes removed, escapes
 * decoded). Malformed forms have already been reported by the lexer; the decoders here are
 * lenient so that they never throw.
 */

/** Largest Pan long (2^63 - 1). */
export const MAX_LONG = 9223372036854775807n;

/** The bigints 0..1023, shared by the literals that have these values. */
const SMALL: readonly bigint[] = Array.from({ length: 1024 }, (_, i) => BigInt(i));

/** Value of a long literal image (decimal, `0` octal or `0x` hex); malformed images give 0. */
export function longValue(image: string): bigint {
  if (image.length <= 4) {
    const small = smallDecimal(image);
    if (small >= 0) return SMALL[small]!;
  }
  try {
    if (image.length > 1 && image.charCodeAt(0) === 48) {
      const x = image.charCodeAt(1);
      if (x === 120 || x === 88) return image.length > 2 ? BigInt(image) : 0n;
      return BigInt('0o' + image.slice(1));
    }
    return BigInt(image);
  } catch {
    return 0n;
  }
}

/** Value of a decimal image of at most 4 digits without a leading 0 (a lone 0 included) below 1024, or -1. */
function smallDecimal(image: string): number {
  let n = 0;
  for (let i = 0; i < image.length; i++) {
    const d = image.charCodeAt(i) - 48;
    if (d < 0 || d > 9 || (d === 0 && i === 0 && image.length > 1)) return -1;
    n = n * 10 + d;
  }
  return image.length > 0 && n < 1024 ? n : -1;
}

/** Value of a double literal image (`.5` and `5.` are read leniently). */
export function doubleValue(image: string): number {
  const n = Number(image);
  return Number.isNaN(n) ? 0 : n;
}

/** Value of a single-quoted string token: quotes removed, `''` read as `'`. */
export function singleQuotedValue(image: string): string {
  const n = image.length;
  const inner = image.substring(1, n >= 2 && image.charCodeAt(n - 1) === 39 ? n - 1 : n);
  return inner.indexOf("''") < 0 ? inner : inner.split("''").join("'");
}

const SIMPLE_ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', '\\': '\\', '"': '"' };

/** Value of a double-quoted string token with its escapes decoded. */
export function doubleQuotedValue(image: string): string {
  const closed = image.length >= 2 && image.endsWith('"');
  const inner = image.slice(1, closed ? -1 : undefined);
  if (!inner.includes('\\')) return inner;
  let out = '';
  let i = 0;
  while (i < inner.length) {
    const c = inner[i]!;
    if (c !== '\\') {
      out += c;
      i++;
      continue;
    }
    const e = inner[i + 1];
    if (e === undefined) break;
    if (e === '\r') {
      i += inner[i + 2] === '\n' ? 3 : 2;
    } else if (e === '\n') {
      i += 2;
    } else if (e === 'x' && /^[0-9a-fA-F]{2}$/.test(inner.substring(i + 2, i + 4))) {
      out += String.fromCharCode(parseInt(inner.substring(i + 2, i + 4), 16));
      i += 4;
    } else {
      out += SIMPLE_ESCAPES[e] ?? e;
      i += 2;
    }
  }
  return out;
}
