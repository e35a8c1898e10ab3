/**
 * Facts about types that depend only on how a build resolves type names — whether defaults can
 * apply below a type, which fields a record accepts and how they are checked, whether its
 * referenced types exist — computed once per type environment and shared by every build of the
 * process that has the same environment. A build's environment is
 * the list of its defined types (name and compiled definition, in definition order); types are
 * never redefined or removed, so the facts of an environment never go stale.
 */
import type { RecordPlan } from './defaults.js';
import type { Value } from './element.js';
import type { RecordChecks } from './validate.js';
import type { QuickCheck } from './validate-quick.js';

/** Marks a type without a default. */
export const NO_DEFAULT: unique symbol = Symbol('no default');
/** A default value, or NO_DEFAULT. */
export type DefaultOf = Value | typeof NO_DEFAULT;

/** Memos of one type environment, keyed by compiled type objects. */
export class TypeFacts {
  /** Whether filling defaults below a value of this type (full type or spec) can change anything. */
  readonly mayHaveDefaults = new Map<object, boolean>();
  /** The default of a full type or spec (own or inherited through references and includes). */
  readonly defaults = new Map<object, DefaultOf>();
  /** The parts of a record spec that can contribute defaults. */
  readonly recordPlans = new Map<object, RecordPlan>();
  /** Full types whose referenced types are all defined as they must be (checkTypeReferences passed). */
  readonly referencesChecked = new Set<object>();
  /** How validation walks a record spec (the fields it accepts, its own fields' checks). */
  readonly recordChecks = new Map<object, RecordChecks>();
  /** Quick checks of full types and specs (validate-quick.ts). */
  readonly quickChecks = new Map<object, QuickCheck>();
}

/** Environments kept at most (a process compiling many different sites starts over). */
const MAX_ENVIRONMENTS = 10_000;
let environments = 0;

/**
 * A type environment: the types defined so far, as a path in a tree shared by all builds (the
 * same definitions in the same order lead to the same node, whose facts are then shared).
 */
export class TypeEnvironment {
  private facts: TypeFacts | undefined = undefined;
  private readonly next = new Map<string, Map<object, TypeEnvironment>>();

  /** The environment with one more type (the name and its compiled definition). */
  extend(name: string, definition: object): TypeEnvironment {
    let byDefinition = this.next.get(name);
    if (byDefinition === undefined) {
      byDefinition = new Map();
      this.next.set(name, byDefinition);
    }
    let env = byDefinition.get(definition);
    if (env === undefined) {
      if (++environments > MAX_ENVIRONMENTS) {
        environments = 0;
        root = new TypeEnvironment();
      }
      env = new TypeEnvironment();
      byDefinition.set(definition, env);
    }
    return env;
  }

  /** The facts of this environment. */
  typeFacts(): TypeFacts {
    if (this.facts === undefined) this.facts = new TypeFacts();
    return this.facts;
  }
}

let root = new TypeEnvironment();

/** The environment of a new build (only the built-in types). */
export function initialTypeEnvironment(): TypeEnvironment {
  return root;
}
