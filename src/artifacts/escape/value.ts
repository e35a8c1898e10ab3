/**
 * Profile values on their way into an artifact. A ModelValue wraps one value of the site model
 * with its kind (which whitelist applies, kinds.ts) and the model path it came from. Its raw
 * text is private: a template can only print it through a per-format escaper (escape/*.ts).
 * Printing it directly, concatenating it or comparing it raises UnescapedValueError, so a
 * template — built-in or a site's override — cannot interpolate a profile string unescaped.
 *
 * An escaper that refuses a value returns a Rejected object instead of text; the template
 * engines record it with the template file:line where it was printed.
 */
import type { DiagnosticCode } from '../../diagnostics/codes.js';
import type { ModelRef } from '../../site/model.js';
import type { ValueKind } from './kinds.js';

/** Thrown when a ModelValue or a Rejected value is turned into a string without an escaper. */
export class UnescapedValueError extends Error {
  constructor(readonly value: ModelValue | Rejected) {
    super(
      value instanceof ModelValue
        ? `a ${value.kind} value from the profile is printed without an escaper`
        : `a rejected value is used in an expression: ${value.reason}`,
    );
    this.name = 'UnescapedValueError';
  }
}

/** One value of the site model, with its kind and origin; readable only by the escapers. */
export class ModelValue {
  readonly #raw: unknown;
  readonly #ref: ModelRef | undefined;
  readonly #what: string;

  /**
   * @param raw the value as the model holds it (string, number or bigint)
   * @param kind the whitelist that applies
   * @param ref the profile path it comes from (absent for values from options)
   * @param what a short description for messages (e.g. `root password`); default the kind
   */
  constructor(
    raw: unknown,
    readonly kind: ValueKind,
    ref?: ModelRef,
    what?: string,
  ) {
    this.#raw = raw;
    this.#ref = ref;
    this.#what = what ?? kind;
  }

  /** The raw value (escapers only). */
  static raw(value: ModelValue): unknown {
    return value.#raw;
  }

  /** Where the value comes from, when known. */
  static ref(value: ModelValue): ModelRef | undefined {
    return value.#ref;
  }

  /** What the value is, for messages. */
  static what(value: ModelValue): string {
    return value.#what;
  }

  valueOf(): never {
    throw new UnescapedValueError(this);
  }

  toString(): never {
    throw new UnescapedValueError(this);
  }

  toJSON(): never {
    throw new UnescapedValueError(this);
  }
}

/** Shorthand constructor. */
export function mv(raw: unknown, kind: ValueKind, ref?: ModelRef, what?: string): ModelValue {
  return new ModelValue(raw, kind, ref, what);
}

/** An escaper's refusal: the value, why, and the diagnostic code that reports it. */
export class Rejected {
  constructor(
    readonly code: DiagnosticCode,
    readonly reason: string,
    readonly value: ModelValue | undefined,
  ) {}

  valueOf(): never {
    throw new UnescapedValueError(this);
  }

  toString(): never {
    throw new UnescapedValueError(this);
  }

  toJSON(): never {
    throw new UnescapedValueError(this);
  }
}

/** A printable rendering of a raw value for messages: JSON-quoted, shortened. */
export function showRaw(raw: unknown): string {
  const text = typeof raw === 'string' ? raw : typeof raw === 'bigint' ? raw.toString() : String(raw);
  const shown = JSON.stringify(text.length > 60 ? `${text.slice(0, 57)}...` : text);
  return shown;
}
