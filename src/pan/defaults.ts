/**
 * Defaults insertion (§8.4, §9.2): for every bound path, in panc's binding order, a missing or
 * undef value gets the first default of its bindings, then each binding fills defaults inside the
 * value (record fields, list/dict children, aliases, link targets). Frozen values are copied
 * before they are changed. panc's quirk: an error while looking up a bound path stops defaults
 * processing for all remaining bindings.
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

const NONE: unique symbol = Symbol('none');
type Maybe = Value | typeof NONE;

/** Bindings of a build in panc's order (longer paths first, then term order). */
export function orderedBindings(build: BuildState): Array<{ path: PanPath; list: Binding[] }> {
  return [...build.bindings.values()].sort((a, b) => comparePaths(a.path, b.path));
}

/** Inserts type defaults into the build's tree. */
export function insertDefaults(ctx: ExecContext, build: BuildState): void {
  for (const { path, list } of orderedBindings(build)) {
    let self: Lookup;
    try {
      self = getElement(build, path, false);
    } catch {
      break;
    }
    const where = pathToString(path);
    if (self === MISSING || self === undefined) {
      for (const b of list) {
        const d = findDefault(build, b.type);
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
      const replacement = fillFull(ctx, b.type, self as Value, where);
      if (replacement !== NONE) {
        self = replacement;
        putElement(build, path, replacement);
      }
    }
  }
}

function recordDefault(build: BuildState, path: string, template: string, span: Span): void {
  build.record(path, { template, span, action: 'default' });
}

/** The default value of a full type (its own, or inherited through aliases and record includes). */
function findDefault(build: BuildState, t: FullTypeC): Maybe {
  if (t.hasDefault) return t.default;
  return findSpecDefault(build, t.spec);
}

function findSpecDefault(build: BuildState, s: TypeSpecC): Maybe {
  if (s.k === 'ref') {
    const def = build.types.get(s.name)?.type;
    return def === undefined ? NONE : findDefault(build, def);
  }
  if (s.k === 'record') {
    for (const inc of s.includes) {
      const def = build.types.get(inc)?.type;
      if (def === undefined) continue;
      const d = findDefault(build, def);
      if (d !== NONE) return d;
    }
  }
  return NONE;
}

/**
 * True if filling defaults below a value of this type can change anything (some default is
 * reachable through fields, elements, aliases, includes or links). Lets the defaults phase skip
 * the many types that have none; memoised per build (types never change once defined).
 */
function mayHaveDefaults(build: BuildState, t: FullTypeC | TypeSpecC): boolean {
  const memo = build.typeFacts;
  let known = memo.get(t);
  if (known === undefined) {
    known = 'hasDefault' in t ? t.hasDefault || mayHaveDefaults(build, t.spec) : specMayHaveDefaults(build, t);
    memo.set(t, known);
  }
  return known;
}

function specMayHaveDefaults(build: BuildState, s: TypeSpecC): boolean {
  switch (s.k) {
    case 'ref': {
      const def = build.types.get(s.name)?.type;
      return def !== undefined && mayHaveDefaults(build, def);
    }
    case 'record':
      return (
        s.includes.some((inc) => {
          const def = build.types.get(inc)?.type;
          return def !== undefined && mayHaveDefaults(build, def);
        }) ||
        s.required.some(([, f]) => mayHaveDefaults(build, f)) ||
        s.optional.some(([, f]) => mayHaveDefaults(build, f))
      );
    case 'list':
    case 'dict':
      return mayHaveDefaults(build, s.elem);
    case 'link':
      return mayHaveDefaults(build, s.target);
    case 'choice':
      return false;
  }
}

function fillFull(ctx: ExecContext, t: FullTypeC, self: Value, path: string): Maybe {
  return fillSpec(ctx, t.spec, self, path, t.template);
}

/** Fills defaults below `self`; `template` names where the type is written (provenance). */
function fillSpec(ctx: ExecContext, s: TypeSpecC, self: Value, path: string, template: string): Maybe {
  const build = ctx.build!;
  if (!mayHaveDefaults(build, s)) return NONE;
  switch (s.k) {
    case 'ref': {
      const def = build.types.get(s.name)?.type;
      return def === undefined ? NONE : fillFull(ctx, def, self, path);
    }
    case 'record':
      return fillRecord(ctx, s, self, path);
    case 'list':
    case 'dict':
      return fillCollection(ctx, s.elem, self, path, template);
    case 'link':
      fillLink(ctx, s.target, self, template);
      return NONE;
    case 'choice':
      return NONE;
  }
}

function fillRecord(ctx: ExecContext, s: Extract<TypeSpecC, { k: 'record' }>, self: Value, path: string): Maybe {
  if (!(self instanceof PanDict)) return NONE;
  const build = ctx.build!;
  let dict = self;
  const put = (k: string, v: Value) => {
    dict = writable(dict);
    dict.set(k, v);
  };
  for (const inc of s.includes) {
    const def = build.types.get(inc)?.type;
    if (def === undefined) continue;
    const r = fillFull(ctx, def, dict, path);
    if (r instanceof PanDict) dict = r;
  }
  for (const [k, f] of s.required) {
    const childPath = `${path === '/' ? '' : path}/${k}`;
    const child = dict.has(k) ? dict.get(k) : undefined;
    if (child !== undefined) {
      const nv = fillFull(ctx, f, child, childPath);
      if (nv !== NONE) put(k, nv);
      continue;
    }
    const d = findDefault(build, f);
    if (d === NONE) continue;
    put(k, d);
    recordDefault(build, childPath, f.template, f.span);
    const nv = fillFull(ctx, f, d, childPath);
    if (nv !== NONE) put(k, nv);
  }
  for (const [k, f] of s.optional) {
    if (!dict.has(k)) continue;
    const childPath = `${path === '/' ? '' : path}/${k}`;
    let child = dict.get(k);
    if (child === undefined) {
      const d = findDefault(build, f);
      if (d !== NONE) {
        put(k, d);
        recordDefault(build, childPath, f.template, f.span);
        child = d;
      }
    }
    if (child === undefined) continue;
    const nv = fillFull(ctx, f, child, childPath);
    if (nv !== NONE) put(k, nv);
  }
  return dict === self ? NONE : dict;
}

function fillCollection(ctx: ExecContext, elem: TypeSpecC, self: Value, path: string, template: string): Maybe {
  if (!(self instanceof PanList || self instanceof PanDict)) return NONE;
  const build = ctx.build!;
  let coll: PanList | PanDict = self;
  const keys: Array<number | string> = self instanceof PanList ? self.items.map((_, i) => i) : [...self.keys()];
  const get = (k: number | string): Value => (coll instanceof PanList ? coll.items[k as number] : coll.get(k as string));
  const put = (k: number | string, v: Value) => {
    coll = writable(coll);
    if (coll instanceof PanList) coll.items[k as number] = v;
    else coll.set(k as string, v);
  };
  for (const k of keys) {
    const childPath = `${path === '/' ? '' : path}/${termToString(k)}`;
    let child = get(k);
    if (child === undefined) {
      const d = findSpecDefault(build, elem);
      if (d !== NONE) {
        put(k, d);
        recordDefault(build, childPath, template, elem.span);
        child = d;
      }
    }
    if (child === undefined) continue;
    const nv = fillSpec(ctx, elem, child, childPath, template);
    if (nv !== NONE) put(k, nv);
  }
  return coll === self ? NONE : coll;
}

function fillLink(ctx: ExecContext, target: TypeSpecC, self: Value, template: string): void {
  if (typeof self !== 'string') return;
  const build = ctx.build!;
  try {
    const path = parsePath(self);
    const linked = getElement(build, path, true);
    if (linked === MISSING) return;
    const replacement = fillSpec(ctx, target, linked, pathToString(path), template);
    if (replacement !== NONE && path.kind !== 'external') putElement(build, path, replacement);
  } catch {
    // panc ignores errors while following links for defaults
  }
}
