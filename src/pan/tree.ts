/**
 * Reading and writing inside resources by term lists, with panc's semantics: autovivification of
 * missing/undef intermediates (§6.3), list padding, negative indices and null deletion (§6.4),
 * type stability on replacement (§6.2), copy-on-write of frozen resources, and panc's messages
 * for bad dereferences.
 */
import { PanDict, PanList, kindOf, type Resource, type Value } from './element.js';
import { PanError } from './errors.js';
import { writable } from './protect.js';
import { isKey, termToString, type Term } from './terms.js';

/** Largest list size a write may produce (larger writes are a clear limit error, not an allocation failure). */
export const MAX_LIST_SIZE = 10_000_000;

/** Marker for "no such element" (distinct from undef, which is `undefined`). */
export const MISSING: unique symbol = Symbol('missing');
export type Lookup = Value | typeof MISSING;

/** A term of the wrong kind for the resource (panc's InvalidTermException), before formatting. */
export class BadTermError extends Error {
  constructor(
    readonly term: Term,
    /** Index of the failing term in the term list. */
    readonly index: number,
    readonly actualKind: string,
  ) {
    super(termToString(term));
  }

  /** The error path panc prints: terms up to the failing one joined by `/`. */
  errorPath(terms: readonly Term[]): string {
    return terms.slice(0, this.index + 1).map(termToString).join('/');
  }

  /** Message for a tree path (`/a/b`, `obj:/a/b`, or relative). */
  forPath(terms: readonly Term[], prefix: string, full: string): PanError {
    return new PanError(
      'PF214',
      `cannot dereference element of type '${this.actualKind}' with term '${this.message}'; ` +
        `error at '${prefix}${this.errorPath(terms)}' with full path '${full}'`,
    );
  }

  /** Message for a variable (`x[a][b]`), reproducing panc's wording. */
  forVariable(name: string, terms: readonly Term[]): PanError {
    return new PanError(
      'PF214',
      `cannot dereference element of type '${this.actualKind}' with term '${this.message}'; ` +
        `error at '${name}${this.errorPath(terms)}' with full path '${name}'`,
    );
  }
}

/** panc's type-stability rule: the replacement must have the old kind unless either is undef/null. */
export function checkReplacement(oldValue: Value, newValue: Value): void {
  if (oldValue === undefined || oldValue === null || newValue === undefined || newValue === null) return;
  const a = kindOf(oldValue);
  const b = kindOf(newValue);
  if (a !== b) {
    throw new PanError('PF201', `existing element of type ${a} cannot be replaced by one of type ${b}`);
  }
}

/** The child of a resource at one term; MISSING if absent. Throws BadTermError on a kind mismatch. */
export function getChild(r: Resource, term: Term, index = 0): Lookup {
  if (r instanceof PanDict) {
    if (!isKey(term)) throw new BadTermError(term, index, 'nlist');
    const v = r.map.get(term);
    return v !== undefined || r.map.has(term) ? v : MISSING;
  }
  if (isKey(term)) throw new BadTermError(term, index, 'list');
  const i = term < 0 ? term + r.items.length : term;
  return i >= 0 && i < r.items.length ? r.items[i] : MISSING;
}

/**
 * Stores a value in a resource at one term (no copy). null deletes (and shifts list elements);
 * writing past the end of a list pads with undef; negative indices count from the end.
 */
export function putChild(r: Resource, term: Term, value: Value, index = 0): void {
  if (r instanceof PanDict) {
    if (!isKey(term)) throw new BadTermError(term, index, 'nlist');
    if (value === null) {
      r.delete(term);
      return;
    }
    // An absent key reads as undef, which any value may replace.
    checkReplacement(r.map.get(term), value);
    r.set(term, value);
    return;
  }
  if (isKey(term)) throw new BadTermError(term, index, 'list');
  putListItem(r, term, value);
}

function putListItem(list: PanList, term: number, value: Value): void {
  const items = list.items;
  const size = items.length;
  let i = term;
  if (i < 0) {
    if (i < -size) {
      throw new PanError('PF214', `value ${i} is an invalid negative list index (lowest allowed -${size})`);
    }
    i += size;
  }
  if (value === null) {
    if (i < size) items.splice(i, 1);
    return;
  }
  if (i >= size) {
    if (i >= MAX_LIST_SIZE) {
      throw new PanError('PF219', `list index ${i} exceeds the list size limit (${MAX_LIST_SIZE})`);
    }
    for (let k = size; k < i; k++) items.push(undefined);
    items.push(value);
    return;
  }
  checkReplacement(items[i], value);
  items[i] = value;
}

/**
 * Looks up a term list below `start`. A property or undef met before the last term is an error
 * ("element of type 'x' cannot be dereferenced") unless `lookupOnly`, which yields MISSING.
 */
export function getIn(start: Value, terms: readonly Term[], lookupOnly: boolean): Lookup {
  let node: Value = start;
  for (let i = 0; i < terms.length; i++) {
    if (!(node instanceof PanList || node instanceof PanDict)) {
      if (lookupOnly) return MISSING;
      throw new PanError('PF214', `element of type '${kindOf(node)}' cannot be dereferenced`);
    }
    const child = getChild(node, terms[i]!, i);
    if (child === MISSING) return MISSING;
    node = child;
  }
  return node;
}

/** A fresh container for the given next term: dict for a key, list for an index. */
export function containerFor(term: Term): Resource {
  return isKey(term) ? new PanDict() : new PanList();
}

/**
 * Writes `value` at `terms` below the writable resource `root`, creating missing or undef
 * intermediates and copying frozen ones. `terms` must not be empty.
 */
export function putIn(root: Resource, terms: readonly Term[], value: Value): void {
  let node: Resource = root;
  const last = terms.length - 1;
  for (let i = 0; i < last; i++) {
    node = descendForWrite(node, terms, i);
  }
  putChild(node, terms[last]!, value, last);
}

/** The writable child of `node` at terms[i], created or copied as needed. */
function descendForWrite(node: Resource, terms: readonly Term[], i: number): Resource {
  const term = terms[i]!;
  const child = getChild(node, term, i);
  if (child === MISSING || child === undefined) {
    const created = containerFor(terms[i + 1]!);
    putChild(node, term, created, i);
    return created;
  }
  if (child instanceof PanList || child instanceof PanDict) {
    const w = writable(child);
    if (w !== child) putChild(node, term, w, i);
    return w;
  }
  throw new PanError('PF214', `cannot add child to element of type ${kindOf(child)}`);
}

/**
 * The writable list at `terms` below `root` for append/prepend: intermediates are created, a
 * missing/undef/null target becomes a new empty list; any other non-list is an error.
 */
export function listIn(root: Resource, terms: readonly Term[]): PanList {
  let node: Resource = root;
  const last = terms.length - 1;
  for (let i = 0; i < last; i++) node = descendForWrite(node, terms, i);
  const term = terms[last]!;
  const target = getChild(node, term, last);
  if (target === MISSING || target === undefined || target === null) {
    const created = new PanList();
    putChild(node, term, created, last);
    return created;
  }
  if (!(target instanceof PanList)) {
    throw new PanError('PF210', `referenced variable of type ${kindOf(target)} is not a list`);
  }
  const w = writable(target);
  if (w !== target) putChild(node, term, w, last);
  return w;
}
