/**
 * Numeric built-ins max and min: two longs give a long, otherwise doubles (Java's Math.max /
 * Math.min semantics for NaN and signed zeros).
 */
import type { Value } from '../element.js';
import type { PureBuiltin } from './registry-types.js';
import { fail } from './util.js';

function extremum(name: string, pickLong: (a: bigint, b: bigint) => bigint, pickDouble: (a: number, b: number) => number): PureBuiltin {
  return {
    name,
    minArgs: 2,
    maxArgs: 2,
    arityMessage: `${name}() requires exactly two arguments`,
    call: ([a, b]: readonly Value[]) => {
      if (typeof a === 'bigint' && typeof b === 'bigint') return pickLong(a, b);
      const isNumber = (v: Value): v is bigint | number => typeof v === 'bigint' || typeof v === 'number';
      if (isNumber(a) && isNumber(b)) return pickDouble(Number(a), Number(b));
      return fail(`all arguments to ${name} must be longs or doubles`);
    },
  };
}

/** The numeric built-ins. */
export const NUMBER_BUILTINS: readonly PureBuiltin[] = [
  extremum('max', (a, b) => (a >= b ? a : b), Math.max),
  extremum('min', (a, b) => (a <= b ? a : b), Math.min),
];
