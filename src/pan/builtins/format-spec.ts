/**
 * Parsing of java.util.Formatter format strings: fixed text and format specifiers
 * `%[index$][flags][width][.precision][t]conversion`, with the checks Java performs when the
 * specifier is built (flag/conversion compatibility, width and precision rules).
 */

/** A Formatter exception; the message is Java's getMessage() text. */
export class FormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FormatError';
  }
}

/** Flag characters in the order Java's Flags.toString() prints them (`^` is upper case). */
const FLAG_ORDER = '-^#+ 0,(<';
const SPEC = /%(\d+\$)?([-#+ 0,(<]*)?(\d+)?(\.\d+)?([tT])?([a-zA-Z%])/y;
const SIMPLE_CONVERSIONS = new Set('bBhHsScCdoxXeEfgGaA%n');

/** A parsed format specifier. */
export class Spec {
  /** 0 ordinary, -1 previous (`<`), -2 no argument (`%%`, `%n`), else the 1-based index. */
  index = 0;
  flags = '';
  width = -1;
  precision = -1;
  /** Lower-case conversion character (`t` for date/time conversions). */
  conversion = '';
  upper = false;
  private dateTime = '';

  has(flag: string): boolean {
    return this.flags.includes(flag);
  }

  /** Flags as Java prints them. */
  flagText(withUpper: boolean): string {
    const all = this.flags + (withUpper && this.upper ? '^' : '');
    return [...FLAG_ORDER].filter((f) => all.includes(f)).join('');
  }

  /** The specifier as Java's FormatSpecifier.toString() writes it. */
  get text(): string {
    let s = '%' + this.flagText(false);
    if (this.index > 0) s += `${this.index}$`;
    if (this.width !== -1) s += this.width;
    if (this.precision !== -1) s += '.' + this.precision;
    if (this.conversion === 't') return s + (this.upper ? 'T' : 't') + this.dateTime;
    return s + (this.upper ? this.conversion.toUpperCase() : this.conversion);
  }

  mismatch(flag: string): FormatError {
    return new FormatError(`Conversion = ${this.conversion}, Flags = ${flag}`);
  }

  setConversion(c: string, dateTime: boolean): void {
    if (dateTime) {
      this.conversion = 't';
      this.dateTime = c;
      return;
    }
    if (!SIMPLE_CONVERSIONS.has(c)) throw new FormatError(`Conversion = '${c}'`);
    if (c !== c.toLowerCase()) {
      this.upper = true;
      c = c.toLowerCase();
    }
    this.conversion = c;
    if (c === '%' || c === 'n') this.index = -2;
  }
}

function parseFlags(spec: Spec, text: string): void {
  for (const c of text) {
    if (spec.flags.includes(c)) throw new FormatError(`Flags = '${c}'`);
    spec.flags += c;
  }
  if (spec.has('<')) spec.index = -1;
}

function badFlags(spec: Spec, flags: string): void {
  for (const f of flags) if (spec.has(f)) throw spec.mismatch(f);
}

function checkNumeric(spec: Spec): void {
  if (spec.width === -1 && (spec.has('-') || spec.has('0'))) throw new FormatError(spec.text);
  if ((spec.has('+') && spec.has(' ')) || (spec.has('-') && spec.has('0'))) {
    throw new FormatError(`Flags = '${spec.flagText(true)}'`);
  }
}

/** The checks java.util.Formatter makes when a specifier is created. */
function check(spec: Spec): void {
  const c = spec.conversion;
  if (c === 'b' || c === 'h' || c === 's') {
    if ((c === 'b' || c === 'h') && spec.has('#')) throw spec.mismatch('#');
    if (spec.width === -1 && spec.has('-')) throw new FormatError(spec.text);
    badFlags(spec, '+ 0,(');
  } else if (c === 'c') {
    if (spec.precision !== -1) throw new FormatError(String(spec.precision));
    badFlags(spec, '#+ 0,(');
    if (spec.width === -1 && spec.has('-')) throw new FormatError(spec.text);
  } else if (c === 'd' || c === 'o' || c === 'x') {
    checkNumeric(spec);
    if (spec.precision !== -1) throw new FormatError(String(spec.precision));
    badFlags(spec, c === 'd' ? '#' : ',');
  } else if (c === 'e' || c === 'f' || c === 'g' || c === 'a') {
    checkNumeric(spec);
    if (c === 'a') badFlags(spec, '(,');
    else if (c === 'e') badFlags(spec, ',');
    else if (c === 'g') badFlags(spec, '#');
  } else if (c === '%' || c === 'n') {
    if (spec.precision !== -1) throw new FormatError(String(spec.precision));
    if (c === '%') {
      if (spec.flags !== '' && spec.flags !== '-') throw new FormatError(`Flags = '${spec.flagText(true)}'`);
      if (spec.width === -1 && spec.has('-')) throw new FormatError(spec.text);
    } else {
      if (spec.width !== -1) throw new FormatError(String(spec.width));
      if (spec.flags !== '') throw new FormatError(`Flags = '${spec.flagText(true)}'`);
    }
  } else if (spec.precision !== -1) {
    throw new FormatError(String(spec.precision));
  }
}

function parseNumber(text: string, onOverflow: () => FormatError): number {
  const n = Number(text);
  if (n > 2147483647) throw onOverflow();
  return n;
}

/** A full specifier matched by the specifier pattern at `at`. */
function fullSpec(m: RegExpExecArray): Spec {
  const spec = new Spec();
  if (m[1] !== undefined) {
    const index = parseNumber(m[1].slice(0, -1), () => new FormatError('Format argument index: (not representable as int)'));
    if (index === 0) throw new FormatError('Illegal format argument index = 0');
    spec.index = index;
  }
  parseFlags(spec, m[2] ?? '');
  if (m[3] !== undefined) spec.width = parseNumber(m[3], () => new FormatError(String(-2147483648)));
  if (m[4] !== undefined) spec.precision = parseNumber(m[4].slice(1), () => new FormatError(String(-2147483648)));
  if (m[5] !== undefined) spec.upper = m[5] === 'T';
  spec.setConversion(m[6]!, m[5] !== undefined);
  check(spec);
  return spec;
}

/** Splits a format string into fixed text and specifiers, checking every specifier. */
export function parseFormat(format: string): (string | Spec)[] {
  const parts: (string | Spec)[] = [];
  let i = 0;
  while (i < format.length) {
    const n = format.indexOf('%', i);
    if (n < 0) {
      parts.push(format.slice(i));
      break;
    }
    if (n > i) parts.push(format.slice(i, n));
    if (n + 1 >= format.length) throw new FormatError("Conversion = '%'");
    const c = format[n + 1]!;
    if (SIMPLE_CONVERSIONS.has(c)) {
      const spec = new Spec();
      spec.setConversion(c, false);
      parts.push(spec);
      i = n + 2;
      continue;
    }
    SPEC.lastIndex = n;
    const m = SPEC.exec(format);
    if (m === null) throw new FormatError(`Conversion = '${c}'`);
    parts.push(fullSpec(m));
    i = SPEC.lastIndex;
  }
  return parts;
}
