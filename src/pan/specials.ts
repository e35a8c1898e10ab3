/**
 * Built-in functions that need the build context (§10): value, exists, path_exists, if_exists,
 * is_* kind tests, is_valid, error, debug/traceback, deprecated, return, file_contents,
 * file_exists, substitute; list and iterator functions live in specials-lists.ts, create() in
 * exec.ts.
 */
import { PURE_BUILTINS } from './builtins/index.js';
import { BuiltinError } from './builtins/registry-types.js';
import type { ExecContext } from './context.js';
import { PanDict, PanList, kindOf, type Value } from './element.js';
import { getElement } from './elements.js';
import { PanError, asPanError } from './errors.js';
import { callCreate } from './create.js';
import { ReturnSignal, deferred, evalArgs, evaluate, located, lookupVar } from './interp.js';
import type { SpecialName, SpecialNode } from './ir.js';
import { isValidTemplateName, parsePath, pathToString } from './path.js';
import { copyValue } from './protect.js';
import { callAppend, callDelete, callIterator } from './specials-lists.js';
import { substitute } from './substitute.js';
import { MISSING } from './tree.js';
import { isValidValue } from './validate.js';
import { notConstant, readVar } from './variables.js';

/** A handler of an evaluator built-in call. */
export type SpecialHandler = (ctx: ExecContext, n: SpecialNode) => Value;

/** The handler of each evaluator built-in. */
const HANDLERS: Readonly<Record<SpecialName, SpecialHandler>> = {
  value: callValue,
  exists: callExists,
  path_exists: callPathExists,
  if_exists: callIfExists,
  is_type: callIsType,
  is_valid: callIsValid,
  create: callCreate,
  append: callAppend,
  prepend: callAppend,
  delete: callDelete,
  first: callIterator,
  next: callIterator,
  error: callError,
  debug: callDebug,
  traceback: callDebug,
  deprecated: callDeprecated,
  return: callReturn,
  file_contents: callFile,
  file_exists: callFile,
  substitute: callSubstitute,
};

/** The handler of an evaluator built-in (looked up once per call site). */
export function specialHandler(name: SpecialName): SpecialHandler {
  return HANDLERS[name];
}

function callReturn(ctx: ExecContext, n: SpecialNode): never {
  throw new ReturnSignal(evaluate(ctx, n.args[0]!));
}

/** Fails in the compile-time context (the statement is then evaluated at run time). */
function requireBuild(ctx: ExecContext, n: SpecialNode): NonNullable<ExecContext['build']> {
  if (ctx.build === undefined) throw notConstant(`${n.called}()`).locate(n.span, ctx);
  return ctx.build;
}

/** Runs `f`, locating any error at the call. */
function atCall<T>(ctx: ExecContext, n: SpecialNode, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof ReturnSignal) throw e;
    throw asPanError(e).locate(n.span, ctx);
  }
}

function callValue(ctx: ExecContext, n: SpecialNode): Value {
  const args = evalArgs(ctx, n.args);
  const build = requireBuild(ctx, n);
  const p = args[0];
  if (typeof p !== 'string') {
    throw located(`value() requires one string argument; ${kindOf(p)} found`, n.span, ctx, 'PF210');
  }
  return atCall(ctx, n, () => {
    const path = parsePath(p);
    const result = getElement(build, path, false);
    if (result === MISSING || (result === undefined && args.length === 2)) {
      if (args.length === 2) return copyValue(args[1]);
      throw new PanError('PF216', `referenced path (${pathToString(path)}) doesn't exist`);
    }
    return copyValue(result);
  });
}

/** True if a template can be found (a template that fails to compile counts as existing). */
function templateExists(ctx: ExecContext, name: string): boolean {
  const build = ctx.build!;
  if (build.loaded.has(name)) return true;
  try {
    return build.host.loadTemplate(build, name, true) !== undefined;
  } catch {
    return true;
  }
}

function callExists(ctx: ExecContext, n: SpecialNode): Value {
  const target = n.targets?.[0];
  if (target !== undefined) {
    requireBuild(ctx, n);
    return lookupVar(ctx, target, true) !== MISSING;
  }
  const build = requireBuild(ctx, n);
  const s = evaluate(ctx, n.args[0]!);
  if (typeof s !== 'string') {
    throw located('exists() requires one variable reference or string argument', n.span, ctx, 'PF210');
  }
  return atCall(ctx, n, () => {
    let path;
    try {
      path = parsePath(s);
    } catch {
      path = undefined;
    }
    if (path !== undefined && path.kind !== 'relative') return getElement(build, path, false) !== MISSING;
    if (isValidTemplateName(s)) return templateExists(ctx, s);
    throw new PanError('PF210', 'exists() requires a valid external path, absolute path, or template name');
  });
}

function callPathExists(ctx: ExecContext, n: SpecialNode): Value {
  const build = requireBuild(ctx, n);
  const s = evaluate(ctx, n.args[0]!);
  if (typeof s !== 'string') throw located('path_exists() requires exactly one string argument', n.span, ctx, 'PF210');
  return atCall(ctx, n, () => {
    const path = parsePath(s);
    if (path.kind === 'relative') throw new PanError('PF210', 'relative path is not allowed');
    return getElement(build, path, false) !== MISSING;
  });
}

function callIfExists(ctx: ExecContext, n: SpecialNode): Value {
  requireBuild(ctx, n);
  const s = evaluate(ctx, n.args[0]!);
  if (typeof s !== 'string') {
    throw located(`if_exists argument is not a string: ${kindOf(s)}`, n.span, ctx, 'PF210');
  }
  if (!isValidTemplateName(s)) throw located(`invalid template name: ${s}`, n.span, ctx, 'PF210');
  return templateExists(ctx, s) ? s : undefined;
}

/** Kind tests of is_*; `defined` = neither undef nor null. */
function hasKind(test: string, v: Value): boolean {
  switch (test) {
    case 'boolean':
      return typeof v === 'boolean';
    case 'long':
      return typeof v === 'bigint';
    case 'double':
      return typeof v === 'number';
    case 'number':
      return typeof v === 'bigint' || typeof v === 'number';
    case 'string':
      return typeof v === 'string';
    case 'property':
      return v !== undefined && v !== null && !(v instanceof PanList || v instanceof PanDict);
    case 'list':
      return v instanceof PanList;
    case 'nlist':
      return v instanceof PanDict;
    case 'resource':
      return v instanceof PanList || v instanceof PanDict;
    case 'null':
      return v === null;
    default:
      return v !== undefined && v !== null;
  }
}

function callIsType(ctx: ExecContext, n: SpecialNode): Value {
  const target = n.targets?.[0];
  if (target !== undefined) {
    requireBuild(ctx, n);
    const v = lookupVar(ctx, target, true);
    return v !== MISSING && hasKind(n.test!, v);
  }
  return hasKind(n.test!, evaluate(ctx, n.args[0]!));
}

function callIsValid(ctx: ExecContext, n: SpecialNode): Value {
  const build = requireBuild(ctx, n);
  if (n.test === '') throw deferred('is_valid() requires the first argument to be a type', n.span, 'PF210');
  const v = evaluate(ctx, n.args[0]!);
  const def = build.types.get(n.test!);
  if (def === undefined) throw deferred(`type lookup failed for '${n.test}'`, n.span, 'PF212');
  return atCall(ctx, n, () => isValidValue(ctx, def, n.test!, v));
}

/** Formats `args` with the pure format() built-in. */
function formatArgs(ctx: ExecContext, n: SpecialNode, args: readonly Value[]): string {
  if (typeof args[0] !== 'string') throw located('first argument to format() must be a string', n.span, ctx, 'PF210');
  try {
    return PURE_BUILTINS.get('format')!.call(args) as string;
  } catch (e) {
    if (e instanceof BuiltinError) throw located(e.message, n.span, ctx, 'PF210');
    throw e;
  }
}

function callError(ctx: ExecContext, n: SpecialNode): Value {
  const args = evalArgs(ctx, n.args);
  let msg: string;
  if (args.length === 1) {
    if (typeof args[0] !== 'string') throw deferred('the first argument for error() needs to be a string', n.span, 'PF209');
    msg = args[0];
  } else {
    msg = formatArgs(ctx, n, args);
  }
  const object = ctx.build?.objectName ?? 'empty';
  throw located(`[${object}] user-initiated error: ${msg}`, n.span, ctx, 'PF209');
}

function callDebug(ctx: ExecContext, n: SpecialNode): Value {
  const build = requireBuild(ctx, n);
  const args = evalArgs(ctx, n.args);
  const msg = args.length === 1 ? args[0] : formatArgs(ctx, n, args);
  if (typeof msg !== 'string') {
    throw located(`${n.called}() requires exactly one string argument`, n.span, ctx, 'PF210');
  }
  if (n.name === 'debug') {
    build.host.debug(`[${build.objectName}] ${msg}`);
  } else {
    const frames = ctx.callFrames().map((f) => `>>> [${f.span.file}:${f.span.line}.${f.span.col}]`);
    build.host.debug([msg, `>>> [${n.span.file}:${n.span.line}.${n.span.col}]`, ...frames].join('\n'));
  }
  return msg;
}

function callDeprecated(ctx: ExecContext, n: SpecialNode): Value {
  if (ctx.build === undefined) return true;
  const [level, msg] = evalArgs(ctx, n.args);
  if (typeof level !== 'bigint' || level < 0n) {
    throw located('first argument of deprecated() must be a non-negative long', n.span, ctx, 'PF210');
  }
  if (typeof msg !== 'string') throw located('second argument of deprecated() must be a string', n.span, ctx, 'PF210');
  const mode = ctx.build.host.deprecation;
  if (mode === 'fatal') throw located(`deprecation error: ${msg}`, n.span, ctx, 'PF220');
  if (mode === 'on') ctx.build.host.warn(ctx.build, msg, n.span);
  return true;
}

function callFile(ctx: ExecContext, n: SpecialNode): Value {
  const build = requireBuild(ctx, n);
  const args = evalArgs(ctx, n.args);
  const name = args[0];
  if (typeof name !== 'string' || name === '' || name.startsWith('/')) {
    throw deferred(`${n.called}() requires a relative file name`, n.span, 'PF210');
  }
  const file = build.host.findFile(build, name);
  if (n.name === 'file_exists') return file !== undefined;
  if (file === undefined) throw deferred(`file (${name}) does not exist`, n.span, 'PF210');
  return atCall(ctx, n, () => {
    const compression = args.length === 2 ? args[1] : undefined;
    if (compression !== undefined && typeof compression !== 'string') {
      throw new PanError('PF210', 'invalid compression name');
    }
    return build.host.readFile(file, compression);
  });
}

function callSubstitute(ctx: ExecContext, n: SpecialNode): Value {
  const args = evalArgs(ctx, n.args);
  const template = args[0];
  if (typeof template !== 'string') throw located('first argument to substitute() must be a string', n.span, ctx, 'PF210');
  const dict = args[1];
  if (args.length === 2 && !(dict instanceof PanDict)) {
    throw located('second argument to substitute() must be an nlist', n.span, ctx, 'PF210');
  }
  const lookup = (name: string): Value | typeof MISSING => {
    if (dict instanceof PanDict) return dict.map.has(name) ? dict.map.get(name) : MISSING;
    return lookupVarByName(ctx, name);
  };
  return atCall(ctx, n, () => substitute(template, lookup));
}

/** A local or global variable by name (no subscripts); MISSING if undefined. */
function lookupVarByName(ctx: ExecContext, name: string): Value | typeof MISSING {
  return readVar(ctx, name, [], true);
}
