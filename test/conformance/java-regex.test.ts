import { compileJavaRegexFullMatch, javaFullMatch, RegexError } from '../../src/conformance/java-regex.js';

describe('Java regex whole-match semantics', () => {
  it('requires the whole message to match', () => {
    expect(javaFullMatch('abc', 'abc')).toBe(true);
    expect(javaFullMatch('abc', 'xabc')).toBe(false);
    expect(javaFullMatch('abc', 'abcx')).toBe(false);
    expect(javaFullMatch('a|b', 'b')).toBe(true);
    expect(javaFullMatch('a|bc', 'ac')).toBe(false);
  });

  it('lets . match line ends only with DOTALL', () => {
    const message = 'evaluation error [c.pan:1.1-1.5]\nuser-initiated error\n>>> [c.pan:1.1-1.5]\n';
    expect(javaFullMatch('.*c\\.pan.*c\\.pan.*', message, { dotAll: true })).toBe(true);
    expect(javaFullMatch('.*c\\.pan.*c\\.pan.*', message)).toBe(false);
  });

  it('matches the message fragments used by the suite', () => {
    const msg = "syntax error [x/bug-gh-37.pan:12.18-12.28]\ninvalid default\n";
    expect(javaFullMatch('.*bug-gh-37\\.pan:12\\.18\\-12\\.28.*', msg, { dotAll: true })).toBe(true);
    expect(javaFullMatch(".*variable named 't\\[3\\]' is undefined.*", "e\nvariable named 't[3]' is undefined\n", { dotAll: true })).toBe(true);
    expect(javaFullMatch('.*JSON path \'\\$\\.a\\.0\' is not a valid PAN path.*', "JSON path '$.a.0' is not a valid PAN path", { dotAll: true })).toBe(true);
  });

  it("uses Java's ASCII \\s", () => {
    expect(javaFullMatch('a\\sb', 'a\u00a0b')).toBe(false);
    expect(javaFullMatch('a\\sb', 'a\u000bb')).toBe(true);
    expect(javaFullMatch('a\\Sb', 'a\u00a0b')).toBe(true);
  });

  it('lets $ match before a final line terminator', () => {
    expect(javaFullMatch('abc$\\n', 'abc\n')).toBe(true);
    expect(javaFullMatch('abc$', 'abc')).toBe(true);
    expect(javaFullMatch('a[$]', 'a$')).toBe(true);
    expect(javaFullMatch('a\\$', 'a$')).toBe(true);
  });

  it('translates \\Q...\\E quoting, POSIX classes and leading inline flags', () => {
    expect(javaFullMatch('\\Q1+1=[2]\\E!', '1+1=[2]!')).toBe(true);
    expect(javaFullMatch('\\p{Alpha}+\\p{Digit}', 'abc1')).toBe(true);
    expect(javaFullMatch('[\\p{Upper}_]+', 'A_B')).toBe(true);
    expect(javaFullMatch('(?i)error', 'ERROR')).toBe(true);
    expect(javaFullMatch('\\Aab\\z', 'ab')).toBe(true);
  });

  it('accepts possessive quantifiers and atomic groups', () => {
    expect(javaFullMatch('a++b', 'aab')).toBe(true);
    expect(javaFullMatch('(?>ab)c', 'abc')).toBe(true);
    expect(javaFullMatch('\\++', '++')).toBe(true);
  });

  it('keeps whole-match semantics for alternations, multiline flags and unterminated quoting', () => {
    expect(javaFullMatch('(?m)^a$', 'a\nb')).toBe(false);
    expect(javaFullMatch('(?m)^a$\n^b$', 'a\nb')).toBe(true);
    expect(javaFullMatch('x|xy', 'xy')).toBe(true);
    expect(javaFullMatch('a\\Q.*', 'a.*')).toBe(true);
    expect(javaFullMatch('a\\Q.*', 'abc')).toBe(false);
    expect(javaFullMatch('[a-z&&[^e]]+', 'abc')).toBe(true);
    expect(javaFullMatch('[a-z&&[^e]]+', 'abe')).toBe(false);
  });

  it('rejects patterns Java rejects', () => {
    expect(() => compileJavaRegexFullMatch('a(')).toThrow(RegexError);
    expect(() => compileJavaRegexFullMatch('*a')).toThrow(RegexError);
  });
});
