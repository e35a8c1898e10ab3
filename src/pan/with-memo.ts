/**
 * Memo of type `with` validation results for property values, shared by every build of the
 * process. A `with` block whose code (and that of the user functions it calls, as this build
 * defines them) reads nothing but SELF, its own local variables and function arguments, and
 * calls only pure built-ins and such functions, is a function of SELF: its result for a string,
 * long, double or boolean is computed once and reused (the same netmask, gateway or shell is
 * validated by every profile of a site). Anything else — global variables, TEMPLATE and
 * FUNCTION, built-ins that read the configuration, files or types, debug output — makes the
 * block run every time. Only returned values are kept; a block that throws throws every time.
 * Globals cannot change once validation starts, so a build's analysis holds for all its
 * validations; the key also holds the call depth and loop and depth limits. The analysis of a
 * block is kept with the lookups it made (which names are globals, which function bodies the
 * calls reach): a build that answers them the same way reuses it without analysing again.
 */
import type { BuildState, ExecContext } from './context.js';
import { isProperty, type Property, type Value } from './element.js';
import type { Node, SpecialName, Target } from './ir.js';

/** Specials that read only their (pure) operands, or only throw. */
const PURE_SPECIALS: ReadonlySet<SpecialName> = new Set<SpecialName>(['is_type', 'exists', 'return', 'error']);

/** What a piece of code reads, independently of any build. */
interface CodeFacts {
  /** True if it calls a built-in that reads more than its operands (or has effects). */
  readonly impure: boolean;
  /** Variables it reads or writes, SELF aside. */
  readonly names: readonly string[];
  /** User functions it calls. */
  readonly calls: readonly string[];
}

/** Remembered results of one block (for one call depth and limits): string SELF values by themselves. */
interface Table {
  readonly strings: Map<string, Value>;
  readonly others: Map<string, Value>;
  /** The loop and depth limits of the results, and the generation of the table store. */
  readonly maxIteration: number;
  readonly maxRecursion: number;
  readonly generation: number;
}

/** A lookup the analysis of a block made in a build (is this name a global? which body has this function?) and its answer. */
type Check =
  | { readonly global: string; readonly isGlobal: boolean }
  | { readonly function: string; readonly body: Node | undefined };

/**
 * How a block resolves in the builds that answer its lookups the same way: its signature (the
 * identities of the code it runs), or null when it is not pure there, and its tables by depth.
 */
interface Resolution {
  readonly checks: readonly Check[];
  readonly signature: string | null;
  readonly byDepth: Map<number, Table>;
}

const MAX_ENTRIES = 200_000;
/** Resolutions kept per block (builds of one site resolve a block in one or a few ways). */
const MAX_RESOLUTIONS = 8;
let entries = 0;
let generation = 0;
const tables = new Map<string, Table>();
const facts = new WeakMap<Node, CodeFacts>();
const resolutions = new WeakMap<Node, Resolution[]>();
const blocks = new WeakMap<BuildState, Map<Node, Resolution>>();
const ids = new WeakMap<object, number>();
let nextId = 1;

/** Runs a `with` block (`run(ctx, dml, self)`) on a property SELF through the memo when the block is pure. */
export function memoizedWith(
  ctx: ExecContext,
  dml: Node,
  self: Value,
  run: (ctx: ExecContext, dml: Node, self: Value) => Value,
): Value {
  const build = ctx.build;
  if (build === undefined || !isProperty(self)) return run(ctx, dml, self);
  const table = tableOf(ctx, build, dml);
  if (table === undefined) return run(ctx, dml, self);
  const map = typeof self === 'string' ? table.strings : table.others;
  const key = keyOf(self);
  const known = map.get(key);
  if (known !== undefined || map.has(key)) return known;
  const result = run(ctx, dml, self);
  if (isProperty(result)) {
    if (++entries > MAX_ENTRIES) {
      tables.clear();
      entries = 0;
      generation++;
    }
    map.set(key, result);
  }
  return result;
}

/**
 * The result remembered for a `with` block on a property SELF, or undefined when none is (the
 * block must run: memoizedWith does that).
 */
export function rememberedWith(ctx: ExecContext, dml: Node, self: Value): Value {
  const build = ctx.build;
  if (build === undefined || !isProperty(self)) return undefined;
  const table = tableOf(ctx, build, dml);
  if (table === undefined) return undefined;
  return (typeof self === 'string' ? table.strings : table.others).get(keyOf(self));
}

/** The key of a property SELF in its table (strings are their own keys). */
function keyOf(self: Property): string {
  return typeof self === 'string' ? self : `${typeof self}\u0000${typeof self === 'number' && Object.is(self, -0) ? '-0' : String(self)}`;
}

/** The blocks of the build validated last (validation runs one build at a time). */
let lastBuild: BuildState | undefined;
let lastBlocks: Map<Node, Resolution> | undefined;

function blocksOf(build: BuildState): Map<Node, Resolution> {
  if (build === lastBuild) return lastBlocks!;
  let byBlock = blocks.get(build);
  if (byBlock === undefined) {
    byBlock = new Map();
    blocks.set(build, byBlock);
  }
  lastBuild = build;
  lastBlocks = byBlock;
  return byBlock;
}

function tableOf(ctx: ExecContext, build: BuildState, dml: Node): Table | undefined {
  const byBlock = blocksOf(build);
  let resolution = byBlock.get(dml);
  if (resolution === undefined) {
    resolution = resolutionOf(build, dml);
    byBlock.set(dml, resolution);
  }
  if (resolution.signature === null) return undefined;
  let table = resolution.byDepth.get(ctx.depth);
  if (table === undefined || table.generation !== generation || table.maxIteration !== ctx.maxIteration || table.maxRecursion !== ctx.maxRecursion) {
    const key = `${resolution.signature}\u0000${ctx.depth}\u0000${ctx.maxIteration}\u0000${ctx.maxRecursion}`;
    table = tables.get(key);
    if (table === undefined) {
      table = { strings: new Map(), others: new Map(), maxIteration: ctx.maxIteration, maxRecursion: ctx.maxRecursion, generation };
      tables.set(key, table);
    }
    resolution.byDepth.set(ctx.depth, table);
  }
  return table;
}

/** How a block resolves in a build: a known resolution whose lookups the build answers the same way, or a new one. */
function resolutionOf(build: BuildState, dml: Node): Resolution {
  let known = resolutions.get(dml);
  if (known === undefined) {
    known = [];
    resolutions.set(dml, known);
  }
  for (const r of known) if (r.checks.every((c) => holds(build, c))) return r;
  const r = resolve(build, dml);
  if (known.length >= MAX_RESOLUTIONS) known.pop();
  known.unshift(r);
  return r;
}

function holds(build: BuildState, c: Check): boolean {
  return 'global' in c ? build.globals.has(c.global) === c.isGlobal : build.functions.get(c.function)?.body === c.body;
}

/**
 * Resolves a block in a build: the identities of the code it runs (itself, then the functions it
 * calls) as its signature, or null if it is impure; with every lookup made, in order.
 */
function resolve(build: BuildState, dml: Node): Resolution {
  const checks: Check[] = [];
  const code = new Set<Node>([dml]);
  const pureName = (name: string): boolean => {
    if (name === 'TEMPLATE' || name === 'FUNCTION') return false;
    const isGlobal = build.globals.has(name);
    checks.push({ global: name, isGlobal });
    return !isGlobal;
  };
  const pure = (n: Node): boolean => {
    const f = factsOf(n);
    if (f.impure || !f.names.every(pureName)) return false;
    for (const call of f.calls) {
      const body = build.functions.get(call)?.body;
      checks.push({ function: call, body });
      // An undefined function fails every time: nothing to remember, nothing to depend on.
      if (body === undefined || code.has(body)) continue;
      code.add(body);
      if (!pure(body)) return false;
    }
    return true;
  };
  const signature = pure(dml) ? [...code].map(idOf).join(',') : null;
  return { checks, signature, byDepth: new Map() };
}

function idOf(o: object): number {
  let id = ids.get(o);
  if (id === undefined) {
    id = nextId++;
    ids.set(o, id);
  }
  return id;
}

function factsOf(n: Node): CodeFacts {
  let f = facts.get(n);
  if (f === undefined) {
    const names = new Set<string>();
    const calls = new Set<string>();
    const impure = !collect(n, names, calls);
    names.delete('SELF');
    f = { impure, names: [...names], calls: [...calls] };
    facts.set(n, f);
  }
  return f;
}

/** Collects the names and calls of `n`; false if it uses a built-in that reads more than its operands. */
function collect(n: Node, names: Set<string>, calls: Set<string>): boolean {
  const all = (nodes: readonly Node[]): boolean => nodes.every((x) => collect(x, names, calls));
  const target = (t: Target | undefined): boolean => {
    if (t === undefined) return true;
    names.add(t.name);
    return all(t.subs);
  };
  switch (n.k) {
    case 'lit':
      return true;
    case 'var':
      names.add(n.name);
      return all(n.subs);
    case 'set':
      return n.targets.every(target) && collect(n.value, names, calls);
    case 'block':
      return all(n.body);
    case 'if':
      return all(n.else === undefined ? [n.cond, n.then] : [n.cond, n.then, n.else]);
    case 'while':
      return all([n.cond, n.body]);
    case 'for':
      return all([n.init, n.cond, n.step, n.body]);
    case 'foreach':
      return target(n.key) && target(n.value) && all([n.coll, n.body]);
    case 'bin':
    case 'and':
    case 'or':
      return all([n.l, n.r]);
    case 'un':
      return collect(n.a, names, calls);
    case 'pure':
      return all(n.args);
    case 'special':
      // exists('/a/path') reads the configuration; exists(variable) only the variable.
      if (n.name === 'exists' && n.targets?.[0] === undefined) return false;
      return PURE_SPECIALS.has(n.name) && all(n.args) && (n.targets ?? []).every(target);
    case 'user':
      calls.add(n.name);
      return all(n.args);
  }
}
