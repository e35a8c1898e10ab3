/**
 * Whole-input matching of Java regular expressions (`Matcher.matches()`), for the message
 * regexes of panc's test expectations. Java syntax is translated by the project's Java regex
 * translator (src/pan/regex); the translation is then anchored at both ends of the input
 * with anchors that hold whatever flags the translation uses.
 */
import { DOTALL } from '../pan/regex/flags.js';
import { emitRegex } from '../pan/regex/emit.js';
import { parseJavaRegex } from '../pan/regex/parser.js';

export { RegexError } from '../pan/regex/errors.js';

export interface JavaRegexFlags {
  /** Pattern.DOTALL: `.` matches line terminators too. */
  readonly dotAll?: boolean;
}

/**
 * Compiles a Java regex into a JavaScript RegExp that tests whether the whole input matches.
 * Throws RegexError for Java syntax errors and constructs JavaScript cannot express.
 */
export function compileJavaRegexFullMatch(pattern: string, flags: JavaRegexFlags = {}): RegExp {
  const translation = emitRegex(parseJavaRegex(pattern, flags.dotAll ? DOTALL : 0));
  return new RegExp(`(?<![\\s\\S])(?:${translation.source})(?![\\s\\S])`, translation.flags);
}

/** True if the whole of `text` matches the Java regex (Pattern.DOTALL when `dotAll`). */
export function javaFullMatch(pattern: string, text: string, flags: JavaRegexFlags = {}): boolean {
  return compileJavaRegexFullMatch(pattern, flags).test(text);
}
