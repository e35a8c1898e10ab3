/**
 * Construction of AST nodes from tokens and already-built children, called from the parser's
 * embedded actions. Computes every span, literal value and operator precedence (all binary
 * operators are left-associative; levels from `||` (lowest) to `* / %`).
 *
 * Heredoc bodies are read by the scanner only when it reaches the line after the marker, which
 * may be after the statement has been parsed; nodes holding heredoc values are therefore
 * completed by `resolveHeredocs` once the whole file has been scanned.
 */
import type { IToken } from 'chevrotain';
import type { Span } from '../src/diagnostics/span.js';
import type {
  BinaryOp, BlockExpr, CallExpr, Expr, FullType, LiteralExpr, PanLiteral, RecordField, RecordType,
  Annotation, Statement, TemplateFile, TemplateKind, TypeRange, TypeSpec, UnaryOp, VarExpr,
} from './ast.js';
import { doubleQuotedValue, doubleValue, longValue, singleQuotedValue } from './literals.js';
import { SourceSpan, type LineIndex } from './line-index.js';
import type { HeredocPayload } from './scanners.js';
import * as T from './tokens.js';

type Mutable<X> = { -readonly [K in keyof X]: X[K] };

/** Shared empty list for the (frequent) variables without subscripts and calls without arguments. */
export const NONE: readonly Expr[] = Object.freeze([]);

const PRECEDENCE: Record<string, number> = {
  '||': 1, '&&': 2, '|': 3, '^': 4, '&': 5,
  '==': 6, '!=': 6, '<': 7, '>': 7, '<=': 7, '>=': 7,
  '+': 8, '-': 8, '*': 9, '/': 9, '%': 9,
};

/** A list `[..]`, dict `{..}` or link `*` clause of a type specification. */
export interface TypeClause {
  readonly clause: 'list' | 'dict' | 'link';
  readonly range?: TypeRange;
  /** Span of the closing token. */
  readonly span: Span;
}

/** The declaration `[kind] template NAME ;` as parsed. */
export interface Declaration {
  readonly kind: IToken | undefined;
  readonly keyword: IToken;
  readonly name: IToken;
  readonly end: IToken;
}

/** Builds AST nodes for one file. */
export class AstFactory {
  private readonly heredocs: Array<{ target: Record<string | number, unknown>; key: string | number; payload: HeredocPayload }> = [];

  constructor(readonly lines: LineIndex) {}

  /** Span of a token. */
  tok(t: IToken): Span {
    return new SourceSpan(this.lines, t.startOffset, t.image.length);
  }

  /** Span from token `a` to token `b`. */
  between(a: IToken, b: IToken): Span {
    return new SourceSpan(this.lines, a.startOffset, b.startOffset + b.image.length - a.startOffset);
  }

  /** Span from the start of `a` to the end of `b` (`b` ends after `a` starts). */
  join(a: Span, b: Span): Span {
    return new SourceSpan(this.lines, a.offset, Math.max(a.length, b.offset + b.length - a.offset));
  }

  /** Span from the start of token `a` to the end of `b` (`b` ends after `a`). */
  private tokenTo(a: IToken, b: Span): Span {
    return new SourceSpan(this.lines, a.startOffset, b.offset + b.length - a.startOffset);
  }

  /** Fills in heredoc values; call after the scanner has reached the end of the text. */
  resolveHeredocs(): void {
    for (const { target, key, payload } of this.heredocs) target[key] = payload.body ?? '';
  }

  // ------------------------------------------------------------ statements

  /** The file node; its span is the declaration. */
  template(d: Declaration, statements: Statement[], annotations: readonly Annotation[]): TemplateFile {
    return {
      kind: 'Template',
      templateKind: d.kind ? (d.kind.image as TemplateKind) : 'ordinary',
      name: d.name.image,
      nameSpan: this.tok(d.name),
      statements,
      annotations,
      span: this.between(d.kind ?? d.keyword, d.end),
    };
  }

  include(keyword: IToken, expr: Expr, end: IToken): Statement {
    return { kind: 'Include', expr, span: this.between(keyword, end) };
  }

  prefix(keyword: IToken, path: IToken, end: IToken): Statement {
    return { kind: 'Prefix', path: pathValue(path), pathSpan: this.tok(path), span: this.between(keyword, end) };
  }

  valid(keyword: IToken, path: IToken, expr: Expr, end: IToken): Statement {
    return { kind: 'Valid', path: pathValue(path), pathSpan: this.tok(path), expr, span: this.between(keyword, end) };
  }

  bind(keyword: IToken, path: IToken, type: FullType, end: IToken): Statement {
    return { kind: 'Bind', path: pathValue(path), pathSpan: this.tok(path), type, span: this.between(keyword, end) };
  }

  assign(final: IToken | undefined, path: IToken, op: IToken, value: Expr, end: IToken): Statement {
    return {
      kind: 'Assign',
      final: final !== undefined,
      conditional: op.tokenType === T.AssignDefault,
      path: pathValue(path),
      pathSpan: this.tok(path),
      value,
      span: this.between(final ?? path, end),
    };
  }

  variableStatement(final: IToken | undefined, keyword: IToken, name: IToken, op: IToken, value: Expr, end: IToken): Statement {
    return {
      kind: 'Variable',
      final: final !== undefined,
      conditional: op.tokenType === T.AssignDefault,
      name: name.image,
      nameSpan: this.tok(name),
      value,
      span: this.between(final ?? keyword, end),
    };
  }

  typeStatement(keyword: IToken, name: IToken, type: FullType, end: IToken): Statement {
    return { kind: 'Type', name: name.image, nameSpan: this.tok(name), type, span: this.between(keyword, end) };
  }

  functionStatement(keyword: IToken, name: IToken, body: Expr, end: IToken): Statement {
    return { kind: 'Function', name: name.image, nameSpan: this.tok(name), body, span: this.between(keyword, end) };
  }

  // ------------------------------------------------------------ DML

  literal(t: IToken): LiteralExpr {
    const span = this.tok(t);
    if (t.tokenType !== T.HeredocString) return { kind: 'Literal', value: literalValue(t), span };
    const node: Mutable<LiteralExpr> = { kind: 'Literal', value: '', heredoc: true, span };
    this.heredocs.push({ target: node as unknown as Record<string, unknown>, key: 'value', payload: t.payload as HeredocPayload });
    return node;
  }

  /** The string value of a quoted string (heredocs only where a value may be completed later). */
  private stringInto(t: IToken, target: unknown[], index: number): string {
    if (t.tokenType === T.HeredocString) {
      this.heredocs.push({ target: target as unknown as Record<number, unknown>, key: index, payload: t.payload as HeredocPayload });
      return '';
    }
    return pathValue(t);
  }

  variable(name: IToken, subscripts: readonly Expr[], lastBracket: IToken | undefined): VarExpr {
    const list = subscripts.length === 0 ? NONE : subscripts;
    return { kind: 'Var', name: name.image, subscripts: list, span: this.between(name, lastBracket ?? name) };
  }

  call(name: IToken, args: readonly Expr[], close: IToken): CallExpr {
    return { kind: 'Call', name: name.image, nameSpan: this.tok(name), args: args.length === 0 ? NONE : args, span: this.between(name, close) };
  }

  unary(op: IToken | undefined, operand: Expr): Expr {
    if (op === undefined) return operand;
    return { kind: 'Unary', op: op.image as UnaryOp, operand, span: this.tokenTo(op, operand.span) };
  }

  /** Operands and operators in source order → a tree honouring precedence (shunting-yard). */
  operation(operands: Expr[], ops: IToken[]): Expr {
    if (ops.length === 0) return operands[0]!;
    const values: Expr[] = [operands[0]!];
    const pending: IToken[] = [];
    for (let i = 0; i < ops.length; i++) {
      const op = ops[i]!;
      const p = PRECEDENCE[op.image] ?? 0;
      while (pending.length > 0 && (PRECEDENCE[pending[pending.length - 1]!.image] ?? 0) >= p) this.reduce(values, pending);
      pending.push(op);
      values.push(operands[i + 1]!);
    }
    while (pending.length > 0) this.reduce(values, pending);
    return values[0]!;
  }

  private reduce(values: Expr[], pending: IToken[]): void {
    const op = pending.pop()!;
    const right = values.pop()!;
    const left = values.pop()!;
    values.push(this.binary(left, op, right));
  }

  /** The binary operation `left op right`. */
  binary(left: Expr, op: IToken, right: Expr): Expr {
    return { kind: 'Binary', op: op.image as BinaryOp, left, right, opSpan: this.tok(op), span: this.join(left.span, right.span) };
  }

  block(open: IToken, body: readonly Expr[], close: IToken): BlockExpr {
    return { kind: 'Block', body, span: this.between(open, close) };
  }

  localAssign(target: VarExpr, value: Expr): Expr {
    return { kind: 'LocalAssign', target, value, span: this.join(target.span, value.span) };
  }

  ifExpr(keyword: IToken, cond: Expr, then: Expr, otherwise: Expr | undefined): Expr {
    const span = this.tokenTo(keyword, (otherwise ?? then).span);
    return otherwise === undefined ? { kind: 'If', cond, then, span } : { kind: 'If', cond, then, else: otherwise, span };
  }

  whileExpr(keyword: IToken, cond: Expr, body: Expr): Expr {
    return { kind: 'While', cond, body, span: this.tokenTo(keyword, body.span) };
  }

  forExpr(keyword: IToken, init: Expr, cond: Expr, step: Expr, body: Expr): Expr {
    return { kind: 'For', init, cond, step, body, span: this.tokenTo(keyword, body.span) };
  }

  foreachExpr(keyword: IToken, key: VarExpr, value: VarExpr, collection: Expr, body: Expr): Expr {
    return { kind: 'Foreach', key, value, collection, body, span: this.tokenTo(keyword, body.span) };
  }

  // ------------------------------------------------------------ types

  fullType(spec: TypeSpec, dflt: Expr | undefined, validation: Expr | undefined): FullType {
    const last = validation ?? dflt;
    const full: Mutable<FullType> = { kind: 'FullType', spec, span: last ? this.join(spec.span, last.span) : spec.span };
    if (dflt !== undefined) full.default = dflt;
    if (validation !== undefined) full.with = validation;
    return full;
  }

  typeSpec(base: TypeSpec, clauses: TypeClause[]): TypeSpec {
    let spec = base;
    for (const c of clauses) {
      const span = this.join(spec.span, c.span);
      if (c.clause === 'link') spec = { kind: 'Link', target: spec, span };
      else if (c.clause === 'list') spec = c.range ? { kind: 'List', element: spec, range: c.range, span } : { kind: 'List', element: spec, span };
      else spec = c.range ? { kind: 'Dict', element: spec, range: c.range, span } : { kind: 'Dict', element: spec, span };
    }
    return spec;
  }

  clause(clause: TypeClause['clause'], range: TypeRange | undefined, close: IToken): TypeClause {
    return range ? { clause, range, span: this.tok(close) } : { clause, span: this.tok(close) };
  }

  namedType(name: IToken, range: TypeRange | undefined, close: IToken | undefined): TypeSpec {
    const span = this.between(name, close ?? name);
    return range ? { kind: 'TypeRef', name: name.image, range, span } : { kind: 'TypeRef', name: name.image, span };
  }

  choiceType(keyword: IToken, strings: IToken[], close: IToken): TypeSpec {
    const choices: string[] = [];
    for (let i = 0; i < strings.length; i++) choices.push(this.stringInto(strings[i]!, choices, i));
    return { kind: 'Choice', choices, span: this.between(keyword, close) };
  }

  recordType(
    first: IToken,
    members: Array<RecordField | { name: string; span: Span }>,
    range: TypeRange | undefined,
    close: IToken,
    extensible: boolean,
  ): RecordType {
    const fields: RecordField[] = [];
    const includes: Array<{ name: string; span: Span }> = [];
    for (const m of members) {
      if ('type' in m) fields.push(m);
      else includes.push(m);
    }
    const record: Mutable<RecordType> = { kind: 'Record', extensible, fields, includes, span: this.between(first, close) };
    if (range) record.range = range;
    return record;
  }

  field(name: IToken, required: boolean, type: FullType): RecordField {
    const nameSpan = this.tok(name);
    return { name: pathValue(name), nameSpan, required, type, span: this.join(nameSpan, type.span) };
  }

  recordInclude(name: IToken): { name: string; span: Span } {
    return { name: name.image, span: this.tok(name) };
  }

  /** `[-]min [.. [[-]max]]` or `..max`: an omitted minimum is 0, an omitted maximum unbounded. */
  range(first: IToken, last: IToken, min: bigint | undefined, dots: boolean, max: bigint | undefined): TypeRange {
    const span = this.between(first, last);
    const lower = min ?? 0n;
    if (!dots) return { min: lower, max: lower, span };
    return max === undefined ? { min: lower, span } : { min: lower, max, span };
  }
}

/** Value of a long literal token, negated when `minus` is present. */
export function signedLong(minus: IToken | undefined, t: IToken): bigint {
  const v = longValue(t.image);
  return minus ? -v : v;
}

/** The value of a path (single- or double-quoted string) token. */
export function pathValue(t: IToken): string {
  return t.tokenType === T.SingleQuotedString ? singleQuotedValue(t.image) : doubleQuotedValue(t.image);
}

/** The value of a literal token other than a heredoc. */
export function literalValue(t: IToken): PanLiteral {
  switch (t.tokenType) {
    case T.LongLiteral:
      return longValue(t.image);
    case T.DoubleLiteral:
      return doubleValue(t.image);
    case T.SingleQuotedString:
      return singleQuotedValue(t.image);
    case T.DoubleQuotedString:
      return doubleQuotedValue(t.image);
    case T.True:
      return true;
    case T.False:
      return false;
    case T.Null:
      return null;
    default:
      return undefined;
  }
}
