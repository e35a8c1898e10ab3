/**
 * Statement execution (§3–§5): running a template's statements (first load vs later loads),
 * assignments with SELF and final paths, global variables (LOADPATH), include with the include
 * matrix and call depth, and registration of functions, types and bindings (create() is in
 * create.ts).
 */
import type { TemplateKind } from '../../grammar/ast.js';
import { NO_LOCALS, type BuildState, type ExecContext, type SelfHolder } from './context.js';
import { PanList, type Value } from './element.js';
import { getElement, putElement } from './elements.js';
import { PanError, asPanError } from './errors.js';
import { ReturnSignal, evaluate } from './interp.js';
import type { AssignStmt, BindStmt, CompiledTemplate, FullTypeC, IncludeStmt, Node, Stmt, VariableStmt } from './ir.js';
import { parsePath, pathToString, type PanPath } from './path.js';
import { isFreshValue } from './fresh.js';
import { copyValue, freeze } from './protect.js';
import { substitute } from './substitute.js';
import { MISSING, checkReplacement } from './tree.js';
import { checkTypeReferences } from './types.js';
import { globalValue } from './variables.js';

const INCLUDE_NAME = /^[A-Za-z0-9_][A-Za-z0-9_+.-]*(\/[A-Za-z0-9_+.-]+)*$/;

/** Which template kinds may include which (§3.3). */
const ALLOWED_INCLUDES: Record<TemplateKind, readonly TemplateKind[]> = {
  object: ['ordinary', 'declaration', 'unique'],
  ordinary: ['ordinary', 'declaration', 'unique'],
  unique: ['ordinary', 'declaration', 'unique'],
  structure: ['declaration', 'structure'],
  declaration: ['declaration'],
};

/**
 * Runs a statement's DML (panc's executeDmlBlock): fresh local variables and iterators, TEMPLATE
 * set if not already, `return()` ends the DML.
 */
export function runDml(ctx: ExecContext, node: Node, setTemplate = true): Value {
  const savedLocals = ctx.locals;
  const savedIterators = ctx.iterators;
  const savedTemplateVar = ctx.templateVar;
  ctx.locals = NO_LOCALS;
  ctx.iterators = undefined;
  if (setTemplate && ctx.templateVar === undefined && ctx.build !== undefined) ctx.templateVar = ctx.template?.name;
  try {
    return evaluate(ctx, node);
  } catch (e) {
    if (e instanceof ReturnSignal) return e.value;
    throw e;
  } finally {
    ctx.locals = savedLocals;
    ctx.iterators = savedIterators;
    ctx.templateVar = savedTemplateVar;
  }
}

/** Runs a template's statements: all of them on first load, the non-static ones later. */
export function executeTemplate(ctx: ExecContext, tpl: CompiledTemplate, firstLoad: boolean): void {
  for (const s of firstLoad ? tpl.all : tpl.normal) {
    try {
      executeStatement(ctx, s);
    } catch (e) {
      throw asPanError(e).locate(s.span, ctx);
    }
  }
}

function executeStatement(ctx: ExecContext, s: Stmt): void {
  const build = ctx.build!;
  switch (s.k) {
    case 'assign':
      return executeAssign(ctx, build, s);
    case 'variable':
      return executeVariable(ctx, build, s);
    case 'include':
      return executeInclude(ctx, s);
    case 'function': {
      const previous = build.functions.get(s.name);
      if (previous !== undefined) {
        throw new PanError('PF211', `duplicate function definition: ${s.name}\nprevious definition [${where(previous.span)}]`);
      }
      build.functions.set(s.name, { body: s.body, template: ctx.template!, span: s.span });
      return;
    }
    case 'type': {
      checkReferences(build, s.type);
      const previous = build.types.get(s.name);
      if (previous !== undefined) {
        const at = previous.span === undefined ? '?:?' : where(previous.span);
        throw new PanError('PF211', `duplicate type definition: ${s.name}\nprevious definition [${at}]`);
      }
      build.defineType(s.name, { type: s.type, builtin: undefined, span: s.span });
      return;
    }
    case 'bind':
      return executeBind(ctx, build, s);
  }
}

/** checkTypeReferences, once per type and type environment (its outcome depends on nothing else). */
function checkReferences(build: BuildState, t: FullTypeC): void {
  const checked = build.typeFacts().referencesChecked;
  if (checked.has(t)) return;
  checkTypeReferences(build.types, t);
  checked.add(t);
}

function where(span: { file: string; line: number; col: number; endLine: number; endCol: number }): string {
  return `${span.file}:${span.line}.${span.col}-${span.endLine}.${span.endCol}`;
}

// ---------------------------------------------------------------- assignments

class PathSelf implements SelfHolder {
  readonly readOnly = false;
  constructor(
    private readonly build: BuildState,
    private readonly path: PanPath,
    public element: Value,
  ) {}
  get(): Value {
    return this.element;
  }
  set(v: Value): void {
    if (v !== this.element) {
      this.element = v;
      putElement(this.build, this.path, v);
    }
  }
}

function recordWrite(ctx: ExecContext, build: BuildState, s: AssignStmt, value: Value): void {
  if (s.path.kind !== 'absolute' || build.provenance === undefined) return;
  build.record(s.pathText, {
    template: ctx.template?.name ?? build.objectName,
    span: s.span,
    action: value === null ? 'delete' : 'assign',
  });
}

function checkFinal(build: BuildState, s: AssignStmt): void {
  if (s.path.kind !== 'absolute') return;
  const reason = build.finals.finalReason(s.path.terms);
  if (reason !== undefined) throw new PanError('PF206', reason);
}

function executeAssign(ctx: ExecContext, build: BuildState, s: AssignStmt): void {
  if (s.constant !== undefined) {
    executeConstantAssign(ctx, build, s, s.constant.value);
  } else {
    let current = getElement(build, s.path, false);
    if (current === MISSING) {
      putElement(build, s.path, undefined);
      current = undefined;
    }
    if (current !== undefined) checkFinal(build, s);
    if (!s.conditional || current === undefined) {
      const holder = new PathSelf(build, s.path, current);
      const savedSelf = ctx.self;
      ctx.self = holder;
      try {
        let result = runDml(ctx, s.expr);
        if (result !== holder.element && !isFreshValue(s.expr)) result = copyValue(result);
        putElement(build, s.path, result);
        recordWrite(ctx, build, s, result);
      } finally {
        ctx.self = savedSelf;
      }
    }
  }
  if (s.final && s.path.kind === 'absolute') build.finals.setFinal(s.path.terms);
}

function executeConstantAssign(ctx: ExecContext, build: BuildState, s: AssignStmt, value: Value): void {
  if (value === null) {
    if (s.conditional) return;
  } else if (s.conditional) {
    const current = getElement(build, s.path, false);
    if (current !== MISSING && current !== undefined) return;
  }
  checkFinal(build, s);
  putElement(build, s.path, value);
  recordWrite(ctx, build, s, value);
}

// ---------------------------------------------------------------- global variables

class VariableSelf implements SelfHolder {
  readonly readOnly = false;
  constructor(private readonly variable: { value: Value; final: boolean }) {}
  get(): Value {
    return this.variable.value;
  }
  set(v: Value): void {
    if (v !== this.variable.value) setGlobal(this.variable, v);
  }
}

function setGlobal(variable: { value: Value; final: boolean }, v: Value): void {
  if (variable.final) throw new PanError('PF206', 'cannot modify final global variable');
  checkReplacement(variable.value, v);
  variable.value = v;
}

function executeVariable(ctx: ExecContext, build: BuildState, s: VariableStmt): void {
  let variable = build.globals.get(s.name);
  if (variable === undefined) {
    variable = { value: undefined, final: false };
    build.globals.set(s.name, variable);
  }
  if (!s.conditional || variable.value === undefined) {
    let result: Value;
    if (s.constant !== undefined) {
      result = s.constant.value;
    } else {
      const savedSelf = ctx.self;
      ctx.self = new VariableSelf(variable);
      try {
        result = runDml(ctx, s.expr);
      } finally {
        ctx.self = savedSelf;
      }
    }
    setGlobal(variable, freeze(result));
    variable.final = s.final;
  } else if (s.final) {
    variable.final = true;
  }
  if (s.name === 'LOADPATH') build.loadpath = loadpathEntries(variable.value);
}

/** Converts the LOADPATH variable into the relative search list ("" first). */
function loadpathEntries(v: Value): string[] {
  const out = [''];
  if (v === undefined) return out;
  if (!(v instanceof PanList)) throw new PanError('PF200', 'LOADPATH variable must be a list');
  for (const item of v.items) {
    if (typeof item !== 'string') throw new PanError('PF200', 'LOADPATH contains non-string value');
    if (item.startsWith('/')) throw new PanError('PF200', 'LOADPATH can only contain relative paths');
    out.push(item);
  }
  return out;
}

// ---------------------------------------------------------------- include

const INVALID_SELF: SelfHolder = {
  readOnly: false,
  get(): Value {
    throw new PanError('PF200', 'SELF cannot be used within include statement');
  },
  set(): void {
    throw new PanError('PF200', 'SELF cannot be used within include statement');
  },
};

function executeInclude(ctx: ExecContext, s: IncludeStmt): void {
  let name = s.name;
  if (name === undefined) {
    const savedSelf = ctx.self;
    ctx.self = INVALID_SELF;
    let result: Value;
    try {
      result = runDml(ctx, s.expr!);
    } finally {
      ctx.self = savedSelf;
    }
    if (result === undefined || result === null) return;
    if (typeof result !== 'string') {
      throw new PanError('PF204', "DML block for computed include statement didn't evaluate to undef, null, or a string");
    }
    if (!INCLUDE_NAME.test(result)) throw new PanError('PF204', `invalid identifier for include: ${result}`).locate(s.span, ctx);
    name = result;
  }
  const { template, firstLoad } = loadForInclude(ctx, name);
  const includer = ctx.templateKind;
  if (!ALLOWED_INCLUDES[includer].includes(template.kind)) {
    throw new PanError(
      'PF205',
      `${includer.toUpperCase()} template cannot include ${template.kind.toUpperCase()} template`,
    ).locate(s.span, ctx);
  }
  ctx.push(template, s.span);
  try {
    executeTemplate(ctx, template, firstLoad);
  } finally {
    ctx.pop();
  }
}

/** A template by name for include/create: already loaded in this build, or loaded now. */
export function loadForInclude(ctx: ExecContext, name: string): { template: CompiledTemplate; firstLoad: boolean } {
  const build = ctx.build!;
  const loaded = build.loaded.get(name);
  if (loaded !== undefined) return { template: loaded, firstLoad: false };
  const template = build.host.loadTemplate(build, name, false);
  if (template === undefined) throw new PanError('PF204', `cannot locate template named '${name}'`);
  return { template, firstLoad: true };
}

// ---------------------------------------------------------------- bind

function executeBind(ctx: ExecContext, build: BuildState, s: BindStmt): void {
  let path = s.path;
  if (path === undefined) {
    const text = substitute(s.pathText, (name) => globalValue(ctx, name));
    try {
      path = parsePath(text);
    } catch (e) {
      throw new PanError('PF214', asPanError(e).message);
    }
  }
  checkReferences(build, s.type);
  const key = pathToString(path);
  let entry = build.bindings.get(key);
  if (entry === undefined) {
    entry = { path, list: [] };
    build.bindings.set(key, entry);
  }
  entry.list.push({ type: s.type, typeSpan: s.typeSpan, span: s.span, template: ctx.template?.name ?? build.objectName });
}
