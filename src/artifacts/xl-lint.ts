/**
 * A structural check of generated xl.cfg text (docs/artifacts.md §1.1, §1.5): xl silently
 * ignores unknown keys and lets a repeated key win, so a template — above all a site's
 * override — that writes a misspelt or duplicate key must be caught here. The check reads
 * the file with xl's lexical rules (keys, `=`/`+=`, quoted strings with their escapes,
 * numbers, nested lists, `#` comments, `;` or newline between statements) and reports
 * anything else as PF515.
 */
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { spanFromOffsets } from '../diagnostics/span.js';

/** The keys panfab writes or allows a site template to write. */
export const XL_KEYS: ReadonlySet<string> = new Set([
  'name', 'type', 'uuid', 'memory', 'maxmem', 'vcpus', 'maxvcpus', 'cpus', 'cpu_weight', 'cap',
  'kernel', 'ramdisk', 'cmdline', 'root', 'extra', 'bootloader', 'bootloader_args',
  'disk', 'vif', 'boot', 'serial', 'vnc', 'vnclisten', 'sdl', 'firmware', 'bios', 'vga', 'videoram',
  'on_poweroff', 'on_reboot', 'on_crash', 'on_watchdog', 'on_soft_reset', 'usb', 'usbdevice',
  'pci', 'vfb', 'vkb', 'channel', 'rtc_timeoffset', 'localtime', 'acpi', 'apic', 'pae', 'hap', 'viridian',
]);

/** Names for diagnostics: the generated file (the span's file) and its template. */
export interface XlSubject {
  readonly artifact?: string | undefined;
  readonly template?: string | undefined;
}

/** Checks xl.cfg text; returns PF515 diagnostics at the line of the generated file. */
export function lintXl(text: string, subject: XlSubject = {}): Diagnostic[] {
  const problems: { line: number; message: string }[] = [];
  const seen = new Set<string>();
  const lexer = new XlLexer(text);
  for (;;) {
    lexer.skipBlank(true);
    if (lexer.done()) break;
    const key = lexer.key();
    if (key === undefined) {
      problems.push({ line: lexer.line, message: 'expected a key' });
      break;
    }
    if (!XL_KEYS.has(key)) problems.push({ line: lexer.line, message: `unknown key ${key}` });
    if (seen.has(key)) problems.push({ line: lexer.line, message: `key ${key} is set twice` });
    seen.add(key);
    lexer.skipBlank(false);
    if (!lexer.eat('+=') && !lexer.eat('=')) {
      problems.push({ line: lexer.line, message: `expected = after ${key}` });
      break;
    }
    lexer.skipBlank(false);
    const error = lexer.value();
    if (error !== undefined) {
      problems.push({ line: lexer.line, message: error });
      break;
    }
    lexer.skipBlank(false);
    if (!lexer.done() && !lexer.eat(';') && !lexer.eat('\n')) {
      problems.push({ line: lexer.line, message: 'expected the end of the statement' });
      break;
    }
  }
  const from = subject.template === undefined ? '' : ` (rendered from ${subject.template})`;
  return problems.map((p) => diagnostic('PF515', `xl config: ${p.message}${from}`, lineSpan(text, p.line, subject.artifact)));
}

/** The span of line `line` of the generated text, when the file has a name. */
function lineSpan(text: string, line: number, file: string | undefined) {
  if (file === undefined) return undefined;
  let start = 0;
  for (let i = 1; i < line; i++) start = text.indexOf('\n', start) + 1;
  const end = text.indexOf('\n', start);
  return spanFromOffsets(file, text, start, Math.max(start + 1, end < 0 ? text.length : end));
}

/** xl's lexical rules, over one file. */
class XlLexer {
  private pos = 0;
  line = 1;

  constructor(private readonly text: string) {}

  done(): boolean {
    return this.pos >= this.text.length;
  }

  /** Skips spaces, tabs and comments; with `newlines`, also line ends and `;`. */
  skipBlank(newlines: boolean): void {
    while (!this.done()) {
      const c = this.text[this.pos]!;
      if (c === ' ' || c === '\t') this.pos++;
      else if (c === '#') while (!this.done() && this.text[this.pos] !== '\n') this.pos++;
      else if (newlines && (c === '\n' || c === ';')) this.advance();
      else break;
    }
  }

  key(): string | undefined {
    const m = /^[a-z][._0-9a-z]*/.exec(this.text.slice(this.pos, this.pos + 64));
    if (m === null) return undefined;
    this.pos += m[0].length;
    return m[0];
  }

  eat(token: string): boolean {
    if (!this.text.startsWith(token, this.pos)) return false;
    for (let i = 0; i < token.length; i++) this.advance();
    return true;
  }

  /** Reads a string, number or list; returns an error message or undefined. */
  value(): string | undefined {
    const c = this.text[this.pos];
    if (c === '"' || c === "'") return this.string(c);
    if (c !== undefined && /[0-9]/.test(c)) {
      const m = /^[0-9][0-9a-fx]*/.exec(this.text.slice(this.pos))!;
      this.pos += m[0].length;
      return undefined;
    }
    if (c === '[') return this.list();
    return 'expected a string, a number or a list';
  }

  private list(): string | undefined {
    this.advance();
    for (;;) {
      this.skipBlank(false);
      while (this.text[this.pos] === '\n') {
        this.advance();
        this.skipBlank(false);
      }
      if (this.eat(']')) return undefined;
      const error = this.value();
      if (error !== undefined) return error;
      this.skipBlank(false);
      while (this.text[this.pos] === '\n') {
        this.advance();
        this.skipBlank(false);
      }
      if (this.eat(',')) continue;
      if (this.eat(']')) return undefined;
      return 'expected , or ] in a list';
    }
  }

  private string(quote: string): string | undefined {
    this.advance();
    while (!this.done()) {
      const c = this.text[this.pos]!;
      if (c === '\n') return 'newline inside a string';
      if (c === quote) {
        this.advance();
        return undefined;
      }
      if (c === '\\') {
        const next = this.text[this.pos + 1] ?? '';
        if (!/["'\\abfnrtvx0-9]/.test(next)) return `invalid escape \\${next} in a string`;
        this.advance();
      }
      this.advance();
    }
    return 'unterminated string';
  }

  private advance(): void {
    if (this.text[this.pos] === '\n') this.line++;
    this.pos++;
  }
}
