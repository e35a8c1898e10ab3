/**
 * Compiles one parsed template file into its checked form (§3, §5, §7.9): prefix resolution,
 * statement compilation and pre-evaluation, include-name checks, SELF in include, automatic
 * variable names, bind/valid paths, then (as panc does, after the statements) template name and
 * location, statements allowed per template kind, and duplicate types/functions in the file.
 * Every failure is a Syntax error except the few Evaluation-class compile errors of panc.
 */
import type { Statement, TemplateFile } from '../../../grammar/ast.js';
import type { Span } from '../../diagnostics/span.js';
import { PanError } from '../errors.js';
import type { Value } from '../element.js';
import type { CompiledTemplate, FullTypeC, Node, Stmt, Target } from '../ir.js';
import { isValidTemplateName, parsePath, pathToString, resolvePath, type PanPath } from '../path.js';
import { compileExpr, type ExprEnv } from './expr.js';
import { preEvaluate } from './preeval.js';
import { compileFullType, type TypeOrigin } from './types.js';

/** Options that influence compilation of a file. */
export interface CheckOptions {
  readonly debugInclude?: RegExp;
  readonly debugExclude?: RegExp;
}

const AUTOMATIC_VARIABLES = new Set(['OBJECT', 'SELF', 'ARGC', 'ARGV', 'FUNCTION', 'TEMPLATE']);
const INCLUDE_NAME = /^[A-Za-z0-9_][A-Za-z0-9_+.-]*(\/[A-Za-z0-9_+.-]+)*$/;

function syntax(message: string, span: Span, code: PanError['code'] = 'PF115'): PanError {
  return new PanError(code, message, span);
}

/** Parses a statement path; any path error is a Syntax error at the statement. */
function statementPath(text: string, span: Span, allowIndexFirst = false): PanPath {
  try {
    return parsePath(text, allowIndexFirst);
  } catch (e) {
    throw syntax((e as Error).message, span, 'PF112');
  }
}

interface PrefixState {
  prefix: PanPath | undefined;
  absolute: PanPath | undefined;
}

/** True if the pattern matches the whole name (Java's Matcher.matches). */
function matchesWhole(re: RegExp, name: string): boolean {
  return new RegExp(`^(?:${re.source})$`, re.flags.replace(/[gy]/g, '')).test(name);
}

/** debug()/traceback() are kept if the name matches the include pattern and not the exclude one. */
function debugEnabled(name: string, opts: CheckOptions): boolean {
  if (opts.debugExclude !== undefined && matchesWhole(opts.debugExclude, name)) return false;
  return opts.debugInclude !== undefined && matchesWhole(opts.debugInclude, name);
}

/** Compiles a parsed template. `absFile` is the absolute source path (for the name check). */
export function compileTemplate(ast: TemplateFile, absFile: string, opts: CheckOptions = {}): CompiledTemplate {
  const env: ExprEnv = { restricted: false, debugEnabled: debugEnabled(ast.name, opts) };
  const file = ast.span.file;
  const prefixes: PrefixState = { prefix: undefined, absolute: undefined };
  const origin: TypeOrigin = { file, template: ast.name };
  const all: Stmt[] = [];
  const statements = ast.statements;
  for (let i = 0; i < statements.length; i++) {
    const compiled = compileStatement(statements[i]!, env, origin, prefixes);
    if (compiled !== undefined) all.push(compiled);
  }
  checkName(ast, absFile);
  checkKind(ast, all);
  checkDuplicates(all);
  return { name: ast.name, kind: ast.templateKind, file, all, normal: normalStatements(ast, all) };
}

/** True for the statements run on the first load of a template only. */
function isFirstLoadOnly(s: Stmt): boolean {
  return s.k === 'function' || s.k === 'type' || s.k === 'bind';
}

/** The statements run on later loads: none for unique/declaration templates, else all but function/type/bind (`all` itself when it has none). */
function normalStatements(ast: TemplateFile, all: Stmt[]): Stmt[] {
  if (ast.templateKind === 'unique' || ast.templateKind === 'declaration') return [];
  return all.some(isFirstLoadOnly) ? all.filter((s) => !isFirstLoadOnly(s)) : all;
}

function compileStatement(s: Statement, env: ExprEnv, origin: TypeOrigin, prefixes: PrefixState): Stmt | undefined {
  switch (s.kind) {
    case 'Prefix':
      applyPrefix(s.path, s.span, prefixes);
      return undefined;
    case 'Assign': {
      const p = prefixes.prefix;
      let path = statementPath(s.path, s.span, p !== undefined && p.terms.length > 0);
      if (p !== undefined) path = resolvePath(p, path);
      const expr = compileExpr(s.value, env);
      if (path.kind === 'external') {
        throw syntax(`assignment cannot be made to an external path (${pathToString(path)})`, s.span, 'PF112');
      }
      const constant = constantOf(expr);
      const pathText = pathToString(path);
      return { k: 'assign', path, pathText, final: s.final, conditional: s.conditional, constant, expr, span: s.span };
    }
    case 'Variable': {
      const expr = compileExpr(s.value, env);
      if (AUTOMATIC_VARIABLES.has(s.name)) {
        throw syntax(`automatic variable (${s.name}) may not be set directly`, s.span, 'PF117');
      }
      const constant = constantOf(expr);
      return { k: 'variable', name: s.name, final: s.final, conditional: s.conditional, constant, expr, span: s.span };
    }
    case 'Include':
      return compileInclude(s.expr, s.span, env);
    case 'Function':
      return { k: 'function', name: s.name, body: compileExpr(s.body, env), span: s.span };
    case 'Type':
      return { k: 'type', name: s.name, type: compileFullType(s.type, origin, env), span: s.span };
    case 'Bind': {
      const type = compileFullType(s.type, origin, env);
      return bindStatement(s.path, type, s.type.span, s.span);
    }
    case 'Valid': {
      const withNode = compileExpr(s.expr, env);
      const spec = { k: 'ref' as const, name: 'element', range: undefined, span: s.expr.span };
      const type = { spec, hasDefault: false, default: undefined, with: withNode, ...origin, span: s.expr.span };
      return bindStatement(s.path, type, undefined, s.span);
    }
  }
}

/** The value of a statement's DML when it is a constant (a literal, or pre-evaluated). */
function constantOf(expr: Node): { value: Value } | undefined {
  if (expr.k === 'lit') return { value: expr.v };
  const pre = preEvaluate(expr);
  return pre.ok ? { value: pre.value } : undefined;
}

function applyPrefix(text: string, span: Span, prefixes: PrefixState): void {
  if (text === '') {
    prefixes.prefix = undefined;
    return;
  }
  const path = statementPath(text, span);
  if (path.kind === 'absolute') {
    prefixes.absolute = path;
    prefixes.prefix = path;
  } else if (prefixes.absolute === undefined) {
    throw syntax(`given relative prefix (${pathToString(path)}) requires prior absolute prefix`, span, 'PF120');
  } else {
    prefixes.prefix = resolvePath(prefixes.absolute, path);
  }
}

function bindStatement(text: string, type: FullTypeC, typeSpan: Span | undefined, span: Span): Stmt {
  if (text.replace(/\$\$\{/g, '').includes('${')) {
    return { k: 'bind', path: undefined, pathText: text, type, typeSpan, span };
  }
  const path = statementPath(text, span);
  if (path.kind !== 'absolute') {
    throw syntax(`only absolute paths can be used with bind statements (${pathToString(path)})`, span, 'PF112');
  }
  return { k: 'bind', path, pathText: text, type, typeSpan, span };
}

/** The span of the first use of SELF in a compiled node, if any. */
function findSelf(n: Node): Span | undefined {
  switch (n.k) {
    case 'lit':
      return undefined;
    case 'var':
      return n.name === 'SELF' ? n.span : selfInNodes(n.subs);
    case 'set':
      return selfInTargets(n.targets) ?? findSelf(n.value);
    case 'block':
      return selfInNodes(n.body);
    case 'if':
      return selfInNodes([n.cond, n.then, n.else]);
    case 'while':
      return selfInNodes([n.cond, n.body]);
    case 'for':
      return selfInNodes([n.init, n.cond, n.step, n.body]);
    case 'foreach':
      return selfInTargets([n.key, n.value]) ?? selfInNodes([n.coll, n.body]);
    case 'bin':
    case 'and':
    case 'or':
      return selfInNodes([n.l, n.r]);
    case 'un':
      return findSelf(n.a);
    case 'pure':
    case 'user':
      return selfInNodes(n.args);
    case 'special':
      return selfInTargets(n.targets) ?? selfInNodes(n.args);
  }
}

/** The first use of SELF in assignment targets (as the target or in a subscript). */
function selfInTargets(ts: ReadonlyArray<Target | undefined> | undefined): Span | undefined {
  for (const t of ts ?? []) {
    if (t === undefined) continue;
    if (t.name === 'SELF') return t.span;
    for (const s of t.subs) {
      const f = findSelf(s);
      if (f) return f;
    }
  }
  return undefined;
}

/** The first use of SELF in a list of nodes. */
function selfInNodes(ns: readonly (Node | undefined)[]): Span | undefined {
  for (const x of ns) {
    const f = x === undefined ? undefined : findSelf(x);
    if (f) return f;
  }
  return undefined;
}

function compileInclude(expr: Parameters<typeof compileExpr>[0], span: Span, env: ExprEnv): Stmt | undefined {
  const node = compileExpr(expr, env);
  const self = findSelf(node);
  if (self !== undefined) throw syntax('SELF cannot be used within include statement', self, 'PF119');
  const constant = constantOf(node);
  if (constant === undefined) return { k: 'include', name: undefined, expr: node, span };
  const v = constant.value;
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') throw syntax('DML block must evaluate to a string property, null, or undef', span, 'PF119');
  if (!INCLUDE_NAME.test(v)) throw syntax(`invalid identifier (${v})`, span, 'PF119');
  return { k: 'include', name: v, expr: undefined, span };
}

function checkName(ast: TemplateFile, absFile: string): void {
  const name = ast.name;
  const ext = absFile.endsWith('.tpl') ? '.tpl' : absFile.endsWith('.pan') ? '.pan' : undefined;
  if (ext === undefined || !isValidTemplateName(name)) {
    throw syntax(`invalid template name (${name})`, ast.nameSpan, 'PF122');
  }
  const slashed = absFile.includes('\\') ? absFile.replace(/\\/g, '/') : absFile;
  if (!endsWithNameAndExt(slashed, name, ext.length)) {
    throw syntax(`misplaced or misnamed template; relative directory and name must match '${name}'`, ast.nameSpan, 'PF110');
  }
}

function checkKind(ast: TemplateFile, all: readonly Stmt[]): void {
  const kind = ast.templateKind;
  if (kind === 'declaration') {
    for (const s of all) {
      if (s.k === 'assign') throw syntax('statement not allowed in declaration template', s.span, 'PF111');
    }
  }
  if (kind === 'structure') {
    for (const s of all) {
      if (s.k === 'variable' || s.k === 'bind' || s.k === 'function' || s.k === 'type') {
        throw syntax('only relative assigment and include statements are allowed in structure templates', s.span, 'PF111');
      }
      if (s.k === 'assign' && s.path.kind === 'absolute') {
        throw syntax('structure templates can only contain assignments to relative paths', s.span, 'PF111');
      }
    }
  }
  if (kind !== 'structure' && kind !== 'declaration') {
    for (const s of all) {
      if (s.k === 'assign' && s.path.kind === 'relative') {
        throw syntax('ordinary, object, and unique templates can only contain assignments to absolute paths', s.span, 'PF111');
      }
    }
  }
}

function rangeText(span: Span): string {
  return `${span.line}.${span.col}-${span.endLine}.${span.endCol}`;
}

function checkDuplicates(all: readonly Stmt[]): void {
  let seen: Map<string, Span> | undefined;
  for (const s of all) {
    if (s.k !== 'type' && s.k !== 'function') continue;
    const key = `${s.k}:${s.name}`;
    const previous = (seen ??= new Map()).get(key);
    if (previous !== undefined) {
      throw syntax(`duplicate ${s.k} definition for ${s.name}; previous definition at ${rangeText(previous)}`, s.span, 'PF113');
    }
    seen.set(key, s.span);
  }
}

/** True if `file` (which ends with an extension of `extLength` characters) ends with `/name` and that extension. */
function endsWithNameAndExt(file: string, name: string, extLength: number): boolean {
  const at = file.length - extLength - name.length;
  return at > 0 && file.charCodeAt(at - 1) === 47 && file.startsWith(name, at);
}
