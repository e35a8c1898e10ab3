/**
 * The checked, compiled form of a template: DML nodes after constant folding and built-in
 * resolution, statements after prefix resolution and pre-evaluation, and type definitions.
 * Built once per file and process, shared by every object that uses the template.
 */
import type { BinaryOp, TemplateKind, UnaryOp } from '../../grammar/ast.js';
import type { Span } from '../diagnostics/span.js';
import type { PureBuiltin } from './builtins/registry-types.js';
import type { Value } from './element.js';
import type { PanPath } from './path.js';

/** A variable write target: `x`, `x[i][j]`, `SELF[i]`. */
export interface Target {
  readonly name: string;
  readonly subs: readonly Node[];
  readonly span: Span;
}

export interface LitNode {
  readonly k: 'lit';
  /** A frozen value. */
  readonly v: Value;
  readonly span: Span;
}
export interface VarNode {
  readonly k: 'var';
  readonly name: string;
  readonly subs: readonly Node[];
  readonly span: Span;
}
export interface SetNode {
  readonly k: 'set';
  /** Targets in the order they are assigned (`a = b = v` assigns b, then a). */
  readonly targets: readonly Target[];
  readonly value: Node;
  readonly span: Span;
}
export interface BlockNode {
  readonly k: 'block';
  readonly body: readonly Node[];
  readonly span: Span;
}
export interface IfNode {
  readonly k: 'if';
  readonly cond: Node;
  readonly then: Node;
  readonly else: Node | undefined;
  readonly span: Span;
}
export interface WhileNode {
  readonly k: 'while';
  readonly cond: Node;
  readonly body: Node;
  readonly span: Span;
}
export interface ForNode {
  readonly k: 'for';
  readonly init: Node;
  readonly cond: Node;
  readonly step: Node;
  readonly body: Node;
  readonly span: Span;
}
export interface ForeachNode {
  readonly k: 'foreach';
  readonly key: Target;
  readonly value: Target;
  readonly coll: Node;
  readonly body: Node;
  readonly span: Span;
}
export interface BinNode {
  readonly k: 'bin';
  readonly op: Exclude<BinaryOp, '&&' | '||'>;
  readonly l: Node;
  readonly r: Node;
  readonly span: Span;
}
export interface LogicNode {
  readonly k: 'and' | 'or';
  readonly l: Node;
  readonly r: Node;
  readonly span: Span;
}
export interface UnNode {
  readonly k: 'un';
  readonly op: UnaryOp;
  readonly a: Node;
  readonly span: Span;
}
export interface PureNode {
  readonly k: 'pure';
  readonly fn: PureBuiltin;
  readonly args: readonly Node[];
  readonly span: Span;
}
export interface UserCallNode {
  readonly k: 'user';
  readonly name: string;
  readonly args: readonly Node[];
  readonly span: Span;
}

/** Names of the built-ins implemented by the evaluator (they need the build context). */
export type SpecialName =
  | 'value' | 'exists' | 'path_exists' | 'if_exists' | 'is_valid' | 'is_type' | 'create'
  | 'append' | 'prepend' | 'delete' | 'first' | 'next' | 'error' | 'debug' | 'traceback'
  | 'deprecated' | 'return' | 'file_contents' | 'file_exists' | 'substitute';

/** A call of an evaluator built-in. Extra fields depend on the function. */
export interface SpecialNode {
  readonly k: 'special';
  readonly name: SpecialName;
  /** The function name as written (e.g. `is_long`, `nlist`). */
  readonly called: string;
  readonly args: readonly Node[];
  /** Variable-reference arguments (exists, is_*, append/prepend, delete, first/next). */
  readonly targets?: ReadonlyArray<Target | undefined>;
  /** is_* kind test, is_valid type name. */
  readonly test?: string;
  readonly span: Span;
}

export type Node =
  | LitNode | VarNode | SetNode | BlockNode | IfNode | WhileNode | ForNode | ForeachNode
  | BinNode | LogicNode | UnNode | PureNode | UserCallNode | SpecialNode;

// ---------------------------------------------------------------- types

/** An inclusive range; `max` undefined = unbounded. */
export interface Range {
  readonly min: bigint;
  readonly max: bigint | undefined;
}

export type TypeSpecC =
  | { readonly k: 'ref'; readonly name: string; readonly range: Range | undefined; readonly span: Span }
  | { readonly k: 'choice'; readonly choices: readonly string[]; readonly span: Span }
  | {
      readonly k: 'record';
      readonly extensible: boolean;
      readonly includes: readonly string[];
      /** Required fields, sorted by key. */
      readonly required: ReadonlyArray<readonly [string, FullTypeC]>;
      /** Optional fields, sorted by key. */
      readonly optional: ReadonlyArray<readonly [string, FullTypeC]>;
      readonly range: Range | undefined;
      readonly span: Span;
    }
  | { readonly k: 'list' | 'dict'; readonly elem: TypeSpecC; readonly range: Range | undefined; readonly span: Span }
  | { readonly k: 'link'; readonly target: TypeSpecC; readonly span: Span };

/** A full type: spec, optional default (frozen) and validation block. */
export interface FullTypeC {
  readonly spec: TypeSpecC;
  readonly hasDefault: boolean;
  readonly default: Value;
  readonly with: Node | undefined;
  /** Template file where the type is written (for validation messages). */
  readonly file: string;
  /** Name of the template where the type is written. */
  readonly template: string;
  readonly span: Span;
}

// ---------------------------------------------------------------- statements

export interface AssignStmt {
  readonly k: 'assign';
  /** Absolute or relative path after prefix resolution. */
  readonly path: PanPath;
  /** The path's string form (`/a/b`). */
  readonly pathText: string;
  readonly final: boolean;
  readonly conditional: boolean;
  /** Pre-evaluated value (frozen) when the DML is a compile-time constant. */
  readonly constant: { readonly value: Value } | undefined;
  readonly expr: Node;
  readonly span: Span;
}
export interface VariableStmt {
  readonly k: 'variable';
  readonly name: string;
  readonly final: boolean;
  readonly conditional: boolean;
  readonly constant: { readonly value: Value } | undefined;
  readonly expr: Node;
  readonly span: Span;
}
export interface IncludeStmt {
  readonly k: 'include';
  /** Constant template name, or undefined when computed. */
  readonly name: string | undefined;
  readonly expr: Node | undefined;
  readonly span: Span;
}
export interface FunctionStmt {
  readonly k: 'function';
  readonly name: string;
  readonly body: Node;
  readonly span: Span;
}
export interface TypeStmt {
  readonly k: 'type';
  readonly name: string;
  readonly type: FullTypeC;
  readonly span: Span;
}
export interface BindStmt {
  readonly k: 'bind';
  /** Static absolute path, or undefined when the path contains `${...}` references. */
  readonly path: PanPath | undefined;
  readonly pathText: string;
  readonly type: FullTypeC;
  /** Span of the bound type, shown in validation messages (none for `valid`, as in panc). */
  readonly typeSpan: Span | undefined;
  readonly span: Span;
}

export type Stmt = AssignStmt | VariableStmt | IncludeStmt | FunctionStmt | TypeStmt | BindStmt;

/** A checked template. */
export interface CompiledTemplate {
  readonly name: string;
  readonly kind: TemplateKind;
  /** Absolute path of the source file. */
  readonly file: string;
  /** All statements (run on first load). */
  readonly all: readonly Stmt[];
  /** Statements run on later loads (no function/type/bind; none for unique/declaration). */
  readonly normal: readonly Stmt[];
}
