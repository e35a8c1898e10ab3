/**
 * Matchers for the parts of Pan's lexical syntax that regular expressions cannot express well:
 * whitespace that carries heredoc bodies, heredoc markers, quoted strings (with escape
 * checking), numeric literals (with precise errors) and template names.
 *
 * Each `scanX(text, offset)` returns the end offset of the token starting at `offset`, or -1.
 * They are shared by the streaming scanner (grammar/scanner.ts) and the chevrotain lexer
 * definition (grammar/tokens.ts). A matcher that matches may record side effects (pending
 * heredoc markers, lexical diagnostics) in `scanState`; both users accept the first matcher
 * that matches, so no side effect comes from a discarded match (chevrotain calls a matcher a
 * second time where it resynchronises after unknown characters, which `memoized` absorbs).
 */
import type { DiagnosticCode } from '../src/diagnostics/codes.js';
import { longValue, MAX_LONG } from './literals.js';

/** A lexical problem located by offsets; converted to a Diagnostic once lines are known. */
export interface RawDiagnostic {
  readonly code: DiagnosticCode;
  readonly message: string;
  readonly start: number;
  readonly end: number;
}

/** Payload of a heredoc token; `body` is filled in when the body lines have been read. */
export interface HeredocPayload {
  readonly marker: string;
  readonly start: number;
  readonly end: number;
  body: string | undefined;
}

/** No match remembered by `memoized`. */
const NO_MEMO = Object.freeze({ scan: undefined as unknown, offset: -1, end: -1 });

/**
 * Mutable state of one lexer run (the lexer is synchronous, so one instance suffices). `reset`
 * gives each list a fresh empty array, allocating only for lists that are not already empty
 * (most texts leave them all empty).
 */
export const scanState = {
  pending: [] as HeredocPayload[],
  heredocs: [] as HeredocPayload[],
  diagnostics: [] as RawDiagnostic[],
  /** Last successful match through `memoized` (chevrotain may call a pattern twice at one offset). */
  memo: NO_MEMO as { readonly scan: unknown; readonly offset: number; readonly end: number },
  reset(): void {
    if (this.pending.length > 0) this.pending = [];
    if (this.heredocs.length > 0) this.heredocs = [];
    if (this.diagnostics.length > 0) this.diagnostics = [];
    this.memo = NO_MEMO;
  },
};

const CR = 13;
const LF = 10;

function isIdentStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
}

function isIdentPart(c: number): boolean {
  return isIdentStart(c) || (c >= 48 && c <= 57);
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isHexDigit(c: number): boolean {
  return isDigit(c) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70);
}

function report(code: DiagnosticCode, message: string, start: number, end: number): void {
  scanState.diagnostics.push({ code, message, start, end });
}

/**
 * Calls `scan` at `offset` unless the previous successful call was the same matcher at the same
 * offset, in which case the remembered end is returned and no side effect is repeated.
 */
export function memoized(scan: (text: string, offset: number) => number, text: string, offset: number): number {
  const memo = scanState.memo;
  if (memo.scan === scan && memo.offset === offset) return memo.end;
  const end = scan(text, offset);
  if (end >= 0) scanState.memo = { scan, offset, end };
  return end;
}

// ---------------------------------------------------------------- whitespace and heredocs

/**
 * Whitespace (space, tab, form feed, line ends). At the first line end after one or more
 * heredoc markers, the following lines up to each marker's terminator line are consumed too,
 * and the bodies are stored in the markers' payloads.
 */
export function scanWhitespace(text: string, offset: number): number {
  const n = text.length;
  let i = offset;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 12) {
      i++;
    } else if (c === LF || c === CR) {
      i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
      if (scanState.pending.length > 0) i = readHeredocBodies(text, i);
    } else {
      break;
    }
  }
  return i > offset ? i : -1;
}

/** Reads the bodies of all pending heredocs starting at line start `i`; returns the end offset. */
function readHeredocBodies(text: string, i: number): number {
  const n = text.length;
  let bodyStart = i;
  while (scanState.pending.length > 0 && i < n) {
    let eol = i;
    while (eol < n) {
      const c = text.charCodeAt(eol);
      if (c === LF || c === CR) break;
      eol++;
    }
    const next = eol >= n ? n : text.charCodeAt(eol) === CR && text.charCodeAt(eol + 1) === LF ? eol + 2 : eol + 1;
    const current = scanState.pending[0]!;
    if (eol - i === current.marker.length && text.startsWith(current.marker, i)) {
      current.body = text.substring(bodyStart, i);
      scanState.pending.shift();
      bodyStart = next;
    }
    i = next;
  }
  for (const open of scanState.pending) {
    report('PF104', `end of file inside heredoc '<<${open.marker}' (no line '${open.marker}' found)`, open.start, open.end);
    open.body = text.substring(bodyStart, n);
    bodyStart = n;
  }
  scanState.pending = [];
  return i;
}

/**
 * `<<MARKER`: a heredoc string whose body starts on the next line. The marker is queued; its
 * payload (filled in when the body has been read) is `scanState.heredocs` at the last index.
 */
export function scanHeredoc(text: string, offset: number): number {
  if (text.charCodeAt(offset) !== 60 || text.charCodeAt(offset + 1) !== 60 || !isIdentStart(text.charCodeAt(offset + 2))) return -1;
  let i = offset + 3;
  while (i < text.length && isIdentPart(text.charCodeAt(i))) i++;
  const payload: HeredocPayload = { marker: text.substring(offset + 2, i), start: offset, end: i, body: undefined };
  scanState.pending.push(payload);
  scanState.heredocs.push(payload);
  return i;
}

/** Reports the heredocs still open at end of input (no line end after the marker line). */
export function finishHeredocs(): void {
  if (scanState.pending.length === 0) return;
  for (const open of scanState.pending) {
    report('PF104', `end of file inside heredoc '<<${open.marker}' (no line '${open.marker}' found)`, open.start, open.end);
    open.body = '';
  }
  scanState.pending = [];
}

// ---------------------------------------------------------------- strings

/**
 * Single-quoted string: `''` stands for one quote, no line ends. When the string is not closed
 * on its line, the longest valid prefix ending at a doubled quote is taken (as panc does); if
 * there is none, the rest of the line is an unterminated string (PF102).
 */
export function scanSingleQuoted(text: string, offset: number): number {
  if (text.charCodeAt(offset) !== 39) return -1;
  const n = text.length;
  let i = offset + 1;
  let lastPair = -1;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 39) {
      if (text.charCodeAt(i + 1) !== 39) return i + 1;
      lastPair = i;
      i += 2;
    } else if (c === LF || c === CR) {
      break;
    } else {
      i++;
    }
  }
  if (lastPair >= 0) return lastPair + 1;
  report('PF102', 'unterminated string literal (a quoted string must end on the line it starts)', offset, i);
  return i;
}

/**
 * Double-quoted string with the escapes `\n \t \r \b \f \\ \" \xHH` and backslash–line-end
 * continuation. Invalid escapes are reported (PF103) at their own position; a raw line end or
 * the end of input before the closing quote makes the string unterminated (PF102).
 */
export function scanDoubleQuoted(text: string, offset: number): number {
  if (text.charCodeAt(offset) !== 34) return -1;
  const n = text.length;
  let i = offset + 1;
  let escapeProblems: RawDiagnostic[] | undefined;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      if (escapeProblems) scanState.diagnostics.push(...escapeProblems);
      return i + 1;
    }
    if (c === LF || c === CR) break;
    if (c !== 92) {
      i++;
      continue;
    }
    const problem = checkEscape(text, i);
    if (problem) (escapeProblems ??= []).push(problem);
    i = escapeEnd(text, i);
  }
  report('PF102', 'unterminated string literal (a double-quoted string must end on its line unless the line end is escaped)', offset, i);
  return i;
}

/** Offset just after the escape sequence starting with the backslash at `i`. */
function escapeEnd(text: string, i: number): number {
  const e = text.charCodeAt(i + 1);
  if (e === CR) return text.charCodeAt(i + 2) === LF ? i + 3 : i + 2;
  if (e === 120) {
    let j = i + 2;
    while (j < i + 4 && isHexDigit(text.charCodeAt(j))) j++;
    return j;
  }
  return Math.min(i + 2, text.length);
}

/** The problem with the escape at `i`, if any. */
function checkEscape(text: string, i: number): RawDiagnostic | undefined {
  if (i + 1 >= text.length) return undefined; // reported as unterminated
  const e = text.charCodeAt(i + 1);
  switch (e) {
    case 110: case 116: case 114: case 98: case 102: case 92: case 34: case LF: case CR:
      return undefined;
    case 120: {
      if (isHexDigit(text.charCodeAt(i + 2)) && isHexDigit(text.charCodeAt(i + 3))) return undefined;
      return { code: 'PF103', message: 'incomplete hex escape sequence (\\x needs exactly two hex digits)', start: i, end: escapeEnd(text, i) };
    }
    default: {
      const shown = text.substring(i, i + 2);
      return { code: 'PF103', message: `invalid escape sequence '${shown}' in double-quoted string`, start: i, end: i + 2 };
    }
  }
}

// ---------------------------------------------------------------- numbers

/** Length of the run of decimal digits starting at `i`. */
function digitsEnd(text: string, i: number): number {
  while (isDigit(text.charCodeAt(i))) i++;
  return i;
}

/** End of an exponent `[eE][+-]?[0-9]+` starting at `i`, or -1 when there is none. */
function exponentEnd(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c !== 101 && c !== 69) return -1;
  let j = i + 1;
  const s = text.charCodeAt(j);
  if (s === 43 || s === 45) j++;
  return isDigit(text.charCodeAt(j)) ? digitsEnd(text, j) : -1;
}

/** True when a run of digits ending at `i` continues as a double literal (or a bad `5.`). */
function continuesAsDouble(text: string, i: number): boolean {
  if (text.charCodeAt(i) === 46) return text.charCodeAt(i + 1) !== 46;
  return exponentEnd(text, i) >= 0;
}

/**
 * Long literals: decimal `[1-9][0-9]*`, octal `0[0-7]*`, hex `0[xX][0-9a-fA-F]+`. Returns -1
 * when the digits continue as a double. `09` and `0x` are reported (PF107) and kept as one token.
 */
export function scanLong(text: string, offset: number): number {
  const first = text.charCodeAt(offset);
  if (!isDigit(first)) return -1;
  const x = text.charCodeAt(offset + 1);
  if (first === 48 && (x === 120 || x === 88)) {
    let i = offset + 2;
    while (isHexDigit(text.charCodeAt(i))) i++;
    if (i === offset + 2) report('PF107', 'invalid hex literal: hex digits expected after 0x', offset, i);
    checkRange(text, offset, i);
    return i;
  }
  const end = digitsEnd(text, offset);
  if (continuesAsDouble(text, end)) return -1;
  if (first === 48) {
    for (let i = offset + 1; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c === 56 || c === 57) {
        report('PF107', `invalid octal literal '${text.substring(offset, end)}' (a leading 0 makes an octal number; digits 8 and 9 are not allowed)`, offset, end);
        break;
      }
    }
  }
  checkRange(text, offset, end);
  return end;
}

/** Reports a long literal outside the signed 64-bit range (PF108). */
function checkRange(text: string, start: number, end: number): void {
  if (end - start < 18) return;
  const image = text.substring(start, end);
  if (longValue(image) > MAX_LONG) {
    report('PF108', `long literal ${image} is outside the range of a 64-bit signed integer`, start, end);
  }
}

/**
 * Double literals `[0-9]+.[0-9]+([eE][+-]?[0-9]+)?` and `[0-9]+[eE][+-]?[0-9]+`. The malformed
 * forms `.5` and `5.` are reported (PF107) and kept as one token. A lone `.` is not matched.
 */
export function scanDouble(text: string, offset: number): number {
  if (text.charCodeAt(offset) === 46) {
    if (!isDigit(text.charCodeAt(offset + 1))) return -1;
    const end = withExponent(text, digitsEnd(text, offset + 1));
    report('PF107', 'invalid double literal: a digit is required before the decimal point', offset, end);
    return end;
  }
  if (!isDigit(text.charCodeAt(offset))) return -1;
  const intEnd = digitsEnd(text, offset);
  if (text.charCodeAt(intEnd) !== 46) return exponentEnd(text, intEnd);
  if (!isDigit(text.charCodeAt(intEnd + 1))) {
    if (text.charCodeAt(intEnd + 1) === 46) return -1;
    report('PF107', 'invalid double literal: a digit is required after the decimal point', offset, intEnd + 1);
    return intEnd + 1;
  }
  return withExponent(text, digitsEnd(text, intEnd + 1));
}

function withExponent(text: string, i: number): number {
  const e = exponentEnd(text, i);
  return e < 0 ? i : e;
}

// ---------------------------------------------------------------- names and trivia

/** True for the characters of a template name `[A-Za-z0-9_+./-]`. */
export function isTemplateNameChar(c: number): boolean {
  return isIdentPart(c) || c === 43 || c === 45 || c === 46 || c === 47;
}

/** A template name `[A-Za-z0-9_+./-]+` (the caller checks that it follows `template`). */
export function scanTemplateName(text: string, offset: number): number {
  let i = offset;
  while (i < text.length && isTemplateNameChar(text.charCodeAt(i))) i++;
  return i > offset ? i : -1;
}

/** Characters that may start a template name (the lexer's first-character hint). */
export const TEMPLATE_NAME_START_CHARS: string[] = [
  ...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_+-./',
];

/** A comment `#...` up to (not including) the line end. */
export function scanComment(text: string, offset: number): number {
  if (text.charCodeAt(offset) !== 35) return -1;
  let i = offset + 1;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === LF || c === CR) break;
    i++;
  }
  return i;
}

/** An annotation token `@ [name] (...)`, `[...]` or `{...}` (the body cannot contain its closer). */
export const ANNOTATION_PATTERN = /@[ \t\f\r\n]*[A-Za-z0-9_.-]*[ \t\f\r\n]*(?:\([^)]*\)|\[[^\]]*\]|\{[^}]*\})/y;

/** An annotation starting at `offset`, or -1. */
export function scanAnnotation(text: string, offset: number): number {
  ANNOTATION_PATTERN.lastIndex = offset;
  return ANNOTATION_PATTERN.test(text) ? ANNOTATION_PATTERN.lastIndex : -1;
}
