/**
 * The DML part of the Pan grammar (language reference §7.1), building AST nodes in embedded
 * actions. Extended by the full grammar in grammar/parser.ts.
 *
 * Performance notes (measured with bench/parser.ts and `node --cpu-prof`):
 * - Binary operators are parsed as a flat list `operand (op operand)*`; precedence is applied by
 *   the factory. Operands are written out inside `operation` rather than as rules of their own:
 *   every nested rule invocation costs parsing time.
 * - A local assignment `x[..] = ...` is recognised after its target has been parsed as an
 *   operand (panc uses a syntactic lookahead `var "="` instead), so that every choice is made on
 *   the next token alone, which chevrotain decides fastest.
 * - The alternatives of the frequent choices are built once and reused, and actions are guarded
 *   by `RECORDING_PHASE` instead of `ACTION(() => ...)`, to avoid allocating closures per call.
 */
import type { IOrAlt, IParserConfig, IToken, TokenType } from 'chevrotain';
import type { Span } from '../src/diagnostics/span.js';
import type { Expr, VarExpr } from './ast.js';
import { AstFactory } from './ast-factory.js';
import { EmbeddedActionsParser } from './chevrotain.js';
import { LineIndex } from './line-index.js';
import * as T from './tokens.js';

const NOWHERE: Span = { file: '', offset: 0, length: 0, line: 1, col: 1, endLine: 1, endCol: 1 };

/**
 * Value of a rule that failed and was recovered from, or of any rule while chevrotain records
 * the grammar. It has the fields the actions read, and is never part of a returned AST.
 */
export const PLACEHOLDER = {
  kind: 'Literal', value: undefined, span: NOWHERE, name: '', subscripts: [], min: 0n, clause: 'link', spec: undefined,
} as never;

/** Rule option: recover with the placeholder value. */
export const recovered = { recoveryValueFunc: () => PLACEHOLDER };

/** A syntax error detected in an embedded action (chevrotain reports the others). */
export interface GrammarError {
  readonly token: IToken;
  readonly message: string;
}

/** DML rules; not usable alone (the statement rules are in `PanParser`). */
export abstract class DmlParser extends EmbeddedActionsParser {
  /** The factory of the file being parsed. */
  protected f: AstFactory = new AstFactory(new LineIndex('', ''));
  /** Syntax errors found by the actions since the last `startFile`. */
  grammarErrors: GrammarError[] = [];
  /** Whether the operand just parsed was a plain variable (set by every operand alternative). */
  private operandIsVariable = false;

  constructor(tokens: TokenType[], config: IParserConfig) {
    super(tokens, config);
  }

  /** Prepares for a new file; returns the factory that will build its nodes. */
  startFile(lines: LineIndex): AstFactory {
    this.f = new AstFactory(lines);
    this.grammarErrors = [];
    return this.f;
  }

  /** A block or an expression (an empty DML is an error). */
  public dml = this.RULE('dml', (): Expr => this.OR(this.dmlAlternatives), recovered);

  private readonly dmlAlternatives: Array<IOrAlt<Expr>> = [
    { ALT: () => this.SUBRULE(this.block) },
    { ALT: () => this.SUBRULE(this.ifExpr) },
    { ALT: () => this.SUBRULE(this.whileExpr) },
    { ALT: () => this.SUBRULE(this.forExpr) },
    { ALT: () => this.SUBRULE(this.foreachExpr) },
    { ALT: () => this.SUBRULE(this.operation) },
  ];

  /** `{ dml ( ; dml )* [;] }` */
  public block = this.RULE('block', (): Expr => {
    const open = this.CONSUME(T.LBrace);
    const body: Expr[] = [this.SUBRULE(this.dml)];
    this.MANY(() => {
      this.CONSUME(T.Semicolon);
      body.push(this.SUBRULE2(this.dml));
    });
    this.OPTION(() => this.CONSUME2(T.Semicolon));
    const close = this.CONSUME(T.RBrace);
    return this.RECORDING_PHASE ? PLACEHOLDER : this.f.block(open, body, close);
  }, recovered);

  /** An expression: the right side of a local assignment (no block). */
  public expression = this.RULE('expression', (): Expr => this.OR2(this.expressionAlternatives), recovered);

  private readonly expressionAlternatives: Array<IOrAlt<Expr>> = [
    { ALT: () => this.SUBRULE(this.ifExpr) },
    { ALT: () => this.SUBRULE(this.whileExpr) },
    { ALT: () => this.SUBRULE(this.forExpr) },
    { ALT: () => this.SUBRULE(this.foreachExpr) },
    { ALT: () => this.SUBRULE(this.operation) },
  ];

  public ifExpr = this.RULE('ifExpr', (): Expr => {
    const keyword = this.CONSUME(T.If);
    this.CONSUME(T.LParen);
    const cond = this.SUBRULE(this.dml);
    this.CONSUME(T.RParen);
    const then = this.SUBRULE2(this.dml);
    const otherwise = this.OPTION(() => {
      this.CONSUME(T.Else);
      return this.SUBRULE3(this.dml);
    });
    return this.RECORDING_PHASE ? PLACEHOLDER : this.f.ifExpr(keyword, cond, then, otherwise);
  }, recovered);

  public whileExpr = this.RULE('whileExpr', (): Expr => {
    const keyword = this.CONSUME(T.While);
    this.CONSUME(T.LParen);
    const cond = this.SUBRULE(this.dml);
    this.CONSUME(T.RParen);
    const body = this.SUBRULE2(this.dml);
    return this.RECORDING_PHASE ? PLACEHOLDER : this.f.whileExpr(keyword, cond, body);
  }, recovered);

  public forExpr = this.RULE('forExpr', (): Expr => {
    const keyword = this.CONSUME(T.For);
    this.CONSUME(T.LParen);
    const init = this.SUBRULE(this.dml);
    this.CONSUME(T.Semicolon);
    const cond = this.SUBRULE2(this.dml);
    this.CONSUME2(T.Semicolon);
    const step = this.SUBRULE3(this.dml);
    this.CONSUME(T.RParen);
    const body = this.SUBRULE4(this.dml);
    return this.RECORDING_PHASE ? PLACEHOLDER : this.f.forExpr(keyword, init, cond, step, body);
  }, recovered);

  public foreachExpr = this.RULE('foreachExpr', (): Expr => {
    const keyword = this.CONSUME(T.Foreach);
    this.CONSUME(T.LParen);
    const key = this.SUBRULE(this.variable);
    this.CONSUME(T.Semicolon);
    const value = this.SUBRULE2(this.variable);
    this.CONSUME2(T.Semicolon);
    const collection = this.SUBRULE(this.dml);
    this.CONSUME(T.RParen);
    const body = this.SUBRULE2(this.dml);
    return this.RECORDING_PHASE ? PLACEHOLDER : this.f.foreachExpr(keyword, key, value, collection, body);
  }, recovered);

  /**
   * Operands separated by binary operators, or a local assignment `var = expression` when the
   * only operand is a plain variable. An operand is one optional (not stackable) prefix operator
   * applied to a function call, a variable with subscripts, a literal or a parenthesized DML.
   */
  public operation = this.RULE('operation', (): Expr => {
    const operands: Expr[] = [];
    const operators: IToken[] = [];
    let plainVariable = false;
    this.AT_LEAST_ONE_SEP({
      SEP: T.BinaryOperator,
      DEF: () => {
        // After the first operand, the token just consumed is the separating operator.
        if (operands.length > 0 && !this.RECORDING_PHASE) operators.push(this.LA(0));
        const op = this.OPTION(() => this.CONSUME(T.UnaryOperator));
        const operand = this.OR3(this.operandAlternatives);
        if (operands.length === 0) plainVariable = this.operandIsVariable && op === undefined;
        operands.push(this.RECORDING_PHASE ? PLACEHOLDER : this.f.unary(op, operand));
      },
    });
    const assignment = this.OPTION4(() => {
      const equals = this.CONSUME(T.Assign);
      return { equals, value: this.SUBRULE(this.expression) };
    });
    if (this.RECORDING_PHASE) return PLACEHOLDER;
    if (assignment === undefined) return this.f.operation(operands, operators);
    if (operands.length === 1 && plainVariable) return this.f.localAssign(operands[0] as VarExpr, assignment.value);
    this.grammarErrors.push({ token: assignment.equals, message: 'invalid assignment: only a variable, with optional subscripts, can be assigned' });
    return assignment.value;
  }, recovered);

  private readonly operandAlternatives: Array<IOrAlt<Expr>> = [
    {
      // A call or a variable, told apart by the token after the name.
      ALT: () => {
        this.operandName = this.CONSUME(T.Identifier);
        return this.OR4(this.nameAlternatives);
      },
    },
    {
      ALT: () => {
        const t = this.CONSUME(T.Literal);
        this.operandIsVariable = false;
        return this.RECORDING_PHASE ? PLACEHOLDER : this.f.literal(t);
      },
    },
    {
      ALT: () => {
        this.CONSUME2(T.LParen);
        const inner = this.SUBRULE4(this.dml);
        this.CONSUME2(T.RParen);
        this.operandIsVariable = false;
        return inner;
      },
    },
  ];

  /** The name just consumed by the first operand alternative (read before any nested rule). */
  private operandName: IToken | undefined;

  private readonly nameAlternatives: Array<IOrAlt<Expr>> = [
    {
      ALT: () => {
        const name = this.operandName!;
        this.CONSUME(T.LParen);
        const args: Expr[] = [];
        this.OPTION2(() => args.push(this.SUBRULE(this.dml)));
        this.MANY(() => {
          this.CONSUME(T.Comma);
          args.push(this.SUBRULE2(this.dml));
        });
        this.OPTION3(() => this.CONSUME2(T.Comma));
        const close = this.CONSUME(T.RParen);
        this.operandIsVariable = false;
        return this.RECORDING_PHASE ? PLACEHOLDER : this.f.call(name, args, close);
      },
    },
    {
      ALT: () => {
        const name = this.operandName!;
        const subscripts: Expr[] = [];
        let close: IToken | undefined;
        this.MANY2(() => {
          this.CONSUME(T.LBracket);
          subscripts.push(this.SUBRULE3(this.dml));
          close = this.CONSUME(T.RBracket);
        });
        this.operandIsVariable = true;
        return this.RECORDING_PHASE ? PLACEHOLDER : this.f.variable(name, subscripts, close);
      },
    },
  ];

  /** `NAME ( [ dml ] )*` */
  public variable = this.RULE('variable', (): VarExpr => {
    const name = this.CONSUME(T.Identifier);
    const subscripts: Expr[] = [];
    let close: IToken | undefined;
    this.MANY(() => {
      this.CONSUME(T.LBracket);
      subscripts.push(this.SUBRULE(this.dml));
      close = this.CONSUME(T.RBracket);
    });
    return this.RECORDING_PHASE ? PLACEHOLDER : this.f.variable(name, subscripts, close);
  }, recovered);
}
