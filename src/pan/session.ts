/**
 * One compilation run: builds objects on demand (execution, defaults), validates them (stage 1
 * and stage 2), and serves builds as their host — template and file lookup with dependency
 * recording, and the trees of other objects reached through external paths, with panc's cycle
 * detection during execution.
 */
import { readFileSync, statSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { diagnostic } from '../diagnostics/diagnostic.js';
import type { Span } from '../diagnostics/span.js';
import { SourceLocator, rootUri, type FoundFile } from '../source/locate.js';
import type { CompileOptions, Dependency, SourceRead } from './compiler-api.js';
import { BuildState, ExecContext, dependencyKey, type BuildHost } from './context.js';
import { insertDefaults, orderedBindings } from './defaults.js';
import { PanDict, PanList } from './element.js';
import { getElement } from './elements.js';
import { PanError, asPanError } from './errors.js';
import { executeTemplate } from './exec.js';
import type { CompiledTemplate } from './ir.js';
import { copyValue, freeze } from './protect.js';
import { TemplateLoader } from './templates.js';
import { MISSING, type Lookup } from './tree.js';
import { ValidationFailure, validateBinding } from './validate.js';
import { findUndefined } from './undefined-scan.js';

/** The state of one object in a run. */
export interface ObjectState {
  readonly name: string;
  file: string | undefined;
  status: 'building' | 'built' | 'failed';
  build: BuildState | undefined;
  error: PanError | undefined;
  /** Stage-1 validation outcome (undefined = not yet run). */
  valid1: PanError | null | undefined;
  warnings: Diagnostic[];
}

/** A compilation run over a set of include directories and options. */
export class Session implements BuildHost {
  readonly objects = new Map<string, ObjectState>();
  readonly locator: SourceLocator;
  readonly loader: TemplateLoader;
  private readonly buildStack: string[] = [];
  readonly maxIteration: number;
  readonly maxRecursion: number;
  readonly deprecation: 'off' | 'on' | 'fatal';

  constructor(
    readonly options: CompileOptions,
    private readonly initialRoot: () => PanDict,
    onSourceRead?: (read: SourceRead) => void,
  ) {
    this.locator = new SourceLocator(options.includeDirs);
    this.loader = new TemplateLoader({ debugInclude: options.debugInclude, debugExclude: options.debugExclude }, onSourceRead);
    this.maxIteration = options.maxIteration;
    this.maxRecursion = options.maxRecursion;
    this.deprecation = options.deprecation;
  }

  // ------------------------------------------------------------ building

  /** Builds an object (once per run) and returns its state. */
  buildObject(name: string): ObjectState {
    const existing = this.objects.get(name);
    if (existing !== undefined) return existing;
    const st: ObjectState = { name, file: undefined, status: 'building', build: undefined, error: undefined, valid1: undefined, warnings: [] };
    this.objects.set(name, st);
    this.buildStack.push(name);
    try {
      const found = this.locator.findTemplate(name, ['']);
      if (found === undefined) throw new PanError('PF204', `cannot locate object template named '${name}'`);
      st.file = found.displayPath;
      const tpl = this.loader.load(found);
      if (tpl.name !== name) {
        throw new PanError('PF110', `misplaced or misnamed template; relative directory and name must match '${name}'`);
      }
      st.build = this.execute(name, tpl, found);
      st.status = 'built';
    } catch (e) {
      st.status = 'failed';
      st.error = asPanError(e);
    } finally {
      this.buildStack.pop();
    }
    return st;
  }

  private execute(name: string, tpl: CompiledTemplate, found: FoundFile): BuildState {
    const root = this.initialRoot();
    const build = new BuildState(name, tpl, root, this, this.options.provenance !== false);
    if (this.options.initialData !== undefined) build.record('/', { template: name, span: tpl.all[0]?.span ?? spanOf(found), action: 'initial' });
    build.addDependency({ name, type: found.type === 'TPL' ? 'TPL' : 'PAN', location: rootUri(found.root) });
    build.loaded.set(name, tpl);
    build.globals.set('OBJECT', { value: name, final: true });
    build.globals.set('LOADPATH', { value: freeze(new PanList()), final: false });
    const ctx = new ExecContext(build, this.maxIteration, this.maxRecursion, tpl);
    executeTemplate(ctx, tpl, true);
    insertDefaults(ctx, build);
    build.checkObjectCycles = false;
    return build;
  }

  // ------------------------------------------------------------ host services

  /**
   * Templates loaded for include/create, by name and load path: the file found, its checked
   * template and its dependency entry. Lookups and loads are memoised for the whole run by the
   * locator and the loader, so the same request always has the same answer; only successful
   * loads are kept (failures take the full path, which builds a fresh error).
   */
  private readonly included = new Map<string, { template: CompiledTemplate; dependency: Dependency; key: string }>();

  loadTemplate(build: BuildState, name: string, lookupOnly: boolean): CompiledTemplate | undefined {
    if (lookupOnly) return this.lookUpTemplate(build, name);
    const cacheKey = build.loadpath.length === 1 && build.loadpath[0] === '' ? name : `${name}\u0000${build.loadpath.join('\u0000')}`;
    let entry = this.included.get(cacheKey);
    if (entry === undefined) {
      const found = this.locator.findTemplate(name, build.loadpath);
      if (found === undefined) return undefined;
      const template = this.loader.loadNamed(found, name);
      const dependency: Dependency = { name, type: found.type === 'TPL' ? 'TPL' : 'PAN', location: rootUri(found.root) };
      entry = { template, dependency, key: dependencyKey(dependency) };
      this.included.set(cacheKey, entry);
    }
    build.addDependency(entry.dependency, entry.key);
    build.loaded.set(name, entry.template);
    return entry.template;
  }

  /** A template by name for exists()/if_exists(), without loading it into the build. */
  private lookUpTemplate(build: BuildState, name: string): CompiledTemplate | undefined {
    const found = this.locator.findTemplate(name, build.loadpath);
    if (found === undefined) {
      build.addDependency({ name, type: 'ABSENT_SOURCE', location: '' });
      return undefined;
    }
    const tpl = this.loader.load(found);
    return tpl.name === name ? tpl : undefined;
  }

  findFile(build: BuildState, name: string): string | undefined {
    const found = this.locator.findText(name, build.loadpath);
    if (found === undefined) {
      build.addDependency({ name, type: 'ABSENT_TEXT', location: '' });
      return undefined;
    }
    build.addDependency({ name, type: 'TEXT', location: rootUri(found.root) });
    return found.absPath;
  }

  readFile(file: string, compression: string | undefined): string {
    if (compression !== undefined && compression !== 'gzip') throw new PanError('PF210', `invalid compression name (${compression})`);
    if (statSync(file).isDirectory()) throw new PanError('PF210', `directory (${file}) not allowed`);
    try {
      return compression === 'gzip' ? gunzipSync(readFileSync(file)).toString('utf8') : this.loader.text(file);
    } catch (e) {
      throw new PanError('PF900', `cannot read ${file}: ${(e as Error).message}`);
    }
  }

  externalRoot(build: BuildState, objectName: string, lookupOnly: boolean): PanDict | undefined {
    let tpl = build.loaded.get(objectName);
    if (tpl === undefined) {
      const found = this.locator.findTemplate(objectName, build.loadpath);
      if (found === undefined) {
        if (lookupOnly) return undefined;
        throw new PanError('PF204', `cannot locate template named '${objectName}'`);
      }
      tpl = this.loader.load(found);
      if (tpl.name !== objectName) {
        if (lookupOnly) return undefined;
        throw new PanError('PF217', `misplaced or misnamed template; relative directory and name must match '${objectName}'`);
      }
      build.addDependency({ name: objectName, type: found.type === 'TPL' ? 'TPL' : 'PAN', location: rootUri(found.root) });
      build.loaded.set(objectName, tpl);
    }
    if (tpl.kind !== 'object') throw new PanError('PF204', `${objectName} does not refer to an object template`);
    build.objectDependencies.add(objectName);
    if (build.checkObjectCycles) {
      const i = this.buildStack.indexOf(objectName);
      if (i >= 0) {
        const chain = [build.objectName, ...this.buildStack.slice(i)];
        if (chain[chain.length - 1] !== build.objectName) chain.push(build.objectName);
        throw new PanError('PF213', `circular object dependency detected: ${chain.join(' -> ')}`);
      }
    }
    const st = this.buildObject(objectName);
    if (st.status !== 'built') {
      const e = st.error!;
      throw new PanError(e.code, e.message, e.span, e.frames);
    }
    // Other objects only read the finished tree: freezing it lets value() share instead of copy.
    return freeze(st.build!.root);
  }

  warn(build: BuildState, message: string, span: Span): void {
    const st = this.objects.get(build.objectName);
    st?.warnings.push(diagnostic('PF221', message, span));
  }

  debug(message: string): void {
    process.stderr.write(message + '\n');
  }

  // ------------------------------------------------------------ validation

  /** Stage 1: no undef/null left, then every binding in order. Returns the failure or null. */
  validate1(st: ObjectState): PanError | null {
    if (st.valid1 !== undefined) return st.valid1;
    if (st.status !== 'built') return (st.valid1 = st.error ?? null);
    st.valid1 = null;
    const build = st.build!;
    try {
      const undef = findUndefined(build.root);
      if (undef !== undefined) throw new ValidationFailure('PF300', `element at ${undef} is undefined`);
      const ctx = new ExecContext(build, this.maxIteration, this.maxRecursion, build.objectTemplate);
      for (const { path, list } of orderedBindings(build)) {
        let value: Lookup;
        try {
          value = getElement(build, path, false);
        } catch {
          value = MISSING;
        }
        for (const b of list) validateBinding(ctx, path, b, value);
      }
    } catch (e) {
      st.valid1 = asPanError(e);
    }
    return st.valid1;
  }

  /** Stage 2: every object reached (transitively) must pass stage 1. */
  validate2(st: ObjectState): PanError | null {
    const own = this.validate1(st);
    if (own !== null) return own;
    const seen = new Set<string>([st.name]);
    const queue = [...st.build!.objectDependencies].sort();
    while (queue.length > 0) {
      const name = queue.shift()!;
      if (seen.has(name)) continue;
      seen.add(name);
      const other = this.buildObject(name);
      const failure = this.validate1(other);
      if (failure !== null) {
        if (failure.panClass === 'Validation') return new PanError(failure.code, failure.message, failure.span);
        return new PanError('PF308', `object dependency on ${name} raised exception`);
      }
      queue.push(...[...other.build!.objectDependencies].sort());
    }
    return null;
  }

  /** Objects reached from `st` (transitively), including itself. */
  reachable(st: ObjectState): ObjectState[] {
    const out: ObjectState[] = [];
    const seen = new Set<string>();
    const queue = [st.name];
    while (queue.length > 0) {
      const name = queue.shift()!;
      if (seen.has(name)) continue;
      seen.add(name);
      const o = this.objects.get(name);
      if (o === undefined) continue;
      out.push(o);
      if (o.build !== undefined) queue.push(...[...o.build.objectDependencies].sort());
    }
    return out;
  }

  /** A copy of the initial root element for a new build. */
  static copyRoot(root: PanDict): PanDict {
    return copyValue(root);
  }
}

function spanOf(found: FoundFile): Span {
  return { file: found.displayPath, offset: 0, length: 0, line: 1, col: 1, endLine: 1, endCol: 1 };
}
