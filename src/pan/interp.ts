/**
 * The DML interpreter: evaluates compiled nodes in an execution context (§7). Control flow with
 * iteration limits, operators, variables, pure built-ins through the registry, user-defined
 * functions (ARGV/ARGC, FUNCTION, call depth) and the evaluator's own built-ins (specials.ts).
 */
import { BuiltinError } from './builtins/registry-types.js';
import type { ExecContext } from './context.js';
import { PanDict, PanList, type Value } from './element.js';
import { PanError, asPanError } from './errors.js';
import type { ForeachNode, Node, Target, UserCallNode, VarNode } from './ir.js';
import { OpError, binaryOp, unaryOp } from './ops.js';
import { callSpecial } from './specials.js';
import { termFromValue, type Term } from './terms.js';
import { MISSING, putChild } from './tree.js';
import { describeVar, readVar, writeTarget } from './variables.js';

/** Thrown by return(); caught by the enclosing statement DML or function call. */
export class ReturnSignal {
  constructor(readonly value: Value) {}
}

/** Evaluates a node. Errors are PanErrors located at the failing construct. */
export function evaluate(ctx: ExecContext, n: Node): Value {
  switch (n.k) {
    case 'lit':
      return n.v;
    case 'var':
      return evalVar(ctx, n);
    case 'set':
      return evalSet(ctx, n.targets, n.value);
    case 'block': {
      let result: Value = undefined;
      try {
        for (const x of n.body) result = evaluate(ctx, x);
      } catch (e) {
        if (e instanceof PanError) e.locate(n.span, ctx);
        throw e;
      }
      return result;
    }
    case 'if': {
      const c = evaluate(ctx, n.cond);
      if (typeof c !== 'boolean') throw deferred('if-else test must evaluate to a boolean property', keywordSpan(n.span, 'if'));
      if (c) return evaluate(ctx, n.then);
      return n.else === undefined ? undefined : evaluate(ctx, n.else);
    }
    case 'while':
      return evalLoop(ctx, undefined, n.cond, undefined, n.body, keywordSpan(n.span, 'while'));
    case 'for':
      return evalLoop(ctx, n.init, n.cond, n.step, n.body, keywordSpan(n.span, 'for'));
    case 'foreach':
      return evalForeach(ctx, n);
    case 'bin': {
      const a = evaluate(ctx, n.l);
      const b = evaluate(ctx, n.r);
      try {
        return binaryOp(n.op, a, b);
      } catch (e) {
        throw opFailure(e, n.span, ctx);
      }
    }
    case 'and':
    case 'or':
      return evalLogic(ctx, n.k, n.l, n.r, n.span);
    case 'un': {
      const a = evaluate(ctx, n.a);
      try {
        return unaryOp(n.op, a);
      } catch (e) {
        throw opFailure(e, n.span, ctx);
      }
    }
    case 'pure':
      return callPure(ctx, n.fn.call, n.args, n.span);
    case 'user':
      return callUser(ctx, n);
    case 'special':
      return callSpecial(ctx, n);
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

/** The terms of a variable reference without subscripts (shared, never modified). */
const NO_TERMS: readonly Term[] = [];

/** Evaluates the subscripts of a variable reference or target into terms. */
export function subscriptTerms(ctx: ExecContext, n: VarNode | Target): readonly Term[] {
  return n.subs.length === 0 ? NO_TERMS : evalTerms(ctx, n.subs, n.span);
}

/** Evaluates subscripts into terms. */
export function evalTerms(ctx: ExecContext, subs: readonly Node[], span: Node['span']): Term[] {
  const terms: Term[] = new Array(subs.length);
  for (let i = 0; i < subs.length; i++) {
    const v = evaluate(ctx, subs[i]!);
    try {
      terms[i] = termFromValue(v);
    } catch (e) {
      throw asPanError(e).locate(span, ctx);
    }
  }
  return terms;
}

/** Reads a variable reference; `lookupOnly` yields MISSING instead of an "undefined" error. */
export function lookupVar(ctx: ExecContext, n: VarNode | Target, lookupOnly: boolean): Value | typeof MISSING {
  const terms = subscriptTerms(ctx, n);
  let result;
  try {
    result = readVar(ctx, n.name, terms, lookupOnly);
  } catch (e) {
    throw asPanError(e).locate(n.span, ctx);
  }
  if (result === MISSING && !lookupOnly) {
    throw located(`variable named '${describeVar(n.name, terms)}' is undefined`, n.span, ctx, 'PF202');
  }
  return result;
}

function evalVar(ctx: ExecContext, n: VarNode): Value {
  return lookupVar(ctx, n, false) as Value;
}

function evalSet(ctx: ExecContext, targets: readonly Target[], valueNode: Node): Value {
  let value = evaluate(ctx, valueNode);
  for (const t of targets) {
    const terms = subscriptTerms(ctx, t);
    try {
      value = writeTarget(ctx, t, terms, value);
    } catch (e) {
      throw asPanError(e).locate(t.span, ctx);
    }
  }
  return value;
}

function loopTest(ctx: ExecContext, cond: Node, span: Node['span']): boolean {
  const c = evaluate(ctx, cond);
  if (typeof c !== 'boolean') throw located('loop test must evaluate to a boolean property', span, ctx);
  return c;
}

function evalLoop(
  ctx: ExecContext,
  init: Node | undefined,
  cond: Node,
  step: Node | undefined,
  body: Node,
  span: Node['span'],
): Value {
  let result: Value = init === undefined ? undefined : evaluate(ctx, init);
  const limit = ctx.maxIteration;
  let count = 0;
  while (loopTest(ctx, cond, span)) {
    count++;
    if (limit > 0 && count > limit) {
      throw located(`loop iteration count (${limit}) has been exceeded`, span, ctx, 'PF207');
    }
    result = evaluate(ctx, body);
    if (step !== undefined) evaluate(ctx, step);
  }
  return result;
}

function assignTarget(ctx: ExecContext, t: Target, value: Value): void {
  const terms = subscriptTerms(ctx, t);
  try {
    writeTarget(ctx, t, terms, value);
  } catch (e) {
    throw asPanError(e).locate(t.span, ctx);
  }
}

function evalForeach(ctx: ExecContext, n: ForeachNode): Value {
  const coll = evaluate(ctx, n.coll);
  if (!(coll instanceof PanList || coll instanceof PanDict)) {
    throw deferred('third foreach argument does not evaluate to a resource', keywordSpan(n.span, 'foreach'));
  }
  assignTarget(ctx, n.key, undefined);
  assignTarget(ctx, n.value, undefined);
  let result: Value = undefined;
  if (coll instanceof PanList) {
    for (let i = 0; i < coll.items.length; i++) result = foreachStep(ctx, n, BigInt(i), coll.items[i]);
  } else {
    // The key list is a snapshot: a dict never modifies a key list it has handed out.
    for (const k of coll.keys()) {
      if (!coll.map.has(k)) throw deferred('resource changed structurally during iteration', keywordSpan(n.span, 'foreach'));
      result = foreachStep(ctx, n, k, coll.map.get(k));
    }
  }
  return result;
}

/** One iteration of foreach: assigns the key and value targets, evaluates the body. */
function foreachStep(ctx: ExecContext, n: ForeachNode, k: Value, v: Value): Value {
  assignTarget(ctx, n.key, k);
  assignTarget(ctx, n.value, undefined);
  assignTarget(ctx, n.value, v);
  return evaluate(ctx, n.body);
}

function evalLogic(ctx: ExecContext, k: 'and' | 'or', l: Node, r: Node, span: Node['span']): Value {
  const name = k === 'and' ? 'logical-and (&&)' : 'logical-or (||)';
  const a = evaluate(ctx, l);
  if (typeof a !== 'boolean') throw deferred(`first argument for ${name} operation must be a boolean value`, span, 'PF215');
  if (k === 'and' ? !a : a) return a;
  const b = evaluate(ctx, r);
  if (typeof b !== 'boolean') throw deferred(`second argument for ${name} operation must be a boolean value`, span, 'PF215');
  return b;
}

/** Evaluates arguments left to right. */
export function evalArgs(ctx: ExecContext, args: readonly Node[]): Value[] {
  const out: Value[] = new Array(args.length);
  for (let i = 0; i < args.length; i++) out[i] = evaluate(ctx, args[i]!);
  return out;
}

/** Calls a pure built-in; its BuiltinError becomes an Evaluation error at the call. */
function callPure(
  ctx: ExecContext,
  fn: (args: readonly Value[]) => Value,
  argNodes: readonly Node[],
  span: Node['span'],
): Value {
  const args = evalArgs(ctx, argNodes);
  try {
    return fn(args);
  } catch (e) {
    if (e instanceof BuiltinError) throw deferred(e.message, span, 'PF210');
    throw asPanError(e).locate(span, ctx);
  }
}

/** Calls a user-defined function (§7.6). */
function callUser(ctx: ExecContext, n: UserCallNode): Value {
  const fd = ctx.build?.functions.get(n.name);
  if (fd === undefined) throw located(`undefined function: ${n.name}`, n.span, ctx, 'PF203');
  const argv = new PanList();
  for (let i = 0; i < n.args.length; i++) putChild(argv, i, evaluate(ctx, n.args[i]!));
  const savedLocals = ctx.locals;
  ctx.push(fd.template, n.span, n.name);
  const locals = new Map<string, Value>();
  locals.set('ARGV', argv);
  locals.set('ARGC', BigInt(argv.items.length));
  ctx.locals = locals;
  try {
    return evaluate(ctx, fd.body);
  } catch (e) {
    if (e instanceof ReturnSignal) return e.value;
    // Record the call stack while this call is still on it.
    if (e instanceof PanError) e.locate(fd.body.span, ctx);
    throw e;
  } finally {
    ctx.locals = savedLocals;
    ctx.pop();
  }
}
