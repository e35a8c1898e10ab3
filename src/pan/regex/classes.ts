/**
 * Java's predefined character classes (\d \s \w \h \v and their complements), POSIX and
 * java.lang.Character classes (\p{Alpha}, \p{javaLowerCase}, ...), general categories,
 * binary properties and scripts, as character-set expressions. Results depend on the
 * CASE_INSENSITIVE and UNICODE_CHARACTER_CLASS flags exactly where Java's do.
 */
import { complement, intersect, prop, ranges, union, type SetExpr } from './charset.js';
import { CASE_INSENSITIVE, has, UNICODE_CHARACTER_CLASS } from './flags.js';

const ASCII_DIGIT = ranges([0x30, 0x39]);
const ASCII_SPACE = ranges([0x09, 0x0d], [0x20, 0x20]);
const ASCII_WORD = ranges([0x30, 0x39], [0x41, 0x5a], [0x5f, 0x5f], [0x61, 0x7a]);
const ASCII_ALPHA = ranges([0x41, 0x5a], [0x61, 0x7a]);
const HORIZONTAL_SPACE = ranges(
  [0x09, 0x09], [0x20, 0x20], [0xa0, 0xa0], [0x1680, 0x1680], [0x180e, 0x180e],
  [0x2000, 0x200a], [0x202f, 0x202f], [0x205f, 0x205f], [0x3000, 0x3000],
);
const VERTICAL_SPACE = ranges([0x0a, 0x0d], [0x85, 0x85], [0x2028, 0x2029]);
const UNICODE_WORD = prop('[\\p{Alphabetic}\\p{M}\\p{Nd}\\p{Pc}\\p{Join_Control}]');
const CASED_LETTER = prop('[\\p{Lu}\\p{Ll}\\p{Lt}]');
const CASED = prop('[\\p{Lowercase}\\p{Uppercase}\\p{Lt}]');
const UNICODE_GRAPH = prop('[^\\p{White_Space}\\p{Cc}\\p{Cs}\\p{Cn}]');
const UNICODE_BLANK = prop('[\\t\\p{Zs}]');

/** \d \s \w \h \v (lower case) and their complements (upper case) for the given flags. */
export function predefinedClass(letter: string, flags: number): SetExpr {
  const unicode = has(flags, UNICODE_CHARACTER_CLASS);
  let base: SetExpr;
  switch (letter.toLowerCase()) {
    case 'd':
      base = unicode ? prop('\\p{Nd}') : ASCII_DIGIT;
      break;
    case 's':
      base = unicode ? prop('\\p{White_Space}') : ASCII_SPACE;
      break;
    case 'w':
      base = unicode ? UNICODE_WORD : ASCII_WORD;
      break;
    case 'h':
      base = HORIZONTAL_SPACE;
      break;
    default:
      base = VERTICAL_SPACE;
  }
  return letter === letter.toUpperCase() ? complement(base) : base;
}

/** The characters Java's \b considers word characters, as a JavaScript class. */
export function wordBoundaryClass(flags: number): string {
  return has(flags, UNICODE_CHARACTER_CLASS)
    ? '[\\p{Alphabetic}\\p{M}\\p{Nd}\\p{Pc}\\p{Join_Control}]'
    : '[\\p{L}\\p{Nd}_]';
}

const ASCII_POSIX: Readonly<Record<string, SetExpr>> = {
  Lower: ranges([0x61, 0x7a]),
  Upper: ranges([0x41, 0x5a]),
  ASCII: ranges([0x00, 0x7f]),
  Alpha: ASCII_ALPHA,
  Digit: ASCII_DIGIT,
  Alnum: ranges([0x30, 0x39], [0x41, 0x5a], [0x61, 0x7a]),
  Punct: ranges([0x21, 0x2f], [0x3a, 0x40], [0x5b, 0x60], [0x7b, 0x7e]),
  Graph: ranges([0x21, 0x7e]),
  Print: ranges([0x20, 0x7e]),
  Blank: ranges([0x09, 0x09], [0x20, 0x20]),
  Cntrl: ranges([0x00, 0x1f], [0x7f, 0x7f]),
  XDigit: ranges([0x30, 0x39], [0x41, 0x46], [0x61, 0x66]),
  Space: ASCII_SPACE,
};

const JAVA_CHARACTER: Readonly<Record<string, string>> = {
  javaLowerCase: '\\p{Lowercase}',
  javaUpperCase: '\\p{Uppercase}',
  javaAlphabetic: '\\p{Alphabetic}',
  javaIdeographic: '\\p{Ideographic}',
  javaTitleCase: '\\p{Lt}',
  javaDigit: '\\p{Nd}',
  javaDefined: '\\P{Cn}',
  javaLetter: '\\p{L}',
  javaLetterOrDigit: '[\\p{L}\\p{Nd}]',
  javaJavaIdentifierStart: '[\\p{L}\\p{Nl}\\p{Sc}\\p{Pc}]',
  javaJavaIdentifierPart:
    '[\\p{L}\\p{Nl}\\p{Sc}\\p{Pc}\\p{Nd}\\p{Mn}\\p{Mc}\\u{0}-\\u{8}\\u{e}-\\u{1b}\\u{7f}-\\u{9f}\\p{Cf}]',
  javaUnicodeIdentifierStart: '[\\p{ID_Start}]',
  javaUnicodeIdentifierPart: '[\\p{ID_Continue}\\u{0}-\\u{8}\\u{e}-\\u{1b}\\u{7f}-\\u{9f}\\p{Cf}]',
  javaIdentifierIgnorable: '[\\u{0}-\\u{8}\\u{e}-\\u{1b}\\u{7f}-\\u{9f}\\p{Cf}]',
  javaSpaceChar: '[\\p{Zs}\\p{Zl}\\p{Zp}]',

  javaISOControl: '[\\u{0}-\\u{1f}\\u{7f}-\\u{9f}]',
  javaMirrored: '\\p{Bidi_Mirrored}',
};

/** Character.isWhitespace: separators except no-break spaces, and the ASCII/FS-US controls. */
const JAVA_WHITESPACE = intersect([
  prop('[\\t-\\r\\u{1c}-\\u{1f}\\p{Zs}\\p{Zl}\\p{Zp}]'),
  complement(ranges([0xa0, 0xa0], [0x2007, 0x2007], [0x202f, 0x202f])),
]);

const CATEGORIES = new Set([
  'Cn', 'Lu', 'Ll', 'Lt', 'Lm', 'Lo', 'Mn', 'Me', 'Mc', 'Nd', 'Nl', 'No', 'Zs', 'Zl', 'Zp', 'Cc',
  'Cf', 'Co', 'Cs', 'Pd', 'Ps', 'Pe', 'Pc', 'Po', 'Sm', 'Sc', 'Sk', 'So', 'Pi', 'Pf', 'L', 'M',
  'N', 'Z', 'C', 'P', 'S',
]);

/** Java's CharPredicates.forProperty: categories, POSIX names and java.lang.Character classes. */
function forProperty(name: string, flags: number): SetExpr | undefined {
  const ci = has(flags, CASE_INSENSITIVE);
  if (ci && (name === 'Lu' || name === 'Ll' || name === 'Lt')) return CASED_LETTER;
  if (ci && (name === 'Lower' || name === 'Upper')) return ASCII_ALPHA;
  if (ci && (name === 'javaLowerCase' || name === 'javaUpperCase')) return CASED;
  if (CATEGORIES.has(name)) return prop(`\\p{${name}}`);
  switch (name) {
    case 'LC':
      return CASED_LETTER;
    case 'LD':
      return prop('[\\p{L}\\p{Nd}]');
    case 'L1':
      return ranges([0x00, 0xff]);
    case 'all':
      return prop('[\\s\\S]');
  }
  if (Object.hasOwn(ASCII_POSIX, name)) return ASCII_POSIX[name];
  if (name === 'javaWhitespace') return JAVA_WHITESPACE;
  if (Object.hasOwn(JAVA_CHARACTER, name)) return prop(JAVA_CHARACTER[name]!);
  return undefined;
}

/** Java's forPOSIXName under UNICODE_CHARACTER_CLASS (names are case-insensitive). */
function forUnicodePosix(name: string, flags: number): SetExpr | undefined {
  const ci = has(flags, CASE_INSENSITIVE);
  switch (name.toUpperCase()) {
    case 'ALPHA':
      return prop('\\p{Alphabetic}');
    case 'LOWER':
      return ci ? CASED : prop('\\p{Lowercase}');
    case 'UPPER':
      return ci ? CASED : prop('\\p{Uppercase}');
    case 'SPACE':
      return prop('\\p{White_Space}');
    case 'PUNCT':
      return prop('\\p{P}');
    case 'XDIGIT':
      return prop('[\\p{Nd}\\p{Hex_Digit}]');
    case 'ALNUM':
      return prop('[\\p{Alphabetic}\\p{Nd}]');
    case 'CNTRL':
      return prop('\\p{Cc}');
    case 'DIGIT':
      return prop('\\p{Nd}');
    case 'BLANK':
      return UNICODE_BLANK;
    case 'GRAPH':
      return UNICODE_GRAPH;
    case 'PRINT':
      return intersect([union([UNICODE_GRAPH, UNICODE_BLANK]), complement(prop('\\p{Cc}'))]);
    default:
      return undefined;
  }
}

/** Java's forUnicodeProperty: binary properties named after `Is` (case-insensitive). */
function forUnicodeProperty(name: string, flags: number): SetExpr | undefined {
  const ci = has(flags, CASE_INSENSITIVE);
  switch (name.toUpperCase()) {
    case 'ALPHABETIC':
      return prop('\\p{Alphabetic}');
    case 'ASSIGNED':
      return prop('\\P{Cn}');
    case 'CONTROL':
      return prop('\\p{Cc}');
    case 'HEXDIGIT':
    case 'HEX_DIGIT':
      return prop('[\\p{Nd}\\p{Hex_Digit}]');
    case 'IDEOGRAPHIC':
      return prop('\\p{Ideographic}');
    case 'JOINCONTROL':
    case 'JOIN_CONTROL':
      return prop('\\p{Join_Control}');
    case 'LETTER':
      return prop('\\p{L}');
    case 'LOWERCASE':
      return ci ? CASED : prop('\\p{Lowercase}');
    case 'UPPERCASE':
      return ci ? CASED : prop('\\p{Uppercase}');
    case 'TITLECASE':
      return ci ? CASED : prop('\\p{Lt}');
    case 'NONCHARACTERCODEPOINT':
    case 'NONCHARACTER_CODE_POINT':
      return prop('\\p{Noncharacter_Code_Point}');
    case 'PUNCTUATION':
      return prop('\\p{P}');
    case 'WHITESPACE':
    case 'WHITE_SPACE':
      return prop('\\p{White_Space}');
    case 'WORD':
      return UNICODE_WORD;
    case 'DIGIT':
      return prop('\\p{Nd}');
    case 'ALNUM':
      return prop('[\\p{Alphabetic}\\p{Nd}]');
    case 'BLANK':
      return UNICODE_BLANK;
    case 'GRAPH':
      return UNICODE_GRAPH;
    case 'PRINT':
      return forUnicodePosix('PRINT', flags);
    default:
      return undefined;
  }
}

const SCRIPT_SPECIAL_NAMES: Readonly<Record<string, string>> = { SIGNWRITING: 'SignWriting' };

function titleCase(name: string): string {
  return name
    .toLowerCase()
    .split('_')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('_');
}

function isJsScript(name: string): boolean {
  if (!/^[A-Za-z_]+$/.test(name)) return false;
  try {
    new RegExp(`\\p{Script=${name}}`, 'u');
    return true;
  } catch {
    return false;
  }
}

/** Java's UnicodeScript.forName (case-insensitive full names and four-letter aliases). */
function forUnicodeScript(name: string): SetExpr | undefined {
  const upper = name.toUpperCase();
  const candidate = SCRIPT_SPECIAL_NAMES[upper] ?? titleCase(upper);
  return isJsScript(candidate) ? prop(`\\p{Script=${candidate}}`) : undefined;
}

/** Why a property name could not be resolved. */
export type PropertyFailure = { readonly unknown: string } | { readonly block: string };

/**
 * Resolves the name inside \p{...} (or the single letter of \pL) as Java's Pattern.family()
 * does. Returns the set, or a failure: an unknown name (Java's error text) or a Unicode block,
 * which Java accepts but JavaScript regular expressions cannot express.
 */
export function propertyClass(name: string, flags: number): SetExpr | PropertyFailure {
  const eq = name.indexOf('=');
  if (eq >= 0) {
    const key = name.slice(0, eq).toLowerCase();
    const value = name.slice(eq + 1);
    let set: SetExpr | undefined;
    if (key === 'sc' || key === 'script') set = forUnicodeScript(value);
    else if (key === 'gc' || key === 'general_category') set = forProperty(value, flags);
    else if (key === 'blk' || key === 'block') return { block: name };
    return set ?? { unknown: `Unknown Unicode property {name=<${key}>, value=<${value}>}` };
  }
  let set: SetExpr | undefined;
  if (name.startsWith('In')) return { block: name };
  if (name.startsWith('Is')) {
    const short = name.slice(2);
    set = forUnicodeProperty(short, flags) ?? forProperty(short, flags) ?? forUnicodeScript(short);
  } else {
    if (has(flags, UNICODE_CHARACTER_CLASS)) set = forUnicodePosix(name, flags);
    set ??= forProperty(name, flags);
  }
  return set ?? { unknown: `Unknown character property name {${name}}` };
}
