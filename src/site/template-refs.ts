/**
 * Static references of one parsed template: the template names it may load (constant
 * `include`, constant `create()`, object templates named by constant external paths in
 * `value()`/`path_exists()`/`exists()`, template names tested by `exists()`), the text files it
 * may read (constant `file_contents()`/`file_exists()`), and — when a reference cannot be
 * known without running the template — the reason it is dynamic (a computed include, create
 * or file name, a computed path that may be external, a link type, setting LOADPATH).
 *
 * "Constant" covers a string literal and expressions whose every outcome is one:
 * `if (c) 'a' else 'b'`, a block ending in one, and `null`/`undef` (no reference).
 */
import type { Expr, FullType, Statement, TemplateFile, TypeSpec } from '../../grammar/ast.js';
import type { Span } from '../diagnostics/span.js';

export interface TemplateRefs {
  /** Template names, sorted and unique. */
  readonly templates: readonly string[];
  /** Text file names (plain load-path names), sorted and unique. */
  readonly texts: readonly string[];
  /** Why the references cannot all be known statically (first reason found), if so. */
  readonly dynamic?: { readonly reason: string; readonly span: Span };
}

const PATH_FUNCTIONS = new Set(['value', 'path_exists', 'exists']);
const TEXT_FUNCTIONS = new Set(['file_contents', 'file_exists']);

/** Collects the static references of a template. */
export function scanReferences(ast: TemplateFile): TemplateRefs {
  const scan = new Scanner();
  for (const s of ast.statements) scan.statement(s);
  const out: { -readonly [K in keyof TemplateRefs]: TemplateRefs[K] } = {
    templates: [...scan.templates].sort(),
    texts: [...scan.texts].sort(),
  };
  if (scan.dynamic) out.dynamic = scan.dynamic;
  return out;
}

/** Every string an expression can evaluate to, when all are literals; undefined otherwise. */
export function constantStrings(e: Expr): string[] | undefined {
  switch (e.kind) {
    case 'Literal':
      if (typeof e.value === 'string') return [e.value];
      return e.value === null || e.value === undefined ? [] : undefined;
    case 'If': {
      const a = constantStrings(e.then);
      const b = e.else === undefined ? [] : constantStrings(e.else);
      return a && b ? [...a, ...b] : undefined;
    }
    case 'Block':
      return constantStrings(e.body[e.body.length - 1]!);
    default:
      return undefined;
  }
}

class Scanner {
  readonly templates = new Set<string>();
  readonly texts = new Set<string>();
  dynamic: TemplateRefs['dynamic'];

  private markDynamic(reason: string, span: Span): void {
    if (this.dynamic === undefined) this.dynamic = { reason, span };
  }

  statement(s: Statement): void {
    switch (s.kind) {
      case 'Include': {
        const names = constantStrings(s.expr);
        if (names === undefined) this.markDynamic('include with a computed template name', s.span);
        else names.forEach((n) => this.templates.add(n));
        this.expr(s.expr);
        return;
      }
      case 'Variable':
        if (s.name === 'LOADPATH') this.markDynamic('sets LOADPATH', s.span);
        return this.expr(s.value);
      case 'Assign':
        return this.expr(s.value);
      case 'Function':
        return this.expr(s.body);
      case 'Valid':
        return this.expr(s.expr);
      case 'Type':
      case 'Bind':
        return this.fullType(s.type);
      case 'Prefix':
        return;
    }
  }

  private fullType(t: FullType): void {
    this.typeSpec(t.spec);
    if (t.default) this.expr(t.default);
    if (t.with) this.expr(t.with);
  }

  private typeSpec(t: TypeSpec): void {
    switch (t.kind) {
      case 'Link':
        this.markDynamic('link type (its values may name other objects)', t.span);
        return this.typeSpec(t.target);
      case 'List':
      case 'Dict':
        return this.typeSpec(t.element);
      case 'Record':
        return t.fields.forEach((f) => this.fullType(f.type));
      default:
        return;
    }
  }

  private expr(e: Expr): void {
    switch (e.kind) {
      case 'Call':
        this.call(e);
        return e.args.forEach((a) => this.expr(a));
      case 'Var':
        return e.subscripts.forEach((s) => this.expr(s));
      case 'Unary':
        return this.expr(e.operand);
      case 'Binary':
        this.expr(e.left);
        return this.expr(e.right);
      case 'LocalAssign':
        return this.expr(e.value);
      case 'If':
        this.expr(e.cond);
        this.expr(e.then);
        if (e.else) this.expr(e.else);
        return;
      case 'While':
        this.expr(e.cond);
        return this.expr(e.body);
      case 'For':
        [e.init, e.cond, e.step, e.body].forEach((x) => this.expr(x));
        return;
      case 'Foreach':
        this.expr(e.collection);
        return this.expr(e.body);
      case 'Block':
        return e.body.forEach((x) => this.expr(x));
      case 'Literal':
        return;
    }
  }

  private call(e: Extract<Expr, { kind: 'Call' }>): void {
    const first = e.args[0];
    if (first === undefined) return;
    if (e.name === 'create') {
      const names = constantStrings(first);
      if (names === undefined) this.markDynamic('create() with a computed template name', e.span);
      else names.forEach((n) => this.templates.add(n));
    } else if (TEXT_FUNCTIONS.has(e.name)) {
      const names = constantStrings(first);
      if (names === undefined) this.markDynamic(`${e.name}() with a computed file name`, e.span);
      else names.forEach((n) => this.texts.add(n));
    } else if (PATH_FUNCTIONS.has(e.name)) {
      this.pathArgument(e.name, first, e.span);
    }
  }

  /** A path argument: external object names and (for exists) template names are references. */
  private pathArgument(fn: string, arg: Expr, span: Span): void {
    // exists(variable) tests the variable itself, not a path held in it.
    if (fn === 'exists' && arg.kind === 'Var') return;
    const values = constantStrings(arg);
    if (values === undefined) {
      if (!startsAbsolute(arg)) this.markDynamic(`${fn}() with a computed path that may name another object`, span);
      return;
    }
    for (const v of values) {
      const colon = v.indexOf(':');
      if (colon > 0) this.templates.add(v.slice(0, colon));
      else if (fn === 'exists' && !v.startsWith('/')) this.templates.add(v);
    }
  }
}

/** True for `'/literal...' + ...`: an absolute path in this profile, never external. */
function startsAbsolute(e: Expr): boolean {
  let left = e;
  while (left.kind === 'Binary' && left.op === '+') left = left.left;
  return left.kind === 'Literal' && typeof left.value === 'string' && left.value.startsWith('/') && !left.value.includes(':');
}
