/**
 * create() (§5.3, §10.1): runs a structure template on a fresh dict with its own local
 * variables and no SELF, then sets the given keys. Structure templates that only assign
 * constants are served from a frozen prototype of their result.
 */
import { NO_LOCALS, type BuildState, type ExecContext } from './context.js';
import { PanDict, kindOf, type Value } from './element.js';
import { asPanError } from './errors.js';
import { executeTemplate, loadForInclude } from './exec.js';
import { deferred, evalArgs, located } from './interp.js';
import type { CompiledTemplate, SpecialNode } from './ir.js';
import { copyValue, freeze, writable } from './protect.js';
import { literalTerm, termFromValue, type Term } from './terms.js';
import { putChild } from './tree.js';

/** create(name, k1, v1, ...): runs a structure template on a fresh dict (§5.3, §10.1). */
export function callCreate(ctx: ExecContext, n: SpecialNode): Value {
  return createWith(ctx, n, evalArgs(ctx, n.args));
}

/**
 * What a create() call site last learnt about its structure template (usually the same one
 * every time): whether it has a prototype (see constantStructures).
 */
export interface CreateSite {
  template: CompiledTemplate | undefined;
  prototype: PanDict | null;
}

/** A call site's memo, empty. */
export function newCreateSite(): CreateSite {
  return { template: undefined, prototype: null };
}

/**
 * create() with its arguments evaluated; `keyTerms` as createKeyTerms gives them, `site` the
 * call site's memo.
 */
export function createWith(
  ctx: ExecContext,
  n: SpecialNode,
  args: readonly Value[],
  keyTerms?: ReadonlyArray<Term | undefined>,
  site?: CreateSite,
): Value {
  const build = ctx.build;
  if (build === undefined) throw located('invalid use of create() in compile-time context', n.span, ctx);
  const name = args[0];
  if (typeof name !== 'string') throw located('first argument of create() must be a string', n.span, ctx, 'PF210');
  const savedRoot = build.relativeRoot;
  const savedLocals = ctx.locals;
  const savedSelf = ctx.self;
  ctx.locals = NO_LOCALS;
  ctx.self = undefined;
  let result: PanDict;
  try {
    let loaded;
    try {
      loaded = loadForInclude(ctx, name);
    } catch (e) {
      throw asPanError(e).locate(n.span, ctx);
    }
    if (loaded.template.kind !== 'structure') {
      throw deferred('first argument of create() must be the name of structure template', n.span, 'PF205');
    }
    ctx.push(loaded.template, n.span);
    try {
      result = runStructure(ctx, build, loaded.template, loaded.firstLoad, site);
    } finally {
      ctx.pop();
    }
  } finally {
    build.relativeRoot = savedRoot;
    ctx.locals = savedLocals;
    ctx.self = savedSelf;
  }
  applyCreateArgs(ctx, n, result, args, keyTerms);
  return result;
}

/**
 * Structure templates that only assign constants to one-term relative paths build the same dict
 * every time (no other effect is possible): their first result, frozen, is the prototype later
 * calls copy shallowly (the values are the frozen constants either way). null: not such a
 * template.
 */
const constantStructures = new WeakMap<CompiledTemplate, PanDict | null>();

function isConstantStructure(tpl: CompiledTemplate): boolean {
  return (
    tpl.normal.length === tpl.all.length &&
    tpl.all.every((s) => s.k === 'assign' && s.constant !== undefined && s.path.kind === 'relative' && s.path.terms.length === 1)
  );
}

/** Runs a structure template on a fresh relative root; returns the resulting dict. */
function runStructure(ctx: ExecContext, build: BuildState, tpl: CompiledTemplate, firstLoad: boolean, site: CreateSite | undefined): PanDict {
  if (site !== undefined && site.template === tpl) {
    if (site.prototype !== null) return writable(site.prototype);
  } else {
    const prototype = constantStructures.get(tpl);
    if (prototype !== undefined && site !== undefined) {
      site.template = tpl;
      site.prototype = prototype;
    }
    if (prototype !== undefined && prototype !== null) return writable(prototype);
  }
  build.relativeRoot = new PanDict();
  executeTemplate(ctx, tpl, firstLoad);
  const result = build.relativeRoot!;
  if (!constantStructures.has(tpl)) constantStructures.set(tpl, isConstantStructure(tpl) ? freeze(copyValue(result)) : null);
  return result;
}

/**
 * The terms of a create() call's key arguments that are literal strings of valid terms, by
 * argument index (worked out once per call site); undefined for the others.
 */
export function createKeyTerms(n: SpecialNode): ReadonlyArray<Term | undefined> {
  const terms: Array<Term | undefined> = new Array(n.args.length).fill(undefined);
  for (let i = 1; i + 1 < n.args.length; i += 2) {
    const arg = n.args[i]!;
    // Keys must be strings: any other literal is classified (and reported) when the call runs.
    if (arg.k === 'lit' && typeof arg.v === 'string') terms[i] = literalTerm(arg.v);
  }
  return terms;
}

function applyCreateArgs(ctx: ExecContext, n: SpecialNode, dict: PanDict, args: readonly Value[], keyTerms: ReadonlyArray<Term | undefined> | undefined): void {
  for (let i = 1; i + 1 < args.length; i += 2) {
    const term = keyTerms?.[i] ?? keyTerm(n, args, i);
    try {
      putChild(dict, term, args[i + 1] === null ? null : copyValue(args[i + 1]));
    } catch (e) {
      throw asPanError(e).locate(n.span, ctx);
    }
  }
}

/** The term of the key argument at index i. */
function keyTerm(n: SpecialNode, args: readonly Value[], i: number): Term {
  const key = args[i];
  if (typeof key !== 'string') {
    throw deferred(`key arguments of create() must be strings; argument ${i} is of type ${kindOf(key)}`, n.span, 'PF210');
  }
  try {
    return termFromValue(key);
  } catch {
    throw deferred(`invalid key (${key}) for create()`, n.span, 'PF210');
  }
}
