/**
 * Public entry point of the Pan front end: text → AST + diagnostics (lexical errors PF100–PF108,
 * grammar errors PF101, missing declaration PF106). Never throws; every diagnostic span lies
 * inside the text. The AST is returned only when there is no error.
 *
 * A file is first parsed by the fast path (grammar/fast-parser.ts), which gives up at the first
 * error; only then is it parsed again by the chevrotain parser, with error recovery, one
 * statement at a time (see grammar/parser.ts), to report every problem.
 */
import type { IRecognitionException } from 'chevrotain';
import { tokenMatcher } from '../../grammar/chevrotain.js';
import { compareDiagnostics, diagnostic, hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Statement, TemplateFile } from '../../grammar/ast.js';
import { AstFactory } from '../../grammar/ast-factory.js';
import { parseFast, REJECTED } from '../../grammar/fast-parser.js';
import { finishScan } from '../../grammar/lexer.js';
import { LineIndex } from '../../grammar/line-index.js';
import { parserDiagnostics } from '../../grammar/parse-errors.js';
import { sharedPanParser, type PanParser } from '../../grammar/parser.js';
import { Scanner, type PanToken } from '../../grammar/scanner.js';
import { scanState } from '../../grammar/scanners.js';
import * as T from '../../grammar/tokens.js';

/** Result of parsing one file. */
export interface ParseResult {
  /** The AST, present when no error was found. */
  readonly ast?: TemplateFile;
  /** All problems found, sorted by position. */
  readonly diagnostics: Diagnostic[];
}

/** Which parsers `parseTemplate` may use (tests compare the two). */
export type ParseStrategy = 'fast-then-recovering' | 'fast-only' | 'recovering-only';

/**
 * Parses one Pan template. `file` is used only in spans. With the strategy `fast-only`, a file
 * the fast path does not accept gives no AST and no diagnostic.
 */
export function parseTemplate(text: string, file: string, strategy: ParseStrategy = 'fast-then-recovering'): ParseResult {
  const lines = new LineIndex(file, text);
  try {
    if (strategy === 'recovering-only') return parseLines(lines);
    return parseValid(lines) ?? (strategy === 'fast-only' ? { diagnostics: [] } : parseLines(lines));
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return { diagnostics: [diagnostic('PF901', `internal error while parsing: ${message}`, lines.point(0))] };
  } finally {
    scanState.reset();
  }
}

/** The fast path: the AST of a file without any diagnostic, or undefined. */
function parseValid(lines: LineIndex): ParseResult | undefined {
  const scanner = new Scanner(lines.text);
  const factory = new AstFactory(lines);
  let parsed;
  try {
    parsed = parseFast(scanner, factory);
  } catch (err) {
    if (err === REJECTED) return undefined;
    throw err;
  }
  const diagnostics: Diagnostic[] = [];
  const annotations = finishScan(scanner, lines, diagnostics);
  if (diagnostics.length > 0) return undefined;
  factory.resolveHeredocs();
  return { ast: factory.template(parsed.declaration, parsed.statements, annotations), diagnostics };
}

/** The chevrotain parser with error recovery: every diagnostic of a file. */
function parseLines(lines: LineIndex): ParseResult {
  const panParser = sharedPanParser();
  try {
    return parseWith(panParser, lines);
  } finally {
    panParser.input = [];
  }
}

function parseWith(panParser: PanParser, lines: LineIndex): ParseResult {
  const scanner = new Scanner(lines.text);
  const factory = panParser.startFile(lines);
  const errors: ParserError[] = [];
  let chunk = nextChunk(scanner);
  const firstToken = chunk.tokens[0];
  panParser.input = chunk.tokens;
  const head = panParser.template();
  keepErrors(panParser, chunk, errors);
  const statements: Statement[] = head.statements;
  while ((chunk = nextChunk(scanner)).tokens.length > 0) {
    panParser.input = chunk.tokens;
    const more = panParser.statements();
    for (const s of more) statements.push(s);
    keepErrors(panParser, chunk, errors);
  }
  const diagnostics: Diagnostic[] = [];
  const annotations = finishScan(scanner, lines, diagnostics);
  const endOfInput = endOfContent(lines.text);
  const lexical = new Set(diagnostics.map((d) => d.span?.offset));
  for (const d of parserDiagnostics(errors, lines, endOfInput)) {
    // A token that is itself malformed has already been explained by the lexical diagnostic.
    if (!lexical.has(d.span?.offset)) diagnostics.push(d);
  }
  const declaration = head.declaration;
  if (!startsDeclaration(firstToken)) {
    const span = firstToken ? lines.span(firstToken.startOffset, firstToken.endOffset + 1) : lines.point(endOfInput);
    diagnostics.push(diagnostic('PF106', 'missing template declaration: a file must start with [object|structure|unique|declaration] template NAME;', span));
  }
  diagnostics.sort(compareDiagnostics);
  if (hasErrors(diagnostics) || declaration === undefined) return { diagnostics };
  factory.resolveHeredocs();
  return { ast: factory.template(declaration, statements, annotations), diagnostics };
}

type ParserError = Pick<IRecognitionException, 'token' | 'message'>;

/** The tokens of one statement, and where its first unterminated string starts (if any). */
interface Chunk {
  readonly tokens: PanToken[];
  readonly brokenFrom: number;
}

function nextChunk(scanner: Scanner): Chunk {
  const before = scanState.diagnostics.length;
  const tokens = scanner.nextChunk();
  let brokenFrom = Infinity;
  for (let i = before; i < scanState.diagnostics.length; i++) {
    const d = scanState.diagnostics[i]!;
    if (d.code === 'PF102' && d.start < brokenFrom) brokenFrom = d.start;
  }
  return { tokens, brokenFrom };
}

/**
 * Keeps the parser errors of a chunk, except those after an unterminated string: such a string
 * swallows the rest of its line, and the errors that follow only repeat the lexical one.
 */
function keepErrors(panParser: PanParser, chunk: Chunk, into: ParserError[]): void {
  for (const e of [...panParser.errors, ...panParser.grammarErrors]) {
    // The end-of-input token has no offset: it comes after everything in the chunk.
    const offset = Number.isFinite(e.token.startOffset) ? e.token.startOffset : Infinity;
    if (chunk.brokenFrom === Infinity || offset < chunk.brokenFrom) into.push(e);
  }
  panParser.grammarErrors = [];
}

/** True if a token can start `[kind] template NAME;` (a broken declaration is a grammar error). */
function startsDeclaration(token: PanToken | undefined): boolean {
  return token !== undefined && (token.tokenType === T.Template || tokenMatcher(token, T.TemplateKind));
}

/** Offset just after the last non-whitespace character (where "end of file" is reported). */
function endOfContent(text: string): number {
  let i = text.length;
  while (i > 0) {
    const c = text.charCodeAt(i - 1);
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) break;
    i--;
  }
  return i;
}
