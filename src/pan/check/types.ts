/**
 * Compiles type specifications (§8.2): ranges (min > max is an Evaluation error at compile time),
 * record fields (names must be single key terms; fields kept in key order), choices, lists,
 * dicts, links, default values (must pre-evaluate to a defined constant, else Syntax) and `with`
 * blocks.
 */
import type { FullType, TypeRange, TypeSpec } from '../../../grammar/ast.js';
import type { Span } from '../../diagnostics/span.js';
import { PanError } from '../errors.js';
import type { FullTypeC, Range, TypeSpecC } from '../ir.js';
import { parsePath } from '../path.js';
import { compileExpr, type ExprEnv } from './expr.js';
import { preEvaluate } from './preeval.js';

function compileRange(r: TypeRange | undefined): Range | undefined {
  if (r === undefined) return undefined;
  if (r.max !== undefined && r.min > r.max) {
    throw new PanError('PF218', `minimum range value (${r.min}) must be less than or equal to maximum value (${r.max})`, r.span);
  }
  return { min: r.min, max: r.max };
}

/** The key of a record field name (a single key term), or a Syntax error. */
function fieldKey(name: string, span: Span): string {
  let terms;
  try {
    terms = parsePath(name).terms;
  } catch (e) {
    const err = e as PanError;
    if (err.code === 'PF214') throw new PanError('PF123', `field name (${name}) must be a valid path`, span);
    throw new PanError('PF123', err.message, span);
  }
  if (terms.length !== 1) throw new PanError('PF123', `field name (${name}) must be a valid term`, span);
  const t = terms[0]!;
  if (typeof t !== 'string') throw new PanError('PF123', `field name (${name}) must be a valid key, not an index`, span);
  return t;
}

function byKey(a: readonly [string, FullTypeC], b: readonly [string, FullTypeC]): number {
  return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0;
}

/** Where a type is written: file (for messages) and template name (for provenance). */
export interface TypeOrigin {
  readonly file: string;
  readonly template: string;
}

function compileSpec(s: TypeSpec, origin: TypeOrigin, env: ExprEnv): TypeSpecC {
  switch (s.kind) {
    case 'TypeRef':
      return { k: 'ref', name: s.name, range: compileRange(s.range), span: s.span };
    case 'Choice':
      return { k: 'choice', choices: s.choices, span: s.span };
    case 'Record': {
      const required = new Map<string, FullTypeC>();
      const optional = new Map<string, FullTypeC>();
      for (const f of s.fields) {
        const key = fieldKey(f.name, f.nameSpan);
        const type = compileFullType(f.type, origin, env);
        (f.required ? required : optional).set(key, type);
      }
      return {
        k: 'record',
        extensible: s.extensible,
        includes: s.includes.map((i) => i.name),
        required: [...required].sort(byKey),
        optional: [...optional].sort(byKey),
        range: compileRange(s.range),
        span: s.span,
      };
    }
    case 'List':
    case 'Dict':
      return {
        k: s.kind === 'List' ? 'list' : 'dict',
        elem: compileSpec(s.element, origin, env),
        range: compileRange(s.range),
        span: s.span,
      };
    case 'Link':
      return { k: 'link', target: compileSpec(s.target, origin, env), span: s.span };
  }
}

/** Compiles a full type (spec, default value, validation block). */
export function compileFullType(t: FullType, origin: TypeOrigin, env: ExprEnv): FullTypeC {
  const spec = compileSpec(t.spec, origin, env);
  let hasDefault = false;
  let value;
  if (t.default !== undefined) {
    const dml = compileExpr(t.default, env);
    const pre = preEvaluate(dml);
    if (!pre.ok) {
      throw new PanError('PF116', 'DML block for default value does not evaluate to a compile-time constant', t.default.span);
    }
    if (pre.value === undefined || pre.value === null) {
      throw new PanError('PF116', 'undef is not a valid default value', t.default.span);
    }
    hasDefault = true;
    value = pre.value;
  }
  const withNode = t.with === undefined ? undefined : compileExpr(t.with, env);
  return { spec, hasDefault, default: value, with: withNode, file: origin.file, template: origin.template, span: t.span };
}
