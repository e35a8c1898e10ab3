/**
 * A streaming JSON reader with the behaviour and messages of Gson 2.8's JsonReader, which
 * panc's json_decode uses in lenient mode (unquoted and single-quoted strings, comments, `;`
 * separators, `=`/`=>` after names, missing array values read as null), including its
 * location texts "at line L column C path $.a[0]".
 */

/** A reader failure; `javaClass` is the Java exception class Gson would raise. */
export class JsonReadError extends Error {
  constructor(
    readonly javaClass: string,
    message: string,
  ) {
    super(message);
    this.name = 'JsonReadError';
  }
}

export type JsonToken = 'BEGIN_ARRAY' | 'END_ARRAY' | 'BEGIN_OBJECT' | 'END_OBJECT' | 'NAME' | 'STRING' | 'NUMBER' | 'BOOLEAN' | 'NULL' | 'END_DOCUMENT';

// Peeked states.
const NONE = 0, BEGIN_OBJECT = 1, END_OBJECT = 2, BEGIN_ARRAY = 3, END_ARRAY = 4, TRUE = 5, FALSE = 6, NULL = 7;
const SINGLE_QUOTED = 8, DOUBLE_QUOTED = 9, UNQUOTED = 10, SINGLE_QUOTED_NAME = 12, DOUBLE_QUOTED_NAME = 13;
const UNQUOTED_NAME = 14, LONG = 15, NUMBER = 16, EOF = 17;
// Scopes.
const EMPTY_ARRAY = 1, NONEMPTY_ARRAY = 2, EMPTY_OBJECT = 3, DANGLING_NAME = 4, NONEMPTY_OBJECT = 5;
const EMPTY_DOCUMENT = 6, NONEMPTY_DOCUMENT = 7;

const TOKENS: Record<number, JsonToken> = {
  [BEGIN_OBJECT]: 'BEGIN_OBJECT', [END_OBJECT]: 'END_OBJECT', [BEGIN_ARRAY]: 'BEGIN_ARRAY', [END_ARRAY]: 'END_ARRAY',
  [TRUE]: 'BOOLEAN', [FALSE]: 'BOOLEAN', [NULL]: 'NULL', [SINGLE_QUOTED]: 'STRING', [DOUBLE_QUOTED]: 'STRING',
  [UNQUOTED]: 'STRING', [SINGLE_QUOTED_NAME]: 'NAME', [DOUBLE_QUOTED_NAME]: 'NAME', [UNQUOTED_NAME]: 'NAME',
  [LONG]: 'NUMBER', [NUMBER]: 'NUMBER', [EOF]: 'END_DOCUMENT',
};

/** Gson reads through a 1024-character buffer; longer numbers are not recognized as numbers. */
const BUFFER_SIZE = 1024;
const LONG_MIN = -(1n << 63n);

export class JsonReader {
  private pos = 0;
  private line = 0;
  private lineStart = 0;
  private peeked = NONE;
  private peekedLong = 0n;
  private numberLength = 0;
  private readonly stack: number[] = [EMPTY_DOCUMENT];
  private readonly pathNames: (string | undefined)[] = [undefined];
  private readonly pathIndices: number[] = [0];
  lenient = true;

  constructor(private readonly text: string) {
    if (text.startsWith('\ufeff')) {
      this.pos = 1;
      this.lineStart = 1;
    }
  }

  private get top(): number {
    return this.stack.length - 1;
  }

  /** The location suffix of Gson's messages. */
  private location(): string {
    return ` at line ${this.line + 1} column ${this.pos - this.lineStart + 1} path ${this.getPath()}`;
  }

  private syntaxError(message: string): JsonReadError {
    return new JsonReadError('com.google.gson.stream.MalformedJsonException', message + this.location());
  }

  private checkLenient(): void {
    if (!this.lenient) throw this.syntaxError('Use JsonReader.setLenient(true) to accept malformed JSON');
  }

  /** Gson path notation: `$`, `.name` for object members, `[i]` for array elements. */
  getPath(): string {
    let path = '$';
    for (let i = 0; i < this.stack.length; i++) {
      const scope = this.stack[i]!;
      if (scope === EMPTY_ARRAY || scope === NONEMPTY_ARRAY) path += `[${this.pathIndices[i]}]`;
      else if (scope === EMPTY_OBJECT || scope === DANGLING_NAME || scope === NONEMPTY_OBJECT) {
        path += '.' + (this.pathNames[i] ?? '');
      }
    }
    return path;
  }

  peek(): JsonToken {
    const p = this.peeked === NONE ? this.doPeek() : this.peeked;
    return TOKENS[p]!;
  }

  hasNext(): boolean {
    const p = this.peeked === NONE ? this.doPeek() : this.peeked;
    return p !== END_OBJECT && p !== END_ARRAY;
  }

  beginArray(): void {
    this.expect(BEGIN_ARRAY);
    this.stack.push(EMPTY_ARRAY);
    this.pathNames.push(undefined);
    this.pathIndices.push(0);
  }

  endArray(): void {
    this.expect(END_ARRAY);
    this.pop();
  }

  beginObject(): void {
    this.expect(BEGIN_OBJECT);
    this.stack.push(EMPTY_OBJECT);
    this.pathNames.push(undefined);
    this.pathIndices.push(0);
  }

  endObject(): void {
    this.expect(END_OBJECT);
    this.pop();
  }

  private pop(): void {
    this.stack.pop();
    this.pathNames.pop();
    this.pathIndices.pop();
    this.pathIndices[this.top]!++;
  }

  private expect(p: number): void {
    const got = this.peeked === NONE ? this.doPeek() : this.peeked;
    if (got !== p) throw new JsonReadError('java.lang.IllegalStateException', `Expected ${TOKENS[p]} but was ${TOKENS[got]}${this.location()}`);
    this.peeked = NONE;
  }

  nextName(): string {
    const p = this.peeked === NONE ? this.doPeek() : this.peeked;
    let result: string;
    if (p === UNQUOTED_NAME) result = this.unquotedValue();
    else if (p === SINGLE_QUOTED_NAME) result = this.quotedValue("'");
    else if (p === DOUBLE_QUOTED_NAME) result = this.quotedValue('"');
    else throw new JsonReadError('java.lang.IllegalStateException', `Expected a name but was ${TOKENS[p]}${this.location()}`);
    this.peeked = NONE;
    this.pathNames[this.top] = result;
    return result;
  }

  nextString(): string {
    const p = this.peeked === NONE ? this.doPeek() : this.peeked;
    let result: string;
    if (p === UNQUOTED) result = this.unquotedValue();
    else if (p === SINGLE_QUOTED) result = this.quotedValue("'");
    else if (p === DOUBLE_QUOTED) result = this.quotedValue('"');
    else if (p === LONG) result = this.peekedLong.toString();
    else if (p === NUMBER) {
      result = this.text.substr(this.pos, this.numberLength);
      this.pos += this.numberLength;
    } else throw new JsonReadError('java.lang.IllegalStateException', `Expected a string but was ${TOKENS[p]}${this.location()}`);
    this.peeked = NONE;
    this.pathIndices[this.top]!++;
    return result;
  }

  nextBoolean(): boolean {
    const p = this.peeked === NONE ? this.doPeek() : this.peeked;
    if (p !== TRUE && p !== FALSE) {
      throw new JsonReadError('java.lang.IllegalStateException', `Expected a boolean but was ${TOKENS[p]}${this.location()}`);
    }
    this.peeked = NONE;
    this.pathIndices[this.top]!++;
    return p === TRUE;
  }

  nextNull(): void {
    this.expect(NULL);
    this.pathIndices[this.top]!++;
  }

  private doPeek(): number {
    const scope = this.stack[this.top]!;
    if (scope === EMPTY_ARRAY) this.stack[this.top] = NONEMPTY_ARRAY;
    else if (scope === NONEMPTY_ARRAY) {
      const c = this.nextNonWhitespace(true);
      if (c === ']') return (this.peeked = END_ARRAY);
      if (c === ';') this.checkLenient();
      else if (c !== ',') throw this.syntaxError('Unterminated array');
    } else if (scope === EMPTY_OBJECT || scope === NONEMPTY_OBJECT) {
      return this.peekName(scope);
    } else if (scope === DANGLING_NAME) {
      this.stack[this.top] = NONEMPTY_OBJECT;
      const c = this.nextNonWhitespace(true);
      if (c === '=') {
        this.checkLenient();
        if (this.text[this.pos] === '>') this.pos++;
      } else if (c !== ':') throw this.syntaxError("Expected ':'");
    } else if (scope === EMPTY_DOCUMENT) {
      if (this.lenient) this.consumeNonExecutePrefix();
      this.stack[this.top] = NONEMPTY_DOCUMENT;
    } else if (scope === NONEMPTY_DOCUMENT) {
      const c = this.nextNonWhitespace(false);
      if (c === undefined) return (this.peeked = EOF);
      this.checkLenient();
      this.pos--;
    }
    return this.peekValue(scope);
  }

  private peekName(scope: number): number {
    this.stack[this.top] = DANGLING_NAME;
    if (scope === NONEMPTY_OBJECT) {
      const c = this.nextNonWhitespace(true);
      if (c === '}') return (this.peeked = END_OBJECT);
      if (c === ';') this.checkLenient();
      else if (c !== ',') throw this.syntaxError('Unterminated object');
    }
    const c = this.nextNonWhitespace(true);
    if (c === '"') return (this.peeked = DOUBLE_QUOTED_NAME);
    if (c === "'") {
      this.checkLenient();
      return (this.peeked = SINGLE_QUOTED_NAME);
    }
    if (c === '}') {
      if (scope !== NONEMPTY_OBJECT) return (this.peeked = END_OBJECT);
      throw this.syntaxError('Expected name');
    }
    this.checkLenient();
    this.pos--;
    if (this.isLiteral(c!)) return (this.peeked = UNQUOTED_NAME);
    throw this.syntaxError('Expected name');
  }

  private peekValue(scope: number): number {
    const c = this.nextNonWhitespace(true)!;
    switch (c) {
      case ']':
        if (scope === EMPTY_ARRAY) return (this.peeked = END_ARRAY);
        return this.emptyElement(scope);
      case ';':
      case ',':
        return this.emptyElement(scope);
      case "'":
        this.checkLenient();
        return (this.peeked = SINGLE_QUOTED);
      case '"':
        return (this.peeked = DOUBLE_QUOTED);
      case '[':
        return (this.peeked = BEGIN_ARRAY);
      case '{':
        return (this.peeked = BEGIN_OBJECT);
      default:
        this.pos--;
    }
    const keyword = this.peekKeyword();
    if (keyword !== NONE) return keyword;
    const number = this.peekNumber();
    if (number !== NONE) return number;
    if (!this.isLiteral(this.text[this.pos]!)) throw this.syntaxError('Expected value');
    this.checkLenient();
    return (this.peeked = UNQUOTED);
  }

  /** A separator or `]` where an array element is expected: leniently a null element. */
  private emptyElement(scope: number): number {
    if (scope !== EMPTY_ARRAY && scope !== NONEMPTY_ARRAY) throw this.syntaxError('Unexpected value');
    this.checkLenient();
    this.pos--;
    return (this.peeked = NULL);
  }

  private peekKeyword(): number {
    const first = this.text[this.pos]!.toLowerCase();
    const keyword = first === 't' ? 'true' : first === 'f' ? 'false' : first === 'n' ? 'null' : undefined;
    if (keyword === undefined) return NONE;
    for (let i = 1; i < keyword.length; i++) {
      const c = this.text[this.pos + i];
      if (c !== keyword[i] && c !== keyword[i]!.toUpperCase()) return NONE;
    }
    const after = this.text[this.pos + keyword.length];
    if (after !== undefined && this.isLiteral(after)) return NONE;
    this.pos += keyword.length;
    return (this.peeked = keyword === 'true' ? TRUE : keyword === 'false' ? FALSE : NULL);
  }

  private peekNumber(): number {
    const t = this.text;
    let value = 0n;
    let negative = false;
    let fitsInLong = true;
    let last = 'none';
    let i = 0;
    for (; ; i++) {
      if (this.pos + i === t.length) break;
      if (i === BUFFER_SIZE) return NONE;
      const c = t[this.pos + i]!;
      if (c === '-') {
        if (last === 'none') {
          negative = true;
          last = 'sign';
        } else if (last === 'e') last = 'expSign';
        else return NONE;
      } else if (c === '+') {
        if (last !== 'e') return NONE;
        last = 'expSign';
      } else if (c === 'e' || c === 'E') {
        if (last !== 'digit' && last !== 'fraction') return NONE;
        last = 'e';
      } else if (c === '.') {
        if (last !== 'digit') return NONE;
        last = 'decimal';
      } else if (c >= '0' && c <= '9') {
        const d = BigInt(c.charCodeAt(0) - 48);
        if (last === 'sign' || last === 'none') {
          value = -d;
          last = 'digit';
        } else if (last === 'digit') {
          if (value === 0n) return NONE;
          value = value * 10n - d;
          fitsInLong &&= value >= LONG_MIN;
        } else if (last === 'decimal') last = 'fraction';
        else if (last === 'e' || last === 'expSign') last = 'expDigit';
      } else {
        if (!this.isLiteral(c)) break;
        return NONE;
      }
    }
    if (last === 'digit' && fitsInLong && (value !== LONG_MIN || negative) && (value !== 0n || !negative)) {
      this.peekedLong = negative ? value : -value;
      this.pos += i;
      return (this.peeked = LONG);
    }
    if (last === 'digit' || last === 'fraction' || last === 'expDigit') {
      this.numberLength = i;
      return (this.peeked = NUMBER);
    }
    return NONE;
  }

  private isLiteral(c: string): boolean {
    switch (c) {
      case '/':
      case '\\':
      case ';':
      case '#':
      case '=':
        this.checkLenient();
        return false;
      case '{': case '}': case '[': case ']': case ':': case ',': case ' ': case '\t': case '\f': case '\r': case '\n':
        return false;
      default:
        return true;
    }
  }

  /** The next significant character (skipping whitespace and, leniently, comments). */
  private nextNonWhitespace(throwOnEof: boolean): string | undefined {
    const t = this.text;
    while (this.pos < t.length) {
      const c = t[this.pos++]!;
      if (c === '\n') {
        this.line++;
        this.lineStart = this.pos;
      } else if (c === ' ' || c === '\r' || c === '\t') {
        continue;
      } else if (c === '/') {
        if (this.pos === t.length) return c;
        this.checkLenient();
        const next = t[this.pos];
        if (next === '*') {
          this.pos++;
          if (!this.skipTo('*/')) throw this.syntaxError('Unterminated comment');
          this.pos += 2;
        } else if (next === '/') {
          this.pos++;
          this.skipToEndOfLine();
        } else return c;
      } else if (c === '#') {
        this.checkLenient();
        this.skipToEndOfLine();
      } else return c;
    }
    if (throwOnEof) throw new JsonReadError('java.io.EOFException', 'End of input' + this.location());
    return undefined;
  }

  private skipToEndOfLine(): void {
    while (this.pos < this.text.length) {
      const c = this.text[this.pos++];
      if (c === '\n') {
        this.line++;
        this.lineStart = this.pos;
        return;
      }
      if (c === '\r') return;
    }
  }

  private skipTo(target: string): boolean {
    for (; this.pos + target.length <= this.text.length; this.pos++) {
      if (this.text[this.pos] === '\n') {
        this.line++;
        this.lineStart = this.pos + 1;
        continue;
      }
      if (this.text.startsWith(target, this.pos)) return true;
    }
    return false;
  }

  private consumeNonExecutePrefix(): void {
    this.nextNonWhitespace(true);
    this.pos--;
    if (this.text.startsWith(")]}'\n", this.pos)) this.pos += 5;
  }

  private quotedValue(quote: string): string {
    let out = '';
    const t = this.text;
    while (this.pos < t.length) {
      const c = t[this.pos++]!;
      if (c === quote) return out;
      if (c === '\\') out += this.escapeCharacter();
      else {
        if (c === '\n') {
          this.line++;
          this.lineStart = this.pos;
        }
        out += c;
      }
    }
    throw this.syntaxError('Unterminated string');
  }

  private unquotedValue(): string {
    const start = this.pos;
    while (this.pos < this.text.length && this.isLiteral(this.text[this.pos]!)) this.pos++;
    return this.text.slice(start, this.pos);
  }

  private escapeCharacter(): string {
    if (this.pos === this.text.length) throw this.syntaxError('Unterminated escape sequence');
    const escaped = this.text[this.pos++]!;
    switch (escaped) {
      case 'u': {
        if (this.pos + 4 > this.text.length) throw this.syntaxError('Unterminated escape sequence');
        const hex = this.text.substr(this.pos, 4);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw new JsonReadError('java.lang.NumberFormatException', `\\u${hex}`);
        this.pos += 4;
        return String.fromCharCode(parseInt(hex, 16));
      }
      case 't':
        return '\t';
      case 'b':
        return '\b';
      case 'n':
        return '\n';
      case 'r':
        return '\r';
      case 'f':
        return '\f';
      case '\n':
        this.line++;
        this.lineStart = this.pos;
        return escaped;
      case "'":
      case '"':
      case '\\':
      case '/':
        return escaped;
      default:
        throw this.syntaxError('Invalid escape sequence');
    }
  }
}
