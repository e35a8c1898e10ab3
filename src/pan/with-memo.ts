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
 * validations; the key also holds the call depth and loop and depth limits.
 */
import type { BuildState, ExecContext } from './context.js';
import { isProperty, type Value } from './element.js';
import type { Node, SpecialName, Target } from './ir.js';

/** Specials that read only their (pure) operands, or only throw. */
const PURE_SPECIALS: ReadonlySet<SpecialName> = new Set<SpecialName>(['is_type', 'exists', 'return', 'error']);

const MAX_ENTRIES = 200_000;
const results = new Map<string, Value>();
/** Per build: each `with` block's signature (the identities of the code it runs), or null when impure. */
const signatures = new WeakMap<BuildState, Map<Node, string | null>>();
const ids = new WeakMap<object, number>();
let nextId = 1;

/** Runs a `with` block on a property SELF through the memo when the block is pure. */
export function memoizedWith(ctx: ExecContext, dml: Node, self: Value, run: () => Value): Value {
  const build = ctx.build;
  if (build === undefined || !isProperty(self)) return run();
  const signature = signatureOf(build, dml);
  if (signature === null) return run();
  const value = typeof self === 'number' && Object.is(self, -0) ? '-0' : String(self);
  const key = `${signature}\u0000${ctx.depth}\u0000${ctx.maxIteration}\u0000${ctx.maxRecursion}\u0000${typeof self}\u0000${value}`;
  if (results.has(key)) return results.get(key);
  const result = run();
  if (isProperty(result)) {
    if (results.size >= MAX_ENTRIES) results.clear();
    results.set(key, result);
  }
  return result;
}

function signatureOf(build: BuildState, dml: Node): string | null {
  let known = signatures.get(build);
  if (known === undefined) {
    known = new Map();
    signatures.set(build, known);
  }
  let signature = known.get(dml);
  if (signature === undefined) {
    const code: object[] = [dml];
    signature = pureNode(build, dml, code, new Set()) ? code.map(idOf).join(',') : null;
    known.set(dml, signature);
  }
  return signature;
}

function idOf(o: object): number {
  let id = ids.get(o);
  if (id === undefined) {
    id = nextId++;
    ids.set(o, id);
  }
  return id;
}

/** True if a variable read can only see a local variable, an argument or SELF. */
function pureName(build: BuildState, name: string): boolean {
  return name !== 'TEMPLATE' && name !== 'FUNCTION' && (name === 'SELF' || !build.globals.has(name));
}

function pureTarget(build: BuildState, t: Target | undefined, code: object[], visiting: Set<Node>): boolean {
  return t === undefined || (pureName(build, t.name) && t.subs.every((s) => pureNode(build, s, code, visiting)));
}

/** True if evaluating `n` depends on nothing but SELF and its own locals; collects the code it runs. */
function pureNode(build: BuildState, n: Node, code: object[], visiting: Set<Node>): boolean {
  const all = (nodes: readonly Node[]): boolean => nodes.every((x) => pureNode(build, x, code, visiting));
  switch (n.k) {
    case 'lit':
      return true;
    case 'var':
      return pureName(build, n.name) && all(n.subs);
    case 'set':
      return n.targets.every((t) => pureTarget(build, t, code, visiting)) && pureNode(build, n.value, code, visiting);
    case 'block':
      return all(n.body);
    case 'if':
      return all(n.else === undefined ? [n.cond, n.then] : [n.cond, n.then, n.else]);
    case 'while':
      return all([n.cond, n.body]);
    case 'for':
      return all([n.init, n.cond, n.step, n.body]);
    case 'foreach':
      return pureTarget(build, n.key, code, visiting) && pureTarget(build, n.value, code, visiting) && all([n.coll, n.body]);
    case 'bin':
    case 'and':
    case 'or':
      return all([n.l, n.r]);
    case 'un':
      return pureNode(build, n.a, code, visiting);
    case 'pure':
      return all(n.args);
    case 'special':
      // exists('/a/path') reads the configuration; exists(variable) only the variable.
      if (n.name === 'exists' && n.targets?.[0] === undefined) return false;
      return PURE_SPECIALS.has(n.name) && all(n.args) && (n.targets ?? []).every((t) => pureTarget(build, t, code, visiting));
    case 'user': {
      if (!all(n.args)) return false;
      const fd = build.functions.get(n.name);
      // An undefined function fails every time: nothing to remember, nothing to depend on.
      if (fd === undefined) return true;
      code.push(fd.body);
      if (visiting.has(fd.body)) return true;
      visiting.add(fd.body);
      return pureNode(build, fd.body, code, visiting);
    }
  }
}
