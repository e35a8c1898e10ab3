/**
 * Quick acceptance of valid values during validation. A quick check accepts, without the full
 * walk of a type, the values that its full validation would accept with nothing else to do:
 * values of built-in kinds (types never redefinable), longs in range, choices, and aliases of
 * these (`type port = long(1..65535)`, as the build defines them) whose `with` blocks are known
 * to return true for the value (a result remembered by the with-block memo). Anything it does
 * not accept goes through the full validation, which gives the verdict and the message.
 */
import type { ExecContext } from './context.js';
import { PanDict, PanList, type Value } from './element.js';
import type { FullTypeC, Node, Range, TypeSpecC } from './ir.js';
import { rememberedWith } from './with-memo.js';

/** What a quick check tests: a kind, with a range (longs) or choices. */
export type QuickKind = 'none' | 'string' | 'long' | 'double' | 'boolean' | 'list' | 'dict' | 'choice';

/** A quick check (see the module comment). */
export interface QuickCheck {
  readonly kind: QuickKind;
  readonly range: Range | undefined;
  readonly choices: readonly string[];
  /** `with` blocks whose remembered result for the value must be true. */
  readonly blocks: readonly Node[];
}

/** The quick check of each built-in type name that has one. */
const QUICK_KINDS: ReadonlyMap<string, QuickKind> = new Map<string, QuickKind>([
  ['string', 'string'],
  ['long', 'long'],
  ['double', 'double'],
  ['boolean', 'boolean'],
  ['list', 'list'],
  ['dict', 'dict'],
  ['nlist', 'dict'],
]);

/** Accepts nothing. */
export const NO_QUICK_CHECK: QuickCheck = { kind: 'none', range: undefined, choices: [], blocks: [] };

/** Aliases followed at most (deeper ones get no quick check). */
const MAX_ALIASES = 8;

/** The quick check of a full type as the build defines types (kept per type environment). */
export function quickCheckOfType(ctx: ExecContext, t: FullTypeC): QuickCheck {
  return cached(ctx, t, () => fullCheck(ctx, t, 0));
}

/** The quick check of a spec as the build defines types (kept per type environment). */
export function quickCheckOfSpec(ctx: ExecContext, s: TypeSpecC): QuickCheck {
  return cached(ctx, s, () => specCheck(ctx, s, 0));
}

function cached(ctx: ExecContext, key: FullTypeC | TypeSpecC, make: () => QuickCheck): QuickCheck {
  const memo = ctx.build!.typeFacts().quickChecks;
  let q = memo.get(key);
  if (q === undefined) {
    q = make();
    memo.set(key, q);
  }
  return q;
}

function fullCheck(ctx: ExecContext, t: FullTypeC, aliases: number): QuickCheck {
  const q = specCheck(ctx, t.spec, aliases);
  if (t.with === undefined || q.kind === 'none') return q;
  // The memo keeps results for properties only.
  if (q.kind === 'list' || q.kind === 'dict') return NO_QUICK_CHECK;
  return { ...q, blocks: [...q.blocks, t.with] };
}

function specCheck(ctx: ExecContext, s: TypeSpecC, aliases: number): QuickCheck {
  if (s.k === 'choice') return { kind: 'choice', range: undefined, choices: s.choices, blocks: [] };
  if (s.k !== 'ref') return NO_QUICK_CHECK;
  const kind = QUICK_KINDS.get(s.name);
  if (kind !== undefined) {
    return s.range === undefined || kind === 'long' ? { kind, range: s.range, choices: [], blocks: [] } : NO_QUICK_CHECK;
  }
  const def = ctx.build!.types.get(s.name)?.type;
  if (def === undefined || s.range !== undefined || aliases >= MAX_ALIASES) return NO_QUICK_CHECK;
  return fullCheck(ctx, def, aliases + 1);
}

/** True if the quick check accepts `v` (false: the full validation decides). */
export function quickAccepts(ctx: ExecContext, q: QuickCheck, v: Value): boolean {
  if (!kindAccepts(q, v)) return false;
  const blocks = q.blocks;
  for (let i = 0; i < blocks.length; i++) if (rememberedWith(ctx, blocks[i]!, v) !== true) return false;
  return true;
}

function kindAccepts(q: QuickCheck, v: Value): boolean {
  switch (q.kind) {
    case 'none':
      return false;
    case 'string':
      return typeof v === 'string';
    case 'long':
      return typeof v === 'bigint' && (q.range === undefined || (v >= q.range.min && (q.range.max === undefined || v <= q.range.max)));
    case 'double':
      return typeof v === 'number';
    case 'boolean':
      return typeof v === 'boolean';
    case 'list':
      return v instanceof PanList;
    case 'dict':
      return v instanceof PanDict;
    case 'choice':
      return typeof v === 'string' && q.choices.includes(v);
  }
}
