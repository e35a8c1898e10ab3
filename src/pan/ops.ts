/**
 * DML operators with Java semantics (§7.4): 64-bit wrapping long arithmetic, truncating division,
 * Java remainder, numbers compared as doubles, Java string order. Errors distinguish operands of
 * a kind the operator can never take (`invalid`, panc's ClassCastException path) from other
 * failures (mismatched properties, division by zero), because constant folding reports the
 * former as Evaluation and the latter as Syntax errors (§7.9 A).
 */
import type { BinaryOp, UnaryOp } from '../../grammar/ast.js';
import type { Value } from './element.js';

/** An operator failure; `invalidKind` marks operands the operator cannot take at all. */
export class OpError extends Error {
  constructor(
    message: string,
    readonly invalidKind: boolean,
  ) {
    super(message);
  }
}

const NAMES: Record<string, string> = {
  '+': 'add (+)',
  '-': 'subtract (-)',
  '*': 'multiply (*)',
  '/': 'divide (/)',
  '%': 'modulus (%)',
  '&': 'bit-and (&)',
  '|': 'bit-or (|)',
  '^': 'bit-exclusive-or (^)',
  '==': 'equal (==)',
  '!=': 'not-equal (!=)',
  '<': 'less-than (<)',
  '>': 'greater-than (>)',
  '<=': 'less-than-equal (<=)',
  '>=': 'greater-than-equal (>=)',
};

function isProp(v: Value): boolean {
  const t = typeof v;
  return t === 'bigint' || t === 'number' || t === 'string' || t === 'boolean';
}
function isNum(v: Value): v is bigint | number {
  return typeof v === 'bigint' || typeof v === 'number';
}
function toDouble(v: bigint | number): number {
  return typeof v === 'bigint' ? Number(v) : v;
}

function invalid(op: string, what: string): OpError {
  return new OpError(`arguments for ${NAMES[op]} operation must be ${what}`, true);
}
function mismatched(op: string): OpError {
  return new OpError(`mismatched or invalid arguments for ${NAMES[op]} operation`, false);
}

/** Applies a binary operator other than `&&`/`||`. Throws OpError. */
export function binaryOp(op: Exclude<BinaryOp, '&&' | '||'>, a: Value, b: Value): Value {
  switch (op) {
    case '+':
      return add(a, b);
    case '-':
    case '*':
      return arith(op, a, b);
    case '/':
      return divide(a, b);
    case '%':
      return modulus(a, b);
    case '&':
    case '|':
    case '^':
      return bitwise(op, a, b);
    default:
      return compare(op, a, b);
  }
}

function add(a: Value, b: Value): Value {
  if (!isProp(a) || !isProp(b)) throw invalid('+', 'longs, doubles, or strings');
  if (typeof a === 'bigint' && typeof b === 'bigint') return BigInt.asIntN(64, a + b);
  if (isNum(a) && isNum(b)) return toDouble(a) + toDouble(b);
  if (typeof a === 'string' && typeof b === 'string') return a + b;
  throw mismatched('+');
}

function arith(op: '-' | '*', a: Value, b: Value): Value {
  if (!isNum(a) || !isNum(b)) {
    throw invalid(op, op === '-' ? 'longs, doubles, or strings' : 'longs or doubles');
  }
  if (typeof a === 'bigint' && typeof b === 'bigint') return BigInt.asIntN(64, op === '-' ? a - b : a * b);
  return op === '-' ? toDouble(a) - toDouble(b) : toDouble(a) * toDouble(b);
}

function divide(a: Value, b: Value): Value {
  if (!isNum(a) || !isNum(b)) throw invalid('/', 'longs or doubles');
  if (typeof a === 'bigint' && typeof b === 'bigint') {
    if (b === 0n) throw new OpError('division by zero', false);
    return BigInt.asIntN(64, a / b);
  }
  const d = toDouble(b);
  if (d === 0) throw new OpError('division by zero', false);
  return toDouble(a) / d;
}

function modulus(a: Value, b: Value): Value {
  if (typeof a !== 'bigint' || typeof b !== 'bigint') throw invalid('%', 'long values');
  if (b === 0n) throw new OpError('second argument for modulus (%) operation cannot be zero', false);
  return BigInt.asIntN(64, a % b);
}

function bitwise(op: '&' | '|' | '^', a: Value, b: Value): Value {
  if (typeof a !== 'bigint' || typeof b !== 'bigint') throw invalid(op, 'long values');
  if (op === '&') return BigInt.asIntN(64, a & b);
  if (op === '|') return BigInt.asIntN(64, a | b);
  return BigInt.asIntN(64, a ^ b);
}

function compare(op: '==' | '!=' | '<' | '>' | '<=' | '>=', a: Value, b: Value): boolean {
  if (!isProp(a) || !isProp(b)) throw invalid(op, 'longs, doubles, or strings');
  let c: number;
  if (isNum(a) && isNum(b)) {
    const x = toDouble(a);
    const y = toDouble(b);
    if (op === '==') return x === y;
    if (op === '!=') return x !== y;
    if (op === '<') return x < y;
    if (op === '>') return x > y;
    if (op === '<=') return x <= y;
    return x >= y;
  } else if (typeof a === 'string' && typeof b === 'string') {
    c = a < b ? -1 : a > b ? 1 : 0;
  } else if (typeof a === 'boolean' && typeof b === 'boolean' && (op === '==' || op === '!=')) {
    c = a === b ? 0 : 1;
  } else {
    throw mismatched(op);
  }
  switch (op) {
    case '==':
      return c === 0;
    case '!=':
      return c !== 0;
    case '<':
      return c < 0;
    case '>':
      return c > 0;
    case '<=':
      return c <= 0;
    default:
      return c >= 0;
  }
}

/**
 * Applies a unary operator. At run time unary plus returns its operand unchecked (panc);
 * `strictPlus` (constant folding) rejects non-numbers.
 */
export function unaryOp(op: UnaryOp, a: Value, strictPlus = false): Value {
  switch (op) {
    case '+':
      if (strictPlus && !isNum(a)) {
        throw new OpError('argument for unary plus (+) operation must be a long or double', false);
      }
      return a;
    case '-':
      if (!isNum(a)) throw new OpError('argument for unary minus (-) operation must be a long or double', true);
      return typeof a === 'bigint' ? BigInt.asIntN(64, -a) : -a;
    case '!':
      if (typeof a !== 'boolean') throw new OpError('argument for logical-not (!) operation must be a boolean value', true);
      return !a;
    default:
      if (typeof a !== 'bigint') throw new OpError('argument for bit-not (~) operation must be a long value', true);
      return BigInt.asIntN(64, ~a);
  }
}
