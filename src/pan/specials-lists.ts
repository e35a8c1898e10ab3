/**
 * List and iterator built-ins: append/prepend (SELF, variable-reference and value forms),
 * delete, and the first/next iterator protocol (iterators tied to the resource object).
 */
import type { ExecContext } from './context.js';
import { PanDict, PanList, type Value } from './element.js';
import { asPanError } from './errors.js';
import { deferred, evaluate, located, subscriptTerms } from './interp.js';
import { isFreshValue } from './fresh.js';
import type { SpecialNode, Target } from './ir.js';
import { copyValue, writable } from './protect.js';
import { MAX_LIST_SIZE } from './tree.js';
import { targetList, writeLocal, writeSelf, writeTarget } from './variables.js';


function resolveTargetList(ctx: ExecContext, t: Target): PanList {
  const terms = subscriptTerms(ctx, t);
  try {
    return targetList(ctx, t.name, terms);
  } catch (e) {
    throw asPanError(e).locate(t.span, ctx);
  }
}

/** append()/prepend(): adds a value at the end/start of a list. */
export function callAppend(ctx: ExecContext, n: SpecialNode): Value {
  const target = n.targets?.[0];
  const first = target !== undefined ? resolveTargetList(ctx, target) : evaluate(ctx, n.args[0]!);
  const value = evaluate(ctx, n.args[1]!);
  if (value === null) throw deferred(`value cannot be null for ${n.name}()`, n.span, 'PF210');
  if (!(first instanceof PanList)) {
    throw deferred(`first argument of ${n.name}() must be a variable reference or a list`, n.span, 'PF210');
  }
  const list = writable(first);
  if (list.items.length >= MAX_LIST_SIZE) {
    throw deferred(`list size limit (${MAX_LIST_SIZE}) exceeded`, n.span, 'PF219');
  }
  const stored = isFreshValue(n.args[1]!) ? value : copyValue(value);
  if (n.name === 'append') list.items.push(stored);
  else list.items.unshift(stored);
  return list;
}

/** delete(x), delete(x[i]), delete(SELF[i]): removes a local variable or an element. */
export function callDelete(ctx: ExecContext, n: SpecialNode): Value {
  const t = n.targets![0]!;
  const terms = subscriptTerms(ctx, t);
  try {
    if (t.name === 'SELF') writeSelf(ctx, terms, null);
    else writeLocal(ctx, t.name, terms, null, true);
  } catch (e) {
    throw asPanError(e).locate(t.span, ctx);
  }
  return undefined;
}

function assign(ctx: ExecContext, t: Target | undefined, v: Value): void {
  if (t === undefined) return;
  const terms = subscriptTerms(ctx, t);
  try {
    writeTarget(ctx, t, terms, v);
  } catch (e) {
    throw asPanError(e).locate(t.span, ctx);
  }
}

/** An iterator over a resource's entries: (index, value) for lists, (key, value) for dicts. */
function* entries(r: PanList | PanDict): Iterator<[Value, Value]> {
  if (r instanceof PanList) {
    for (let i = 0; i < r.items.length; i++) yield [BigInt(i), r.items[i]];
  } else {
    for (const k of [...r.keys()]) if (r.map.has(k)) yield [k, r.map.get(k)];
  }
}

/** first(r, k, v) / next(r, k, v). */
export function callIterator(ctx: ExecContext, n: SpecialNode): Value {
  const r = evaluate(ctx, n.args[0]!);
  if (!(r instanceof PanList || r instanceof PanDict)) {
    throw located(`first argument to ${n.name}() must be a resource`, n.span, ctx, 'PF210');
  }
  const [keyTarget, valueTarget] = [n.targets?.[0], n.targets?.[1]];
  let it: Iterator<[Value, Value]> | undefined;
  if (n.name === 'first') {
    assign(ctx, keyTarget, undefined);
    assign(ctx, valueTarget, undefined);
    it = entries(r);
    (ctx.iterators ??= new Map()).set(r, it);
  } else {
    it = ctx.iterators?.get(r);
    if (it === undefined) throw located('no valid iterator found for resource', n.span, ctx, 'PF210');
  }
  const next = it.next();
  if (next.done === true) return false;
  assign(ctx, keyTarget, next.value[0]);
  if (n.name === 'next') assign(ctx, valueTarget, undefined);
  assign(ctx, valueTarget, next.value[1]);
  return true;
}
