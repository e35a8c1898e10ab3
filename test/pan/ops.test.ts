/** Operators with Java semantics (§7.4). */
import { OpError, binaryOp, unaryOp } from '../../src/pan/ops.js';

const MAX = 9223372036854775807n;
const MIN = -9223372036854775808n;

function failure(f: () => unknown): OpError {
  try {
    f();
  } catch (e) {
    if (e instanceof OpError) return e;
    throw e;
  }
  throw new Error('no error');
}

describe('arithmetic', () => {
  test('long arithmetic wraps at 64 bits', () => {
    expect(binaryOp('+', MAX, 1n)).toBe(MIN);
    expect(binaryOp('*', MAX, 2n)).toBe(-2n);
    expect(unaryOp('-', MIN)).toBe(MIN);
    expect(binaryOp('/', MIN, -1n)).toBe(MIN);
  });

  test('division truncates toward zero and remainder has the sign of the dividend', () => {
    expect(binaryOp('/', -7n, 2n)).toBe(-3n);
    expect(binaryOp('%', -7n, 3n)).toBe(-1n);
    expect(binaryOp('%', 7n, -3n)).toBe(1n);
  });

  test('mixed numbers give doubles; division by zero is an error', () => {
    expect(binaryOp('+', 1n, 0.5)).toBe(1.5);
    expect(binaryOp('/', 1n, 2.0)).toBe(0.5);
    expect(failure(() => binaryOp('/', 1n, 0n)).message).toBe('division by zero');
    expect(failure(() => binaryOp('/', 1.0, 0.0)).message).toBe('division by zero');
    expect(failure(() => binaryOp('%', 1n, 0n)).message).toBe('second argument for modulus (%) operation cannot be zero');
  });

  test('string concatenation and bitwise operators', () => {
    expect(binaryOp('+', 'a', 'b')).toBe('ab');
    expect(binaryOp('&', 12n, 10n)).toBe(8n);
    expect(binaryOp('|', 12n, 10n)).toBe(14n);
    expect(binaryOp('^', 12n, 10n)).toBe(6n);
    expect(unaryOp('~', 0n)).toBe(-1n);
  });
});

describe('comparisons', () => {
  test('numbers compare as doubles, strings in Java order', () => {
    expect(binaryOp('==', 1n, 1.0)).toBe(true);
    expect(binaryOp('<', 'B', 'a')).toBe(true);
    expect(binaryOp('!=', true, false)).toBe(true);
    expect(binaryOp('>=', 2n, 2.0)).toBe(true);
  });

  test('mismatched properties versus invalid kinds', () => {
    const mismatch = failure(() => binaryOp('==', 1n, 'a'));
    expect(mismatch.invalidKind).toBe(false);
    expect(mismatch.message).toBe('mismatched or invalid arguments for equal (==) operation');
    const invalid = failure(() => binaryOp('+', 1n, undefined));
    expect(invalid.invalidKind).toBe(true);
    expect(invalid.message).toBe('arguments for add (+) operation must be longs, doubles, or strings');
    expect(failure(() => binaryOp('<', true, false)).invalidKind).toBe(false);
    expect(failure(() => binaryOp('-', 1n, 'a')).invalidKind).toBe(true);
  });
});

describe('unary operators', () => {
  test('unary plus is unchecked at run time and checked when folding', () => {
    expect(unaryOp('+', 'a')).toBe('a');
    expect(failure(() => unaryOp('+', 'a', true)).message).toBe('argument for unary plus (+) operation must be a long or double');
    expect(unaryOp('!', true)).toBe(false);
    expect(failure(() => unaryOp('!', 1n)).invalidKind).toBe(true);
  });
});
