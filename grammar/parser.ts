/**
 * The chevrotain grammar of Pan (language reference §3, §5, §7.1, §8.2): templates, statements
 * and type specifications, on top of the DML rules of grammar/parser-dml.ts. The AST is built in
 * embedded actions (grammar/ast-factory.ts). This is the reference grammar (syntax diagrams,
 * error messages, error recovery); files without errors are parsed by the hand-written fast path
 * of grammar/fast-parser.ts, which accepts the same language and builds the same AST.
 *
 * Design choices, from measurements (bench/parser.ts, `node --cpu-prof`): a CstParser plus a
 * CST → AST pass ran at about 1 MB/s on the generated 5 MB benchmark file, dominated by CST
 * allocation and garbage collection; embedded actions avoid the intermediate tree (5–7 MB/s on
 * the same file and machine). Without building any AST, with recovery off, this parser ran at
 * about 18 MB/s on that file, scanning included: chevrotain's per-rule and per-decision machinery
 * alone takes longer than the whole fast path. Files are parsed one statement at a time (rule
 * `template` for the first chunk, `statements` for the others; see src/syntax/parse.ts), so that
 * tokens never outlive their statement.
 *
 * When a syntax error is recovered from, rules return placeholder values; the AST of a file with
 * errors is discarded.
 */
import type { IOrAlt, IParserConfig, IToken, TokenType } from 'chevrotain';
import type { Span } from '../src/diagnostics/span.js';
import type { FullType, RecordField, Statement, TypeRange, TypeSpec } from './ast.js';
import { signedLong, type Declaration, type TypeClause } from './ast-factory.js';
import { panErrorMessages } from './parse-errors.js';
import { DmlParser, PLACEHOLDER, recovered, type GrammarError } from './parser-dml.js';
import * as T from './tokens.js';

/** Every token type the parser knows (lexable ones and categories). */
const vocabulary: TokenType[] = [...T.allTokens, ...T.categoryTokens];

export type { Declaration, GrammarError };

/** Result of the rule `template`. */
export interface TemplateHead {
  readonly declaration: Declaration | undefined;
  readonly statements: Statement[];
}

/** The Pan parser. Create it through `createPanParser` or use the shared `sharedPanParser()`. */
export class PanParser extends DmlParser {
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
  public statement = this.RULE('statement', (): Statement | undefined => this.OR(this.statementAlternatives), {
    recoveryValueFunc: () => undefined,
  });

  private readonly statementAlternatives: Array<IOrAlt<Statement | undefined>> = [
    { ALT: () => { this.CONSUME(T.Semicolon); return undefined; } },
    { ALT: () => this.SUBRULE(this.includeStatement) },
    { ALT: () => this.SUBRULE(this.prefixStatement) },
    { ALT: () => this.SUBRULE(this.validStatement) },
    { ALT: () => this.SUBRULE(this.bindStatement) },
    { ALT: () => this.SUBRULE(this.assignStatement) },
    { ALT: () => this.SUBRULE(this.variableStatement) },
    { ALT: () => this.SUBRULE(this.typeStatement) },
    { ALT: () => this.SUBRULE(this.functionStatement) },
  ];

  public includeStatement = this.RULE('includeStatement', (): Statement => {
    const keyword = this.CONSUME(T.Include);
    const expr = this.SUBRULE(this.dml);
    const end = this.CONSUME(T.Semicolon);
    return this.RECORDING_PHASE ? PLACEHOLDER : this.f.include(keyword, expr, end);
  }, recovered);

  public prefixStatement = this.RULE('prefixStatement', (): Statement => {
    const keyword = this.CONSUME(T.Prefix);
    const path = this.CONSUME(T.PathString);
    const end = this.CONSUME(T.Semicolon);
    return this.RECORDING_PHASE ? PLACEHOLDER : this.f.prefix(keyword, path, end);
  }, recovered);

  public validStatement = this.RULE('validStatement', (): Statement => {
    const keyword = this.CONSUME(T.Valid);
    const path = this.CONSUME(T.PathString);
    this.CONSUME(T.Assign);
    const expr = this.SUBRULE(this.dml);
    const end = this.CONSUME(T.Semicolon);
    return this.RECORDING_PHASE ? PLACEHOLDER : this.f.valid(keyword, path, expr, end);
  }, recovered);

  public bindStatement = this.RULE('bindStatement', (): Statement => {
    const keyword = this.CONSUME(T.Bind);
    const path = this.CONSUME(T.PathString);
    this.CONSUME(T.Assign);
    const type = this.SUBRULE(this.fullType);
    const end = this.CONSUME(T.Semicolon);
    return this.RECORDING_PHASE ? PLACEHOLDER : this.f.bind(keyword, path, type, end);
  }, recovered);

  /** `[final] 'path' (= | ?=) DML ;` */
  public assignStatement = this.RULE('assignStatement', (): Statement => {
    const final = this.OPTION(() => this.CONSUME(T.Final));
    const path = this.CONSUME(T.PathString);
    const op = this.CONSUME(T.AssignOperator);
    const value = this.SUBRULE(this.dml);
    const end = this.CONSUME(T.Semicolon);
    return this.RECORDING_PHASE ? PLACEHOLDER : this.f.assign(final, path, op, value, end);
  }, recovered);

  /** `[final] variable NAME (= | ?=) DML ;` */
  public variableStatement = this.RULE('variableStatement', (): Statement => {
    const final = this.OPTION(() => this.CONSUME(T.Final));
    const keyword = this.CONSUME(T.Variable);
    const name = this.CONSUME(T.Identifier);
    const op = this.CONSUME(T.AssignOperator);
    const value = this.SUBRULE(this.dml);
    const end = this.CONSUME(T.Semicolon);
    return this.RECORDING_PHASE ? PLACEHOLDER : this.f.variableStatement(final, keyword, name, op, value, end);
  }, recovered);

  public typeStatement = this.RULE('typeStatement', (): Statement => {
    const keyword = this.CONSUME(T.Type);
    const name = this.CONSUME(T.Identifier);
    this.CONSUME(T.Assign);
    const type = this.SUBRULE(this.fullType);
    const end = this.CONSUME(T.Semicolon);
    return this.RECORDING_PHASE ? PLACEHOLDER : this.f.typeStatement(keyword, name, type, end);
  }, recovered);

  public functionStatement = this.RULE('functionStatement', (): Statement => {
    const keyword = this.CONSUME(T.FunctionKw);
    const name = this.CONSUME(T.Identifier);
    this.CONSUME(T.Assign);
    const body = this.SUBRULE(this.dml);
    const end = this.CONSUME(T.Semicolon);
    return this.RECORDING_PHASE ? PLACEHOLDER : this.f.functionStatement(keyword, name, body, end);
  }, recovered);

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
    return this.RECORDING_PHASE ? PLACEHOLDER : this.f.fullType(spec, dflt, validation);
  }, recovered);

  /** A base type followed by list `[..]`, dict `{..}` and link `*` clauses, applied left to right. */
  public typeSpec = this.RULE('typeSpec', (): TypeSpec => {
    const base = this.SUBRULE(this.baseType);
    const clauses: TypeClause[] = [];
    this.MANY(() => clauses.push(this.SUBRULE(this.typeClause)));
    return this.RECORDING_PHASE ? PLACEHOLDER : this.f.typeSpec(base, clauses);
  }, recovered);

  /** `[ [range] ]` (list), `{ [range] }` (dict) or `*` (link). */
  public typeClause = this.RULE('typeClause', (): TypeClause => {
    return this.OR([
      {
        ALT: () => {
          this.CONSUME(T.LBracket);
          const range = this.OPTION(() => this.SUBRULE(this.range));
          const close = this.CONSUME(T.RBracket);
          return this.RECORDING_PHASE ? PLACEHOLDER : this.f.clause('list', range, close);
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.LBrace);
          const range = this.OPTION2(() => this.SUBRULE2(this.range));
          const close = this.CONSUME(T.RBrace);
          return this.RECORDING_PHASE ? PLACEHOLDER : this.f.clause('dict', range, close);
        },
      },
      { ALT: () => { const star = this.CONSUME(T.Star); return this.RECORDING_PHASE ? PLACEHOLDER : this.f.clause('link', undefined, star); } },
    ]);
  }, recovered);

  public baseType = this.RULE('baseType', (): TypeSpec => {
    return this.OR([
      { ALT: () => this.SUBRULE(this.choiceType) },
      { ALT: () => this.SUBRULE(this.namedType) },
      { ALT: () => this.SUBRULE(this.recordType) },
    ]);
  }, recovered);

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
    return this.RECORDING_PHASE ? PLACEHOLDER : this.f.choiceType(keyword, strings, close);
  }, recovered);

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
    return this.RECORDING_PHASE ? PLACEHOLDER : this.f.namedType(name, range, close);
  }, recovered);

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
    return this.RECORDING_PHASE ? PLACEHOLDER : this.f.recordType(extensible ?? open, members, range, close, extensible !== undefined);
  }, recovered);

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
          return this.RECORDING_PHASE ? PLACEHOLDER : this.f.field(name, required, type);
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.Include);
          const name = this.CONSUME(T.Identifier);
          return this.RECORDING_PHASE ? PLACEHOLDER : this.f.recordInclude(name);
        },
      },
    ]);
  }, recovered);

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
              if (!this.RECORDING_PHASE) max = signedLong(maxMinus, last);
            });
          });
          return this.RECORDING_PHASE ? PLACEHOLDER : this.f.range(minus ?? min, last, signedLong(minus, min), dots, max);
        },
      },
      {
        ALT: () => {
          const dots = this.CONSUME2(T.Range);
          const max = this.CONSUME3(T.LongLiteral);
          return this.RECORDING_PHASE ? PLACEHOLDER : this.f.range(dots, max, undefined, true, signedLong(undefined, max));
        },
      },
    ]);
  }, recovered);
}

/** Creates a parser; tests pass `{ skipValidations: false }` to run chevrotain's grammar checks. */
export function createPanParser(config: IParserConfig = {}): PanParser {
  return new PanParser(config);
}

let shared: PanParser | undefined;

/**
 * The process-wide parser (not reentrant; parsing is synchronous), built on first use: building
 * it (chevrotain's grammar analysis) is a noticeable part of the start-up time, and files without
 * errors never need it (src/syntax/parse.ts).
 */
export function sharedPanParser(): PanParser {
  return (shared ??= createPanParser());
}
