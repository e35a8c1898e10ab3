import { builtin, call, callError, plain } from './helpers.js';

const FORMAT = 'argument to ip4_to_long() must be a string in dotted notation with an optional bitmask, like "127.0.0.1/8"';

describe('ip4_to_long', () => {
  it('returns the address and the mask', () => {
    expect(plain(call('ip4_to_long', '0.0.0.1'))).toEqual([1n, 4294967295n]);
    expect(plain(call('ip4_to_long', '1.0.0.1'))).toEqual([0x1000001n, 4294967295n]);
    expect(plain(call('ip4_to_long', '192.168.1.10/24'))).toEqual([3232235786n, 4294967040n]);
    expect(plain(call('ip4_to_long', '0.0.0.1/8'))).toEqual([1n, 0xff000000n]);
    expect(plain(call('ip4_to_long', '10.0.0.0/0'))).toEqual([167772160n, 0n]);
    expect(plain(call('ip4_to_long', '10.0.0.0/32'))).toEqual([167772160n, 4294967295n]);
    expect(plain(call('ip4_to_long', '255.255.255.255\n'))).toEqual([4294967295n, 4294967295n]);
  });

  it('rejects malformed addresses', () => {
    expect(callError('ip4_to_long', '0.300.0.1')).toBe(FORMAT);
    expect(callError('ip4_to_long', 'Hello')).toBe(FORMAT);
    expect(callError('ip4_to_long', '0.0.0.0/-1')).toBe(FORMAT);
    expect(callError('ip4_to_long', ' 1.2.3.4')).toBe(FORMAT);
    expect(callError('ip4_to_long', '0.0.0.0/33')).toBe('bitmask to IP must be between 0 and 32.');
    expect(callError('ip4_to_long', 1n)).toBe('argument to ip4_to_long() must be a string');
    expect(builtin('ip4_to_long').arityMessage).toBe('ip4_to_long() requires exactly one argument');
  });
});

describe('long_to_ip4', () => {
  it('prints dotted quads', () => {
    expect(call('long_to_ip4', 0n)).toBe('0.0.0.0');
    expect(call('long_to_ip4', 16909060n)).toBe('1.2.3.4');
    expect(call('long_to_ip4', 4294967295n)).toBe('255.255.255.255');
  });

  it('checks the range', () => {
    expect(callError('long_to_ip4', 4294967296n)).toBe('argument to ip4_to_long must be a 32-bit integer');
    expect(callError('long_to_ip4', -1n)).toBe('argument to ip4_to_long must be a 32-bit integer');
    expect(callError('long_to_ip4', '1.2.3.4')).toBe('argument to ip4_to_long must be a long');
    expect(builtin('long_to_ip4').arityMessage).toBe('long_to_ip4() requires exactly one argument');
  });
});
