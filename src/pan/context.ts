/**
 * Execution state. `BuildState` is one object's build: configuration tree, global variables,
 * functions, types, bindings, loaded templates, final flags, dependencies, provenance.
 * `ExecContext` is what DML evaluation sees: the build (absent in the compile-time context used
 * for constant pre-evaluation), local variables, iterators, SELF, the call stack and limits.
 */
import type { TemplateKind } from '../../grammar/ast.js';
import type { RelatedSpan } from '../diagnostics/diagnostic.js';
import type { Span } from '../diagnostics/span.js';
import type { Dependency, ProvenanceEntry } from './compiler-api.js';
import { PanDict, type Value } from './element.js';
import { PanError, type FrameSource } from './errors.js';
import { FinalFlags } from './final-flags.js';
import type { CompiledTemplate, FullTypeC, Node } from './ir.js';
import type { PanPath } from './path.js';
import { initialTypeEnvironment, type TypeEnvironment, type TypeFacts } from './type-facts.js';
import { newTypeMap } from './types.js';

/** A global variable. The value is frozen whenever it is read. */
export interface GlobalVar {
  value: Value;
  final: boolean;
}

/** A user-defined function. */
export interface FunctionDef {
  readonly body: Node;
  readonly template: CompiledTemplate;
  readonly span: Span;
}

/** A named type: built-in (no source) or defined by a `type` statement. */
export interface TypeDef {
  readonly type: FullTypeC | undefined;
  /** Built-in type name (`long`, `element`, ...), when built in. */
  readonly builtin: string | undefined;
  readonly span: Span | undefined;
}

/** One `bind` of a type to a path. */
export interface Binding {
  readonly type: FullTypeC;
  /** Span of the bound type (shown as "bound to type T in [file:range]"); none for `valid`. */
  readonly typeSpan: Span | undefined;
  /** The bind or valid statement. */
  readonly span: Span;
  readonly template: string;
}

/** Services the build needs from the compiler (template and file lookup, other objects). */
export interface BuildHost {
  /** Loads and checks a template; undefined if absent. Records dependencies when not lookupOnly. */
  loadTemplate(build: BuildState, name: string, lookupOnly: boolean): CompiledTemplate | undefined;
  /** Finds a text file on the load path and records the dependency; undefined if absent. */
  findFile(build: BuildState, name: string): string | undefined;
  /** Reads a text file (optionally gzip-compressed). */
  readFile(path: string, compression: string | undefined): string;
  /** The built tree of another object (built on demand); `checkCycles` during execution/defaults. */
  externalRoot(build: BuildState, objectName: string, lookupOnly: boolean): PanDict | undefined;
  readonly maxIteration: number;
  readonly maxRecursion: number;
  readonly deprecation: 'off' | 'on' | 'fatal';
  /** Reports a deprecation warning of this build. */
  warn(build: BuildState, message: string, span: Span): void;
  /** Prints debug()/traceback() output. */
  debug(message: string): void;
}

/** The state of one object's build. */
export class BuildState {
  root: PanDict;
  /** Root of relative paths while a structure template runs (create()). */
  relativeRoot: PanDict | undefined = undefined;
  readonly globals = new Map<string, GlobalVar>();
  readonly functions = new Map<string, FunctionDef>();
  private readonly typeMap: Map<string, TypeDef> = newTypeMap();
  /** Named types (built-in and defined); add with defineType. */
  readonly types: ReadonlyMap<string, TypeDef> = this.typeMap;
  /** Bindings by path string, with the parsed path. */
  readonly bindings = new Map<string, { path: PanPath; list: Binding[] }>();
  /** Templates loaded in this build, by name. */
  readonly loaded = new Map<string, CompiledTemplate>();
  readonly finals = new FinalFlags();
  /** Relative load path entries (LOADPATH), "" first. */
  loadpath: readonly string[] = [''];
  readonly dependencies = new Map<string, Dependency>();
  /** Other objects this one referenced. */
  readonly objectDependencies = new Set<string>();
  /** True while executing or inserting defaults (cycle checks on external references). */
  checkObjectCycles = true;
  readonly provenance: Map<string, ProvenanceEntry[]> | undefined;
  /** The defined types as a shared environment (the key of the type facts). */
  private typeEnvironment: TypeEnvironment = initialTypeEnvironment();

  constructor(
    readonly objectName: string,
    readonly objectTemplate: CompiledTemplate,
    root: PanDict,
    readonly host: BuildHost,
    recordProvenance: boolean,
  ) {
    this.root = root;
    this.provenance = recordProvenance ? new Map() : undefined;
  }

  /** Defines a named type (the caller checked that the name is free). */
  defineType(name: string, def: TypeDef): void {
    this.typeMap.set(name, def);
    this.typeEnvironment = this.typeEnvironment.extend(name, def.type ?? def);
  }

  /** Facts about the types as this build currently defines them (shared with like builds). */
  typeFacts(): TypeFacts {
    return this.typeEnvironment.typeFacts();
  }

  /** Records a dependency (`.dep` entry), deduplicated; `key` is its dependencyKey. */
  addDependency(dep: Dependency, key = dependencyKey(dep)): void {
    this.dependencies.set(key, dep);
  }

  /** Records a write to an absolute path for provenance. */
  record(path: string, entry: ProvenanceEntry): void {
    if (this.provenance === undefined) return;
    const list = this.provenance.get(path);
    if (list === undefined) this.provenance.set(path, [entry]);
    else list.push(entry);
  }
}

/** The key that identifies a dependency entry (name, type and location). */
export function dependencyKey(dep: Dependency): string {
  return `${dep.name}\u0000${dep.type}\u0000${dep.location}`;
}

/**
 * Dependencies keyed by `dependencyKey`, sorted by name, then type, then location. That is the
 * order of their keys as plain strings, since NUL (the separator) sorts before every other
 * character; a name holding a NUL itself is sorted field by field.
 */
export function sortedDependencies(byKey: ReadonlyMap<string, Dependency>): Dependency[] {
  for (const d of byKey.values()) {
    if (d.name.includes('\u0000')) return [...byKey.values()].sort(compareDependencies);
  }
  const keys = [...byKey.keys()].sort();
  const sorted: Dependency[] = new Array<Dependency>(keys.length);
  for (let i = 0; i < keys.length; i++) sorted[i] = byKey.get(keys[i]!)!;
  return sorted;
}

function compareDependencies(a: Dependency, b: Dependency): number {
  return compareStrings(a.name, b.name) || compareStrings(a.type, b.type) || compareStrings(a.location, b.location);
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** SELF: the value being defined or validated. */
export interface SelfHolder {
  get(): Value;
  set(v: Value): void;
  /** True inside validation blocks. */
  readonly readOnly: boolean;
}

/** The local variables of a DML block that has none yet (shared, never written). */
export const NO_LOCALS: ReadonlyMap<string, Value> = new Map<string, Value>();

/** The state visible to DML evaluation. */
export class ExecContext implements FrameSource {
  /** Local variables of the running DML; NO_LOCALS until the first is written (see writableLocals). */
  locals: ReadonlyMap<string, Value> = NO_LOCALS;
  /** first()/next() iterators of the running DML, created on first use. */
  iterators: Map<object, Iterator<[Value, Value]>> | undefined = undefined;
  self: SelfHolder | undefined = undefined;
  /** Template whose code is running (changes on include, create and function calls). */
  template: CompiledTemplate | undefined;
  /** Value of TEMPLATE while a statement's DML runs. */
  templateVar: string | undefined = undefined;
  /** Name of the innermost running user function (FUNCTION). */
  functionName: string | undefined = undefined;
  /** The call stack, one entry per frame in each array (no object per call). */
  private readonly callSites: Span[] = [];
  private readonly callerTemplates: Array<CompiledTemplate | undefined> = [];
  private readonly callerFunctions: Array<string | undefined> = [];

  constructor(
    /** The build, or undefined in the compile-time context. */
    readonly build: BuildState | undefined,
    readonly maxIteration: number,
    readonly maxRecursion: number,
    template: CompiledTemplate | undefined,
  ) {
    this.template = template;
  }

  /** The local variables, to write to (made on the first write of a DML block). */
  writableLocals(): Map<string, Value> {
    if (this.locals === NO_LOCALS) this.locals = new Map<string, Value>();
    return this.locals as Map<string, Value>;
  }

  /** True in the compile-time (constant pre-evaluation) context. */
  get compileTime(): boolean {
    return this.build === undefined;
  }

  /** Enters a template or function; enforces the call-depth limit. */
  push(template: CompiledTemplate | undefined, callSite: Span, functionName?: string): void {
    if (this.maxRecursion > 0 && this.callSites.length >= this.maxRecursion) {
      throw new PanError('PF208', `call depth limit (${this.maxRecursion}) exceeded`).locate(callSite, this);
    }
    this.callSites.push(callSite);
    this.callerTemplates.push(this.template);
    this.callerFunctions.push(this.functionName);
    this.template = template;
    if (functionName !== undefined) this.functionName = functionName;
  }

  /** Leaves the innermost template or function. */
  pop(): void {
    this.callSites.pop();
    this.template = this.callerTemplates.pop();
    this.functionName = this.callerFunctions.pop();
  }

  /** Call sites, innermost first. */
  callFrames(): RelatedSpan[] {
    const out: RelatedSpan[] = [];
    for (let i = this.callSites.length - 1; i >= 0; i--) out.push({ message: 'called from', span: this.callSites[i]! });
    return out;
  }

  /** Current call depth. */
  get depth(): number {
    return this.callSites.length;
  }

  /** The kind of the running template (object when unknown). */
  get templateKind(): TemplateKind {
    return this.template?.kind ?? 'object';
  }
}
