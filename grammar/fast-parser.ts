/**
 * The fast path of the front end, statements and types: the grammar of grammar/parser.ts as a
 * hand-written recursive-descent parser over the streaming scanner, for files without errors
 * (see grammar/fast-parser-dml.ts for the contract). A file must start with its declaration.
 */
import type { Span } from '../src/diagnostics/span.js';
import type { FullType, RecordField, Statement, TypeRange, TypeSpec } from './ast.js';
import type { AstFactory, Declaration, TypeClause } from './ast-factory.js';
import { signedLong } from './ast-factory.js';
import { ASSIGN_OP, FastDmlParser, PATH, RANGE_START, REJECTED, STRING } from './fast-parser-dml.js';
import type { PanToken, Scanner } from './scanner.js';
import * as T from './tokens.js';

export { REJECTED };

/** A file parsed by the fast path. */
export interface FastParse {
  readonly declaration: Declaration;
  readonly statements: Statement[];
}

/** Parses a whole file (throws `REJECTED` on anything it does not accept). */
export function parseFast(scanner: Scanner, factory: AstFactory): FastParse {
  return new FastParser(scanner, factory).file();
}

class FastParser extends FastDmlParser {
  constructor(scanner: Scanner, factory: AstFactory) {
    super(scanner, factory);
  }

  file(): FastParse {
    const declaration = this.declaration();
    const statements: Statement[] = [];
    while (!this.atEnd()) {
      const s = this.statement();
      if (s !== undefined) statements.push(s);
    }
    return { declaration, statements };
  }

  private declaration(): Declaration {
    const t = this.t.tokenType;
    const kind = t === T.ObjectKw || t === T.Structure || t === T.Unique || t === T.Declaration ? this.advance() : undefined;
    const keyword = this.expect(T.Template);
    const name = this.expect(T.TemplateName);
    return { kind, keyword, name, end: this.expect(T.Semicolon) };
  }

  // ------------------------------------------------------------ statements

  private statement(): Statement | undefined {
    switch (this.t.tokenType) {
      case T.Semicolon:
        this.advance();
        return undefined;
      case T.Include: {
        const keyword = this.advance();
        const expr = this.dml();
        return this.f.include(keyword, expr, this.expect(T.Semicolon));
      }
      case T.Prefix: {
        const keyword = this.advance();
        const path = this.expectClass(PATH);
        return this.f.prefix(keyword, path, this.expect(T.Semicolon));
      }
      case T.Valid: {
        const keyword = this.advance();
        const path = this.pathAndEquals();
        const expr = this.dml();
        return this.f.valid(keyword, path, expr, this.expect(T.Semicolon));
      }
      case T.Bind: {
        const keyword = this.advance();
        const path = this.pathAndEquals();
        const type = this.fullType();
        return this.f.bind(keyword, path, type, this.expect(T.Semicolon));
      }
      case T.Type: {
        const keyword = this.advance();
        const name = this.nameAndEquals();
        const type = this.fullType();
        return this.f.typeStatement(keyword, name, type, this.expect(T.Semicolon));
      }
      case T.FunctionKw: {
        const keyword = this.advance();
        const name = this.nameAndEquals();
        const body = this.dml();
        return this.f.functionStatement(keyword, name, body, this.expect(T.Semicolon));
      }
      case T.Final:
        return this.peek().tokenType === T.Variable ? this.variableStatement(this.advance()) : this.assign(this.advance());
      case T.Variable:
        return this.variableStatement(undefined);
      default:
        return this.assign(undefined);
    }
  }

  private pathAndEquals(): PanToken {
    const path = this.expectClass(PATH);
    this.expect(T.Assign);
    return path;
  }

  private nameAndEquals(): PanToken {
    const name = this.expect(T.Identifier);
    this.expect(T.Assign);
    return name;
  }

  private assign(final: PanToken | undefined): Statement {
    const path = this.expectClass(PATH);
    const op = this.expectClass(ASSIGN_OP);
    const value = this.dml();
    return this.f.assign(final, path, op, value, this.expect(T.Semicolon));
  }

  private variableStatement(final: PanToken | undefined): Statement {
    const keyword = this.expect(T.Variable);
    const name = this.expect(T.Identifier);
    const op = this.expectClass(ASSIGN_OP);
    const value = this.dml();
    return this.f.variableStatement(final, keyword, name, op, value, this.expect(T.Semicolon));
  }

  // ------------------------------------------------------------ types

  /** `typespec [= dml] [with dml]` */
  private fullType(): FullType {
    const spec = this.typeSpec();
    let dflt;
    let validation;
    if (this.t.tokenType === T.Assign) {
      this.advance();
      dflt = this.dml();
    }
    if (this.t.tokenType === T.With) {
      this.advance();
      validation = this.dml();
    }
    return this.f.fullType(spec, dflt, validation);
  }

  private typeSpec(): TypeSpec {
    const base = this.baseType();
    const clauses: TypeClause[] = [];
    for (;;) {
      const t = this.t.tokenType;
      if (t === T.LBracket) clauses.push(this.f.clause('list', this.bracketed(), this.expect(T.RBracket)));
      else if (t === T.LBrace) clauses.push(this.f.clause('dict', this.bracketed(), this.expect(T.RBrace)));
      else if (t === T.Star) clauses.push(this.f.clause('link', undefined, this.advance()));
      else return this.f.typeSpec(base, clauses);
    }
  }

  /** The optional range after an opening bracket (consumed). */
  private bracketed(): TypeRange | undefined {
    this.advance();
    return this.is(RANGE_START) ? this.range() : undefined;
  }

  private baseType(): TypeSpec {
    const t = this.t.tokenType;
    if (t === T.Identifier) return this.namedType();
    if (t === T.Choice) return this.choiceType();
    if (t === T.LBrace || t === T.Extensible) return this.recordType();
    throw REJECTED;
  }

  private choiceType(): TypeSpec {
    const keyword = this.advance();
    this.expect(T.LParen);
    const strings = [this.expectClass(STRING)];
    while (this.t.tokenType === T.Comma) {
      this.advance();
      strings.push(this.expectClass(STRING));
    }
    return this.f.choiceType(keyword, strings, this.expect(T.RParen));
  }

  private namedType(): TypeSpec {
    const name = this.advance();
    if (this.t.tokenType !== T.LParen) return this.f.namedType(name, undefined, undefined);
    const range = this.bracketed();
    return this.f.namedType(name, range, this.expect(T.RParen));
  }

  private recordType(): TypeSpec {
    const extensible = this.t.tokenType === T.Extensible ? this.advance() : undefined;
    const open = this.expect(T.LBrace);
    const members: Array<RecordField | { name: string; span: Span }> = [];
    for (;;) {
      if (this.is(PATH)) {
        members.push(this.field());
      } else if (this.t.tokenType === T.Include) {
        this.advance();
        members.push(this.f.recordInclude(this.expect(T.Identifier)));
      } else {
        break;
      }
    }
    let close = this.expect(T.RBrace);
    let range: TypeRange | undefined;
    if (this.t.tokenType === T.LParen) {
      range = this.bracketed();
      close = this.expect(T.RParen);
    }
    return this.f.recordType(extensible ?? open, members, range, close, extensible !== undefined);
  }

  /** `'name' : fulltype` or `'name' ? fulltype` */
  private field(): RecordField {
    const name = this.advance();
    const t = this.t.tokenType;
    if (t !== T.Colon && t !== T.Question) throw REJECTED;
    this.advance();
    return this.f.field(name, t === T.Colon, this.fullType());
  }

  /** `[-]min [.. [[-]max]]` or `..max` (long literals only). */
  private range(): TypeRange {
    if (this.t.tokenType === T.Range) {
      const dots = this.advance();
      const max = this.expect(T.LongLiteral);
      return this.f.range(dots, max, undefined, true, signedLong(undefined, max));
    }
    const minus = this.t.tokenType === T.Minus ? this.advance() : undefined;
    const min = this.expect(T.LongLiteral);
    if (this.t.tokenType !== T.Range) return this.f.range(minus ?? min, min, signedLong(minus, min), false, undefined);
    let last = this.advance();
    let max: bigint | undefined;
    if (this.t.tokenType === T.Minus || this.t.tokenType === T.LongLiteral) {
      const maxMinus = this.t.tokenType === T.Minus ? this.advance() : undefined;
      last = this.expect(T.LongLiteral);
      max = signedLong(maxMinus, last);
    }
    return this.f.range(minus ?? min, last, signedLong(minus, min), true, max);
  }
}
