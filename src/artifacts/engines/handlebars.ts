/**
 * The handlebars engine (`.hbs`): strict mode, no HTML escaping, and the escapers as helpers
 * (`{{xl name}}`). Before compiling, every plain `{{path}}` is rewritten to `{{__out path}}`,
 * so each printed value passes one helper that knows its line and column (`options.loc`): it
 * records — and leaves empty — an undefined value or a profile value printed without an
 * escaper. Escaper helpers record refused values the same way, and rendering goes on.
 *
 * Partials (`{{> boot/header}}`) are resolved through the resolver before rendering (override
 * directory first), so a missing partial is reported at its line; a stack of the template
 * files being rendered tells every helper which file it runs in. Compiled templates and
 * partials are cached per engine (one engine per override directory).
 */
import { createRequire } from 'node:module';
import type HandlebarsTypes from 'handlebars';
import { ESCAPERS, callEscaper } from '../escape/index.js';
import { ModelValue, Rejected } from '../escape/value.js';
import { recordProblem, type TemplateLocation } from './problems.js';
import type { TemplateFile, TemplateResolver } from './resolver.js';

const require = createRequire(import.meta.url);
const Handlebars = require('handlebars') as typeof HandlebarsTypes;

type Compiled = (context: unknown, options?: object) => string;
type HbsNode = { type: string; loc?: HbsLoc; [key: string]: unknown };
type HbsLoc = { start: { line: number; column: number } };
type HelperOptions = { loc?: HbsLoc; fn?: unknown };

const OUT_HELPER = '__out';
/** Helpers handlebars itself provides. */
const BUILTIN_HELPERS = new Set(['if', 'unless', 'each', 'with', 'lookup', 'log', 'blockHelperMissing', 'helperMissing']);

/** Files being rendered, innermost last. */
const fileStack: string[] = [];

/** A handlebars environment bound to one resolver. */
export class HandlebarsEngine {
  private readonly hbs = Handlebars.create();
  private readonly compiled = new Map<string, Compiled | undefined>();
  private readonly inProgress = new Set<string>();

  constructor(private readonly resolver: TemplateResolver) {
    for (const name of Object.keys(ESCAPERS)) {
      this.hbs.registerHelper(name, (...args: unknown[]) => {
        const options = args.pop() as HelperOptions;
        const [value, ...rest] = args;
        return settle(callEscaper(name, value, rest), location(options));
      });
    }
    this.hbs.registerHelper(OUT_HELPER, (value: unknown, options: HelperOptions) => settle(value, location(options)));
    for (const name of ['each', 'with']) {
      const builtin = this.hbs.helpers[name]!;
      this.hbs.registerHelper(name, function (this: unknown, ...args: unknown[]) {
        const options = args[args.length - 1] as HelperOptions;
        if (args.length > 1 && (args[0] === undefined || args[0] === null)) {
          recordProblem({ kind: 'undefined', what: `the value given to #${name} is undefined`, at: location(options) });
          return '';
        }
        return (builtin as (...a: unknown[]) => unknown).apply(this, args);
      });
    }
  }

  /** Renders a resolved main template; problems go to the current collector. */
  render(template: TemplateFile, context: object): string | undefined {
    const fn = this.compile(template);
    if (fn === undefined) return undefined;
    try {
      return fn(context);
    } catch (e) {
      const err = e as { message?: string; lineNumber?: number; column?: number; pfFile?: string };
      const at = { file: err.pfFile ?? template.display, line: err.lineNumber ?? 1, col: (err.column ?? 0) + 1 };
      recordProblem({ kind: 'runtime', message: String(err.message ?? e).replace(/ - \d+:\d+$/, ''), at });
      return undefined;
    }
  }

  /** Parses, rewrites and compiles a template file and its partials (cached); undefined on problems. */
  private compile(template: TemplateFile): Compiled | undefined {
    if (this.compiled.has(template.file)) return this.compiled.get(template.file);
    this.inProgress.add(template.file);
    try {
      const fn = this.compileFresh(template);
      this.compiled.set(template.file, fn);
      return fn;
    } finally {
      this.inProgress.delete(template.file);
    }
  }

  private compileFresh(template: TemplateFile): Compiled | undefined {
    let ast: HbsNode;
    try {
      ast = Handlebars.parse(template.source) as unknown as HbsNode;
    } catch (e) {
      recordProblem({ kind: 'syntax', message: parseMessage(e), at: parseLocation(e, template.display) });
      return undefined;
    }
    if (!this.prepare(ast, template)) return undefined;
    let fn: Compiled;
    try {
      fn = this.hbs.compile(ast as unknown as Parameters<typeof Handlebars.compile>[0], { strict: true, noEscape: true });
    } catch (e) {
      recordProblem({ kind: 'syntax', message: String((e as Error).message), at: { file: template.display, line: 1, col: 1 } });
      return undefined;
    }
    return withFile(template.display, fn);
  }

  /** Rewrites plain mustaches, checks helper names and registers partials; false on problems. */
  private prepare(ast: HbsNode, template: TemplateFile): boolean {
    let ok = true;
    visit(ast, (node) => {
      const at = at0(template.display, node.loc);
      if (node.type === 'MustacheStatement' || node.type === 'SubExpression') {
        const path = node['path'] as HbsNode;
        const params = node['params'] as unknown[];
        const hash = node['hash'];
        const name = path.type === 'PathExpression' ? String(path['original']) : '';
        const isHelper = this.isHelper(name);
        if (node.type === 'MustacheStatement' && params.length === 0 && hash === undefined && !isHelper) {
          node['params'] = [path];
          node['path'] = { type: 'PathExpression', data: false, depth: 0, parts: [OUT_HELPER], original: OUT_HELPER, loc: node.loc };
        } else if ((params.length > 0 || hash !== undefined) && !isHelper) {
          recordProblem({ kind: 'syntax', message: `unknown helper ${name}`, at });
          ok = false;
        }
      }
      if (node.type === 'BlockStatement') {
        const name = String((node['path'] as HbsNode)['original']);
        if (!this.isHelper(name)) {
          recordProblem({ kind: 'syntax', message: `unknown block helper ${name}`, at });
          ok = false;
        }
      }
      if (node.type === 'PartialStatement' || node.type === 'PartialBlockStatement') {
        ok = this.preparePartial(node, at) && ok;
      }
    });
    return ok;
  }

  private isHelper(name: string): boolean {
    return BUILTIN_HELPERS.has(name) || name in ESCAPERS || name === OUT_HELPER;
  }

  /** Resolves and registers the partial a partial statement names. */
  private preparePartial(node: HbsNode, at: TemplateLocation): boolean {
    const nameNode = node['name'] as HbsNode;
    if (nameNode.type !== 'PathExpression' && nameNode.type !== 'StringLiteral') {
      recordProblem({ kind: 'syntax', message: 'dynamic partial names are not supported', at });
      return false;
    }
    const name = String(nameNode['original']);
    const found = this.resolver.resolveInclude(name, 'handlebars');
    if (!found.ok) {
      recordProblem({ kind: 'missing', message: found.message.replace(/^template/, 'partial'), at });
      return false;
    }
    if (this.inProgress.has(found.template.file)) {
      recordProblem({ kind: 'syntax', message: `partial ${name} includes itself`, at });
      return false;
    }
    const partial = this.compile(found.template);
    if (partial === undefined) return false;
    this.hbs.registerPartial(name, partial as unknown as HandlebarsTypes.Template);
    return true;
  }
}

/** Records a refused, undefined or unescaped value and prints nothing for it; passes text through. */
function settle(value: unknown, at: TemplateLocation): unknown {
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
}

function location(options: HelperOptions | undefined): TemplateLocation {
  return at0(fileStack[fileStack.length - 1] ?? '', options?.loc);
}

function at0(file: string, loc: HbsLoc | undefined): TemplateLocation {
  return { file, line: loc?.start.line ?? 1, col: (loc?.start.column ?? 0) + 1 };
}

/** Runs a compiled template with its file on the file stack; errors are tagged with the innermost file. */
function withFile(file: string, fn: Compiled): Compiled {
  return (context, options) => {
    fileStack.push(file);
    try {
      return fn(context, options);
    } catch (e) {
      if (typeof e === 'object' && e !== null && (e as { pfFile?: string }).pfFile === undefined) (e as { pfFile?: string }).pfFile = file;
      throw e;
    } finally {
      fileStack.pop();
    }
  };
}

function visit(node: unknown, fn: (node: HbsNode) => void): void {
  if (Array.isArray(node)) {
    for (const n of node) visit(n, fn);
    return;
  }
  if (typeof node !== 'object' || node === null || typeof (node as HbsNode).type !== 'string') return;
  const n = node as HbsNode;
  fn(n);
  for (const [key, child] of Object.entries(n)) if (key !== 'loc' && key !== 'path') visit(child, fn);
}

/** Handlebars parse errors say `Parse error on line N:` and draw a `---^` pointer under the line. */
function parseLocation(e: unknown, file: string): TemplateLocation {
  const err = e as { message?: string; lineNumber?: number; column?: number };
  if (err.lineNumber !== undefined) return { file, line: err.lineNumber, col: (err.column ?? 0) + 1 };
  const message = err.message ?? '';
  const line = /line (\d+)/.exec(message);
  const pointer = /\n(-*)\^/.exec(message);
  return { file, line: line ? Number(line[1]) : 1, col: pointer ? pointer[1]!.length + 1 : 1 };
}

function parseMessage(e: unknown): string {
  const message = String((e as Error).message ?? e);
  const expecting = /\n(Expecting .*|Unexpected .*)$/.exec(message);
  if (expecting) return expecting[1]!;
  return message.replace(/ - \d+:\d+$/, '').split('\n')[0]!;
}
