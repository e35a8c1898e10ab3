/**
 * IPv4 built-ins: ip4_to_long ("a.b.c.d" or "a.b.c.d/n" to a list [address, mask]) and
 * long_to_ip4 (dotted quad of a 32-bit value). As in panc, the mask is 0xFFFFFFFF when no
 * (or an unparsable) prefix length is given.
 */
import { PanList } from '../element.js';
import type { PureBuiltin } from './registry-types.js';
import { fail } from './util.js';

// Java's `$` also matches before a final line terminator.
const IP4 = /^(\d+)\.(\d+)\.(\d+)\.(\d+)(?:\/(\d+))?(?=(?:\r\n|[\n\r\u0085\u2028\u2029])?$)/;
const FORMAT_MESSAGE =
  'argument to ip4_to_long() must be a string in dotted notation with an optional bitmask, like "127.0.0.1/8"';
const ALL_ONES = 0xffffffffn;

function mask(bits: string | undefined): bigint {
  if (bits === undefined) return ALL_ONES;
  const n = Number(bits);
  if (n > 2147483647) return ALL_ONES;
  if (n > 32) fail('bitmask to IP must be between 0 and 32.');
  const shift = BigInt(32 - n);
  return (ALL_ONES >> shift) << shift;
}

const ip4ToLong: PureBuiltin = {
  name: 'ip4_to_long',
  minArgs: 1,
  maxArgs: 1,
  arityMessage: 'ip4_to_long() requires exactly one argument',
  call: ([s]) => {
    if (typeof s !== 'string') return fail('argument to ip4_to_long() must be a string');
    const m = IP4.exec(s);
    if (m === null) return fail(FORMAT_MESSAGE);
    let ip = 0n;
    for (let i = 1; i <= 4; i++) {
      const octet = BigInt(m[i]!);
      if (octet > 255n) fail(FORMAT_MESSAGE);
      ip = (ip << 8n) | octet;
    }
    return new PanList([ip, mask(m[5])]);
  },
};

const longToIp4: PureBuiltin = {
  name: 'long_to_ip4',
  minArgs: 1,
  maxArgs: 1,
  arityMessage: 'long_to_ip4() requires exactly one argument',
  call: ([v]) => {
    if (typeof v !== 'bigint') return fail('argument to ip4_to_long must be a long');
    if (v < 0n || v > ALL_ONES) return fail('argument to ip4_to_long must be a 32-bit integer');
    return [24n, 16n, 8n, 0n].map((s) => ((v >> s) & 255n).toString()).join('.');
  },
};

/** The IPv4 built-ins. */
export const NET_BUILTINS: readonly PureBuiltin[] = [ip4ToLong, longToIp4];
