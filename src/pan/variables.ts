/**
 * Variable access in DML (§7.3): reading locals, globals and SELF (with subscripts), writing
 * locals and SELF elements (autovivification, type stability, copy rules), and the list targets
 * of append/prepend. Global variables can never be written from DML.
 */
import { PanDict, PanList, deepCopy, kindOf, type Resource, type Value } from './element.js';
import { PanError } from './errors.js';
import type { ExecContext } from './context.js';
import type { Target } from './ir.js';
import { copyValue, freeze, isFrozen, writable } from './protect.js';
import { termToString, type Term } from './terms.js';
import { BadTermError, MISSING, checkReplacement, containerFor, getIn, listIn, putIn, type Lookup } from './tree.js';

/** Error raised when DML needs something the compile-time context does not have. */
export function notConstant(what: string): PanError {
  return new PanError('PF200', `invalid use of ${what} in compile-time context`);
}

/** The value of a global (or automatic) variable, frozen; MISSING if there is none. */
export function globalValue(ctx: ExecContext, name: string): Lookup {
  const build = ctx.build;
  if (build === undefined) return MISSING;
  if (name === 'TEMPLATE') return ctx.templateVar ?? MISSING;
  if (name === 'FUNCTION') return ctx.functionName ?? MISSING;
  const g = build.globals.get(name);
  return g === undefined ? MISSING : freeze(g.value);
}

/** True if a global (or automatic global) variable of this name currently exists. */
function isGlobal(ctx: ExecContext, name: string): boolean {
  const build = ctx.build;
  if (build === undefined) return false;
  if (name === 'TEMPLATE') return ctx.templateVar !== undefined;
  if (name === 'FUNCTION') return ctx.functionName !== undefined;
  return build.globals.has(name);
}

/** SELF's current value (errors in the compile-time context or where SELF is unavailable). */
function selfValue(ctx: ExecContext): Value {
  if (ctx.compileTime) throw notConstant('SELF');
  if (ctx.self === undefined) throw new PanError('PF200', 'SELF is not defined');
  return ctx.self.get();
}

/** The variable's name with its subscripts, as panc prints it (`x[0][a]`). */
export function describeVar(name: string, terms: readonly Term[]): string {
  return name + terms.map((t) => `[${termToString(t)}]`).join('');
}

/**
 * Reads a variable with evaluated subscripts. MISSING when it does not exist (or a subscript
 * goes through undef); callers decide whether that is an error.
 */
export function readVar(ctx: ExecContext, name: string, terms: readonly Term[], lookupOnly: boolean): Lookup {
  let base: Lookup;
  if (name === 'SELF') base = selfValue(ctx);
  else {
    const local = ctx.locals.get(name);
    base = local !== undefined || ctx.locals.has(name) ? local : globalValue(ctx, name);
  }
  if (terms.length === 0 || base === MISSING) return base;
  if (base === undefined) return MISSING;
  try {
    return getIn(base, terms, lookupOnly);
  } catch (e) {
    if (e instanceof BadTermError) {
      if (lookupOnly) return MISSING;
      throw e.forVariable(name, terms);
    }
    throw e;
  }
}

/** Rejects writes to global variables from DML. */
function checkNotGlobal(ctx: ExecContext, name: string): void {
  if (isGlobal(ctx, name)) {
    throw new PanError('PF206', `global variable '${name}' cannot be modified from DML block`);
  }
}

/**
 * Writes a local variable or one of its elements (`delete` passes `remove`). A resource stored
 * below a subscript is copied (unless `fresh`: referenced from nowhere else, see fresh.ts);
 * `x = y` shares, except that a protected value (a global, a constant) is deep-copied first, as
 * panc does. Returns the stored value.
 */
export function writeLocal(ctx: ExecContext, name: string, terms: readonly Term[], value: Value, remove = false, fresh = false): Value {
  checkNotGlobal(ctx, name);
  if (terms.length === 0) {
    if (remove) {
      ctx.writableLocals().delete(name);
      return undefined;
    }
    const stored = isFrozen(value) ? deepCopy(value) : value;
    // An absent local reads as undef, which any value may replace.
    checkReplacement(ctx.locals.get(name), stored);
    ctx.writableLocals().set(name, stored);
    return stored;
  }
  const stored = remove ? null : fresh ? value : copyValue(value);
  let current = ctx.locals.get(name);
  if (current === undefined) {
    current = containerFor(terms[0]!);
    ctx.writableLocals().set(name, current);
  }
  const container = asResource(current);
  if (container !== current) ctx.writableLocals().set(name, container);
  try {
    putIn(container, terms, stored);
  } catch (e) {
    if (e instanceof BadTermError) throw e.forVariable(name, terms);
    throw e;
  }
  return stored;
}

/**
 * Writes a whole local variable as `x = undef; x = value` would (foreach's value variable):
 * the earlier value's kind does not matter. Returns the stored value.
 */
export function resetLocal(ctx: ExecContext, name: string, value: Value): Value {
  checkNotGlobal(ctx, name);
  const stored = isFrozen(value) ? deepCopy(value) : value;
  ctx.writableLocals().set(name, stored);
  return stored;
}

/** A writable version of a resource held somewhere (stored back through `store` if copied). */
function writableResource(v: Value, store: (w: Resource) => void): Resource {
  const w = asResource(v);
  if (w !== v) store(w);
  return w;
}

/** A writable version of a resource (a copy if it is frozen); an error for a property. */
function asResource(v: Value): Resource {
  if (!(v instanceof PanList || v instanceof PanDict)) {
    throw new PanError('PF214', `cannot add child to element of type ${kindOf(v)}`);
  }
  return writable(v);
}

/**
 * Writes an element of SELF (`SELF[i] = v`); SELF itself is never assigned directly. Like panc,
 * the value is stored without a copy (so `SELF['a'] = SELF` makes a circular structure, which
 * is reported when the result is copied into the tree).
 */
export function writeSelf(ctx: ExecContext, terms: readonly Term[], value: Value): Value {
  if (ctx.compileTime) throw notConstant('SELF');
  const holder = ctx.self;
  if (holder === undefined) throw new PanError('PF200', 'SELF is not defined');
  if (holder.readOnly) throw new PanError('PF200', 'cannot modify SELF from validation function');
  const stored = value;
  let self = holder.get();
  if (self === undefined) {
    self = containerFor(terms[0]!);
    holder.set(self);
  }
  const container = writableResource(self, (w) => holder.set(w));
  try {
    putIn(container, terms, stored);
  } catch (e) {
    if (e instanceof BadTermError) throw e.forVariable('SELF', terms);
    throw e;
  }
  return stored;
}

/** Writes a target (local or SELF element) with already evaluated terms; `fresh` as for writeLocal. */
export function writeTarget(ctx: ExecContext, target: Target, terms: readonly Term[], value: Value, fresh = false): Value {
  if (target.name === 'SELF') return writeSelf(ctx, terms, value);
  return writeLocal(ctx, target.name, terms, value, false, fresh);
}

/**
 * The writable list a variable reference designates for append/prepend: created when the
 * variable or element is missing/undef/null; an error when it is not a list.
 */
export function targetList(ctx: ExecContext, name: string, terms: readonly Term[]): PanList {
  if (name === 'SELF') return selfList(ctx, terms);
  let current: Lookup = ctx.locals.has(name) ? ctx.locals.get(name) : MISSING;
  if (current === MISSING) {
    if (ctx.compileTime) throw notConstant('append/prepend');
    checkNotGlobal(ctx, name);
  }
  if (current === MISSING || current === undefined || current === null) {
    current = terms.length === 0 ? new PanList() : containerFor(terms[0]!);
    ctx.writableLocals().set(name, current);
  }
  return listBelow(current, terms, (w) => ctx.writableLocals().set(name, w), name);
}

function selfList(ctx: ExecContext, terms: readonly Term[]): PanList {
  if (ctx.compileTime) throw notConstant('SELF');
  const holder = ctx.self;
  if (holder === undefined) throw new PanError('PF200', 'SELF is not defined');
  if (holder.readOnly) throw new PanError('PF200', 'cannot modify SELF from validation function');
  let self = holder.get();
  if (self === undefined || self === null) {
    self = terms.length === 0 ? new PanList() : containerFor(terms[0]!);
    holder.set(self);
  }
  return listBelow(self, terms, (w) => holder.set(w), 'SELF');
}

function listBelow(base: Value, terms: readonly Term[], store: (w: Resource) => void, name: string): PanList {
  if (terms.length === 0) {
    if (!(base instanceof PanList)) {
      throw new PanError('PF210', `referenced variable of type ${kindOf(base)} is not a list`);
    }
    const w = writable(base);
    if (w !== base) store(w);
    return w;
  }
  const container = writableResource(base, store);
  try {
    return listIn(container, terms);
  } catch (e) {
    if (e instanceof BadTermError) throw e.forVariable(name, terms);
    throw e;
  }
}
