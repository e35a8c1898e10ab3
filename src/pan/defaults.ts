/**
 * Defaults insertion (§8.4, §9.2): for every bound path, in panc's binding order, a missing or
 * undef value gets the first default of its bindings, then each binding fills defaults inside the
 * value (record fields, list/dict children, aliases, link targets). Frozen values are copied
 * before they are changed. panc's quirk: an error while looking up a bound path stops defaults
 * processing for all remaining bindings. What a type can contribute (its default, whether any
 * default is reachable below it, which record fields matter) is computed once per type
 * environment (type-facts.ts); element paths are only spelled out when provenance is recorded.
 */
import type { Span } from '../diagnostics/span.js';
import type { Binding, BuildState, ExecContext } from './context.js';
import { PanDict, PanList, type Value } from './element.js';
import { getElement, putElement } from './elements.js';
import type { FullTypeC, TypeSpecC } from './ir.js';
import { comparePaths, parsePath, pathToString, type PanPath } from './path.js';
import { writable } from './protect.js';
import { termToString } from './terms.js';
import { MISSING, type Lookup } from './tree.js';
import { NO_DEFAULT, type DefaultOf, type TypeFacts } from './type-facts.js';

const NONE: typeof NO_DEFAULT = NO_DEFAULT;
type Maybe = DefaultOf;
type RecordSpec = Extract<TypeSpecC, { k: 'record' }>;
/** A record field that can get a default, its own or below its value. */
interface Field {
  readonly key: string;
  readonly type: FullTypeC;
  /** The field's default (its own or inherited), or NONE. */
  readonly default: Maybe;
  /** True if defaults are reachable below a value of the field's spec. */
  readonly below: boolean;
}

/** The parts of a record that can contribute defaults (the others are skipped). */
export interface RecordPlan {
  /** Included record types whose spec may have defaults. */
  readonly includes: readonly FullTypeC[];
  readonly required: readonly Field[];
  readonly optional: readonly Field[];
}

/** One defaults pass over a build. `recording` = element paths are needed (provenance). */
interface Pass {
  readonly ctx: ExecContext;
  readonly build: BuildState;
  readonly facts: TypeFacts;
  readonly recording: boolean;
}

/** Bindings of a build in panc's order (longer paths first, then term order). */
export function orderedBindings(build: BuildState): Array<{ path: PanPath; list: Binding[] }> {
  return [...build.bindings.values()].sort((a, b) => comparePaths(a.path, b.path));
}

/** Inserts type defaults into the build's tree. */
export function insertDefaults(ctx: ExecContext, build: BuildState): void {
  const pass: Pass = { ctx, build, facts: build.typeFacts(), recording: build.provenance !== undefined };
  for (const { path, list } of orderedBindings(build)) {
    let self: Lookup;
    try {
      self = getElement(build, path, false);
    } catch {
      break;
    }
    const where = pass.recording ? pathToString(path) : undefined;
    if (self === MISSING || self === undefined) {
      for (const b of list) {
        const d = findDefault(pass, b.type);
        if (d !== NONE) {
          self = d;
          putElement(build, path, d);
          recordDefault(build, where, b.type.template, b.type.span);
          break;
        }
      }
    }
    if (self === MISSING || self === undefined) continue;
    for (const b of list) {
      const replacement = fillFull(pass, b.type, self as Value, where);
      if (replacement !== NONE) {
        self = replacement;
        putElement(build, path, replacement);
      }
    }
  }
}

function recordDefault(build: BuildState, path: string | undefined, template: string, span: Span): void {
  if (path !== undefined) build.record(path, { template, span, action: 'default' });
}

/** The path of a child, when paths are spelled out. */
function childText(path: string | undefined, key: string | number): string | undefined {
  return path === undefined ? undefined : `${path === '/' ? '' : path}/${termToString(key)}`;
}

/** The default value of a full type (its own, or inherited through aliases and record includes). */
function findDefault(pass: Pass, t: FullTypeC | TypeSpecC): Maybe {
  const memo = pass.facts.defaults;
  let d = memo.get(t);
  if (d === undefined && !memo.has(t)) {
    d = 'hasDefault' in t ? (t.hasDefault ? t.default : findDefault(pass, t.spec)) : specDefault(pass, t);
    memo.set(t, d);
  }
  return d;
}

function specDefault(pass: Pass, s: TypeSpecC): Maybe {
  if (s.k === 'ref') {
    const def = pass.build.types.get(s.name)?.type;
    return def === undefined ? NONE : findDefault(pass, def);
  }
  if (s.k === 'record') {
    for (const inc of s.includes) {
      const def = pass.build.types.get(inc)?.type;
      if (def === undefined) continue;
      const d = findDefault(pass, def);
      if (d !== NONE) return d;
    }
  }
  return NONE;
}

/**
 * True if filling defaults below a value of this type can change anything (some default is
 * reachable through fields, elements, aliases, includes or links). Lets the defaults phase skip
 * the many types that have none.
 */
function mayHaveDefaults(pass: Pass, t: FullTypeC | TypeSpecC): boolean {
  const memo = pass.facts.mayHaveDefaults;
  let known = memo.get(t);
  if (known === undefined) {
    known = 'hasDefault' in t ? t.hasDefault || mayHaveDefaults(pass, t.spec) : specMayHaveDefaults(pass, t);
    memo.set(t, known);
  }
  return known;
}

function specMayHaveDefaults(pass: Pass, s: TypeSpecC): boolean {
  switch (s.k) {
    case 'ref': {
      const def = pass.build.types.get(s.name)?.type;
      return def !== undefined && mayHaveDefaults(pass, def);
    }
    case 'record':
      return (
        s.includes.some((inc) => {
          const def = pass.build.types.get(inc)?.type;
          return def !== undefined && mayHaveDefaults(pass, def);
        }) ||
        s.required.some(([, f]) => mayHaveDefaults(pass, f)) ||
        s.optional.some(([, f]) => mayHaveDefaults(pass, f))
      );
    case 'list':
    case 'dict':
      return mayHaveDefaults(pass, s.elem);
    case 'link':
      return mayHaveDefaults(pass, s.target);
    case 'choice':
      return false;
  }
}

/**
 * The fields and includes of a record that can change anything: a field without a reachable
 * default (its own, inherited, or below it) is left alone whatever its value.
 */
function recordPlan(pass: Pass, s: RecordSpec): RecordPlan {
  const memo = pass.facts.recordPlans;
  let plan = memo.get(s);
  if (plan === undefined) {
    const includes: FullTypeC[] = [];
    for (const inc of s.includes) {
      const def = pass.build.types.get(inc)?.type;
      if (def !== undefined && mayHaveDefaults(pass, def.spec)) includes.push(def);
    }
    plan = { includes, required: planFields(pass, s.required), optional: planFields(pass, s.optional) };
    memo.set(s, plan);
  }
  return plan;
}

function planFields(pass: Pass, fields: RecordSpec['required']): Field[] {
  const out: Field[] = [];
  for (const [key, type] of fields) {
    if (!mayHaveDefaults(pass, type)) continue;
    out.push({ key, type, default: findDefault(pass, type), below: mayHaveDefaults(pass, type.spec) });
  }
  return out;
}

/** Fills defaults below the value of a record field. */
function fillField(pass: Pass, f: Field, child: Value, path: string | undefined): Maybe {
  return f.below ? fillBelow(pass, f.type.spec, child, path, f.type.template) : NONE;
}

function fillFull(pass: Pass, t: FullTypeC, self: Value, path: string | undefined): Maybe {
  return fillSpec(pass, t.spec, self, path, t.template);
}

/** Fills defaults below `self`; `template` names where the type is written (provenance). */
function fillSpec(pass: Pass, s: TypeSpecC, self: Value, path: string | undefined, template: string): Maybe {
  return mayHaveDefaults(pass, s) ? fillBelow(pass, s, self, path, template) : NONE;
}

/** fillSpec for a spec below which some default is reachable. */
function fillBelow(pass: Pass, s: TypeSpecC, self: Value, path: string | undefined, template: string): Maybe {
  switch (s.k) {
    case 'ref': {
      const def = pass.build.types.get(s.name)?.type;
      return def === undefined ? NONE : fillFull(pass, def, self, path);
    }
    case 'record':
      return self instanceof PanDict ? fillRecord(pass, recordPlan(pass, s), self, path) : NONE;
    case 'list':
    case 'dict':
      // Either collection is filled whatever the spec says (validation reports the mismatch).
      if (self instanceof PanList) return fillList(pass, s.elem, self, path, template);
      return self instanceof PanDict ? fillDict(pass, s.elem, self, path, template) : NONE;
    case 'link':
      fillLink(pass, s.target, self, template);
      return NONE;
    case 'choice':
      return NONE;
  }
}

function fillRecord(pass: Pass, plan: RecordPlan, self: PanDict, path: string | undefined): Maybe {
  let dict = self;
  for (const def of plan.includes) {
    const r = fillFull(pass, def, dict, path);
    if (r instanceof PanDict) dict = r;
  }
  for (const f of plan.required) {
    const k = f.key;
    const child = dict.get(k);
    if (child !== undefined) {
      if (!f.below) continue;
      const nv = fillField(pass, f, child, childText(path, k));
      if (nv !== NONE) dict = withEntry(dict, k, nv);
      continue;
    }
    const d = f.default;
    if (d === NONE) continue;
    const childPath = childText(path, k);
    dict = withEntry(dict, k, d);
    recordDefault(pass.build, childPath, f.type.template, f.type.span);
    const nv = fillField(pass, f, d, childPath);
    if (nv !== NONE) dict = withEntry(dict, k, nv);
  }
  for (const f of plan.optional) {
    const k = f.key;
    if (!dict.has(k)) continue;
    const childPath = childText(path, k);
    let child = dict.get(k);
    if (child === undefined) {
      const d = f.default;
      if (d !== NONE) {
        dict = withEntry(dict, k, d);
        recordDefault(pass.build, childPath, f.type.template, f.type.span);
        child = d;
      }
    }
    if (child === undefined) continue;
    const nv = fillField(pass, f, child, childPath);
    if (nv !== NONE) dict = withEntry(dict, k, nv);
  }
  return dict === self ? NONE : dict;
}

/** `dict` (or its writable copy when frozen) with `k` set to `v`. */
function withEntry(dict: PanDict, k: string, v: Value): PanDict {
  const w = writable(dict);
  w.set(k, v);
  return w;
}

function fillList(pass: Pass, elem: TypeSpecC, self: PanList, path: string | undefined, template: string): Maybe {
  let list = self;
  const size = self.items.length;
  for (let i = 0; i < size; i++) {
    const nv = fillChild(pass, elem, self.items[i], childText(path, i), template);
    if (nv !== NONE) {
      list = writable(list);
      list.items[i] = nv;
    }
  }
  return list === self ? NONE : list;
}

function fillDict(pass: Pass, elem: TypeSpecC, self: PanDict, path: string | undefined, template: string): Maybe {
  let dict = self;
  // Only existing keys are replaced, so the (cached) key list of `self` stays valid.
  for (const k of self.keys()) {
    const nv = fillChild(pass, elem, self.get(k), childText(path, k), template);
    if (nv !== NONE) dict = withEntry(dict, k, nv);
  }
  return dict === self ? NONE : dict;
}

/**
 * The new value of a list or dict element: its type's default when it is undef, then filled
 * below; NONE when nothing changes.
 */
function fillChild(pass: Pass, elem: TypeSpecC, child: Value, childPath: string | undefined, template: string): Maybe {
  let changed: Maybe = NONE;
  if (child === undefined) {
    const d = findDefault(pass, elem);
    if (d === NONE) return NONE;
    recordDefault(pass.build, childPath, template, elem.span);
    child = d;
    changed = d;
  }
  // The collection's spec may have defaults, hence its element spec too.
  const nv = fillBelow(pass, elem, child, childPath, template);
  return nv !== NONE ? nv : changed;
}

function fillLink(pass: Pass, target: TypeSpecC, self: Value, template: string): void {
  if (typeof self !== 'string') return;
  const build = pass.build;
  try {
    const path = parsePath(self);
    const linked = getElement(build, path, true);
    if (linked === MISSING) return;
    const replacement = fillSpec(pass, target, linked, pass.recording ? pathToString(path) : undefined, template);
    if (replacement !== NONE && path.kind !== 'external') putElement(build, path, replacement);
  } catch {
    // panc ignores errors while following links for defaults
  }
}
