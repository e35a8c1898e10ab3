/**
 * Parser error messages (short, in Pan terms) and the conversion of chevrotain recognition
 * errors into PF101 diagnostics.
 */
import type { IParserErrorMessageProvider, IRecognitionException, IToken, TokenType } from 'chevrotain';
import { EOF } from './chevrotain.js';
import { diagnostic, type Diagnostic } from '../src/diagnostics/diagnostic.js';
import type { LineIndex } from './line-index.js';
import { printable } from './lexer.js';

/** What a rule expects, for rules whose alternatives would make a long token list. */
const RULE_EXPECTATIONS: Record<string, string> = {
  statement: 'a statement',
  dml: 'an expression or a block',
  expression: 'an expression',
  unary: 'an operand (literal, variable, function call or parenthesized expression)',
  baseType: 'a type',
  field: "a record field ('name' : type, 'name' ? type or include NAME)",
  range: 'a range of long literals',
};

function label(type: TokenType): string {
  return type === EOF ? 'end of file' : (type.LABEL ?? type.name);
}

/** Describes the token found, e.g. `'foo'` or `end of file`. */
export function describeToken(token: IToken): string {
  if (token.tokenType === EOF) return 'end of file';
  const image = token.image.length > 30 ? token.image.slice(0, 27) + '...' : token.image;
  return `'${printable(image)}'`;
}

function isUnaryOperator(token: IToken | undefined): boolean {
  const name = token?.tokenType.name;
  return name === 'Plus' || name === 'Minus' || name === 'Not' || name === 'Tilde';
}

function expectationList(paths: TokenType[][]): string {
  const firsts = [...new Set(paths.map((p) => (p[0] ? label(p[0]) : 'end of input')))];
  if (firsts.length === 1) return firsts[0]!;
  return 'one of ' + firsts.join(', ');
}

/** Concise messages in Pan terms. */
export const panErrorMessages: IParserErrorMessageProvider = {
  buildMismatchTokenMessage({ expected, actual, ruleName }) {
    // Statements are parsed one at a time: "end of input" there means "end of the statement".
    if (expected === EOF) return `unexpected ${describeToken(actual)}${ruleName === 'statements' || ruleName === 'template' ? ': expected a statement' : ''}`;
    return `expected ${label(expected)} but found ${describeToken(actual)}`;
  },
  buildNotAllInputParsedMessage({ firstRedundant }) {
    return `unexpected ${describeToken(firstRedundant)}: expected a statement`;
  },
  buildNoViableAltMessage({ expectedPathsPerAlt, actual, previous, ruleName }) {
    const found = actual[0]!;
    if ((ruleName === 'dml' || ruleName === 'expression') && found.tokenType.name === 'Semicolon') {
      return 'illegal empty DML statement: an expression or a block is required';
    }
    if (ruleName === 'operation' && isUnaryOperator(found) && isUnaryOperator(previous)) {
      return `unary operators cannot be stacked: write ${previous.image}(${found.image}...) instead of ${previous.image} ${found.image}...`;
    }
    const expected = RULE_EXPECTATIONS[ruleName] ?? expectationList(expectedPathsPerAlt.flat());
    return `expected ${expected} but found ${describeToken(found)}`;
  },
  buildEarlyExitMessage({ expectedIterationPaths, actual, ruleName }) {
    const expected = RULE_EXPECTATIONS[ruleName] ?? expectationList(expectedIterationPaths);
    return `expected ${expected} but found ${describeToken(actual[0]!)}`;
  },
};

/** Converts parser errors to diagnostics; tokens without a position (EOF) map to `endOfInput`. */
export function parserDiagnostics(
  errors: ReadonlyArray<Pick<IRecognitionException, 'token' | 'message'>>,
  lines: LineIndex,
  endOfInput: number,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const err of errors) {
    const token = err.token;
    const positioned = token.tokenType !== EOF && Number.isFinite(token.startOffset);
    const start = positioned ? token.startOffset : endOfInput;
    const end = positioned ? token.startOffset + token.image.length : endOfInput;
    const key = `${start}:${err.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(diagnostic('PF101', err.message, lines.span(start, end)));
  }
  return out;
}
