import { toPanString } from '../../../src/pan/tostring.js';
import { builtin, call, callError, dict, list } from './helpers.js';

describe('to_string', () => {
  it('prints properties in Pan form', () => {
    expect(call('to_string', 'abc')).toBe('abc');
    expect(call('to_string', -12n)).toBe('-12');
    expect(call('to_string', 1.0)).toBe('1.0');
    expect(call('to_string', 0.001)).toBe('0.001');
    expect(call('to_string', 1e-5)).toBe('1.0E-5');
    expect(call('to_string', 1e7)).toBe('1.0E7');
    expect(call('to_string', true)).toBe('true');
    expect(call('to_string', undefined)).toBe('undef');
    expect(call('to_string', null)).toBe('null');
  });

  it('prints resources recursively', () => {
    expect(call('to_string', list())).toBe('[  ]');
    expect(call('to_string', dict())).toBe('{  }');
    expect(call('to_string', list(1n, 'a', list(2.5)))).toBe('[ 1, a, [ 2.5 ] ]');
    expect(call('to_string', dict(['b', 2n], ['a', list(undefined, null)]))).toBe('{ a, [ undef, null ], b, 2 }');
    expect(toPanString(list(1.15, 1.1))).toBe('[ 1.15, 1.1 ]');
  });
});

describe('to_long', () => {
  it('converts booleans, doubles and longs', () => {
    expect(call('to_long', true)).toBe(1n);
    expect(call('to_long', false)).toBe(0n);
    expect(call('to_long', 7n)).toBe(7n);
    expect(call('to_long', 2.5)).toBe(3n);
    expect(call('to_long', -2.5)).toBe(-2n);
    expect(call('to_long', 0.49999999999999994)).toBe(0n);
    expect(call('to_long', -0.5)).toBe(0n);
    expect(call('to_long', NaN)).toBe(0n);
    expect(call('to_long', 1e30)).toBe(9223372036854775807n);
    expect(call('to_long', -Infinity)).toBe(-9223372036854775808n);
  });

  it('parses strings like Long.decode', () => {
    expect(call('to_long', '42')).toBe(42n);
    expect(call('to_long', '+42')).toBe(42n);
    expect(call('to_long', '-42')).toBe(-42n);
    expect(call('to_long', '0x1F')).toBe(31n);
    expect(call('to_long', '-0X10')).toBe(-16n);
    expect(call('to_long', '#ff')).toBe(255n);
    expect(call('to_long', '010')).toBe(8n);
    expect(call('to_long', '0')).toBe(0n);
    expect(call('to_long', '-9223372036854775808')).toBe(-9223372036854775808n);
    expect(call('to_long', '-0x8000000000000000')).toBe(-9223372036854775808n);
    expect(call('to_long', '\u0661\u0662')).toBe(12n);
    for (const bad of ['', '08', '0x', '1.5', ' 1', '0x-1', '9223372036854775808', '+', 'abc']) {
      expect(callError('to_long', bad)).toBe(`string cannot be converted to long: ${bad}`);
    }
  });

  it('parses strings in a radix', () => {
    expect(call('to_long', 'ff', 16n)).toBe(255n);
    expect(call('to_long', '-101', 2n)).toBe(-5n);
    expect(call('to_long', 'zz', 36n)).toBe(1295n);
    expect(call('to_long', 2.5, 16n)).toBe(3n);
    expect(callError('to_long', '0xff', 16n)).toBe('string cannot be converted to long: 0xff');
    expect(callError('to_long', '1', 37n)).toBe('radix value 37 is not within valid range [2, 36]');
    expect(callError('to_long', '1', 1n)).toBe('radix value 1 is not within valid range [2, 36]');
    expect(callError('to_long', '1', '16')).toBe('radix must be a long not class org.quattor.pan.dml.data.StringProperty');
    expect(callError('to_long', '1', list())).toBe('invalid argument of type list; expecting a property');
  });

  it('rejects non-properties', () => {
    expect(callError('to_long', list())).toBe('invalid argument of type list; expecting a property');
    expect(callError('to_long', undefined)).toBe('invalid argument of type undef; expecting a property');
    expect(builtin('to_long').arityMessage).toBe('to_long() requires exactly one or two arguments');
  });
});

describe('to_double', () => {
  it('converts properties', () => {
    expect(call('to_double', true)).toBe(1);
    expect(call('to_double', 3n)).toBe(3);
    expect(call('to_double', 2.5)).toBe(2.5);
  });

  it('parses strings like Double.parseDouble', () => {
    expect(call('to_double', '1e3')).toBe(1000);
    expect(call('to_double', ' 2.5 ')).toBe(2.5);
    expect(call('to_double', '.5')).toBe(0.5);
    expect(call('to_double', '1.')).toBe(1);
    expect(call('to_double', '-0')).toBe(-0);
    expect(call('to_double', '1.5f')).toBe(1.5);
    expect(call('to_double', '2D')).toBe(2);
    expect(call('to_double', 'NaN')).toBeNaN();
    expect(call('to_double', '-Infinity')).toBe(-Infinity);
    expect(call('to_double', '0x1.8p1')).toBe(3);
    expect(call('to_double', '0X10P0')).toBe(16);
    expect(call('to_double', '1e400')).toBe(Infinity);
    for (const bad of ['', 'abc', '1e', '0x10', 'NaNd', 'inf', '1,5', '.']) {
      expect(callError('to_double', bad)).toBe(`string cannot be converted to double: ${bad}`);
    }
  });

  it('rejects non-properties', () => {
    expect(callError('to_double', dict())).toBe('to_double argument is not a property: nlist');
  });
});

describe('to_boolean', () => {
  it('converts properties', () => {
    expect(call('to_boolean', 0n)).toBe(false);
    expect(call('to_boolean', -1n)).toBe(true);
    expect(call('to_boolean', 0.0)).toBe(false);
    expect(call('to_boolean', NaN)).toBe(true);
    expect(call('to_boolean', '')).toBe(false);
    expect(call('to_boolean', 'false')).toBe(false);
    expect(call('to_boolean', 'FaLsE')).toBe(false);
    expect(call('to_boolean', 'no')).toBe(true);
    expect(call('to_boolean', '0')).toBe(true);
    expect(call('to_boolean', true)).toBe(true);
  });

  it('rejects non-properties', () => {
    expect(callError('to_boolean', null)).toBe('to_boolean argument is not a property: null');
    expect(builtin('to_boolean').arityMessage).toBe('to_boolean() requires exactly one argument');
  });
});
