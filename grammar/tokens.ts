/**
 * Token vocabulary of Pan and its definition as a chevrotain lexer.
 *
 * Lexical rules (language reference §2): `#` comments and whitespace are skipped; annotations
 * `@name(...)`, `@name[...]`, `@name{...}` go to the `annotations` group; a lone `@` goes to the
 * `errors` group; heredocs, quoted strings, numbers and template names use the matchers of
 * grammar/scanners.ts. Reserved words win over identifiers only for an exact match (`ifx` is an
 * identifier). A template name is recognised only right after the keyword `template`.
 *
 * The token types are used by the parser. Files are tokenized by the streaming scanner of
 * grammar/scanner.ts, which follows exactly these definitions but produces tokens on demand, so
 * that tokens never outlive the statement they belong to (a chevrotain
 * lexer run keeps every token of a file alive and was measured at well under the throughput
 * target). `createPanLexer` builds the chevrotain lexer from the same definitions; the tests
 * check it against the scanner and run chevrotain's lexer validations on it.
 */
import type { CustomPatternMatcherFunc, CustomPatternMatcherReturn, ILexerConfig, Lexer as LexerInstance, TokenType } from 'chevrotain';
import { createToken, Lexer } from './chevrotain.js';
import {
  scanDouble,
  scanDoubleQuoted,
  scanHeredoc,
  scanLong,
  scanSingleQuoted,
  scanTemplateName,
  scanWhitespace,
  scanState,
  memoized,
  ANNOTATION_PATTERN,
  TEMPLATE_NAME_START_CHARS,
} from './scanners.js';

/**
 * Adapts an offset-returning matcher to a chevrotain custom pattern. Chevrotain calls a pattern
 * twice at the offset where it resynchronises after unknown characters, hence `memoized`.
 */
function pattern(scan: (text: string, offset: number) => number): CustomPatternMatcherFunc {
  return (text, offset) => {
    const end = memoized(scan, text, offset);
    return end < 0 ? null : [text.substring(offset, end)];
  };
}

/** The heredoc matcher, attaching the marker's payload to the token. */
const heredocPattern: CustomPatternMatcherFunc = (text, offset) => {
  const end = memoized(scanHeredoc, text, offset);
  if (end < 0) return null;
  const result = [text.substring(offset, end)] as CustomPatternMatcherReturn;
  result.payload = scanState.heredocs[scanState.heredocs.length - 1];
  return result;
};

/** The template-name matcher: only right after the keyword `template`. */
const templateNamePattern: CustomPatternMatcherFunc = (text, offset, tokens) => {
  if (tokens?.[tokens.length - 1]?.tokenType !== Template) return null;
  const end = scanTemplateName(text, offset);
  return end < 0 ? null : [text.substring(offset, end)];
};

const DIGITS = [...'0123456789'];

// ---------------------------------------------------------------- categories (never lexed)

/** Any literal usable as a DML primary. */
export const Literal = createToken({ name: 'Literal', pattern: Lexer.NA, label: 'literal' });
/** Any string literal, heredocs included. */
export const StringLiteral = createToken({ name: 'StringLiteral', pattern: Lexer.NA, categories: [Literal], label: 'string' });
/** A quoted string usable as a path (no heredoc). */
export const PathString = createToken({ name: 'PathString', pattern: Lexer.NA, categories: [StringLiteral], label: 'quoted string' });
/** Binary DML operators; precedence is applied when the AST is built. */
export const BinaryOperator = createToken({ name: 'BinaryOperator', pattern: Lexer.NA, label: 'binary operator' });
/** Prefix operators `+ - ! ~`. */
export const UnaryOperator = createToken({ name: 'UnaryOperator', pattern: Lexer.NA, label: 'unary operator' });
/** `=` or `?=` in assignment and variable statements. */
export const AssignOperator = createToken({ name: 'AssignOperator', pattern: Lexer.NA, label: "'=' or '?='" });
/** `object`, `structure`, `unique`, `declaration`. */
export const TemplateKind = createToken({ name: 'TemplateKind', pattern: Lexer.NA, label: 'template kind' });

// ---------------------------------------------------------------- trivia

export const Whitespace = createToken({
  name: 'Whitespace',
  pattern: { exec: pattern(scanWhitespace) },
  start_chars_hint: [' ', '\t', '\f', '\n', '\r'],
  line_breaks: true,
  group: Lexer.SKIPPED,
});
export const Comment = createToken({ name: 'Comment', pattern: /#[^\n\r]*/, group: Lexer.SKIPPED });
export const Annotation = createToken({
  name: 'Annotation',
  pattern: new RegExp(ANNOTATION_PATTERN.source),
  line_breaks: true,
  group: 'annotations',
});
/** An `@` that does not start a well-formed annotation. */
export const BadAnnotation = createToken({ name: 'BadAnnotation', pattern: /@/, group: 'errors' });

// ---------------------------------------------------------------- literals and names

export const TemplateName = createToken({
  name: 'TemplateName',
  pattern: { exec: templateNamePattern },
  start_chars_hint: TEMPLATE_NAME_START_CHARS,
  label: 'template name',
});
export const SingleQuotedString = createToken({
  name: 'SingleQuotedString',
  pattern: { exec: pattern(scanSingleQuoted) },
  start_chars_hint: ["'"],
  categories: [PathString],
  label: 'single-quoted string',
});
export const DoubleQuotedString = createToken({
  name: 'DoubleQuotedString',
  pattern: { exec: pattern(scanDoubleQuoted) },
  start_chars_hint: ['"'],
  line_breaks: true,
  categories: [PathString],
  label: 'double-quoted string',
});
export const HeredocString = createToken({
  name: 'HeredocString',
  pattern: { exec: heredocPattern },
  start_chars_hint: ['<'],
  categories: [StringLiteral],
  label: 'heredoc string',
});
export const LongLiteral = createToken({
  name: 'LongLiteral',
  pattern: { exec: pattern(scanLong) },
  start_chars_hint: DIGITS,
  categories: [Literal],
  label: 'long literal',
});
export const Range = createToken({ name: 'Range', pattern: '..', label: "'..'" });
export const DoubleLiteral = createToken({
  name: 'DoubleLiteral',
  pattern: { exec: pattern(scanDouble) },
  start_chars_hint: [...DIGITS, '.'],
  categories: [Literal],
  label: 'double literal',
});
export const Identifier = createToken({ name: 'Identifier', pattern: /[A-Za-z_][A-Za-z0-9_]*/, label: 'identifier' });

function keyword(word: string, categories: TokenType[] = []): TokenType {
  const name = word.charAt(0).toUpperCase() + word.slice(1);
  return createToken({ name, pattern: word, longer_alt: Identifier, categories, label: `'${word}'` });
}

export const If = keyword('if');
export const Else = keyword('else');
export const For = keyword('for');
export const Foreach = keyword('foreach');
export const While = keyword('while');
export const With = keyword('with');
export const Type = keyword('type');
export const Bind = keyword('bind');
export const Valid = keyword('valid');
export const Final = keyword('final');
export const Prefix = keyword('prefix');
export const Unique = keyword('unique', [TemplateKind]);
export const ObjectKw = keyword('object', [TemplateKind]);
export const Structure = keyword('structure', [TemplateKind]);
export const Declaration = keyword('declaration', [TemplateKind]);
export const Include = keyword('include');
export const Template = keyword('template');
export const FunctionKw = keyword('function');
export const Variable = keyword('variable');
export const Extensible = keyword('extensible');
export const Choice = keyword('choice');
export const Undef = keyword('undef', [Literal]);
export const Null = keyword('null', [Literal]);
export const True = keyword('true', [Literal]);
export const False = keyword('false', [Literal]);

/** Reserved word → token type. */
export const KEYWORDS: ReadonlyMap<string, TokenType> = new Map(
  [If, Else, For, Foreach, While, With, Type, Bind, Valid, Final, Prefix, Unique, ObjectKw, Structure,
    Declaration, Include, Template, FunctionKw, Variable, Extensible, Choice, Undef, Null, True, False]
    .map((t) => [t.PATTERN as string, t]),
);

// ---------------------------------------------------------------- punctuation and operators

function punct(name: string, image: string, categories: TokenType[] = []): TokenType {
  return createToken({ name, pattern: image, categories, label: `'${image}'` });
}

export const Semicolon = punct('Semicolon', ';');
export const Comma = punct('Comma', ',');
export const LParen = punct('LParen', '(');
export const RParen = punct('RParen', ')');
export const LBracket = punct('LBracket', '[');
export const RBracket = punct('RBracket', ']');
export const LBrace = punct('LBrace', '{');
export const RBrace = punct('RBrace', '}');
export const AssignDefault = punct('AssignDefault', '?=', [AssignOperator]);
export const Question = punct('Question', '?');
export const Colon = punct('Colon', ':');
export const Or = punct('Or', '||', [BinaryOperator]);
export const And = punct('And', '&&', [BinaryOperator]);
export const BitOr = punct('BitOr', '|', [BinaryOperator]);
export const BitXor = punct('BitXor', '^', [BinaryOperator]);
export const BitAnd = punct('BitAnd', '&', [BinaryOperator]);
export const Equal = punct('Equal', '==', [BinaryOperator]);
export const NotEqual = punct('NotEqual', '!=', [BinaryOperator]);
export const LessEqual = punct('LessEqual', '<=', [BinaryOperator]);
export const GreaterEqual = punct('GreaterEqual', '>=', [BinaryOperator]);
export const Less = punct('Less', '<', [BinaryOperator]);
export const Greater = punct('Greater', '>', [BinaryOperator]);
export const Assign = punct('Assign', '=', [AssignOperator]);
export const Plus = punct('Plus', '+', [BinaryOperator, UnaryOperator]);
export const Minus = punct('Minus', '-', [BinaryOperator, UnaryOperator]);
export const Star = punct('Star', '*', [BinaryOperator]);
export const Slash = punct('Slash', '/', [BinaryOperator]);
export const Percent = punct('Percent', '%', [BinaryOperator]);
export const Not = punct('Not', '!', [UnaryOperator]);
export const Tilde = punct('Tilde', '~', [UnaryOperator]);

/** Every lexable token type, in matching order (first match wins; keywords defer to longer identifiers). */
export const allTokens: TokenType[] = [
  Whitespace, Comment, Annotation, BadAnnotation, TemplateName,
  SingleQuotedString, DoubleQuotedString, HeredocString,
  LongLiteral, Range, DoubleLiteral,
  If, Else, Foreach, For, While, With, Type, Bind, Valid, Final, Prefix, Unique, ObjectKw,
  Structure, Declaration, Include, Template, FunctionKw, Variable, Extensible, Choice,
  Undef, Null, True, False, Identifier,
  Semicolon, Comma, LParen, RParen, LBracket, RBracket, LBrace, RBrace,
  AssignDefault, Question, Colon, Or, And, BitOr, BitXor, BitAnd, Equal, NotEqual,
  LessEqual, GreaterEqual, Less, Greater, Assign, Plus, Minus, Star, Slash, Percent, Not, Tilde,
];

/** Category tokens (never produced by the lexer, used by the parser). */
export const categoryTokens: TokenType[] = [
  Literal, StringLiteral, PathString, BinaryOperator, UnaryOperator, AssignOperator, TemplateKind,
];

/** Creates the chevrotain lexer of Pan (reset `scanState` before each `tokenize`). */
export function createPanLexer(config: Partial<ILexerConfig> = {}): LexerInstance {
  return new Lexer(allTokens, {
    positionTracking: 'onlyOffset',
    ensureOptimizations: true,
    ...config,
  });
}
