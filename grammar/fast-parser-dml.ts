/**
 * The DML part of the fast path of the front end: a hand-written recursive-descent parser for
 * exactly the grammar of grammar/parser-dml.ts, building the same AST through the same factory.
 * It has no error reporting and no recovery: on the first token it cannot accept it throws
 * `REJECTED`, and the file is then parsed again by the chevrotain parser, which produces the
 * diagnostics (src/syntax/parse.ts). It may therefore be stricter than the chevrotain grammar,
 * never more lenient (test/syntax/fast-path.test.ts compares the two on valid and broken files).
 *
 * Every decision reads one token, except three that read two, as chevrotain's LL(k) analysis
 * does: `;` inside a block and `,` inside an argument list continue the list only when an
 * expression follows, and `final` is followed by a path or by `variable`. Binary operators are
 * parsed by precedence climbing (all left-associative), which gives the tree of the factory's
 * shunting-yard `operation`.
 */
import type { TokenType } from 'chevrotain';
import type { Expr, VarExpr } from './ast.js';
import { NONE, type AstFactory } from './ast-factory.js';
import { EOF } from './chevrotain.js';
import { PanToken, type Scanner } from './scanner.js';
import * as T from './tokens.js';

/** Thrown (not an Error: no stack trace is captured) when the fast path gives up on a file. */
export const REJECTED: unique symbol = Symbol('rejected by the fast parser');

// Token classes (bits of `CLASSES`).
const LITERAL = 1;
/** A quoted string usable as a path (no heredoc). */
export const PATH = 2;
/** Any string literal, heredocs included. */
export const STRING = 4;
const BINARY = 8;
const UNARY = 16;
/** A token that can start a DML (block or expression). */
const DML_START = 32;
/** A token that can start a range `[-]min..max` / `..max`. */
export const RANGE_START = 64;
/** `=` or `?=`. */
export const ASSIGN_OP = 128;

/** Class bits of every token type (by tokenTypeIdx). */
const CLASSES: Uint8Array = classTable();
/** Binary operator precedence (by tokenTypeIdx): `||` 1 up to `* / %` 9. */
const PRECEDENCE: Uint8Array = precedenceTable();

function classTable(): Uint8Array {
  const table = new Uint8Array(256);
  const mark = (bits: number, types: TokenType[]) => {
    for (const t of types) table[t.tokenTypeIdx!]! |= bits;
  };
  const literals = [T.LongLiteral, T.DoubleLiteral, T.SingleQuotedString, T.DoubleQuotedString, T.HeredocString, T.Undef, T.Null, T.True, T.False];
  mark(LITERAL | DML_START, literals);
  mark(PATH, [T.SingleQuotedString, T.DoubleQuotedString]);
  mark(STRING, [T.SingleQuotedString, T.DoubleQuotedString, T.HeredocString]);
  mark(BINARY, [T.Or, T.And, T.BitOr, T.BitXor, T.BitAnd, T.Equal, T.NotEqual, T.LessEqual, T.GreaterEqual, T.Less, T.Greater, T.Plus, T.Minus, T.Star, T.Slash, T.Percent]);
  mark(UNARY | DML_START, [T.Plus, T.Minus, T.Not, T.Tilde]);
  mark(DML_START, [T.LBrace, T.If, T.While, T.For, T.Foreach, T.Identifier, T.LParen]);
  mark(RANGE_START, [T.Minus, T.LongLiteral, T.Range]);
  mark(ASSIGN_OP, [T.Assign, T.AssignDefault]);
  return table;
}

function precedenceTable(): Uint8Array {
  const table = new Uint8Array(256);
  const levels: TokenType[][] = [
    [T.Or], [T.And], [T.BitOr], [T.BitXor], [T.BitAnd], [T.Equal, T.NotEqual],
    [T.Less, T.Greater, T.LessEqual, T.GreaterEqual], [T.Plus, T.Minus], [T.Star, T.Slash, T.Percent],
  ];
  levels.forEach((types, i) => {
    for (const t of types) table[t.tokenTypeIdx!] = i + 1;
  });
  return table;
}

/** The token after the last one (never matched by any class). */
const END = new PanToken('', NaN, NaN, EOF, EOF.tokenTypeIdx!, undefined);

/** Token cursor with two tokens of lookahead, and the DML rules. */
export class FastDmlParser {
  /** The next token (LA(1)). */
  protected t: PanToken;
  /** The token after it (LA(2)), once peeked. */
  private second: PanToken | undefined;
  /** Whether the operand just parsed is a plain variable (a local assignment target). */
  private plainVariable = false;
  /**
   * Expressions of the lists being parsed (arguments, block bodies, subscripts), nested lists
   * above their parents; `top` is the first free slot. Each list is copied out into an array of
   * its exact length: an array grown by `push` keeps room for 16 elements.
   */
  private readonly scratch: Expr[] = [];
  private top = 0;

  constructor(
    private readonly scanner: Scanner,
    protected readonly f: AstFactory,
  ) {
    this.t = scanner.next() ?? END;
  }

  private push(e: Expr): void {
    this.scratch[this.top++] = e;
  }

  /** Removes the expressions pushed since `mark` and returns them in an array of their number. */
  private take(mark: number): readonly Expr[] {
    const s = this.scratch;
    const n = this.top - mark;
    this.top = mark;
    switch (n) {
      case 0:
        return NONE;
      case 1:
        return [s[mark]!];
      case 2:
        return [s[mark]!, s[mark + 1]!];
      case 3:
        return [s[mark]!, s[mark + 1]!, s[mark + 2]!];
      default:
        return s.slice(mark, mark + n);
    }
  }

  /** True when every token has been consumed. */
  protected atEnd(): boolean {
    return this.t === END;
  }

  /** Consumes and returns the next token. */
  protected advance(): PanToken {
    const t = this.t;
    const second = this.second;
    if (second !== undefined) {
      this.t = second;
      this.second = undefined;
    } else {
      this.t = this.scanner.next() ?? END;
    }
    return t;
  }

  /** LA(2). */
  protected peek(): PanToken {
    return (this.second ??= this.scanner.next() ?? END);
  }

  /** Consumes a token of type `type`, or rejects the file. */
  protected expect(type: TokenType): PanToken {
    if (this.t.tokenType !== type) throw REJECTED;
    return this.advance();
  }

  /** Consumes a token of one of the classes `bits`, or rejects the file. */
  protected expectClass(bits: number): PanToken {
    if ((CLASSES[this.t.tokenTypeIdx]! & bits) === 0) throw REJECTED;
    return this.advance();
  }

  protected is(bits: number): boolean {
    return (CLASSES[this.t.tokenTypeIdx]! & bits) !== 0;
  }

  /** A block or an expression. */
  protected dml(): Expr {
    return this.t.tokenType === T.LBrace ? this.block() : this.expression();
  }

  /** An expression (no block). */
  private expression(): Expr {
    switch (this.t.tokenType) {
      case T.If:
        return this.ifExpr();
      case T.While:
        return this.whileExpr();
      case T.For:
        return this.forExpr();
      case T.Foreach:
        return this.foreachExpr();
      default:
        return this.operation();
    }
  }

  private block(): Expr {
    const open = this.advance();
    const mark = this.top;
    this.push(this.dml());
    while (this.t.tokenType === T.Semicolon && (CLASSES[this.peek().tokenTypeIdx]! & DML_START) !== 0) {
      this.advance();
      this.push(this.dml());
    }
    if (this.t.tokenType === T.Semicolon) this.advance();
    const close = this.expect(T.RBrace);
    return this.f.block(open, this.take(mark), close);
  }

  private ifExpr(): Expr {
    const keyword = this.advance();
    const cond = this.condition();
    const then = this.dml();
    if (this.t.tokenType !== T.Else) return this.f.ifExpr(keyword, cond, then, undefined);
    this.advance();
    return this.f.ifExpr(keyword, cond, then, this.dml());
  }

  private whileExpr(): Expr {
    const keyword = this.advance();
    const cond = this.condition();
    return this.f.whileExpr(keyword, cond, this.dml());
  }

  /** `( dml )` */
  private condition(): Expr {
    this.expect(T.LParen);
    const cond = this.dml();
    this.expect(T.RParen);
    return cond;
  }

  private forExpr(): Expr {
    const keyword = this.advance();
    this.expect(T.LParen);
    const init = this.dml();
    this.expect(T.Semicolon);
    const cond = this.dml();
    this.expect(T.Semicolon);
    const step = this.dml();
    this.expect(T.RParen);
    return this.f.forExpr(keyword, init, cond, step, this.dml());
  }

  private foreachExpr(): Expr {
    const keyword = this.advance();
    this.expect(T.LParen);
    const key = this.variable(this.expect(T.Identifier));
    this.expect(T.Semicolon);
    const value = this.variable(this.expect(T.Identifier));
    this.expect(T.Semicolon);
    const collection = this.dml();
    this.expect(T.RParen);
    return this.f.foreachExpr(keyword, key, value, collection, this.dml());
  }

  /** Operands and binary operators, or a local assignment to a plain variable. */
  private operation(): Expr {
    const first = this.operand();
    if (this.t.tokenType === T.Assign) {
      if (!this.plainVariable) throw REJECTED;
      this.advance();
      return this.f.localAssign(first as VarExpr, this.expression());
    }
    if (!this.is(BINARY)) return first;
    const result = this.binary(first, 1);
    if (this.t.tokenType === T.Assign) throw REJECTED;
    return result;
  }

  /** Precedence climbing: `left` followed by operators of precedence `min` or higher. */
  private binary(left: Expr, min: number): Expr {
    for (;;) {
      const level = PRECEDENCE[this.t.tokenTypeIdx]!;
      if (level < min || level === 0) return left;
      const op = this.advance();
      let right = this.operand();
      while (PRECEDENCE[this.t.tokenTypeIdx]! > level) right = this.binary(right, level + 1);
      left = this.f.binary(left, op, right);
    }
  }

  /** `[unary operator] (call | variable | literal | ( dml ))` */
  private operand(): Expr {
    const op = this.is(UNARY) ? this.advance() : undefined;
    let operand: Expr;
    let variable = false;
    const t = this.t;
    if (t.tokenType === T.Identifier) {
      this.advance();
      if (this.t.tokenType === T.LParen) {
        operand = this.call(t);
      } else {
        operand = this.variable(t);
        variable = true;
      }
    } else if (this.is(LITERAL)) {
      operand = this.f.literal(this.advance());
    } else if (t.tokenType === T.LParen) {
      this.advance();
      operand = this.dml();
      this.expect(T.RParen);
    } else {
      throw REJECTED;
    }
    this.plainVariable = variable && op === undefined;
    return op === undefined ? operand : this.f.unary(op, operand);
  }

  /** `NAME ( [dml] (, dml)* [,] )` after NAME. */
  private call(name: PanToken): Expr {
    this.advance();
    const mark = this.top;
    if (this.is(DML_START)) this.push(this.dml());
    while (this.t.tokenType === T.Comma && (CLASSES[this.peek().tokenTypeIdx]! & DML_START) !== 0) {
      this.advance();
      this.push(this.dml());
    }
    if (this.t.tokenType === T.Comma) this.advance();
    const close = this.expect(T.RParen);
    return this.f.call(name, this.take(mark), close);
  }

  /** `NAME ([ dml ])*` after NAME. */
  private variable(name: PanToken): VarExpr {
    if (this.t.tokenType !== T.LBracket) return this.f.variable(name, NONE, undefined);
    const mark = this.top;
    let close: PanToken;
    do {
      this.advance();
      this.push(this.dml());
      close = this.expect(T.RBracket);
    } while (this.t.tokenType === T.LBracket);
    return this.f.variable(name, this.take(mark), close);
  }
}
