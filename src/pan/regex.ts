/**
 * Java regular expressions for Pan: compiles Java syntax (java.util.regex.Pattern) into a
 * cached JavaScript RegExp through the translator in ./regex/, and provides the Java matching
 * operations Pan's built-ins use: find, group extraction, Matcher.replaceAll (with Java's
 * replacement syntax) and Pattern.split (with Java's limit rules).
 */
import { emitRegex } from './regex/emit.js';
import { RegexError } from './regex/errors.js';
import { CASE_INSENSITIVE, COMMENTS, DOTALL, MULTILINE, UNICODE_CASE } from './regex/flags.js';
import { parseJavaRegex } from './regex/parser.js';

export { RegexError } from './regex/errors.js';
export * as RegexFlags from './regex/flags.js';

/** A successful match: bounds in UTF-16 units and the Java groups (undefined if not set). */
export interface JavaMatch {
  readonly start: number;
  readonly end: number;
  /** Group 0 (the whole match) followed by every Java capture group. */
  readonly groups: readonly (string | undefined)[];
}

/** Raised by replaceAll for a replacement string Java's Matcher rejects. */
export class ReplacementError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReplacementError';
  }
}

const FLAG_LETTERS: Readonly<Record<string, number>> = {
  i: CASE_INSENSITIVE,
  s: DOTALL,
  m: MULTILINE,
  u: UNICODE_CASE,
  x: COMMENTS,
};

/** The first character of a match()/matches() flags string that is not a valid flag. */
export function invalidMatchFlag(flags: string): string | undefined {
  for (const c of flags) if (!Object.hasOwn(FLAG_LETTERS, c)) return c;
  return undefined;
}

/** Pattern flags for a valid match()/matches() flags string (`i s m u x`). */
export function matchFlags(flags: string): number {
  let bits = 0;
  for (const c of flags) bits |= FLAG_LETTERS[c] ?? 0;
  return bits;
}

/** A compiled Java regular expression. */
export class JavaRegex {
  private constructor(
    readonly pattern: string,
    private readonly re: RegExp,
    private readonly groupMap: readonly number[],
    /** Number of Java capture groups. */
    readonly groupCount: number,
    private readonly names: ReadonlyMap<string, number>,
  ) {}

  /** Compiles a pattern; throws RegexError (Java syntax error or untranslatable construct). */
  static compile(pattern: string, flags: number): JavaRegex {
    const parsed = parseJavaRegex(pattern, flags);
    const t = emitRegex(parsed);
    let re: RegExp;
    try {
      re = new RegExp(t.source, t.flags);
    } catch (e) {
      const reason = e instanceof Error ? e.message : String(e);
      throw new RegexError(`the pattern cannot be translated to a JavaScript regular expression (${reason}): ${pattern}`, true);
    }
    return new JavaRegex(pattern, re, t.groupMap, parsed.groupCount, parsed.names);
  }

  /** Matcher.find() starting the search at `from`. */
  find(input: string, from = 0): JavaMatch | undefined {
    if (from > input.length) return undefined;
    this.re.lastIndex = from;
    const m = this.re.exec(input);
    if (m === null) return undefined;
    const groups: (string | undefined)[] = [];
    for (let g = 0; g <= this.groupCount; g++) groups.push(m[this.groupMap[g] ?? -1]);
    return { start: m.index, end: m.index + m[0].length, groups };
  }

  /** Every match in order, with Java's rule for advancing after an empty match. */
  *findAll(input: string): Generator<JavaMatch> {
    for (let m = this.find(input, 0); m !== undefined; m = this.find(input, JavaRegex.next(m.start, m.end))) yield m;
  }

  /** Where the search goes on after a match (Java's rule: one further after an empty match). */
  private static next(start: number, end: number): number {
    return end === start ? end + 1 : end;
  }

  /** The bounds of the next match at or after `from` (no groups), or undefined. */
  private bounds(input: string, from: number): RegExpExecArray | undefined {
    if (from > input.length) return undefined;
    this.re.lastIndex = from;
    return this.re.exec(input) ?? undefined;
  }

  /** True if the pattern matches anywhere in the input. */
  test(input: string): boolean {
    return this.bounds(input, 0) !== undefined;
  }

  /** Matcher.replaceAll: `$n`, `${name}` group references and `\` escapes in `replacement`. */
  replaceAll(input: string, replacement: string): string {
    let out = '';
    let last = 0;
    let parts: ReplacementPart[] | undefined;
    for (let m = this.find(input, 0); m !== undefined; m = this.find(input, JavaRegex.next(m.start, m.end))) {
      parts ??= this.parseReplacement(replacement);
      out += input.slice(last, m.start);
      for (const p of parts) out += typeof p === 'string' ? p : (m.groups[p] ?? '');
      last = m.end;
    }
    return parts === undefined ? input : out + input.slice(last);
  }

  /** Pattern.split(input, limit). */
  split(input: string, limit: number): string[] {
    const pieces: string[] = [];
    let index = 0;
    const limited = limit > 0;
    for (let m = this.bounds(input, 0); m !== undefined; ) {
      const start = m.index;
      const end = start + m[0].length;
      if (!limited || pieces.length < limit - 1) {
        if (!(index === 0 && start === 0 && start === end)) {
          pieces.push(input.slice(index, start));
          index = end;
        }
      } else if (pieces.length === limit - 1) {
        pieces.push(input.slice(index));
        index = end;
      }
      m = this.bounds(input, JavaRegex.next(start, end));
    }
    if (index === 0) return [input];
    if (!limited || pieces.length < limit) pieces.push(input.slice(index));
    if (limit === 0) while (pieces.length > 0 && pieces[pieces.length - 1] === '') pieces.pop();
    return pieces;
  }

  /** Splits a Java replacement string into literal text and group numbers. */
  private parseReplacement(replacement: string): ReplacementPart[] {
    const parts: ReplacementPart[] = [];
    let text = '';
    let i = 0;
    while (i < replacement.length) {
      const c = replacement[i]!;
      if (c === '\\') {
        i++;
        if (i === replacement.length) throw new ReplacementError('character to be escaped is missing');
        text += replacement[i++];
      } else if (c === '$') {
        i++;
        if (i === replacement.length) throw new ReplacementError('Illegal group reference: group index is missing');
        const [group, next] = this.groupReference(replacement, i);
        parts.push(text, group);
        text = '';
        i = next;
      } else {
        text += c;
        i++;
      }
    }
    parts.push(text);
    return parts;
  }

  /** A `$` group reference starting at `i` (just after the `$`): [group, index after it]. */
  private groupReference(s: string, start: number): [number, number] {
    let i = start;
    if (s[i] === '{') {
      i++;
      const name = /^[A-Za-z0-9]*/.exec(s.slice(i))![0];
      i += name.length;
      if (name.length === 0) throw new ReplacementError('named capturing group has 0 length name');
      if (s[i] !== '}') throw new ReplacementError("named capturing group is missing trailing '}'");
      if (/^[0-9]/.test(name)) throw new ReplacementError(`capturing group name {${name}} starts with digit character`);
      const n = this.names.get(name);
      if (n === undefined) throw new ReplacementError(`No group with name {${name}}`);
      return [n, i + 1];
    }
    let ref = s.charCodeAt(i) - 0x30;
    if (ref < 0 || ref > 9) throw new ReplacementError('Illegal group reference');
    i++;
    while (i < s.length) {
      const d = s.charCodeAt(i) - 0x30;
      if (d < 0 || d > 9 || this.groupCount < ref * 10 + d) break;
      ref = ref * 10 + d;
      i++;
    }
    if (ref > this.groupCount) throw new ReplacementError(`No group ${ref}`);
    return [ref, i];
  }
}

type ReplacementPart = string | number;

const CACHE_LIMIT = 1000;
/** Compiled patterns by flags, then by pattern text. */
const cache = new Map<number, Map<string, JavaRegex>>();
let cached = 0;

/**
 * Compiles a Java regular expression with the given Pattern flags (see RegexFlags), using a
 * cache. Throws RegexError: `untranslatable` false for Java syntax errors (the message is
 * Java's PatternSyntaxException text), true for valid Java that JavaScript cannot express.
 */
export function compileJavaRegex(pattern: string, flags = 0): JavaRegex {
  let byPattern = cache.get(flags);
  if (byPattern === undefined) {
    byPattern = new Map();
    cache.set(flags, byPattern);
  }
  let re = byPattern.get(pattern);
  if (re === undefined) {
    re = JavaRegex.compile(pattern, flags);
    if (++cached > CACHE_LIMIT) {
      cache.clear();
      cached = 1;
      byPattern = new Map();
      cache.set(flags, byPattern);
    }
    byPattern.set(pattern, re);
  }
  return re;
}
