import { builtin, call, callError } from './helpers.js';

describe('max / min', () => {
  it('keeps longs as longs', () => {
    expect(call('max', 1n, 2n)).toBe(2n);
    expect(call('min', 1n, 2n)).toBe(1n);
    expect(call('max', -9223372036854775808n, 9223372036854775807n)).toBe(9223372036854775807n);
  });

  it('uses doubles as soon as one argument is a double', () => {
    expect(call('max', 1n, 2.5)).toBe(2.5);
    expect(call('min', 3.5, 2n)).toBe(2);
    expect(call('max', 0.0, -0.0)).toBe(0);
    expect(Object.is(call('min', 0.0, -0.0), -0)).toBe(true);
    expect(call('max', NaN, 1n)).toBeNaN();
  });

  it('rejects other kinds', () => {
    expect(callError('max', 'a', 1n)).toBe('all arguments to max must be longs or doubles');
    expect(callError('min', 1n, undefined)).toBe('all arguments to min must be longs or doubles');
    expect(builtin('max').arityMessage).toBe('max() requires exactly two arguments');
    expect(builtin('min').arityMessage).toBe('min() requires exactly two arguments');
  });
});
