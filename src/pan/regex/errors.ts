/**
 * Errors of the Java regex translator: syntax errors Java itself reports (message formatted
 * like PatternSyntaxException) and valid Java constructs that have no JavaScript translation.
 */

/** A regular expression that cannot be used. `untranslatable` is false for Java syntax errors. */
export class RegexError extends Error {
  constructor(
    message: string,
    readonly untranslatable: boolean,
  ) {
    super(message);
    this.name = 'RegexError';
  }
}

/**
 * A Java syntax error, formatted as PatternSyntaxException.getMessage(): the description,
 * ` near index N` when known, the pattern, and a caret line when the index is inside it.
 */
export function javaSyntaxError(description: string, pattern: string, index: number): RegexError {
  let text = description;
  if (index >= 0) text += ` near index ${index}`;
  text += '\n' + pattern;
  if (index >= 0 && index < pattern.length) text += '\n' + ' '.repeat(index) + '^';
  return new RegexError(text, false);
}

/** A valid Java construct that the translator cannot express in JavaScript. */
export function untranslatable(what: string, pattern: string): RegexError {
  return new RegexError(`${what} cannot be translated to a JavaScript regular expression: ${pattern}`, true);
}
