/**
 * Validation of elements against types (§8.3, §9.3): kinds, ranges, records, choices, links and
 * `with` blocks (run with a read-only SELF), with panc's Validation messages: element path,
 * element value, the stack of named types, the bound path and the cause. Record fields and
 * collection items that a quick check accepts (validate-quick.ts) skip the full walk.
 */
import type { DiagnosticCode } from '../diagnostics/codes.js';
import type { Span } from '../diagnostics/span.js';
import type { Binding, ExecContext, SelfHolder, TypeDef } from './context.js';
import { PanDict, PanList, isProperty, kindOf, type Value } from './element.js';
import { getElement } from './elements.js';
import { PanError, asPanError, formatPanError } from './errors.js';
import { runDml } from './exec.js';
import type { FullTypeC, Node, Range, TypeSpecC } from './ir.js';
import { childPath, parsePath, pathToString, type PanPath } from './path.js';
import type { Term } from './terms.js';
import { toPanString } from './tostring.js';
import { MISSING, type Lookup } from './tree.js';
import { formatJavaNumber, rangeToString, typeToString } from './types.js';
import { quickAccepts, quickCheckOfSpec, quickCheckOfType, type QuickCheck } from './validate-quick.js';
import { memoizedWith } from './with-memo.js';

const NO_VALUE: unique symbol = Symbol('no value');

/** A validation failure being built up while it propagates out of nested types. */
export class ValidationFailure extends PanError {
  readonly terms: Term[] = [];
  readonly typeStack: string[] = [];
  value: Value | typeof NO_VALUE = NO_VALUE;
  causeText: string | undefined = undefined;
  private bound: string | undefined = undefined;

  constructor(
    code: DiagnosticCode,
    readonly detail: string,
  ) {
    super(code, detail);
  }

  /** Prepends a path term (the failing element is below the validated one). */
  addTerm(t: Term): this {
    this.terms.unshift(t);
    return this;
  }

  /** Adds a named type to the type stack (`type: 'name' [file:range]`). */
  addType(name: string, def: TypeDef | undefined): this {
    const where = def?.type === undefined ? '?:?' : spanText(def.type.file, def.type.span);
    this.typeStack.push(`type: '${name}' [${where}]`);
    return this;
  }

  /** Records the binding that failed, completing the message. */
  setBinding(path: PanPath, binding: Binding): this {
    this.bound = `path '${pathToString(path)}' bound to type ${typeToString(binding.type.spec)} in [${spanText(binding.type.file, binding.typeSpan)}]`;
    this.path = pathToString(terms(path, this.terms));
    this.span = binding.typeSpan ?? binding.span;
    this.message = this.render();
    return this;
  }

  /** panc's message body (without the `validation error [...]` header). */
  render(): string {
    const lines = [this.detail];
    if (this.path !== undefined) lines.push(`element path: '${this.path}'`);
    if (this.value !== NO_VALUE) lines.push(`element value: ${toPanString(this.value)}`);
    lines.push(...this.typeStack);
    if (this.bound !== undefined) lines.push(this.bound);
    if (this.causeText !== undefined) lines.push(`caused by: ${this.causeText}`);
    return lines.join('\n');
  }
}

function terms(base: PanPath, extra: readonly Term[]): PanPath {
  let p = base;
  for (const t of extra) p = childPath(p, t);
  return p;
}

function spanText(file: string, span: Span | undefined): string {
  if (span === undefined) return `${file}:?`;
  return `${file}:${span.line}.${span.col}-${span.endLine}.${span.endCol}`;
}

function fail(code: DiagnosticCode, message: string, value?: Value): ValidationFailure {
  const v = new ValidationFailure(code, message);
  if (arguments.length > 2) v.value = value;
  return v;
}

/** Validates one binding of a path (stage 1); throws a completed ValidationFailure. */
export function validateBinding(ctx: ExecContext, path: PanPath, binding: Binding, value: Lookup): void {
  try {
    validateFull(ctx, binding.type, value);
  } catch (e) {
    if (e instanceof ValidationFailure) throw e.setBinding(path, binding);
    throw e;
  }
}

/** is_valid(): true if the value validates against the named type. */
export function isValidValue(ctx: ExecContext, def: TypeDef, name: string, v: Value): boolean {
  try {
    validateNamedDef(ctx, def, name, v);
    return true;
  } catch (e) {
    if (e instanceof ValidationFailure) return false;
    throw e;
  }
}

function validateFull(ctx: ExecContext, t: FullTypeC, self: Lookup): void {
  if (self === MISSING) throw fail('PF301', 'element does not exist');
  validateSpec(ctx, t.spec, self);
  if (t.with !== undefined) runWith(ctx, t.with, self);
}

function validateNamedDef(ctx: ExecContext, def: TypeDef, name: string, self: Value): void {
  if (def.type === undefined) checkBuiltin(def.builtin ?? name, self);
  else validateFull(ctx, def.type, self);
}

function checkBuiltin(name: string, self: Value): void {
  const k = kindOf(self);
  let ok: boolean;
  switch (name) {
    case 'element':
      ok = true;
      break;
    case 'number':
      ok = k === 'long' || k === 'double';
      break;
    case 'property':
      ok = k === 'long' || k === 'double' || k === 'string' || k === 'boolean';
      break;
    case 'resource':
      ok = k === 'list' || k === 'nlist';
      break;
    case 'nlist':
    case 'dict':
      ok = k === 'nlist';
      break;
    default:
      ok = k === name;
  }
  if (!ok) throw fail('PF302', `validation requires type of '${name}' but element is of type '${k}'`, self);
}

function inRange(n: bigint, r: Range): boolean {
  return n >= r.min && (r.max === undefined || n <= r.max);
}

/** inRange for a size (a safe integer: comparing with the bounds as numbers is exact). */
function sizeInRange(n: number, r: Range): boolean {
  return n >= Number(r.min) && (r.max === undefined || n <= Number(r.max));
}

function checkRange(self: Value, r: Range): void {
  if (typeof self === 'bigint') {
    if (!inRange(self, r)) throw fail('PF303', `value (${formatJavaNumber(self)}) is outside range ${rangeToString(r)}`);
  } else if (typeof self === 'number') {
    const ok = self >= Number(r.min) && (r.max === undefined || self <= Number(r.max));
    if (!ok) throw fail('PF303', `value (${formatJavaNumber(self)}) is outside range ${rangeToString(r)}`);
  } else if (typeof self === 'string') {
    if (!sizeInRange(self.length, r)) {
      throw fail('PF303', `string size (${formatJavaNumber(self.length)}) is outside range ${rangeToString(r)}`);
    }
  } else if (self instanceof PanList) {
    if (!sizeInRange(self.size, r)) throw fail('PF303', `list size (${formatJavaNumber(self.size)}) is outside range ${rangeToString(r)}`);
  } else if (self instanceof PanDict) {
    if (!sizeInRange(self.size, r)) throw fail('PF303', `hash size (${formatJavaNumber(self.size)}) is outside range ${rangeToString(r)}`);
  } else {
    throw fail('PF303', `range checking cannot be applied to element of type ${kindOf(self)}`);
  }
}

function validateSpec(ctx: ExecContext, s: TypeSpecC, self: Value): void {
  switch (s.k) {
    case 'ref': {
      const def = ctx.build!.types.get(s.name);
      try {
        if (def === undefined) throw new PanError('PF212', `type lookup failed for '${s.name}'`);
        validateNamedDef(ctx, def, s.name, self);
        if (s.range !== undefined) checkRange(self, s.range);
      } catch (e) {
        if (e instanceof ValidationFailure) throw e.addType(s.name, def);
        throw e;
      }
      return;
    }
    case 'choice':
      checkBuiltin('string', self);
      if (!s.choices.includes(self as string)) {
        throw fail('PF305', `value (${toPanString(self)}) is not a possible choice value`);
      }
      return;
    case 'record':
      return validateRecord(ctx, s, self);
    case 'list':
    case 'dict':
      return validateCollection(ctx, s, self);
    case 'link':
      return validateLink(ctx, s.target, self);
  }
}

type RecordSpec = Extract<TypeSpecC, { k: 'record' }>;

function asDict(self: Value): PanDict {
  if (!(self instanceof PanDict)) {
    throw fail('PF302', `validation requires type of 'dict' but element is of type '${kindOf(self)}'`, self);
  }
  return self;
}

/** A record field as validation checks it: its type and how a valid value can be told quickly. */
interface FieldCheck {
  readonly key: string;
  readonly type: FullTypeC;
  readonly quick: QuickCheck;
}

/** How validation walks a record (per type environment): accepted fields, own fields in check order. */
export interface RecordChecks {
  /** The fields the record accepts: its own and those of the records it includes. */
  readonly known: ReadonlySet<string>;
  readonly required: readonly FieldCheck[];
  readonly optional: readonly FieldCheck[];
}

function recordChecks(ctx: ExecContext, s: RecordSpec): RecordChecks {
  const memo = ctx.build!.typeFacts().recordChecks;
  let checks = memo.get(s);
  if (checks === undefined) {
    const known = new Set<string>();
    collectFields(ctx, s, known);
    const field = ([key, type]: readonly [string, FullTypeC]): FieldCheck => ({ key, type, quick: quickCheckOfType(ctx, type) });
    // Built by push, like every other: records met late (only some objects have them) then keep
    // the shape the optimized validation code was compiled for.
    const required: FieldCheck[] = [];
    const optional: FieldCheck[] = [];
    for (const f of s.required) required.push(field(f));
    for (const f of s.optional) optional.push(field(f));
    checks = { known, required, optional };
    memo.set(s, checks);
  }
  return checks;
}

function collectFields(ctx: ExecContext, s: RecordSpec, into: Set<string>): void {
  for (const [k] of s.required) into.add(k);
  for (const [k] of s.optional) into.add(k);
  for (const inc of s.includes) {
    const spec = ctx.build!.types.get(inc)?.type?.spec;
    if (spec?.k === 'record') collectFields(ctx, spec, into);
  }
}

function validateRecord(ctx: ExecContext, s: RecordSpec, self: Value): void {
  const checks = recordChecks(ctx, s);
  if (!s.extensible) {
    const dict = asDict(self);
    const known = checks.known;
    if (hasUnknownKey(dict, known)) {
      const unexpected = dict.keys().filter((k) => !known.has(k));
      throw fail('PF304', `record definition contains unexpected field(s): ${unexpected.map((k) => k + ' ').join('')}`);
    }
  }
  validateRecordBody(ctx, s, checks, self);
}

function hasUnknownKey(dict: PanDict, known: ReadonlySet<string>): boolean {
  if (dict.size > known.size) return true;
  for (const k of dict.map.keys()) if (!known.has(k)) return true;
  return false;
}

function validateRecordBody(ctx: ExecContext, s: RecordSpec, checks: RecordChecks, self: Value): void {
  const dict = asDict(self);
  if (s.range !== undefined) checkRange(dict, s.range);
  for (const inc of s.includes) {
    const def = ctx.build!.types.get(inc);
    try {
      const t = def?.type;
      if (t === undefined || t.spec.k !== 'record') throw new PanError('PF212', `record definition includes non-record type: '${inc}'`);
      validateRecordBody(ctx, t.spec, recordChecks(ctx, t.spec), self);
      if (t.with !== undefined) runWith(ctx, t.with, self);
    } catch (e) {
      if (e instanceof ValidationFailure) throw e.addType(inc, def);
      throw e;
    }
  }
  for (const f of checks.required) {
    const v = dict.get(f.key);
    if (v === undefined && !dict.has(f.key)) throw fail('PF304', `record is missing required field: ${f.key}`);
    if (!quickAccepts(ctx, f.quick, v)) validateField(ctx, f.key, f.type, v);
  }
  for (const f of checks.optional) {
    const v = dict.get(f.key);
    if (v !== undefined ? !quickAccepts(ctx, f.quick, v) : dict.has(f.key)) validateField(ctx, f.key, f.type, v);
  }
}

function validateField(ctx: ExecContext, key: string, t: FullTypeC, v: Value): void {
  try {
    validateFull(ctx, t, v);
  } catch (e) {
    if (e instanceof ValidationFailure) throw e.addTerm(key);
    throw e;
  }
}

function validateCollection(ctx: ExecContext, s: Extract<TypeSpecC, { k: 'list' | 'dict' }>, self: Value): void {
  const isList = s.k === 'list';
  if (isList ? !(self instanceof PanList) : !(self instanceof PanDict)) {
    throw fail('PF302', `validation requires type of '${isList ? 'list' : 'dict'}' but element is of type '${kindOf(self)}'`, self);
  }
  if (s.range !== undefined) checkRange(self, s.range);
  if (self instanceof PanList) {
    const items = self.items;
    const quick = quickCheckOfSpec(ctx, s.elem);
    for (let i = 0; i < items.length; i++) if (!quickAccepts(ctx, quick, items[i])) validateElement(ctx, s.elem, i, items[i]);
  } else {
    const dict = self as PanDict;
    const quick = quickCheckOfSpec(ctx, s.elem);
    for (const k of dict.keys()) {
      const v = dict.get(k);
      if (!quickAccepts(ctx, quick, v)) validateElement(ctx, s.elem, k, v);
    }
  }
}

function validateElement(ctx: ExecContext, elem: TypeSpecC, t: Term, v: Value): void {
  try {
    validateSpec(ctx, elem, v);
  } catch (e) {
    if (e instanceof ValidationFailure) throw e.addTerm(t);
    throw e;
  }
}

function validateLink(ctx: ExecContext, target: TypeSpecC, self: Value): void {
  if (typeof self !== 'string') {
    throw fail('PF306', `property cannot marked as both type 'link' and type '${kindOf(self)}'`);
  }
  let path: PanPath;
  try {
    path = parsePath(self);
  } catch {
    throw fail('PF306', `invalid link path '${self}'`);
  }
  let linked: Lookup;
  try {
    linked = getElement(ctx.build!, path, true);
  } catch (e) {
    if (e instanceof ValidationFailure) throw e;
    throw fail('PF306', `error evaluating path '${pathToString(path)}': ${asPanError(e).message}`);
  }
  try {
    validateSpec(ctx, target, linked as Value);
  } catch (e) {
    if (!(e instanceof ValidationFailure)) throw e;
    const envelope = fail('PF306', `element at linked path failed validation: '${pathToString(path)}'`);
    envelope.causeText = `validation error [?]\n${e.render()}`;
    throw envelope;
  }
}

class ReadOnlySelf implements SelfHolder {
  readonly readOnly = true;
  constructor(private readonly value: Value) {}
  get(): Value {
    return this.value;
  }
  set(): void {
    throw new PanError('PF200', 'cannot modify SELF from validation function');
  }
}

/** Evaluates a `with` block with a read-only SELF. */
function evaluateWith(ctx: ExecContext, dml: Node, self: Value): Value {
  const savedSelf = ctx.self;
  const savedTemplateVar = ctx.templateVar;
  ctx.self = new ReadOnlySelf(self);
  ctx.templateVar = undefined;
  try {
    return runDml(ctx, dml, false);
  } finally {
    ctx.self = savedSelf;
    ctx.templateVar = savedTemplateVar;
  }
}

/** Runs a `with` block; it must return true. */
function runWith(ctx: ExecContext, dml: Node, self: Value): void {
  let result: Value;
  try {
    result = memoizedWith(ctx, dml, self, evaluateWith);
  } catch (e) {
    if (e instanceof ValidationFailure) throw e;
    const failure = fail('PF307', 'validation failed because exception was thrown');
    failure.causeText = formatPanError(asPanError(e));
    throw failure;
  }
  if (typeof result !== 'boolean') {
    throw fail('PF307', `user-defined validation function returned an element of type ${kindOf(result)}; boolean value required`);
  }
  if (!result) {
    const failure = fail('PF307', 'user-defined validation failed');
    if (isProperty(self)) failure.value = self;
    throw failure;
  }
}
