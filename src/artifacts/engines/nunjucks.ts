/**
 * The nunjucks engine (`.njk`): autoescape off, undefined output is an error, and every value
 * printed goes through one output hook compiled into the template. The hook knows the template
 * file and the line and column of each `{{ … }}`, so it can record — and leave empty — an
 * undefined value, a profile value printed without an escaper (escape/value.ts) or a value an
 * escaper refused, and rendering goes on to find the others. The escapers are the filters
 * (`{{ host.fqdn | ks }}`).
 *
 * Template lookup goes through the resolver (override directory first); includes, imports and
 * `extends` with literal names are resolved before rendering, so a missing snippet is
 * reported at its line. Compiled templates are cached per engine (one engine per override
 * directory, kept for the process).
 */
import { createRequire } from 'node:module';
import type nunjucksTypes from 'nunjucks';
import { ModelValue, Rejected } from '../escape/value.js';
import { ESCAPERS, callEscaper } from '../escape/index.js';
import { recordProblem, type TemplateLocation, type TemplateProblem } from './problems.js';
import type { TemplateFile, TemplateResolver } from './resolver.js';

const require = createRequire(import.meta.url);
const nunjucks = require('nunjucks') as typeof nunjucksTypes;
const { Compiler } = require('nunjucks/src/compiler.js') as { Compiler: CompilerClass };
const transformer = require('nunjucks/src/transformer.js') as { transform(ast: unknown, asyncFilters: string[], name: string): unknown };
const parser = require('nunjucks/src/parser.js') as { parse(src: string, extensions: unknown[], opts: object): NjNode };
const nodes = require('nunjucks/src/nodes.js') as Record<'TemplateData' | 'Filter' | 'Symbol' | 'NodeList' | 'Literal', new (...a: unknown[]) => unknown>;

/** The parts of nunjucks' internal compiler this module uses. */
interface CompilerInstance {
  buffer: string;
  templateName: string;
  compileFor(node: NjNode, frame: unknown): void;
  _emit(code: string): void;
  _emitLine(code: string): void;
  compile(node: unknown, frame: unknown): void;
  compileLiteral(node: unknown, frame: unknown): void;
  getCode(): string;
}
type CompilerClass = new (name: string, throwOnUndefined: boolean) => CompilerInstance;

/** A node of nunjucks' parse tree. */
interface NjNode {
  readonly typename: string;
  readonly lineno: number;
  readonly colno: number;
  readonly fields: readonly string[];
  readonly [field: string]: unknown;
}

const OPTIONS = { autoescape: false, throwOnUndefined: true, trimBlocks: true, lstripBlocks: true, dev: true };

/** The output hook every compiled template calls for each printed value. */
type OutputHook = (value: unknown, line: number, col: number) => unknown;

/** The filter every `{% for %}` loop passes its sequence through (see HookedCompiler.compileFor). */
const LOOP_FILTER = '__pfloop';

/**
 * A compiler that prints every `{{ … }}` through the output hook `__pfOut(value, line, col)`
 * (0-based position of the output tag) instead of nunjucks' own undefined check, and passes
 * the sequence of every `{% for %}` through a filter that reports an undefined one.
 */
class HookedCompiler extends (Compiler as unknown as new (name: string, throwOnUndefined: boolean) => CompilerInstance) {
  override compileFor(node: NjNode, frame: unknown): void {
    const { lineno: l, colno: c } = node;
    const args = [node['arr'], this.templateName, l, c].map((a, i) => (i === 0 ? a : new nodes.Literal(l, c, a)));
    (node as unknown as { arr: unknown }).arr = new nodes.Filter(l, c, new nodes.Symbol(l, c, LOOP_FILTER), new nodes.NodeList(l, c, args));
    super.compileFor(node, frame);
  }

  compileOutput(node: NjNode, frame: unknown): void {
    for (const child of node['children'] as NjNode[]) {
      if (child instanceof nodes.TemplateData) {
        if (child['value']) {
          this._emit(`${this.buffer} += `);
          this.compileLiteral(child, frame);
          this._emitLine(';');
        }
      } else {
        this._emit(`${this.buffer} += runtime.suppressValue(__pfOut(`);
        this.compile(child, frame);
        this._emit(`,${node.lineno},${node.colno}), env.opts.autoescape);\n`);
      }
    }
  }
}

/** Compiles template source to the module code nunjucks' Template evaluates. */
function compileSource(source: string, name: string): string {
  const compiler = new HookedCompiler(name, true);
  const ast = parser.parse(source, [], OPTIONS);
  compiler.compile(transformer.transform(ast, [], name), undefined);
  return compiler.getCode();
}

/** The output hook of one template file. */
function outputHook(file: string): OutputHook {
  return (value, line, col) => {
    const at: TemplateLocation = { file, line: line + 1, col: col + 1 };
    if (value === undefined || value === null) {
      recordProblem({ kind: 'undefined', what: 'a value that is undefined', at });
      return '';
    }
    if (value instanceof Rejected) {
      recordProblem(value.code === 'PF505' ? { kind: 'undefined', what: value.reason, at } : { kind: 'rejected', rejected: value, at });
      return '';
    }
    if (value instanceof ModelValue) {
      recordProblem({ kind: 'unescaped', value, at });
      return '';
    }
    return value;
  };
}

/** nunjucks' Template, compiled with the hooked compiler and its file's output hook. */
class HookedTemplate extends nunjucks.Template {
  declare tmplStr: string;
  declare path: string;
  declare blocks: unknown;
  declare rootRenderFunc: unknown;
  declare compiled: boolean;

  _compile(): void {
    const code = compileSource(this.tmplStr, this.path);
    // eslint-disable-next-line @typescript-eslint/no-implied-eval -- nunjucks evaluates compiled templates this way
    const props = new Function('__pfOut', code)(outputHook(this.path)) as Record<string, unknown>;
    this.blocks = (this as unknown as { _getBlocks(p: object): unknown })._getBlocks(props);
    this.rootRenderFunc = props['root'];
    this.compiled = true;
  }
}

/** A nunjucks environment bound to one resolver. */
export class NunjucksEngine {
  private readonly env: nunjucksTypes.Environment;
  private readonly templates = new Map<string, HookedTemplate>();
  /** What `{% include … ignore missing %}` renders when the file does not exist. */
  private readonly empty: HookedTemplate;

  constructor(private readonly resolver: TemplateResolver) {
    this.env = new nunjucks.Environment([], OPTIONS);
    for (const name of Object.keys(ESCAPERS)) {
      this.env.addFilter(name, (value: unknown, ...args: unknown[]) => callEscaper(name, value, args));
    }
    this.env.addFilter(LOOP_FILTER, (value: unknown, file: string, line: number, col: number) => {
      if (value !== undefined && value !== null) return value;
      recordProblem({ kind: 'undefined', what: 'the sequence of a for loop is undefined', at: { file, line: line + 1, col: col + 1 } });
      return [];
    });
    this.empty = new HookedTemplate('', this.env, '(missing template)', true);
    const env = this.env as unknown as { getTemplate: (...args: unknown[]) => unknown };
    env.getTemplate = (name: unknown, ...rest: unknown[]) => this.getTemplate(name, rest);
  }

  /** Renders a resolved main template; problems go to the current collector. */
  render(template: TemplateFile, context: object): string | undefined {
    const compiled = this.compile(template);
    if (compiled === undefined) return undefined;
    try {
      return compiled.render(context) as string;
    } catch (e) {
      recordProblem(runtimeProblem(e, template.display));
      return undefined;
    }
  }

  /** Compiles a template file (cached) after checking its filters and literal includes; undefined on problems. */
  private compile(template: TemplateFile, seen: Set<string> = new Set()): HookedTemplate | undefined {
    const cached = this.templates.get(template.file);
    if (cached !== undefined) return cached;
    let ast: NjNode;
    try {
      ast = parser.parse(template.source, [], OPTIONS);
    } catch (e) {
      recordProblem(syntaxProblem(e, template.display));
      return undefined;
    }
    seen.add(template.file);
    if (!this.checkReferences(ast, template, seen)) return undefined;
    try {
      const compiled = new HookedTemplate(template.source, this.env, template.display, true);
      this.templates.set(template.file, compiled);
      return compiled;
    } catch (e) {
      recordProblem(syntaxProblem(e, template.display));
      return undefined;
    }
  }

  /** Reports unknown filters and unresolvable literal includes/imports/extends; compiles those found. */
  private checkReferences(root: NjNode, template: TemplateFile, seen: Set<string>): boolean {
    let ok = true;
    walk(root, (node) => {
      const at = { file: template.display, line: node.lineno + 1, col: node.colno + 1 };
      if (node.typename === 'Filter' || node.typename === 'FilterAsync') {
        const name = String((node['name'] as NjNode)['value']);
        if (!(name in ESCAPERS) && name !== LOOP_FILTER && !hasBuiltinFilter(this.env, name)) {
          recordProblem({ kind: 'syntax', message: `unknown filter ${name}`, at });
          ok = false;
        }
      }
      const target = referencedTemplate(node);
      if (target !== undefined) {
        const found = this.resolver.resolveInclude(target, 'nunjucks');
        if (!found.ok && node['ignoreMissing'] === true) return;
        if (!found.ok) {
          recordProblem({ kind: 'missing', message: found.message, at });
          ok = false;
        } else if (!seen.has(found.template.file) && this.compile(found.template, seen) === undefined) {
          ok = false;
        }
      }
    });
    return ok;
  }

  /** nunjucks' getTemplate(name, eagerCompile?, parentName?, ignoreMissing?, cb?) through the resolver. */
  private getTemplate(name: unknown, rest: unknown[]): unknown {
    const cb = rest.find((a): a is (err: unknown, t?: unknown) => void => typeof a === 'function');
    const settle = (err: unknown, t?: HookedTemplate): unknown => {
      if (cb !== undefined) {
        cb(err, t);
        return undefined;
      }
      if (err) throw err;
      return t;
    };
    if (name instanceof HookedTemplate) return settle(null, name);
    const found = this.resolver.resolveInclude(String(name), 'nunjucks');
    // getTemplate(name, eagerCompile, parentName, ignoreMissing, cb): `{% include … ignore missing %}`
    if (!found.ok && rest[2] === true) return settle(null, this.empty);
    if (!found.ok) return settle(new Error(found.message));
    const compiled = this.compile(found.template);
    return compiled === undefined ? settle(new Error(`template ${found.template.display} has errors`)) : settle(null, compiled);
  }
}

/** The template named by a literal include, import, from-import or extends. */
function referencedTemplate(node: NjNode): string | undefined {
  if (!['Include', 'Import', 'FromImport', 'Extends'].includes(node.typename)) return undefined;
  const target = node['template'] as NjNode | undefined;
  return target?.typename === 'Literal' && typeof target['value'] === 'string' ? (target['value'] as string) : undefined;
}

function hasBuiltinFilter(env: nunjucksTypes.Environment, name: string): boolean {
  try {
    env.getFilter(name);
    return true;
  } catch {
    return false;
  }
}

function walk(node: unknown, visit: (node: NjNode) => void): void {
  if (Array.isArray(node)) {
    for (const n of node) walk(n, visit);
    return;
  }
  if (typeof node !== 'object' || node === null || typeof (node as NjNode).typename !== 'string') return;
  const n = node as NjNode;
  visit(n);
  for (const field of n.fields) walk(n[field], visit);
}

/** A parse or compile error: nunjucks reports 1-based line and column. */
function syntaxProblem(e: unknown, file: string): TemplateProblem {
  const err = e as { message?: string; lineno?: number; colno?: number };
  const message = cleanMessage(err.message ?? String(e));
  return { kind: 'syntax', message, at: { file, line: err.lineno ?? 1, col: err.colno ?? 1 } };
}

/** An error thrown while rendering (outside the output hook). */
function runtimeProblem(e: unknown, file: string): TemplateProblem {
  const err = e as { message?: string; lineno?: number; colno?: number; cause?: unknown };
  const cause = err.cause instanceof Error ? err.cause : undefined;
  const message = cleanMessage(cause?.message ?? err.message ?? String(e));
  // Errors caught by a compiled block carry the 0-based position of the enclosing block.
  const line = err.lineno === undefined ? 1 : err.lineno + (cause !== undefined ? 1 : 0);
  const col = err.colno === undefined ? 1 : err.colno + (cause !== undefined ? 1 : 0);
  const missing = /^template not found: /.test(message);
  return { kind: missing ? 'missing' : 'runtime', message, at: { file, line, col } };
}

/** nunjucks prefixes messages with `(file) [Line n, Column m]` lines; keep the last line. */
function cleanMessage(message: string): string {
  const lines = message.split('\n').map((l) => l.trim()).filter((l) => l !== '' && !/^\(.*\)( \[Line \d+(, Column \d+)?\])?$/.test(l));
  return (lines[lines.length - 1] ?? message).replace(/^(Template render error|Error): /, '');
}
