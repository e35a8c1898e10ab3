/**
 * Compiles DML expressions from the AST into evaluator nodes, with panc's compile-time checks:
 * operator folding and its Syntax-vs-Evaluation errors (§7.9 A), restricted contexts for error()
 * and return() (§7.7), assignment target checks (automatic variables, SELF, literal subscripts),
 * and resolution of function calls to evaluator built-ins, pure built-ins or user functions.
 */
import type { Expr, VarExpr } from '../../../grammar/ast.js';
import type { Span } from '../../diagnostics/span.js';
import { PanError } from '../errors.js';
import type { Node, Target } from '../ir.js';
import { OpError, binaryOp, unaryOp } from '../ops.js';
import { termFromValue } from '../terms.js';
import { compileCall } from './calls.js';

/** Options of one file's compilation. */
export interface ExprEnv {
  /** True inside function arguments and variable subscripts (error/return forbidden). */
  readonly restricted: boolean;
  /** True if debug()/traceback() calls are kept for this template. */
  readonly debugEnabled: boolean;
}

const AUTOMATIC_TARGETS = new Set(['OBJECT', 'FUNCTION', 'TEMPLATE']);

function syntax(message: string, span: Span, code: PanError['code'] = 'PF115'): PanError {
  return new PanError(code, message, span);
}

/** Folding failure: wrong-kind operands are Evaluation errors, other failures Syntax (panc). */
function foldError(e: unknown, span: Span): PanError {
  if (e instanceof OpError) return new PanError(e.invalidKind ? 'PF215' : 'PF115', e.message, span);
  if (e instanceof PanError) return e;
  throw e;
}

/** Compiles an expression. */
export function compileExpr(e: Expr, env: ExprEnv): Node {
  switch (e.kind) {
    case 'Literal':
      return { k: 'lit', v: e.value, span: e.span };
    case 'Var':
      return { k: 'var', name: e.name, subs: compileSubs(e, env), span: e.span };
    case 'Call':
      return compileCall(e, env);
    case 'Unary': {
      const a = compileExpr(e.operand, env);
      if (a.k !== 'lit') return { k: 'un', op: e.op, a, span: e.span };
      try {
        return { k: 'lit', v: unaryOp(e.op, a.v, true), span: e.span };
      } catch (err) {
        throw foldError(err, e.span);
      }
    }
    case 'Binary':
      return compileBinary(e, env);
    case 'LocalAssign':
      return compileLocalAssign(e, env);
    case 'If':
      return compileIf(e, env);
    case 'While': {
      const cond = compileExpr(e.cond, env);
      const body = compileExpr(e.body, env);
      if (cond.k === 'lit') {
        if (typeof cond.v !== 'boolean') throw syntax('loop test must evaluate to a boolean property', e.span);
        if (!cond.v) return { k: 'lit', v: undefined, span: e.span };
      }
      return { k: 'while', cond, body, span: e.span };
    }
    case 'For':
      return {
        k: 'for',
        init: compileExpr(e.init, env),
        cond: compileExpr(e.cond, env),
        step: compileExpr(e.step, env),
        body: compileExpr(e.body, env),
        span: e.span,
      };
    case 'Foreach': {
      const key = compileTarget(e.key, env);
      const value = compileTarget(e.value, env);
      return { k: 'foreach', key, value, coll: compileExpr(e.collection, env), body: compileExpr(e.body, env), span: e.span };
    }
    case 'Block': {
      const body: Node[] = [];
      for (const x of e.body) {
        const n = compileExpr(x, env);
        if (n.k === 'block') body.push(...n.body);
        else body.push(n);
      }
      if (body.length === 1) return body[0]!;
      return { k: 'block', body, span: e.span };
    }
  }
}

function compileSubs(v: VarExpr, env: ExprEnv): Node[] {
  const inner: ExprEnv = { ...env, restricted: true };
  return v.subscripts.map((s) => compileExpr(s, inner));
}

function compileBinary(e: Extract<Expr, { kind: 'Binary' }>, env: ExprEnv): Node {
  const l = compileExpr(e.left, env);
  const r = compileExpr(e.right, env);
  if (e.op === '&&' || e.op === '||') {
    const name = e.op === '&&' ? 'logical-and (&&)' : 'logical-or (||)';
    if (l.k === 'lit') {
      if (typeof l.v !== 'boolean') throw syntax(`first argument for ${name} operation must be a boolean value`, e.span);
      if (e.op === '&&' ? !l.v : l.v) return { k: 'lit', v: l.v, span: e.span };
    }
    if (r.k === 'lit' && typeof r.v !== 'boolean') {
      throw syntax(`second argument for ${name} operation must be a boolean value`, e.span);
    }
    if (l.k === 'lit' && r.k === 'lit') return { k: 'lit', v: r.v, span: e.span };
    return { k: e.op === '&&' ? 'and' : 'or', l, r, span: e.span };
  }
  if (l.k === 'lit' && r.k === 'lit') {
    try {
      return { k: 'lit', v: binaryOp(e.op, l.v, r.v), span: e.span };
    } catch (err) {
      throw foldError(err, e.span);
    }
  }
  return { k: 'bin', op: e.op, l, r, span: e.span };
}

function compileIf(e: Extract<Expr, { kind: 'If' }>, env: ExprEnv): Node {
  const cond = compileExpr(e.cond, env);
  const then = compileExpr(e.then, env);
  const otherwise = e.else === undefined ? undefined : compileExpr(e.else, env);
  if (cond.k === 'lit') {
    if (typeof cond.v !== 'boolean') throw syntax('if-else test must evaluate to a boolean property', e.span);
    if (cond.v) return then;
    return otherwise ?? { k: 'lit', v: undefined, span: e.span };
  }
  return { k: 'if', cond, then, else: otherwise, span: e.span };
}

function compileLocalAssign(e: Extract<Expr, { kind: 'LocalAssign' }>, env: ExprEnv): Node {
  const chain: VarExpr[] = [];
  let value: Expr = e;
  while (value.kind === 'LocalAssign') {
    chain.push(value.target);
    value = value.value;
  }
  const valueNode = compileExpr(value, env);
  const targets: Target[] = [];
  for (let i = chain.length - 1; i >= 0; i--) targets.push(compileTarget(chain[i]!, env));
  return { k: 'set', targets, value: valueNode, span: e.span };
}

/** Compiles a variable used as an assignment target (panc's SetValue checks). */
function compileTarget(v: VarExpr, env: ExprEnv): Target {
  const subs = compileSubs(v, env);
  if (AUTOMATIC_TARGETS.has(v.name)) {
    throw syntax(`automatic variable (${v.name}) may not be set directly`, v.span, 'PF117');
  }
  subs.forEach((s, i) => {
    if (s.k !== 'lit') return;
    try {
      termFromValue(s.v);
    } catch {
      throw syntax(`index ${i} is not a valid term`, v.span, 'PF112');
    }
  });
  if (v.name === 'SELF' && subs.length === 0) throw syntax('SELF variable may not be set directly', v.span, 'PF117');
  return { name: v.name, subs, span: v.span };
}
