/**
 * Contract for pure built-in functions: those whose result depends only on their argument
 * values (strings, numbers, conversions, regular expressions, JSON, digests, IP helpers).
 * Built-ins that need the evaluator (value, exists, create, append, delete, first/next, is_*,
 * if_exists, file_*, error, debug, traceback, deprecated, return, is_valid) live in the
 * evaluator itself.
 */
import type { Value } from '../element.js';

/** What is known about an argument at compile time. */
export type StaticArg =
  | { readonly literal: true; readonly value: Value }
  | { readonly literal: false };

/** A failure raised by a built-in; the evaluator turns it into a diagnostic with the call's span. */
export class BuiltinError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BuiltinError';
  }
}

export interface PureBuiltin {
  readonly name: string;
  readonly minArgs: number;
  /** `Infinity` for variadic functions. */
  readonly maxArgs: number;
  /** panc's Syntax error message when the argument count is outside [minArgs, maxArgs]. */
  readonly arityMessage?: string;
  /**
   * Compile-time check of the arguments (arity is checked by the caller beforehand).
   * Returns an error message (reported as a Syntax error) or undefined.
   */
  readonly staticCheck?: (args: readonly StaticArg[]) => string | undefined;
  /** Computes the result; throws BuiltinError on invalid arguments. Must not mutate its arguments. */
  readonly call: (args: readonly Value[]) => Value;
}
