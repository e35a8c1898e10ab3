/**
 * The streaming tokenizer of Pan. It implements the token definitions of grammar/tokens.ts
 * (same matchers, same order, same error handling as the chevrotain lexer built from them) and
 * hands out the tokens of one statement at a time (`nextChunk`), so that the parser can drop
 * them as soon as the statement's AST is built.
 *
 * Trivia: whitespace and comments are skipped, annotation tokens are collected, a lone `@` and
 * runs of characters that start no token are recorded as lexical errors.
 */
import type { IToken, TokenType } from 'chevrotain';
import {
  isTemplateNameChar,
  scanAnnotation,
  scanComment,
  scanDouble,
  scanDoubleQuoted,
  scanHeredoc,
  scanLong,
  scanSingleQuoted,
  scanTemplateName,
  scanWhitespace,
  scanState,
} from './scanners.js';
import * as T from './tokens.js';
import { ReservedWords } from './reserved-words.js';
import { HASH_START, hashStep, WordTable } from './word-table.js';

/** A token as the chevrotain parser expects it (offsets only; `endOffset` is inclusive). */
export class PanToken implements IToken {
  constructor(
    public image: string,
    public startOffset: number,
    public endOffset: number,
    public tokenType: TokenType,
    public tokenTypeIdx: number,
    public payload: unknown,
  ) {}
}

/** A run of characters that starts no token. */
export interface UnknownRun {
  readonly offset: number;
  readonly length: number;
}

/**
 * What the scanner needs of a token type, read from one monomorphic object (the chevrotain token
 * type objects have several shapes, which makes reading their fields slow on the hot path).
 */
class Lexeme {
  readonly idx: number;
  /** The fixed image (punctuation and reserved words), or undefined. */
  readonly image: string | undefined;
  /** Code of the second character of a two-character operator, or -1. */
  readonly second: number;

  constructor(readonly type: TokenType) {
    this.idx = type.tokenTypeIdx!;
    this.image = typeof type.PATTERN === 'string' ? type.PATTERN : undefined;
    this.second = this.image !== undefined && this.image.length === 2 ? this.image.charCodeAt(1) : -1;
  }
}

const IDENTIFIER = new Lexeme(T.Identifier);
const TEMPLATE_NAME = new Lexeme(T.TemplateName);
const LONG = new Lexeme(T.LongLiteral);
const DOUBLE_LITERAL = new Lexeme(T.DoubleLiteral);
const SINGLE_QUOTED = new Lexeme(T.SingleQuotedString);
const DOUBLE_QUOTED = new Lexeme(T.DoubleQuotedString);
const HEREDOC = new Lexeme(T.HeredocString);
const ANNOTATION = new Lexeme(T.Annotation);

/** Single punctuation characters (indexed by char code). */
const SINGLE: Array<Lexeme | undefined> = [];
for (const t of [T.Semicolon, T.Comma, T.LParen, T.RParen, T.LBracket, T.RBracket, T.LBrace, T.RBrace,
  T.Question, T.Colon, T.BitOr, T.BitXor, T.BitAnd, T.Less, T.Greater, T.Assign, T.Plus, T.Minus,
  T.Star, T.Slash, T.Percent, T.Not, T.Tilde]) {
  SINGLE[(t.PATTERN as string).charCodeAt(0)] = new Lexeme(t);
}

/** Two-character operators, keyed by their first character, tried before the single one. */
const DOUBLE: Array<Lexeme[] | undefined> = [];
for (const t of [T.AssignDefault, T.Or, T.And, T.Equal, T.NotEqual, T.LessEqual, T.GreaterEqual, T.Range]) {
  (DOUBLE[(t.PATTERN as string).charCodeAt(0)] ??= []).push(new Lexeme(t));
}

/** The reserved words, recognised while a word is read. */
const RESERVED = new ReservedWords([...T.KEYWORDS.values()].map((t) => [t.PATTERN as string, new Lexeme(t)] as const));

/**
 * Names (identifiers) seen in the texts scanned so far: every occurrence of a name, in any file,
 * shares one string, and a name seen before costs no allocation. Replaced by an empty table
 * when it has grown large, so that it never holds more than a bounded number of names.
 */
let sharedNames = new WordTable();
const MAX_SHARED_NAMES = 1 << 14;

const DEPTH_CHANGE: number[] = [];
DEPTH_CHANGE[40] = DEPTH_CHANGE[91] = DEPTH_CHANGE[123] = 1; // ( [ {
DEPTH_CHANGE[41] = DEPTH_CHANGE[93] = DEPTH_CHANGE[125] = -1; // ) ] }

/** Tokenizes one text on demand. Uses the shared `scanState`: one scanner at a time. */
export class Scanner {
  private pos = 0;
  private previous: TokenType | undefined;
  /** Annotation tokens in source order. */
  readonly annotations: PanToken[] = [];
  /** Offsets of `@` characters that do not start a well-formed annotation. */
  readonly badAnnotations: number[] = [];
  /** Runs of characters that start no token. */
  readonly unknown: UnknownRun[] = [];
  /** Names seen so far (shared between scanners). */
  private readonly names: WordTable;

  constructor(readonly text: string) {
    scanState.reset();
    if (sharedNames.size >= MAX_SHARED_NAMES) sharedNames = new WordTable();
    this.names = sharedNames;
  }

  /**
   * The tokens up to and including the next `;` outside brackets (or to the end of the text).
   * Empty when the text is exhausted.
   */
  nextChunk(): PanToken[] {
    const chunk: PanToken[] = [];
    let depth = 0;
    for (;;) {
      const token = this.next();
      if (token === undefined) return chunk;
      chunk.push(token);
      const c = token.image.charCodeAt(0);
      if (token.image.length === 1) {
        if (c === 59 && depth === 0 && token.tokenType === T.Semicolon) return chunk;
        const change = DEPTH_CHANGE[c];
        if (change !== undefined) depth = Math.max(0, depth + change);
      }
    }
  }

  /** The next significant token, or undefined at the end of the text. */
  next(): PanToken | undefined {
    const text = this.text;
    const n = text.length;
    let unknownStart = -1;
    while (this.pos < n) {
      const start = this.pos;
      const token = this.scanAt(start);
      if (this.pos === start) {
        if (unknownStart < 0) unknownStart = start;
        this.pos++;
        continue;
      }
      if (unknownStart >= 0) {
        this.unknown.push({ offset: unknownStart, length: start - unknownStart });
        unknownStart = -1;
      }
      if (token !== undefined) {
        this.previous = token.tokenType;
        return token;
      }
    }
    if (unknownStart >= 0) this.unknown.push({ offset: unknownStart, length: n - unknownStart });
    return undefined;
  }

  /** Tokenizes everything (used by tests and tools). */
  all(): PanToken[] {
    const out: PanToken[] = [];
    for (let t = this.next(); t !== undefined; t = this.next()) out.push(t);
    return out;
  }

  private make(lexeme: Lexeme, start: number, end: number, image?: string, payload?: unknown): PanToken {
    this.pos = end;
    return new PanToken(image ?? lexeme.image ?? this.text.substring(start, end), start, end - 1, lexeme.type, lexeme.idx, payload);
  }

  /**
   * Matches at `start`: returns a token, or undefined for trivia; leaves `pos` unchanged if nothing
   * matches. Spaces and tabs before a token are skipped in the same call (the usual case).
   */
  private scanAt(start: number): PanToken | undefined {
    const text = this.text;
    let at = start;
    let c = text.charCodeAt(at);
    while (c === 32 || c === 9) c = text.charCodeAt(++at);
    const token = this.scanToken(at, c);
    // Nothing matched after blanks: the blanks alone are trivia.
    if (this.pos === start) this.pos = at;
    return token;
  }

  /** `scanAt` for the character `c` at `start` (NaN at the end of the text). */
  private scanToken(start: number, c: number): PanToken | undefined {
    const text = this.text;
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 12) {
      this.pos = scanWhitespace(text, start);
      return undefined;
    }
    if (c === 35) {
      this.pos = scanComment(text, start);
      return undefined;
    }
    if (c === 64) return this.annotation(start);
    if (this.previous === T.Template && isTemplateNameChar(c)) {
      return this.make(TEMPLATE_NAME, start, scanTemplateName(text, start));
    }
    if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95) return this.word(start, c);
    if (c >= 48 && c <= 57) return this.number(start);
    if (c === 39) return this.make(SINGLE_QUOTED, start, scanSingleQuoted(text, start));
    if (c === 34) return this.make(DOUBLE_QUOTED, start, scanDoubleQuoted(text, start));
    if (c === 60) {
      const end = scanHeredoc(text, start);
      if (end >= 0) return this.make(HEREDOC, start, end, undefined, scanState.heredocs[scanState.heredocs.length - 1]);
    }
    return this.punctuation(c, start);
  }

  private annotation(start: number): undefined {
    const end = scanAnnotation(this.text, start);
    if (end < 0) {
      this.badAnnotations.push(start);
      this.pos = start + 1;
      return undefined;
    }
    this.annotations.push(new PanToken(this.text.substring(start, end), start, end - 1, ANNOTATION.type, ANNOTATION.idx, undefined));
    this.pos = end;
    return undefined;
  }

  /** A reserved word or an identifier `[A-Za-z_][A-Za-z0-9_]*` starting with `first` at `start`. */
  private word(start: number, first: number): PanToken {
    const text = this.text;
    let hash = hashStep(HASH_START, first);
    let reserved = RESERVED.step(RESERVED.start, first);
    let end = start + 1;
    for (;;) {
      const c = text.charCodeAt(end);
      if (!((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95)) break;
      hash = hashStep(hash, c);
      reserved = RESERVED.step(reserved, c);
      end++;
    }
    const keyword = RESERVED.value(reserved);
    if (keyword !== undefined) return this.make(keyword, start, end);
    return this.make(IDENTIFIER, start, end, this.names.image(this.names.find(text, start, end, hash)));
  }

  private number(start: number): PanToken {
    const end = scanLong(this.text, start);
    if (end >= 0) return this.make(LONG, start, end);
    return this.make(DOUBLE_LITERAL, start, scanDouble(this.text, start));
  }

  private punctuation(c: number, start: number): PanToken | undefined {
    const pairs = DOUBLE[c];
    if (pairs !== undefined) {
      const next = this.text.charCodeAt(start + 1);
      for (let i = 0; i < pairs.length; i++) {
        if (pairs[i]!.second === next) return this.make(pairs[i]!, start, start + 2);
      }
    }
    if (c === 46) {
      const end = scanDouble(this.text, start);
      return end < 0 ? undefined : this.make(DOUBLE_LITERAL, start, end);
    }
    const single = SINGLE[c];
    return single === undefined ? undefined : this.make(single, start, start + 1);
  }
}
