/**
 * The DML interpreter: evaluates compiled nodes in an execution context (§7). Control flow with
 * iteration limits, operators, variables, pure built-ins through the registry, user-defined
 * functions (ARGV/ARGC, FUNCTION, call depth) and the evaluator's own built-ins (specials.ts).
 * Each node is turned once (per process) into a JavaScript closure that evaluates it and calls
 * the closures of its children directly, so evaluation does not dispatch on node kinds.
 */
import { BuiltinError } from './builtins/registry-types.js';
import type { ExecContext } from './context.js';
import { PanDict, PanList, type Value } from './element.js';
import { PanError, asPanError } from './errors.js';
import { isFreshValue } from './fresh.js';
import type { ForeachNode, Node, SpecialNode, Target, UserCallNode, VarNode } from './ir.js';
import { OpError, binaryOp, unaryOp } from './ops.js';
import { createKeyTerms, createWith, newCreateSite } from './create.js';
import { specialHandler } from './specials.js';
import { literalTerm, termFromValue, type Term } from './terms.js';
import { MISSING } from './tree.js';
import { describeVar, readVar, resetLocal, writeTarget } from './variables.js';

/** Thrown by return(); caught by the enclosing statement DML or function call. */
export class ReturnSignal {
  constructor(readonly value: Value) {}
}

/** A node turned into a closure: evaluates the node in a context. */
type Evaluator = (ctx: ExecContext) => Value;

/** The closures of the nodes evaluated so far (nodes are immutable and shared by all builds). */
const evaluators = new WeakMap<Node, Evaluator>();

/** Evaluates a node. Errors are PanErrors located at the failing construct. */
export function evaluate(ctx: ExecContext, n: Node): Value {
  return evaluatorOf(n)(ctx);
}

/** The closure of a node, made on first use. */
function evaluatorOf(n: Node): Evaluator {
  let f = evaluators.get(n);
  if (f === undefined) {
    f = makeEvaluator(n);
    evaluators.set(n, f);
  }
  return f;
}

function makeEvaluator(n: Node): Evaluator {
  switch (n.k) {
    case 'lit': {
      const v = n.v;
      return () => v;
    }
    case 'var':
      return varEvaluator(n);
    case 'set':
      return setEvaluator(n.targets, n.value);
    case 'block':
      return blockEvaluator(n.body.map(evaluatorOf), n.span);
    case 'if':
      return ifEvaluator(n.cond, n.then, n.else, n.span);
    case 'while':
      return loopEvaluator(undefined, n.cond, undefined, n.body, keywordSpan(n.span, 'while'));
    case 'for':
      return loopEvaluator(n.init, n.cond, n.step, n.body, keywordSpan(n.span, 'for'));
    case 'foreach':
      return foreachEvaluator(n);
    case 'bin': {
      const [l, r, op, span] = [evaluatorOf(n.l), evaluatorOf(n.r), n.op, n.span];
      return (ctx) => {
        const a = l(ctx);
        const b = r(ctx);
        try {
          return binaryOp(op, a, b);
        } catch (e) {
          throw opFailure(e, span, ctx);
        }
      };
    }
    case 'and':
    case 'or':
      return logicEvaluator(n.k, evaluatorOf(n.l), evaluatorOf(n.r), n.span);
    case 'un': {
      const [a, op, span] = [evaluatorOf(n.a), n.op, n.span];
      return (ctx) => {
        const v = a(ctx);
        try {
          return unaryOp(op, v);
        } catch (e) {
          throw opFailure(e, span, ctx);
        }
      };
    }
    case 'pure':
      return pureEvaluator(n.fn.call, n.args.map(evaluatorOf), n.span);
    case 'user':
      return userEvaluator(n);
    case 'special':
      return specialEvaluator(n);
  }
}

/** A PanError located at `span` with the current call stack. */
export function located(message: string, span: Node['span'], ctx: ExecContext, code: PanError['code'] = 'PF200'): PanError {
  return new PanError(code, message).locate(span, ctx);
}

/**
 * A PanError at `span` whose call stack is recorded by the enclosing block or statement (panc
 * raises these without a context).
 */
export function deferred(message: string, span: Node['span'], code: PanError['code'] = 'PF200'): PanError {
  return new PanError(code, message, span);
}

/** The span of the keyword that starts a node (`if`, `while`, `for`, `foreach`), as panc reports it. */
function keywordSpan(span: Node['span'], keyword: string): Node['span'] {
  const len = keyword.length;
  return { file: span.file, offset: span.offset, length: len, line: span.line, col: span.col, endLine: span.line, endCol: span.col + len - 1 };
}

function opFailure(e: unknown, span: Node['span'], ctx: ExecContext): PanError {
  if (e instanceof OpError) return deferred(e.message, span, 'PF215');
  return asPanError(e).locate(span, ctx);
}

// ---------------------------------------------------------------- variables

/** The terms of a variable reference without subscripts (shared, never modified). */
const NO_TERMS: readonly Term[] = [];

/** Evaluates the subscripts of a variable reference or target into terms. */
export function subscriptTerms(ctx: ExecContext, n: VarNode | Target): readonly Term[] {
  const subs = n.subs;
  if (subs.length === 0) return NO_TERMS;
  const terms: Term[] = new Array(subs.length);
  for (let i = 0; i < subs.length; i++) terms[i] = toTerm(ctx, evaluatorOf(subs[i]!)(ctx), n.span);
  return terms;
}

/** Evaluates subscripts (as closures) into terms. */
function evalTerms(ctx: ExecContext, subs: readonly Evaluator[], span: Node['span']): readonly Term[] {
  if (subs.length === 0) return NO_TERMS;
  const terms: Term[] = new Array(subs.length);
  for (let i = 0; i < subs.length; i++) terms[i] = toTerm(ctx, subs[i]!(ctx), span);
  return terms;
}

/**
 * The terms of subscripts that are all literals of valid terms, worked out once (shared, never
 * modified); undefined when some subscript must be evaluated (or fails, which it then does at
 * run time).
 */
function constantTerms(subs: readonly Node[]): readonly Term[] | undefined {
  if (subs.length === 0) return NO_TERMS;
  const terms: Term[] = [];
  for (const sub of subs) {
    const term = sub.k === 'lit' ? literalTerm(sub.v) : undefined;
    if (term === undefined) return undefined;
    terms.push(term);
  }
  return terms;
}

/** A subscript value as a term; errors are located at the variable reference. */
function toTerm(ctx: ExecContext, v: Value, span: Node['span']): Term {
  try {
    return termFromValue(v);
  } catch (e) {
    throw asPanError(e).locate(span, ctx);
  }
}

/** Reads a variable reference; `lookupOnly` yields MISSING instead of an "undefined" error. */
export function lookupVar(ctx: ExecContext, n: VarNode | Target, lookupOnly: boolean): Value | typeof MISSING {
  return readReference(ctx, n.name, subscriptTerms(ctx, n), n.span, lookupOnly);
}

function readReference(ctx: ExecContext, name: string, terms: readonly Term[], span: Node['span'], lookupOnly: boolean): Value | typeof MISSING {
  let result;
  try {
    result = readVar(ctx, name, terms, lookupOnly);
  } catch (e) {
    throw asPanError(e).locate(span, ctx);
  }
  if (result === MISSING && !lookupOnly) {
    throw located(`variable named '${describeVar(name, terms)}' is undefined`, span, ctx, 'PF202');
  }
  return result;
}

function varEvaluator(n: VarNode): Evaluator {
  const [name, span, fixed] = [n.name, n.span, constantTerms(n.subs)];
  if (fixed !== undefined) return (ctx) => readReference(ctx, name, fixed, span, false) as Value;
  const subs = n.subs.map(evaluatorOf);
  return (ctx) => readReference(ctx, name, evalTerms(ctx, subs, span), span, false) as Value;
}

/** A write target with its subscripts as closures, or their terms when they are constant. */
interface CompiledTarget {
  readonly target: Target;
  readonly subs: readonly Evaluator[];
  readonly terms: readonly Term[] | undefined;
}

function compileTarget(t: Target): CompiledTarget {
  return { target: t, subs: t.subs.map(evaluatorOf), terms: constantTerms(t.subs) };
}

/** Writes a value to a target (its subscripts evaluated now); returns the stored value. */
function assignTarget(ctx: ExecContext, t: CompiledTarget, value: Value, fresh = false): Value {
  const terms = t.terms ?? evalTerms(ctx, t.subs, t.target.span);
  try {
    return writeTarget(ctx, t.target, terms, value, fresh);
  } catch (e) {
    throw asPanError(e).locate(t.target.span, ctx);
  }
}

function setEvaluator(targets: readonly Target[], valueNode: Node): Evaluator {
  const [compiled, value] = [targets.map(compileTarget), evaluatorOf(valueNode)];
  // A fresh value needs no copy where it is stored first (later targets get the stored value).
  const fresh = isFreshValue(valueNode);
  return (ctx) => {
    let v = value(ctx);
    for (let i = 0; i < compiled.length; i++) v = assignTarget(ctx, compiled[i]!, v, fresh && i === 0);
    return v;
  };
}

// ---------------------------------------------------------------- control flow

function blockEvaluator(body: readonly Evaluator[], span: Node['span']): Evaluator {
  return (ctx) => {
    let result: Value = undefined;
    try {
      for (const f of body) result = f(ctx);
    } catch (e) {
      if (e instanceof PanError) e.locate(span, ctx);
      throw e;
    }
    return result;
  };
}

function ifEvaluator(condNode: Node, thenNode: Node, elseNode: Node | undefined, span: Node['span']): Evaluator {
  const [cond, then, otherwise] = [evaluatorOf(condNode), evaluatorOf(thenNode), elseNode === undefined ? undefined : evaluatorOf(elseNode)];
  return (ctx) => {
    const c = cond(ctx);
    if (typeof c !== 'boolean') throw deferred('if-else test must evaluate to a boolean property', keywordSpan(span, 'if'));
    if (c) return then(ctx);
    return otherwise === undefined ? undefined : otherwise(ctx);
  };
}

function loopEvaluator(
  initNode: Node | undefined,
  condNode: Node,
  stepNode: Node | undefined,
  bodyNode: Node,
  span: Node['span'],
): Evaluator {
  const init = initNode === undefined ? undefined : evaluatorOf(initNode);
  const step = stepNode === undefined ? undefined : evaluatorOf(stepNode);
  const [cond, body] = [evaluatorOf(condNode), evaluatorOf(bodyNode)];
  const test = (ctx: ExecContext): boolean => {
    const c = cond(ctx);
    if (typeof c !== 'boolean') throw located('loop test must evaluate to a boolean property', span, ctx);
    return c;
  };
  return (ctx) => {
    let result: Value = init === undefined ? undefined : init(ctx);
    const limit = ctx.maxIteration;
    let count = 0;
    while (test(ctx)) {
      count++;
      if (limit > 0 && count > limit) {
        throw located(`loop iteration count (${limit}) has been exceeded`, span, ctx, 'PF207');
      }
      result = body(ctx);
      if (step !== undefined) step(ctx);
    }
    return result;
  };
}

function foreachEvaluator(n: ForeachNode): Evaluator {
  const [coll, key, value, body, span] = [evaluatorOf(n.coll), compileTarget(n.key), compileTarget(n.value), evaluatorOf(n.body), n.span];
  /** One iteration: assigns the key and value targets, evaluates the body. */
  const plainValue = n.value.subs.length === 0 && n.value.name !== 'SELF';
  const step = (ctx: ExecContext, k: Value, v: Value): Value => {
    assignTarget(ctx, key, k);
    if (plainValue) {
      resetValue(ctx, n.value, v);
    } else {
      assignTarget(ctx, value, undefined);
      assignTarget(ctx, value, v);
    }
    return body(ctx);
  };
  return (ctx) => {
    const c = coll(ctx);
    if (!(c instanceof PanList || c instanceof PanDict)) {
      throw deferred('third foreach argument does not evaluate to a resource', keywordSpan(span, 'foreach'));
    }
    assignTarget(ctx, key, undefined);
    assignTarget(ctx, value, undefined);
    let result: Value = undefined;
    if (c instanceof PanList) {
      for (let i = 0; i < c.items.length; i++) result = step(ctx, BigInt(i), c.items[i]);
    } else {
      // The key list is a snapshot: a dict never modifies a key list it has handed out.
      for (const k of c.keys()) {
        if (!c.map.has(k)) throw deferred('resource changed structurally during iteration', keywordSpan(span, 'foreach'));
        result = step(ctx, k, c.map.get(k));
      }
    }
    return result;
  };
}

/** Sets a plain local variable as `x = undef; x = v` would; errors are located at the target. */
function resetValue(ctx: ExecContext, target: Target, v: Value): void {
  try {
    resetLocal(ctx, target.name, v);
  } catch (e) {
    throw asPanError(e).locate(target.span, ctx);
  }
}

function logicEvaluator(k: 'and' | 'or', l: Evaluator, r: Evaluator, span: Node['span']): Evaluator {
  const name = k === 'and' ? 'logical-and (&&)' : 'logical-or (||)';
  const shortCircuit = k === 'or';
  return (ctx) => {
    const a = l(ctx);
    if (typeof a !== 'boolean') throw deferred(`first argument for ${name} operation must be a boolean value`, span, 'PF215');
    if (a === shortCircuit) return a;
    const b = r(ctx);
    if (typeof b !== 'boolean') throw deferred(`second argument for ${name} operation must be a boolean value`, span, 'PF215');
    return b;
  };
}

// ---------------------------------------------------------------- calls

/** The closures of argument lists evaluated through evalArgs. */
const argEvaluators = new WeakMap<readonly Node[], readonly Evaluator[]>();

/** Evaluates arguments left to right. */
export function evalArgs(ctx: ExecContext, args: readonly Node[]): Value[] {
  let fs = argEvaluators.get(args);
  if (fs === undefined) {
    fs = args.map(evaluatorOf);
    argEvaluators.set(args, fs);
  }
  return evalEach(ctx, fs);
}

/** A call of an evaluator built-in; create() gets its arguments from their closures. */
function specialEvaluator(n: SpecialNode): Evaluator {
  if (n.name === 'create') {
    const [args, keyTerms, site] = [n.args.map(evaluatorOf), createKeyTerms(n), newCreateSite()];
    return (ctx) => createWith(ctx, n, evalEach(ctx, args), keyTerms, site);
  }
  const handler = specialHandler(n.name);
  return (ctx) => handler(ctx, n);
}

/** The values of argument closures, left to right. */
function evalEach(ctx: ExecContext, fs: readonly Evaluator[]): Value[] {
  const out: Value[] = new Array(fs.length);
  for (let i = 0; i < fs.length; i++) out[i] = fs[i]!(ctx);
  return out;
}

/** A call of a pure built-in; its BuiltinError becomes an Evaluation error at the call. */
function pureEvaluator(fn: (args: readonly Value[]) => Value, argEvaluators: readonly Evaluator[], span: Node['span']): Evaluator {
  return (ctx) => {
    const args: Value[] = new Array(argEvaluators.length);
    for (let i = 0; i < argEvaluators.length; i++) args[i] = argEvaluators[i]!(ctx);
    try {
      return fn(args);
    } catch (e) {
      if (e instanceof BuiltinError) throw deferred(e.message, span, 'PF210');
      throw asPanError(e).locate(span, ctx);
    }
  };
}

/**
 * The ARGV items of a call: the arguments in order, except that a null argument is no item (it
 * leaves undef in its place when a later argument follows).
 */
function argumentList(ctx: ExecContext, args: readonly Evaluator[]): Value[] {
  const items: Value[] = [];
  for (let i = 0; i < args.length; i++) {
    const v = args[i]!(ctx);
    if (v === null) continue;
    while (items.length < i) items.push(undefined);
    items.push(v);
  }
  return items;
}

/** A call of a user-defined function (§7.6). */
function userEvaluator(n: UserCallNode): Evaluator {
  const [name, args, span] = [n.name, n.args.map(evaluatorOf), n.span];
  // The function body this call ran last, and its closure (builds usually define it alike).
  let lastBody: Node | undefined;
  let lastEvaluator: Evaluator | undefined;
  return (ctx) => {
    const fd = ctx.build?.functions.get(name);
    if (fd === undefined) throw located(`undefined function: ${name}`, span, ctx, 'PF203');
    const argv = new PanList(argumentList(ctx, args));
    const savedLocals = ctx.locals;
    ctx.push(fd.template, span, name);
    const locals = new Map<string, Value>();
    locals.set('ARGV', argv);
    locals.set('ARGC', BigInt(argv.items.length));
    ctx.locals = locals;
    if (fd.body !== lastBody) {
      lastEvaluator = evaluatorOf(fd.body);
      lastBody = fd.body;
    }
    try {
      return lastEvaluator!(ctx);
    } catch (e) {
      if (e instanceof ReturnSignal) return e.value;
      // Record the call stack while this call is still on it.
      if (e instanceof PanError) e.locate(fd.body.span, ctx);
      throw e;
    } finally {
      ctx.locals = savedLocals;
      ctx.pop();
    }
  };
}
