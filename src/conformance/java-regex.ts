/**
 * Java regular expressions (java.util.regex) as JavaScript RegExps, for the message regexes
 * of panc's test expectations. The translation keeps Java's meaning where the two dialects
 * differ in ways these expressions can meet: `\s`, `\v`, `\h`, `\R`, `\Q...\E`, `\A`, `\z`,
 * `\Z`, `$` (which in Java also matches before a final line terminator), POSIX `\p{...}`
 * classes, leading inline flags, possessive quantifiers and atomic groups (matched greedily,
 * which only differs on backtracking-sensitive patterns). Constructs with no JavaScript
 * equivalent (class intersection, nested classes) raise an error instead of matching wrongly.
 */

const JAVA_SPACE = ' \\t\\n\\x0B\\f\\r';
const VERTICAL_SPACE = '\\n\\x0B\\f\\r\\x85\\u2028\\u2029';
const HORIZONTAL_SPACE = ' \\t\\xA0\\u1680\\u180e\\u2000-\\u200a\\u202f\\u205f\\u3000';
const LINE_TERMINATOR = '(?:\\r\\n|[\\n\\r\\x85\\u2028\\u2029])';

/** POSIX classes of java.util.regex (US-ASCII), as class contents. */
const POSIX: Record<string, string> = {
  Lower: 'a-z',
  Upper: 'A-Z',
  ASCII: '\\x00-\\x7F',
  Alpha: 'a-zA-Z',
  Digit: '0-9',
  Alnum: 'a-zA-Z0-9',
  Punct: '!-\\/:-@\\[-`{-~',
  Graph: '!-~',
  Print: ' -~',
  Blank: ' \\t',
  Cntrl: '\\x00-\\x1F\\x7F',
  XDigit: '0-9a-fA-F',
  Space: JAVA_SPACE,
};

/** Raised for a Java construct that cannot be translated faithfully. */
export class UnsupportedJavaRegex extends Error {}

export interface JavaRegexFlags {
  /** Pattern.DOTALL: `.` matches line terminators too. */
  readonly dotAll?: boolean;
}

/**
 * Compiles a Java regex for whole-input matching (`Matcher.matches()`): the result is anchored
 * at both ends. Throws UnsupportedJavaRegex or SyntaxError for patterns it cannot compile.
 */
export function compileJavaRegexFullMatch(pattern: string, flags: JavaRegexFlags = {}): RegExp {
  let source = pattern;
  let jsFlags = flags.dotAll ? 's' : '';
  const inline = /^\(\?([imsux]+)\)/.exec(source);
  if (inline) {
    for (const f of inline[1]!) {
      if (f === 'i' && !jsFlags.includes('i')) jsFlags += 'i';
      if (f === 's' && !jsFlags.includes('s')) jsFlags += 's';
      if (f === 'm' && !jsFlags.includes('m')) jsFlags += 'm';
    }
    source = source.slice(inline[0].length);
  }
  return new RegExp(`^(?:${translate(source)})$`, jsFlags);
}

/** True if the whole of `text` matches the Java regex (Pattern.DOTALL when `dotAll`). */
export function javaFullMatch(pattern: string, text: string, flags: JavaRegexFlags = {}): boolean {
  return compileJavaRegexFullMatch(pattern, flags).test(text);
}

function translate(src: string): string {
  let out = '';
  let inClass = false;
  let afterQuantifier = false;
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    const quantified: boolean = afterQuantifier;
    afterQuantifier = false;
    if (c === '\\') {
      const [text, consumed] = translateEscape(src, i, inClass);
      out += text;
      i += consumed - 1;
    } else if (inClass) {
      if (c === '[') throw new UnsupportedJavaRegex('nested character classes are not supported');
      if (c === '&' && src[i + 1] === '&') throw new UnsupportedJavaRegex('character class intersection is not supported');
      if (c === ']') inClass = false;
      out += c;
    } else if (c === '[') {
      inClass = true;
      out += c;
      if (src[i + 1] === '^') out += src[++i];
      if (src[i + 1] === ']') out += '\\' + src[++i];
    } else if (c === '$') {
      out += `(?=${LINE_TERMINATOR}?$)`;
    } else if (c === '(') {
      const [text, consumed] = translateGroupOpening(src, i);
      out += text;
      i += consumed - 1;
    } else if (c === '*' || c === '+' || c === '?') {
      // A '+' after a quantifier makes it possessive (matched greedily here); '?' makes it lazy.
      if (!(quantified && c === '+')) out += c;
      afterQuantifier = !quantified;
    } else if (c === '{' && /^\{\d+(?:,\d*)?\}/.test(src.slice(i))) {
      const bound = /^\{\d+(?:,\d*)?\}/.exec(src.slice(i))![0];
      out += bound;
      i += bound.length - 1;
      afterQuantifier = true;
    } else {
      out += c;
    }
  }
  if (inClass) throw new SyntaxError('unclosed character class');
  return out;
}

/** Translates a `(` and any group modifier after it; returns the text and the length consumed. */
function translateGroupOpening(src: string, i: number): [string, number] {
  if (src.startsWith('(?>', i)) return ['(?:', 3];
  if (/^\(\?[imsux-]+[:)]/.test(src.slice(i))) throw new UnsupportedJavaRegex('inline flags inside a pattern are not supported');
  const modifier = /^\((?:\?[:=!]|\?<[=!]|\?<[A-Za-z][A-Za-z0-9]*>)?/.exec(src.slice(i))![0];
  return [modifier, modifier.length];
}

/** Translates the escape starting at `i` (a backslash); returns the text and the length consumed. */
function translateEscape(src: string, i: number, inClass: boolean): [string, number] {
  const e = src[i + 1];
  if (e === undefined) throw new SyntaxError('trailing backslash');
  switch (e) {
    case 'Q': {
      const end = src.indexOf('\\E', i + 2);
      const literal = end < 0 ? src.slice(i + 2) : src.slice(i + 2, end);
      return [literal.replace(/[\\^$.*+?()[\]{}|\/-]/g, '\\$&'), (end < 0 ? src.length : end + 2) - i];
    }
    case 's':
      return [inClass ? JAVA_SPACE : `[${JAVA_SPACE}]`, 2];
    case 'S':
      return [inClass ? '\\S' : `[^${JAVA_SPACE}]`, 2];
    case 'v':
      return [inClass ? VERTICAL_SPACE : `[${VERTICAL_SPACE}]`, 2];
    case 'h':
      return [inClass ? HORIZONTAL_SPACE : `[${HORIZONTAL_SPACE}]`, 2];
    case 'R':
      if (inClass) throw new SyntaxError('\\R is not allowed in a character class');
      return [`(?:\\r\\n|[${VERTICAL_SPACE}])`, 2];
    case 'A':
      return ['^', 2];
    case 'z':
      return ['$', 2];
    case 'Z':
      return [`(?=${LINE_TERMINATOR}?$)`, 2];
    case 'e':
      return ['\\x1B', 2];
    case 'a':
      return ['\\x07', 2];
    case 'p':
    case 'P':
      return translateProperty(src, i, inClass);
    default:
      return ['\\' + e, 2];
  }
}

function translateProperty(src: string, i: number, inClass: boolean): [string, number] {
  const m = /^\\([pP])\{(?:Is)?([A-Za-z]+)\}/.exec(src.slice(i));
  const body = m ? POSIX[m[2]!] : undefined;
  if (!m || body === undefined) throw new UnsupportedJavaRegex(`unsupported property class in '${src.slice(i, i + 12)}'`);
  if (m[1] === 'P' && inClass) throw new UnsupportedJavaRegex('negated property inside a class is not supported');
  if (inClass) return [body, m[0].length];
  return [m[1] === 'P' ? `[^${body}]` : `[${body}]`, m[0].length];
}
