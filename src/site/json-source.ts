/**
 * A strict JSON parser (RFC 8259) that keeps the source span of every value and object key,
 * so configuration problems can be reported at file:line:col. Syntax errors become a PF701
 * diagnostic at the offending character; the parser never throws.
 */
import { LineIndex } from '../../grammar/line-index.js';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Span } from '../diagnostics/span.js';

export type JsonNode =
  | { readonly kind: 'object'; readonly members: readonly JsonMember[]; readonly span: Span }
  | { readonly kind: 'array'; readonly items: readonly JsonNode[]; readonly span: Span }
  | { readonly kind: 'string'; readonly value: string; readonly span: Span }
  | { readonly kind: 'number'; readonly value: number; readonly span: Span }
  | { readonly kind: 'boolean'; readonly value: boolean; readonly span: Span }
  | { readonly kind: 'null'; readonly span: Span };

export interface JsonMember {
  readonly key: string;
  readonly keySpan: Span;
  readonly value: JsonNode;
}

export type JsonParse = { ok: true; node: JsonNode } | { ok: false; diagnostic: Diagnostic };

class JsonSyntaxError extends Error {
  constructor(readonly offset: number, message: string, readonly length = 1) {
    super(message);
  }
}

const ESCAPES: Readonly<Record<string, string>> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/** Parses JSON text; `file` names the file in spans. */
export function parseJsonSource(text: string, file: string): JsonParse {
  const lines = new LineIndex(file, text);
  const parser = new Parser(text, lines);
  try {
    const node = parser.document();
    return { ok: true, node };
  } catch (err) {
    if (!(err instanceof JsonSyntaxError)) throw err;
    const end = Math.min(text.length, err.offset + err.length);
    return { ok: false, diagnostic: diagnostic('PF701', `invalid JSON: ${err.message}`, lines.span(err.offset, Math.max(end, err.offset))) };
  }
}

class Parser {
  private pos = 0;

  constructor(private readonly text: string, private readonly lines: LineIndex) {}

  document(): JsonNode {
    if (this.text.charCodeAt(0) === 0xfeff) this.pos = 1;
    const node = this.value();
    this.skipSpace();
    if (this.pos < this.text.length) throw new JsonSyntaxError(this.pos, 'unexpected content after the JSON value');
    return node;
  }

  private value(): JsonNode {
    this.skipSpace();
    const start = this.pos;
    const c = this.text[this.pos];
    if (c === '{') return this.object();
    if (c === '[') return this.array();
    if (c === '"') return { kind: 'string', value: this.string(), span: this.span(start) };
    for (const [word, node] of [['true', true], ['false', false], ['null', null]] as const) {
      if (this.text.startsWith(word, this.pos)) {
        this.pos += word.length;
        const span = this.span(start);
        return node === null ? { kind: 'null', span } : { kind: 'boolean', value: node, span };
      }
    }
    NUMBER.lastIndex = this.pos;
    const m = NUMBER.exec(this.text);
    if (m !== null && m[0].length > 0) {
      this.pos += m[0].length;
      return { kind: 'number', value: Number(m[0]), span: this.span(start) };
    }
    throw new JsonSyntaxError(this.pos, c === undefined ? 'unexpected end of file' : `unexpected character '${c}'`);
  }

  private object(): JsonNode {
    const start = this.pos++;
    const members: JsonMember[] = [];
    this.skipSpace();
    if (this.text[this.pos] === '}') {
      this.pos++;
      return { kind: 'object', members, span: this.span(start) };
    }
    for (;;) {
      this.skipSpace();
      if (this.text[this.pos] !== '"') throw new JsonSyntaxError(this.pos, 'expected a property name in double quotes');
      const keyStart = this.pos;
      const key = this.string();
      const keySpan = this.span(keyStart);
      this.expect(':');
      members.push({ key, keySpan, value: this.value() });
      if (this.listEnd('}')) return { kind: 'object', members, span: this.span(start) };
    }
  }

  private array(): JsonNode {
    const start = this.pos++;
    const items: JsonNode[] = [];
    this.skipSpace();
    if (this.text[this.pos] === ']') {
      this.pos++;
      return { kind: 'array', items, span: this.span(start) };
    }
    for (;;) {
      items.push(this.value());
      if (this.listEnd(']')) return { kind: 'array', items, span: this.span(start) };
    }
  }

  /** After an element: true at the closing bracket (consumed), false after a comma. */
  private listEnd(close: string): boolean {
    this.skipSpace();
    const c = this.text[this.pos];
    if (c === close) {
      this.pos++;
      return true;
    }
    if (c === ',') {
      this.pos++;
      return false;
    }
    throw new JsonSyntaxError(this.pos, c === undefined ? 'unexpected end of file' : `expected ',' or '${close}'`);
  }

  private string(): string {
    const start = this.pos++;
    let out = '';
    for (;;) {
      const c = this.text[this.pos];
      if (c === undefined) throw new JsonSyntaxError(start, 'unterminated string', this.pos - start);
      if (c === '"') {
        this.pos++;
        return out;
      }
      if (c.charCodeAt(0) < 0x20) throw new JsonSyntaxError(this.pos, 'control character in a string');
      if (c === '\\') out += this.escape();
      else {
        out += c;
        this.pos++;
      }
    }
  }

  private escape(): string {
    const e = this.text[this.pos + 1];
    if (e === 'u') {
      const hex = this.text.slice(this.pos + 2, this.pos + 6);
      if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw new JsonSyntaxError(this.pos, 'invalid \\u escape', 2);
      this.pos += 6;
      return String.fromCharCode(Number.parseInt(hex, 16));
    }
    const decoded = e === undefined ? undefined : ESCAPES[e];
    if (decoded === undefined) throw new JsonSyntaxError(this.pos, 'invalid escape sequence', 2);
    this.pos += 2;
    return decoded;
  }

  private expect(c: string): void {
    this.skipSpace();
    if (this.text[this.pos] !== c) throw new JsonSyntaxError(this.pos, `expected '${c}'`);
    this.pos++;
  }

  private skipSpace(): void {
    while (this.pos < this.text.length && ' \t\n\r'.includes(this.text[this.pos]!)) this.pos++;
  }

  private span(start: number): Span {
    return this.lines.span(start, this.pos);
  }
}
