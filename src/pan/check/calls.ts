/**
 * Compile-time handling of function calls: argument compilation in a restricted context,
 * automatic-variable names, evaluator built-ins with panc's arity and literal-argument checks,
 * pure built-ins through the registry (arity + staticCheck, reported as Syntax errors), and
 * user-defined functions (resolved at run time).
 */
import type { CallExpr } from '../../../grammar/ast.js';
import type { Span } from '../../diagnostics/span.js';
import { PURE_BUILTINS } from '../builtins/index.js';
import type { StaticArg } from '../builtins/registry-types.js';
import { PanList } from '../element.js';
import { PanError } from '../errors.js';
import type { Node, SpecialName, SpecialNode, Target } from '../ir.js';
import { parsePath } from '../path.js';
import { compileExpr, type ExprEnv } from './expr.js';

const AUTOMATIC_VARIABLES = new Set(['SELF', 'OBJECT', 'TEMPLATE', 'FUNCTION', 'ARGV', 'ARGC']);

const IS_TESTS: Record<string, string> = {
  is_boolean: 'boolean',
  is_defined: 'defined',
  is_double: 'double',
  is_long: 'long',
  is_nlist: 'nlist',
  is_dict: 'nlist',
  is_list: 'list',
  is_null: 'null',
  is_number: 'number',
  is_property: 'property',
  is_resource: 'resource',
  is_string: 'string',
};

const SPECIALS = new Set<string>([
  'value', 'exists', 'path_exists', 'if_exists', 'is_valid', 'create', 'append', 'prepend', 'delete',
  'first', 'next', 'error', 'debug', 'traceback', 'deprecated', 'return', 'file_contents', 'file_exists',
  'substitute', ...Object.keys(IS_TESTS),
]);

function syntax(message: string, span: Span, code: PanError['code'] = 'PF114'): PanError {
  return new PanError(code, message, span);
}

const COUNT_WORDS = ['zero', 'one', 'two', 'three', 'four'];

/** panc's arity message for a function with `min`..`max` arguments. */
export function arityMessage(name: string, min: number, max: number): string {
  if (min === max && min >= 1 && min <= 3) return `${name}() requires exactly ${COUNT_WORDS[min]} argument${min > 1 ? 's' : ''}`;
  if (min === 1 && max === 2) return `${name}() requires exactly one or two arguments`;
  if (min === 2 && max === 3) return `${name}() must have two or three arguments`;
  if (min === 3 && max === 4) return `${name}() must have three or four arguments`;
  if (max === Infinity && min === 1) return `${name}() requires at least one argument`;
  if (max === Infinity && min === 2) return `${name}() requires two or more arguments`;
  if (max === Infinity) return `${name}() requires at least ${min} arguments`;
  return `${name}() requires between ${min} and ${max} arguments`;
}

function checkArity(name: string, args: readonly Node[], min: number, max: number, span: Span): void {
  if (args.length < min || args.length > max) throw syntax(arityMessage(name, min, max), span);
}

/** Compiles a function call. */
export function compileCall(e: CallExpr, env: ExprEnv): Node {
  const argEnv: ExprEnv = { ...env, restricted: true };
  const args = e.args.map((a) => compileExpr(a, argEnv));
  if (AUTOMATIC_VARIABLES.has(e.name)) throw syntax(`${e.name} cannot be used as a function`, e.span);
  let node: Node;
  if (SPECIALS.has(e.name)) {
    node = compileSpecial(e.name, args, e.span, env);
  } else {
    const pure = PURE_BUILTINS.get(e.name);
    if (pure !== undefined) {
      if (args.length < pure.minArgs || args.length > pure.maxArgs) {
        throw syntax(pure.arityMessage ?? arityMessage(e.name, pure.minArgs, pure.maxArgs), e.span);
      }
      const statics: StaticArg[] = args.map((a) => (a.k === 'lit' ? { literal: true, value: a.v } : { literal: false }));
      const problem = pure.staticCheck?.(statics);
      if (problem !== undefined) throw syntax(problem, e.span);
      node = { k: 'pure', fn: pure, args, span: e.span };
    } else {
      node = { k: 'user', name: e.name, args, span: e.span };
    }
  }
  if (env.restricted && (e.name === 'error' || e.name === 'return')) {
    throw syntax(
      `${e.name}() may not appear in a restricted context (either variable indices or function arguments)`,
      e.span,
      'PF118',
    );
  }
  return node;
}

function targetOf(n: Node | undefined): Target | undefined {
  return n !== undefined && n.k === 'var' ? { name: n.name, subs: n.subs, span: n.span } : undefined;
}

/** A target for delete/first/next (panc's SetValue checks). */
function setTarget(n: Node, span: Span): Target {
  const t = targetOf(n)!;
  if (t.name === 'OBJECT' || t.name === 'FUNCTION' || t.name === 'TEMPLATE') {
    throw syntax(`automatic variable (${t.name}) may not be set directly`, t.span, 'PF117');
  }
  if (t.name === 'SELF' && t.subs.length === 0) throw syntax('SELF variable may not be set directly', span, 'PF117');
  return t;
}

function special(name: SpecialName, called: string, args: Node[], span: Span, extra: Partial<SpecialNode> = {}): SpecialNode {
  return { k: 'special', name, called, args, span, ...extra };
}

function isLit(n: Node | undefined): n is Extract<Node, { k: 'lit' }> {
  return n !== undefined && n.k === 'lit';
}

function relativeFileOk(n: Node): boolean {
  return !isLit(n) || (typeof n.v === 'string' && n.v !== '' && !n.v.startsWith('/'));
}

function compileSpecial(name: string, args: Node[], span: Span, env: ExprEnv): Node {
  const test = IS_TESTS[name];
  if (test !== undefined) {
    checkArity(name, args, 1, 1, span);
    const target = targetOf(args[0]);
    return special('is_type', name, args, span, target === undefined ? { test } : { test, targets: [target] });
  }
  switch (name) {
    case 'value':
      checkArity(name, args, 1, 2, span);
      return special('value', name, args, span);
    case 'exists': {
      checkArity(name, args, 1, 1, span);
      const target = targetOf(args[0]);
      if (target !== undefined) return special('exists', name, args, span, { targets: [target] });
      if (isLit(args[0]) && typeof args[0].v !== 'string') {
        throw syntax('exists() requires one variable reference or string argument', span);
      }
      return special('exists', name, args, span);
    }
    case 'path_exists':
      checkArity(name, args, 1, 1, span);
      if (isLit(args[0])) checkLiteralPath(args[0].v, span);
      return special('path_exists', name, args, span);
    case 'if_exists':
      if (args.length !== 1) throw syntax('if_exists() requires exactly one string argument', span);
      return special('if_exists', name, args, span);
    case 'is_valid':
      return compileIsValid(args, span);
    case 'create':
      if (args.length % 2 !== 1) throw syntax('create() requires an odd number of arguments', span);
      return special('create', name, args, span);
    case 'append':
    case 'prepend':
      return compileAppend(name, args, span);
    case 'delete':
      checkArity(name, args, 1, 1, span);
      if (targetOf(args[0]) === undefined) throw syntax('first argument of delete() must be a variable reference', span);
      return special('delete', name, args, span, { targets: [setTarget(args[0]!, span)] });
    case 'first':
    case 'next':
      return compileIterator(name, args, span);
    case 'error':
      checkArity(name, args, 1, Infinity, span);
      return special('error', name, args, span);
    case 'return':
      checkArity(name, args, 1, 1, span);
      return special('return', name, args, span);
    case 'debug':
    case 'traceback':
      return compileDebug(name, args, span, env);
    case 'deprecated':
      return compileDeprecated(args, span);
    case 'file_contents':
      checkArity(name, args, 1, 2, span);
      if (!relativeFileOk(args[0]!)) throw syntax('file_contents() requires a relative file name', span);
      return special('file_contents', name, args, span);
    case 'file_exists':
      checkArity(name, args, 1, 1, span);
      if (!relativeFileOk(args[0]!)) throw syntax('file_exists() requires a relative file name', span);
      return special('file_exists', name, args, span);
    default:
      checkArity(name, args, 1, 2, span);
      return special('substitute', name, args, span);
  }
}

function checkLiteralPath(v: unknown, span: Span): void {
  if (typeof v !== 'string') throw syntax('path_exists() requires exactly one string argument', span);
  let kind;
  try {
    kind = parsePath(v).kind;
  } catch (e) {
    throw syntax((e as Error).message, span);
  }
  if (kind === 'relative') throw syntax('relative path is not allowed', span);
}

function compileIsValid(args: Node[], span: Span): Node {
  if (args.length !== 2) throw syntax('is_valid() requires exactly two arguments', span);
  const t = targetOf(args[0]);
  if (t === undefined) throw syntax('is_valid() requires the first argument to be a type', span);
  return special('is_valid', 'is_valid', [args[1]!], span, { test: t.subs.length > 0 ? '' : t.name });
}

function compileAppend(name: 'append' | 'prepend', args: Node[], span: Span): Node {
  checkArity(name, args, 1, 2, span);
  const value = args[args.length - 1]!;
  if (isLit(value) && value.v === null) throw syntax(`value cannot be null for ${name}()`, span);
  const undef: Node = { k: 'lit', v: undefined, span };
  if (args.length === 1) {
    return special(name, name, [undef, value], span, { targets: [{ name: 'SELF', subs: [], span }] });
  }
  const first = args[0]!;
  if (isLit(first) && !(first.v instanceof PanList)) {
    throw syntax(`first argument of ${name}() must be a variable reference or a list`, span);
  }
  const target = targetOf(first);
  return special(name, name, [target === undefined ? first : undef, value], span, target === undefined ? {} : { targets: [target] });
}

function compileIterator(name: 'first' | 'next', args: Node[], span: Span): Node {
  checkArity(name, args, 3, 3, span);
  const targets: Array<Target | undefined> = [];
  for (const a of args.slice(1)) {
    if (targetOf(a) !== undefined) targets.push(setTarget(a, span));
    else if (isLit(a) && a.v === undefined) targets.push(undefined);
    else throw syntax('argument must be a variable reference or undef', span);
  }
  return special(name, name, [args[0]!], span, { targets });
}

function compileDebug(name: 'debug' | 'traceback', args: Node[], span: Span, env: ExprEnv): Node {
  if (name === 'debug') {
    checkArity(name, args, 1, Infinity, span);
    if (args.length === 1 && isLit(args[0]) && typeof args[0].v !== 'string') {
      throw syntax('debug() requires exactly one string argument', span);
    }
  } else if (args.length !== 1 || (isLit(args[0]) && typeof args[0].v !== 'string')) {
    throw syntax('traceback() requires exactly one string argument', span);
  }
  if (!env.debugEnabled) return { k: 'lit', v: undefined, span };
  return special(name, name, args, span);
}

function compileDeprecated(args: Node[], span: Span): Node {
  checkArity('deprecated', args, 2, 2, span);
  const [level, msg] = args as [Node, Node];
  if (isLit(level) && (typeof level.v !== 'bigint' || level.v < 0n)) {
    throw syntax('first argument of deprecated() must be a non-negative long', span);
  }
  if (isLit(msg) && typeof msg.v !== 'string') throw syntax('second argument of deprecated() must be a string', span);
  return special('deprecated', 'deprecated', args, span);
}
