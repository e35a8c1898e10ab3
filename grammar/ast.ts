/**
 * The typed abstract syntax tree of a Pan template. The parsers (grammar/fast-parser.ts, and
 * grammar/parser.ts for files with errors) build it through grammar/ast-factory.ts; the
 * evaluator (src/pan/) consumes it. Every node has a span: a compact `SourceSpan`
 * (grammar/line-index.ts) whose lines and columns are computed when read; copy spans with
 * `toPlainSpan` (src/diagnostics/span.ts) rather than by spreading them.
 *
 * Literal values use the evaluator's property representation: long = bigint,
 * double = number, string = string, boolean = boolean, undef = undefined, null = null.
 */
import type { Span } from '../src/diagnostics/span.js';

export type TemplateKind = 'object' | 'structure' | 'unique' | 'declaration' | 'ordinary';

/** One parsed file: a template declaration followed by its statements. */
export interface TemplateFile {
  readonly kind: 'Template';
  readonly templateKind: TemplateKind;
  /** Template name as written after `template`, e.g. `site/os/base`. */
  readonly name: string;
  readonly nameSpan: Span;
  readonly statements: readonly Statement[];
  readonly annotations: readonly Annotation[];
  /** The declaration `[kind] template NAME;`. */
  readonly span: Span;
}

/** An annotation `@name(...)`, `@name[...]` or `@name{...}`; no effect on the profile. */
export interface Annotation {
  readonly kind: 'Annotation';
  readonly name: string;
  /** `key = value` entries, or empty when the body is free text. */
  readonly entries: ReadonlyArray<readonly [string, string]>;
  /** The raw text between the brackets. */
  readonly body: string;
  readonly span: Span;
}

// ---------------------------------------------------------------- statements

export type Statement =
  | IncludeStatement
  | PrefixStatement
  | AssignStatement
  | VariableStatement
  | TypeStatement
  | BindStatement
  | ValidStatement
  | FunctionStatement;

/** `include DML;` */
export interface IncludeStatement {
  readonly kind: 'Include';
  readonly expr: Expr;
  readonly span: Span;
}

/** `prefix 'path';` — path is the string literal's value. */
export interface PrefixStatement {
  readonly kind: 'Prefix';
  readonly path: string;
  readonly pathSpan: Span;
  readonly span: Span;
}

/** `[final] 'path' = DML;` or `?=`. `path` is the literal's value, unresolved (no prefix applied). */
export interface AssignStatement {
  readonly kind: 'Assign';
  readonly final: boolean;
  readonly conditional: boolean;
  readonly path: string;
  readonly pathSpan: Span;
  readonly value: Expr;
  readonly span: Span;
}

/** `[final] variable NAME = DML;` or `?=`. */
export interface VariableStatement {
  readonly kind: 'Variable';
  readonly final: boolean;
  readonly conditional: boolean;
  readonly name: string;
  readonly nameSpan: Span;
  readonly value: Expr;
  readonly span: Span;
}

/** `type NAME = FULLTYPE;` */
export interface TypeStatement {
  readonly kind: 'Type';
  readonly name: string;
  readonly nameSpan: Span;
  readonly type: FullType;
  readonly span: Span;
}

/** `bind 'path' = FULLTYPE;` */
export interface BindStatement {
  readonly kind: 'Bind';
  readonly path: string;
  readonly pathSpan: Span;
  readonly type: FullType;
  readonly span: Span;
}

/** `valid 'path' = DML;` (equivalent to `bind 'path' = element with DML;`). */
export interface ValidStatement {
  readonly kind: 'Valid';
  readonly path: string;
  readonly pathSpan: Span;
  readonly expr: Expr;
  readonly span: Span;
}

/** `function NAME = DML;` */
export interface FunctionStatement {
  readonly kind: 'Function';
  readonly name: string;
  readonly nameSpan: Span;
  readonly body: Expr;
  readonly span: Span;
}

// ---------------------------------------------------------------- DML

export type Expr =
  | LiteralExpr
  | VarExpr
  | CallExpr
  | UnaryExpr
  | BinaryExpr
  | LocalAssignExpr
  | IfExpr
  | WhileExpr
  | ForExpr
  | ForeachExpr
  | BlockExpr;

export type PanLiteral = bigint | number | string | boolean | null | undefined;

/** A literal: long (bigint), double (number), string, boolean, `null`, `undef` (undefined). */
export interface LiteralExpr {
  readonly kind: 'Literal';
  readonly value: PanLiteral;
  /** True for heredoc strings (informational). */
  readonly heredoc?: boolean;
  readonly span: Span;
}

/** A variable reference with optional subscripts: `x`, `x[0]['a']`, `SELF[1]`. */
export interface VarExpr {
  readonly kind: 'Var';
  readonly name: string;
  readonly subscripts: readonly Expr[];
  readonly span: Span;
}

/** A function call (built-in or user-defined): `name(args)`. */
export interface CallExpr {
  readonly kind: 'Call';
  readonly name: string;
  readonly nameSpan: Span;
  readonly args: readonly Expr[];
  readonly span: Span;
}

export type UnaryOp = '+' | '-' | '!' | '~';

export interface UnaryExpr {
  readonly kind: 'Unary';
  readonly op: UnaryOp;
  readonly operand: Expr;
  readonly span: Span;
}

export type BinaryOp =
  | '||' | '&&' | '|' | '^' | '&'
  | '==' | '!=' | '<' | '>' | '<=' | '>='
  | '+' | '-' | '*' | '/' | '%';

/** Binary operation; `&&` and `||` short-circuit. */
export interface BinaryExpr {
  readonly kind: 'Binary';
  readonly op: BinaryOp;
  readonly left: Expr;
  readonly right: Expr;
  /** Span of the operator token. */
  readonly opSpan: Span;
  readonly span: Span;
}

/** Local assignment `target = value` (chains right to left: `a = b = 3`). */
export interface LocalAssignExpr {
  readonly kind: 'LocalAssign';
  readonly target: VarExpr;
  readonly value: Expr;
  readonly span: Span;
}

export interface IfExpr {
  readonly kind: 'If';
  readonly cond: Expr;
  readonly then: Expr;
  readonly else?: Expr;
  readonly span: Span;
}

export interface WhileExpr {
  readonly kind: 'While';
  readonly cond: Expr;
  readonly body: Expr;
  readonly span: Span;
}

export interface ForExpr {
  readonly kind: 'For';
  readonly init: Expr;
  readonly cond: Expr;
  readonly step: Expr;
  readonly body: Expr;
  readonly span: Span;
}

/** `foreach (k; v; collection) body` */
export interface ForeachExpr {
  readonly kind: 'Foreach';
  readonly key: VarExpr;
  readonly value: VarExpr;
  readonly collection: Expr;
  readonly body: Expr;
  readonly span: Span;
}

/** `{ dml; dml; ... }` — yields the value of its last expression. At least one expression. */
export interface BlockExpr {
  readonly kind: 'Block';
  readonly body: readonly Expr[];
  readonly span: Span;
}

// ---------------------------------------------------------------- types

/** `typespec [= default] [with validation]` */
export interface FullType {
  readonly kind: 'FullType';
  readonly spec: TypeSpec;
  readonly default?: Expr;
  readonly with?: Expr;
  readonly span: Span;
}

export type TypeSpec = TypeRef | ChoiceType | RecordType | ListType | DictType | LinkType;

/** Inclusive range; an omitted minimum means 0, an omitted maximum means unbounded. */
export interface TypeRange {
  readonly min: bigint;
  readonly max?: bigint;
  readonly span: Span;
}

/** A named type with an optional range: `long(1..10)`, `string`, `my_type`. */
export interface TypeRef {
  readonly kind: 'TypeRef';
  readonly name: string;
  readonly range?: TypeRange;
  readonly span: Span;
}

/** `choice('a', 'b')` */
export interface ChoiceType {
  readonly kind: 'Choice';
  readonly choices: readonly string[];
  readonly span: Span;
}

/** `[extensible] { fields } [(range)]` */
export interface RecordType {
  readonly kind: 'Record';
  readonly extensible: boolean;
  readonly fields: readonly RecordField[];
  /** Names of record types whose fields are merged in by `include T`, in order. */
  readonly includes: ReadonlyArray<{ readonly name: string; readonly span: Span }>;
  readonly range?: TypeRange;
  readonly span: Span;
}

/** `'name' : type` (required) or `'name' ? type` (optional). */
export interface RecordField {
  readonly name: string;
  readonly nameSpan: Span;
  readonly required: boolean;
  readonly type: FullType;
  readonly span: Span;
}

/** `B[range]`: list of B. */
export interface ListType {
  readonly kind: 'List';
  readonly element: TypeSpec;
  readonly range?: TypeRange;
  readonly span: Span;
}

/** `B{range}`: dict of B. */
export interface DictType {
  readonly kind: 'Dict';
  readonly element: TypeSpec;
  readonly range?: TypeRange;
  readonly span: Span;
}

/** `B*`: link to a B. */
export interface LinkType {
  readonly kind: 'Link';
  readonly target: TypeSpec;
  readonly span: Span;
}
