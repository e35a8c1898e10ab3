/**
 * The chevrotain grammar of Pan (language reference §3, §5, §7.1, §8.2), building the AST in
 * embedded actions (grammar/ast-factory.ts).
 *
 * Design choices, from measurements (bench/parser.ts, `node --cpu-prof`): a CstParser plus a
 * CST → AST pass ran at about 1 MB/s on the generated 5 MB benchmark file, dominated by CST
 * allocation and garbage collection; embedded actions avoid the intermediate tree.
 * - Binary operators are parsed as a flat list `unary (op unary)*`; precedence is applied by the
 *   factory. This keeps the rule depth of an expression small.
 * - A local assignment `x[..] = ...` is recognised after its target has been parsed as an
 *   operand (panc uses a syntactic lookahead `var "="` instead); every choice in the grammar is
 *   then made on the next token alone, which chevrotain decides fastest.
 * - Files are parsed one statement at a time (rule `template` for the first chunk, `statements`
 *   for the others; see src/syntax/parse.ts), so tokens never outlive their statement.
 *
 * When a syntax error is recovered from, rules return placeholder values; the AST of a file with
 * errors is discarded.
 */
import type { IParserConfig, IToken, TokenType } from 'chevrotain';
import { EmbeddedActionsParser } from './chevrotain.js';
import type { Span } from '../src/diagnostics/span.js';
import type { Expr, FullType, RecordField, Statement, TypeRange, TypeSpec, VarExpr } from './ast.js';
import { AstFactory, signedLong, type Declaration, type TypeClause } from './ast-factory.js';
import { LineIndex } from './line-index.js';
import { panErrorMessages } from './parse-errors.js';
import * as T from './tokens.js';

/** Every token type the parser knows (lexable ones and categories). */
const vocabulary: TokenType[] = [...T.allTokens, ...T.categoryTokens];

const NOWHERE: Span = { file: '', offset: 0, length: 0, line: 1, col: 1, endLine: 1, endCol: 1 };
/** Value returned by a rule that failed and was recovered from (never part of a returned AST). */
const RECOVERED = {
  kind: 'Literal', value: undefined, span: NOWHERE, name: '', subscripts: [], min: 0n, clause: 'link', spec: undefined,
} as unknown;
const recovered = <X>() => ({ recoveryValueFunc: () => RECOVERED as X });

export type { Declaration };

/** A syntax error detected in an embedded action. */
export interface GrammarError {
  readonly token: IToken;
  readonly message: string;
}

/** Result of the rule `template`. */
export interface TemplateHead {
  readonly declaration: Declaration | undefined;
  readonly statements: Statement[];
}

/** The Pan parser. Create it through `createPanParser` or use the shared `panParser`. */
export class PanParser extends EmbeddedActionsParser {
  /** The factory of the file being parsed (set by `startFile`). */
  private f: AstFactory = new AstFactory(new LineIndex('', ''));

  constructor(config: IParserConfig = {}) {
    super(vocabulary, {
      recoveryEnabled: true,
      maxLookahead: 3,
      skipValidations: true,
      errorMessageProvider: panErrorMessages,
      ...config,
    });
    this.performSelfAnalysis();
  }

  /** Syntax errors found by the actions (not by chevrotain) since the last `startFile`. */
  grammarErrors: GrammarError[] = [];

  /** Prepares for a new file; returns the factory that will build its nodes. */
  startFile(lines: LineIndex): AstFactory {
    this.f = new AstFactory(lines);
    this.grammarErrors = [];
    return this.f;
  }

  // ------------------------------------------------------------ templates and statements

  /** The start of a file: the declaration (reported when missing) and the statements after it. */
  public template = this.RULE('template', (): TemplateHead => {
    const declaration = this.OPTION(() => this.SUBRULE(this.declaration));
    const statements = this.SUBRULE(this.statements);
    return { declaration, statements };
  }, { recoveryValueFunc: () => ({ declaration: undefined, statements: [] }) });

  /** `[object|structure|unique|declaration] template NAME ;` */
  public declaration = this.RULE('declaration', (): Declaration => {
    const kind = this.OPTION(() => this.CONSUME(T.TemplateKind));
    const keyword = this.CONSUME(T.Template);
    const name = this.CONSUME(T.TemplateName);
    const end = this.CONSUME(T.Semicolon);
    return { kind, keyword, name, end };
  }, { recoveryValueFunc: () => undefined as unknown as Declaration });

  public statements = this.RULE('statements', (): Statement[] => {
    const list: Statement[] = [];
    this.MANY(() => {
      const s = this.SUBRULE(this.statement);
      if (s !== undefined) list.push(s);
    });
    return list;
  }, { recoveryValueFunc: () => [] });

  /** One statement; the empty statement `;` gives undefined. */
  public statement = this.RULE('statement', (): Statement | undefined => {
    return this.OR<Statement | undefined>([
      { ALT: () => { this.CONSUME(T.Semicolon); return undefined; } },
      { ALT: () => this.SUBRULE(this.includeStatement) },
      { ALT: () => this.SUBRULE(this.prefixStatement) },
      { ALT: () => this.SUBRULE(this.validStatement) },
      { ALT: () => this.SUBRULE(this.bindStatement) },
      { ALT: () => this.SUBRULE(this.assignStatement) },
      { ALT: () => this.SUBRULE(this.variableStatement) },
      { ALT: () => this.SUBRULE(this.typeStatement) },
      { ALT: () => this.SUBRULE(this.functionStatement) },
    ]);
  }, { recoveryValueFunc: () => undefined });

  public includeStatement = this.RULE('includeStatement', (): Statement => {
    const keyword = this.CONSUME(T.Include);
    const expr = this.SUBRULE(this.dml);
    const end = this.CONSUME(T.Semicolon);
    return this.ACTION(() => this.f.include(keyword, expr, end));
  }, recovered<Statement>());

  public prefixStatement = this.RULE('prefixStatement', (): Statement => {
    const keyword = this.CONSUME(T.Prefix);
    const path = this.CONSUME(T.PathString);
    const end = this.CONSUME(T.Semicolon);
    return this.ACTION(() => this.f.prefix(keyword, path, end));
  }, recovered<Statement>());

  public validStatement = this.RULE('validStatement', (): Statement => {
    const keyword = this.CONSUME(T.Valid);
    const path = this.CONSUME(T.PathString);
    this.CONSUME(T.Assign);
    const expr = this.SUBRULE(this.dml);
    const end = this.CONSUME(T.Semicolon);
    return this.ACTION(() => this.f.valid(keyword, path, expr, end));
  }, recovered<Statement>());

  public bindStatement = this.RULE('bindStatement', (): Statement => {
    const keyword = this.CONSUME(T.Bind);
    const path = this.CONSUME(T.PathString);
    this.CONSUME(T.Assign);
    const type = this.SUBRULE(this.fullType);
    const end = this.CONSUME(T.Semicolon);
    return this.ACTION(() => this.f.bind(keyword, path, type, end));
  }, recovered<Statement>());

  /** `[final] 'path' (= | ?=) DML ;` */
  public assignStatement = this.RULE('assignStatement', (): Statement => {
    const final = this.OPTION(() => this.CONSUME(T.Final));
    const path = this.CONSUME(T.PathString);
    const op = this.CONSUME(T.AssignOperator);
    const value = this.SUBRULE(this.dml);
    const end = this.CONSUME(T.Semicolon);
    return this.ACTION(() => this.f.assign(final, path, op, value, end));
  }, recovered<Statement>());

  /** `[final] variable NAME (= | ?=) DML ;` */
  public variableStatement = this.RULE('variableStatement', (): Statement => {
    const final = this.OPTION(() => this.CONSUME(T.Final));
    const keyword = this.CONSUME(T.Variable);
    const name = this.CONSUME(T.Identifier);
    const op = this.CONSUME(T.AssignOperator);
    const value = this.SUBRULE(this.dml);
    const end = this.CONSUME(T.Semicolon);
    return this.ACTION(() => this.f.variableStatement(final, keyword, name, op, value, end));
  }, recovered<Statement>());

  public typeStatement = this.RULE('typeStatement', (): Statement => {
    const keyword = this.CONSUME(T.Type);
    const name = this.CONSUME(T.Identifier);
    this.CONSUME(T.Assign);
    const type = this.SUBRULE(this.fullType);
    const end = this.CONSUME(T.Semicolon);
    return this.ACTION(() => this.f.typeStatement(keyword, name, type, end));
  }, recovered<Statement>());

  public functionStatement = this.RULE('functionStatement', (): Statement => {
    const keyword = this.CONSUME(T.FunctionKw);
    const name = this.CONSUME(T.Identifier);
    this.CONSUME(T.Assign);
    const body = this.SUBRULE(this.dml);
    const end = this.CONSUME(T.Semicolon);
    return this.ACTION(() => this.f.functionStatement(keyword, name, body, end));
  }, recovered<Statement>());

  // ------------------------------------------------------------ DML

  /** A block or an expression (an empty DML is an error). */
  public dml = this.RULE('dml', (): Expr => {
    return this.OR([
      { ALT: () => this.SUBRULE(this.block) },
      { ALT: () => this.SUBRULE(this.ifExpr) },
      { ALT: () => this.SUBRULE(this.whileExpr) },
      { ALT: () => this.SUBRULE(this.forExpr) },
      { ALT: () => this.SUBRULE(this.foreachExpr) },
      { ALT: () => this.SUBRULE(this.operation) },
    ]);
  }, recovered<Expr>());

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
    return this.ACTION(() => this.f.block(open, body, close));
  }, recovered<Expr>());

  /** An expression: control flow or operators, possibly preceded by `var =` (local assignments). */
  public expression = this.RULE('expression', (): Expr => {
    return this.OR([
      { ALT: () => this.SUBRULE(this.ifExpr) },
      { ALT: () => this.SUBRULE(this.whileExpr) },
      { ALT: () => this.SUBRULE(this.forExpr) },
      { ALT: () => this.SUBRULE(this.foreachExpr) },
      { ALT: () => this.SUBRULE(this.operation) },
    ]);
  }, recovered<Expr>());

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
    return this.ACTION(() => this.f.ifExpr(keyword, cond, then, otherwise));
  }, recovered<Expr>());

  public whileExpr = this.RULE('whileExpr', (): Expr => {
    const keyword = this.CONSUME(T.While);
    this.CONSUME(T.LParen);
    const cond = this.SUBRULE(this.dml);
    this.CONSUME(T.RParen);
    const body = this.SUBRULE2(this.dml);
    return this.ACTION(() => this.f.whileExpr(keyword, cond, body));
  }, recovered<Expr>());

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
    return this.ACTION(() => this.f.forExpr(keyword, init, cond, step, body));
  }, recovered<Expr>());

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
    return this.ACTION(() => this.f.foreachExpr(keyword, key, value, collection, body));
  }, recovered<Expr>());

  /**
   * Operands separated by binary operators (precedence is applied by the factory), or a local
   * assignment `var = expression` when the only operand is a plain variable. An operand is one
   * optional (not stackable) prefix operator applied to a function call, a variable with
   * subscripts, a literal or a parenthesized DML. Operands are written out here rather than as
   * rules of their own because every nested rule call costs parsing time, and every choice is
   * made on the next token alone.
   */
  public operation = this.RULE('operation', (): Expr => {
    const operands: Expr[] = [];
    const operators: IToken[] = [];
    let plainVariable = false;
    this.AT_LEAST_ONE_SEP({
      SEP: T.BinaryOperator,
      DEF: () => {
        // After the first operand, the token just consumed is the separating operator.
        if (operands.length > 0) this.ACTION(() => operators.push(this.LA(0)));
        let isVariable = false;
        const op = this.OPTION(() => this.CONSUME(T.UnaryOperator));
        const operand = this.OR([
          {
            ALT: () => {
              const name = this.CONSUME(T.Identifier);
              return this.OR2([
                {
                  ALT: () => {
                    this.CONSUME(T.LParen);
                    const args: Expr[] = [];
                    this.OPTION2(() => args.push(this.SUBRULE(this.dml)));
                    this.MANY(() => {
                      this.CONSUME(T.Comma);
                      args.push(this.SUBRULE2(this.dml));
                    });
                    this.OPTION3(() => this.CONSUME2(T.Comma));
                    const close = this.CONSUME(T.RParen);
                    return this.ACTION(() => this.f.call(name, args, close));
                  },
                },
                {
                  ALT: () => {
                    const subscripts: Expr[] = [];
                    let close: IToken | undefined;
                    this.MANY2(() => {
                      this.CONSUME(T.LBracket);
                      subscripts.push(this.SUBRULE3(this.dml));
                      close = this.CONSUME(T.RBracket);
                    });
                    isVariable = true;
                    return this.ACTION(() => this.f.variable(name, subscripts, close));
                  },
                },
              ]);
            },
          },
          { ALT: () => { const t = this.CONSUME(T.Literal); return this.ACTION(() => this.f.literal(t)); } },
          {
            ALT: () => {
              this.CONSUME2(T.LParen);
              const inner = this.SUBRULE4(this.dml);
              this.CONSUME2(T.RParen);
              return inner;
            },
          },
        ]);
        if (operands.length === 0) plainVariable = isVariable && op === undefined;
        operands.push(this.ACTION(() => this.f.unary(op, operand)));
      },
    });
    const assignment = this.OPTION4(() => {
      const equals = this.CONSUME(T.Assign);
      return { equals, value: this.SUBRULE(this.expression) };
    });
    return this.ACTION(() => {
      if (assignment === undefined) return this.f.operation(operands, operators);
      if (operands.length === 1 && plainVariable) return this.f.localAssign(operands[0] as VarExpr, assignment.value);
      this.grammarErrors.push({ token: assignment.equals, message: 'invalid assignment: only a variable, with optional subscripts, can be assigned' });
      return assignment.value;
    });
  }, recovered<Expr>());

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
    return this.ACTION(() => this.f.variable(name, subscripts, close));
  }, recovered<VarExpr>());

  // ------------------------------------------------------------ types

  /** `typespec [= dml] [with dml]` */
  public fullType = this.RULE('fullType', (): FullType => {
    const spec = this.SUBRULE(this.typeSpec);
    const dflt = this.OPTION(() => {
      this.CONSUME(T.Assign);
      return this.SUBRULE(this.dml);
    });
    const validation = this.OPTION2(() => {
      this.CONSUME(T.With);
      return this.SUBRULE2(this.dml);
    });
    return this.ACTION(() => this.f.fullType(spec, dflt, validation));
  }, recovered<FullType>());

  /** A base type followed by list `[..]`, dict `{..}` and link `*` clauses, applied left to right. */
  public typeSpec = this.RULE('typeSpec', (): TypeSpec => {
    const base = this.SUBRULE(this.baseType);
    const clauses: TypeClause[] = [];
    this.MANY(() => clauses.push(this.SUBRULE(this.typeClause)));
    return this.ACTION(() => this.f.typeSpec(base, clauses));
  }, recovered<TypeSpec>());

  /** `[ [range] ]` (list), `{ [range] }` (dict) or `*` (link). */
  public typeClause = this.RULE('typeClause', (): TypeClause => {
    return this.OR([
      {
        ALT: () => {
          this.CONSUME(T.LBracket);
          const range = this.OPTION(() => this.SUBRULE(this.range));
          const close = this.CONSUME(T.RBracket);
          return this.ACTION(() => this.f.clause('list', range, close));
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.LBrace);
          const range = this.OPTION2(() => this.SUBRULE2(this.range));
          const close = this.CONSUME(T.RBrace);
          return this.ACTION(() => this.f.clause('dict', range, close));
        },
      },
      { ALT: () => { const star = this.CONSUME(T.Star); return this.ACTION(() => this.f.clause('link', undefined, star)); } },
    ]);
  }, recovered<TypeClause>());

  public baseType = this.RULE('baseType', (): TypeSpec => {
    return this.OR([
      { ALT: () => this.SUBRULE(this.choiceType) },
      { ALT: () => this.SUBRULE(this.namedType) },
      { ALT: () => this.SUBRULE(this.recordType) },
    ]);
  }, recovered<TypeSpec>());

  /** `choice ( string (, string)* )` — at least one choice. */
  public choiceType = this.RULE('choiceType', (): TypeSpec => {
    const keyword = this.CONSUME(T.Choice);
    this.CONSUME(T.LParen);
    const strings = [this.CONSUME(T.StringLiteral)];
    this.MANY(() => {
      this.CONSUME(T.Comma);
      strings.push(this.CONSUME2(T.StringLiteral));
    });
    const close = this.CONSUME(T.RParen);
    return this.ACTION(() => this.f.choiceType(keyword, strings, close));
  }, recovered<TypeSpec>());

  /** `NAME [ ( [range] ) ]` */
  public namedType = this.RULE('namedType', (): TypeSpec => {
    const name = this.CONSUME(T.Identifier);
    let range: TypeRange | undefined;
    let close: IToken | undefined;
    this.OPTION(() => {
      this.CONSUME(T.LParen);
      range = this.OPTION2(() => this.SUBRULE(this.range));
      close = this.CONSUME(T.RParen);
    });
    return this.ACTION(() => this.f.namedType(name, range, close));
  }, recovered<TypeSpec>());

  /** `[extensible] { field* } [ ( [range] ) ]` */
  public recordType = this.RULE('recordType', (): TypeSpec => {
    const extensible = this.OPTION(() => this.CONSUME(T.Extensible));
    const open = this.CONSUME(T.LBrace);
    const members: Array<RecordField | { name: string; span: Span }> = [];
    this.MANY(() => members.push(this.SUBRULE(this.field)));
    let close = this.CONSUME(T.RBrace);
    let range: TypeRange | undefined;
    this.OPTION2(() => {
      this.CONSUME(T.LParen);
      range = this.OPTION3(() => this.SUBRULE(this.range));
      close = this.CONSUME(T.RParen);
    });
    return this.ACTION(() => this.f.recordType(extensible ?? open, members, range, close, extensible !== undefined));
  }, recovered<TypeSpec>());

  /** `'name' : fulltype`, `'name' ? fulltype` or `include NAME` */
  public field = this.RULE('field', (): RecordField | { name: string; span: Span } => {
    return this.OR([
      {
        ALT: () => {
          const name = this.CONSUME(T.PathString);
          const required = this.OR2([
            { ALT: () => { this.CONSUME(T.Colon); return true; } },
            { ALT: () => { this.CONSUME(T.Question); return false; } },
          ]);
          const type = this.SUBRULE(this.fullType);
          return this.ACTION(() => this.f.field(name, required, type));
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.Include);
          const name = this.CONSUME(T.Identifier);
          return this.ACTION(() => this.f.recordInclude(name));
        },
      },
    ]);
  }, recovered<RecordField>());

  /** `[-]min [.. [[-]max]]` or `..max` (long literals only). */
  public range = this.RULE('range', (): TypeRange => {
    return this.OR([
      {
        ALT: () => {
          const minus = this.OPTION(() => this.CONSUME(T.Minus));
          const min = this.CONSUME(T.LongLiteral);
          let last = min;
          let dots = false;
          let max: bigint | undefined;
          this.OPTION2(() => {
            last = this.CONSUME(T.Range);
            dots = true;
            this.OPTION3(() => {
              const maxMinus = this.OPTION4(() => this.CONSUME2(T.Minus));
              last = this.CONSUME2(T.LongLiteral);
              max = this.ACTION(() => signedLong(maxMinus, last));
            });
          });
          return this.ACTION(() => this.f.range(minus ?? min, last, signedLong(minus, min), dots, max));
        },
      },
      {
        ALT: () => {
          const dots = this.CONSUME2(T.Range);
          const max = this.CONSUME3(T.LongLiteral);
          return this.ACTION(() => this.f.range(dots, max, undefined, true, signedLong(undefined, max)));
        },
      },
    ]);
  }, recovered<TypeRange>());
}

/** Creates a parser; tests pass `{ skipValidations: false }` to run chevrotain's grammar checks. */
export function createPanParser(config: IParserConfig = {}): PanParser {
  return new PanParser(config);
}

/** The process-wide parser (not reentrant; parsing is synchronous). */
export const panParser: PanParser = createPanParser();
