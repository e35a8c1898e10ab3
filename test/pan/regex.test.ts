import { compileJavaRegex, invalidMatchFlag, matchFlags, RegexError, RegexFlags, ReplacementError } from '../../src/pan/regex.js';

/** Java's find(): the whole match and the groups, or undefined. */
function find(pattern: string, input: string, flags = 0): (string | undefined)[] | undefined {
  return compileJavaRegex(pattern, flags).find(input)?.groups.slice();
}

function found(pattern: string, input: string, flags = 0): boolean {
  return compileJavaRegex(pattern, flags).test(input);
}

function regexError(pattern: string, flags = 0): RegexError {
  try {
    compileJavaRegex(pattern, flags);
  } catch (e) {
    expect(e).toBeInstanceOf(RegexError);
    return e as RegexError;
  }
  throw new Error(`expected ${pattern} to be rejected`);
}

describe('find semantics', () => {
  it('searches anywhere in the input', () => {
    expect(found('o', 'foo')).toBe(true);
    expect(found('x', 'foo')).toBe(false);
    expect(find('(\\d+)\\.(\\d+)', 'v 10.25 x')).toEqual(['10.25', '10', '25']);
  });

  it('reports groups that did not participate as undefined', () => {
    expect(find('(a)|(b)', 'b')).toEqual(['b', undefined, 'b']);
  });

  it('finds from a position and iterates with Java empty-match rules', () => {
    const re = compileJavaRegex('a*');
    expect([...re.findAll('baaac')].map((m) => [m.start, m.end])).toEqual([[0, 0], [1, 4], [4, 4], [5, 5]]);
    expect(re.find('baaac', 2)).toMatchObject({ start: 2, end: 4 });
    expect(re.find('b', 2)).toBeUndefined();
  });
});

describe('inline and scoped flags', () => {
  it('applies (?i) from its position to the end of the enclosing group', () => {
    expect(found('^(?i)hello$', 'HelLo')).toBe(true);
    expect(found('^hello$', 'HelLo')).toBe(false);
    expect(found('ab(?i)cd', 'abCD')).toBe(true);
    expect(found('ab(?i)cd', 'ABcd')).toBe(false);
    expect(found('(a(?i)b)c', 'aBc')).toBe(true);
    expect(found('(a(?i)b)c', 'aBC')).toBe(false);
    expect(found('a(?i)b|c', 'C')).toBe(true);
  });

  it('supports scoped groups and turning flags off', () => {
    expect(found('(?i:ab)c', 'ABc')).toBe(true);
    expect(found('(?i:ab)c', 'ABC')).toBe(false);
    expect(found('(?i)a(?-i)b', 'Ab')).toBe(true);
    expect(found('(?i)a(?-i)b', 'AB')).toBe(false);
    expect(found('(?i)a(?-i:b)c', 'AbC')).toBe(true);
  });

  it('is case-insensitive in classes and ranges', () => {
    expect(found('^(?i)[a-c]+$', 'aBC')).toBe(true);
    expect(found('^(?i)[^a]$', 'A')).toBe(false);
    expect(found('^(?i)[X-Z]$', 'y')).toBe(true);
    expect(found('^[a-c]+$', 'aB', RegexFlags.CASE_INSENSITIVE)).toBe(true);
  });

  it('folds only ASCII letters without the u flag', () => {
    expect(found('(?i)é', 'É')).toBe(false);
    expect(found('(?iu)é', 'É')).toBe(true);
    expect(found('(?i)k', '\u212a')).toBe(false);
    expect(found('(?iu)k', '\u212a')).toBe(true);
    expect(found('(?iu)[à-æ]', 'Â')).toBe(true);
    expect(found('é', 'É', matchFlags('iu'))).toBe(true);
  });

  it('handles case-insensitive back references in a case-insensitive pattern', () => {
    expect(found('(?i)(ab)\\1', 'abAB')).toBe(true);
    expect(regexError('(ab)(?i)\\1').untranslatable).toBe(true);
  });

  it('makes . match newlines with s, and ^/$ match lines with m', () => {
    expect(found('a.b', 'a\nb')).toBe(false);
    expect(found('(?s)a.b', 'a\nb')).toBe(true);
    expect(found('a.b', 'a\nb', matchFlags('s'))).toBe(true);
    expect(find('(?m)^b$', 'a\nb\nc')).toEqual(['b']);
    expect(found('^b', 'a\nb', matchFlags('m'))).toBe(true);
  });

  it('ignores whitespace and comments with x', () => {
    expect(found('a b c # comment', 'abc', matchFlags('x'))).toBe(true);
    expect(found('(?x) \\d+ \\s* # digits', '12')).toBe(true);
    expect(found('(?x)[a b]+', 'ab')).toBe(true);
    expect(regexError('(?x)[ ]').message).toMatch(/^Unclosed character class/);
    expect(found('(?x)a\\ b', 'a b')).toBe(true);
  });

  it('validates match flags strings', () => {
    expect(invalidMatchFlag('ismux')).toBeUndefined();
    expect(invalidMatchFlag('iq')).toBe('q');
    expect(matchFlags('im')).toBe(RegexFlags.CASE_INSENSITIVE | RegexFlags.MULTILINE);
  });
});

describe('anchors and line terminators', () => {
  it('lets $ and \\Z match before a final line terminator', () => {
    expect(found('^abc$', 'abc\n')).toBe(true);
    expect(found('^abc$', 'abc\r\n')).toBe(true);
    expect(found('^abc$', 'abc\n\n')).toBe(false);
    expect(found('\\Aabc\\Z', 'abc\u2028')).toBe(true);
    expect(found('\\Aabc\\z', 'abc\n')).toBe(false);
    expect(found('\\Aabc\\z', 'abc')).toBe(true);
    expect(found('x\\A', 'x')).toBe(false);
  });

  it('does not match $ between \\r and \\n', () => {
    expect(find('(?m)a$', 'a\r\nb')).toEqual(['a']);
    expect(found('(?m)\\r$', 'a\r\nb')).toBe(false);
  });

  it('does not match multiline ^ at the end of input', () => {
    expect(found('(?m)^', '')).toBe(false);
    expect(found('(?m)^$', 'a\n')).toBe(false);
    expect(found('(?m)^b', 'a\rb')).toBe(true);
    expect(found('(?m)^\\n', 'a\r\n')).toBe(false);
  });

  it('uses only \\n as line terminator with d', () => {
    expect(found('(?d)a.b', 'a\rb')).toBe(true);
    expect(found('(?d)^abc$', 'abc\r\n')).toBe(false);
  });

  it('keeps Java line terminators out of .', () => {
    expect(found('a.b', 'a\u0085b')).toBe(false);
    expect(found('a.b', 'a\u2029b')).toBe(false);
    expect(found('a.b', 'a\tb')).toBe(true);
    expect(find('^.$', '😀')).toEqual(['😀']);
  });

  it('treats letters and digits of any script as word characters for \\b', () => {
    expect(found('\\bfoo\\b', 'a foo b')).toBe(true);
    expect(found('\\bfoo\\b', 'éfoo')).toBe(false);
    expect(found('\\bfoo\\b', 'foo_')).toBe(false);
    expect(found('\\Bo', 'foo')).toBe(true);
    expect(found('e\\b', 'e\u0301')).toBe(false);
    expect(found('\\bfoo', '-foo')).toBe(true);
  });
});

describe('quoting, atomic groups and possessive quantifiers', () => {
  it('quotes with \\Q...\\E', () => {
    expect(found('^\\Qa.b*\\E$', 'a.b*')).toBe(true);
    expect(found('^\\Qa.b\\E$', 'axb')).toBe(false);
    expect(find('\\Qab\\E+', 'abbb')).toEqual(['abbb']);
    expect(found('[\\Q]-\\E]', '-')).toBe(true);
    expect(found('\\Q(unterminated', 'x(unterminated')).toBe(true);
  });

  it('does not backtrack into atomic groups or possessive quantifiers', () => {
    expect(found('(?>a|ab)c', 'abc')).toBe(false);
    expect(found('(?:a|ab)c', 'abc')).toBe(true);
    expect(found('a++a', 'aaaa')).toBe(false);
    expect(found('a*+b', 'aaab')).toBe(true);
    expect(find('"[^"]*+"', 'say "hi"')).toEqual(['"hi"']);
    expect(find('(\\d{2,3}+)(\\d)', '12345')).toEqual(['1234', '123', '4']);
  });

  it('keeps Java group numbers when helper groups are added', () => {
    expect(find('(a)(?>(b))(c)', 'abc')).toEqual(['abc', 'a', 'b', 'c']);
    expect(find('(x)++(y)\\2', 'xxyy')).toEqual(['xxyy', 'x', 'y']);
  });

  it('matches \\R as a line break without splitting \\r\\n', () => {
    expect(find('a\\Rb', 'a\r\nb')).toEqual(['a\r\nb']);
    expect(found('a\\R\\nb', 'a\r\nb')).toBe(false);
    expect(found('a\\Rb', 'a\u2028b')).toBe(true);
  });
});

describe('character classes', () => {
  it('uses ASCII definitions for \\d \\s \\w', () => {
    expect(found('^\\d$', '\u0663')).toBe(false);
    expect(found('^\\s$', '\u00a0')).toBe(false);
    expect(found('^\\s$', '\u000b')).toBe(true);
    expect(found('^\\w+$', 'abc_123')).toBe(true);
    expect(found('^\\w$', 'é')).toBe(false);
    expect(found('^\\h\\v$', '\u00a0\u2028')).toBe(true);
    expect(found('^\\W\\D\\S\\H\\V$', '-x!ab')).toBe(true);
  });

  it('uses Unicode definitions with U', () => {
    expect(found('(?U)^\\w+$', 'été')).toBe(true);
    expect(found('(?U)^\\d$', '\u0663')).toBe(true);
    expect(found('(?U)^\\p{Alpha}$', 'é')).toBe(true);
  });

  it('supports POSIX and java.lang.Character classes', () => {
    expect(found('^\\p{Print}+$', 'user name!')).toBe(true);
    expect(found('^\\p{Print}+$', 'tab\there')).toBe(false);
    expect(found('^\\p{Alpha}+$', 'abcXYZ')).toBe(true);
    expect(found('^\\p{Alnum}+$', 'a1')).toBe(true);
    expect(found('^\\p{Punct}+$', '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~')).toBe(true);
    expect(found('^\\p{XDigit}+$', '09afAF')).toBe(true);
    expect(found('^\\p{Lower}$', 'A')).toBe(false);
    expect(found('(?i)^\\p{Lower}$', 'A')).toBe(true);
    expect(found('^\\p{Space}$', '\f')).toBe(true);
    expect(found('^\\p{Cntrl}$', '\u007f')).toBe(true);
    expect(found('^\\p{ASCII}+$', 'é')).toBe(false);
    expect(found('^\\p{javaLowerCase}$', 'é')).toBe(true);
    expect(found('^\\p{javaWhitespace}$', '\u00a0')).toBe(false);
    expect(found('^\\p{javaWhitespace}$', '\u2003')).toBe(true);
    expect(found('^\\P{Digit}$', 'x')).toBe(true);
  });

  it('supports categories, scripts and binary properties', () => {
    expect(found('^\\p{L}+$', 'éà')).toBe(true);
    expect(found('^\\pL$', 'x')).toBe(true);
    expect(found('^\\p{Lu}$', 'É')).toBe(true);
    expect(found('^\\p{IsLu}$', 'É')).toBe(true);
    expect(found('^\\p{gc=Nd}$', '7')).toBe(true);
    expect(found('^\\p{IsLatin}+$', 'abc')).toBe(true);
    expect(found('^\\p{IsGreek}$', 'α')).toBe(true);
    expect(found('^\\p{script=cyrillic}$', 'ж')).toBe(true);
    expect(found('^\\p{sc=Cyrl}$', 'ж')).toBe(true);
    expect(found('^\\p{IsAlphabetic}$', 'ß')).toBe(true);
    expect(found('^\\p{IsWhite_Space}$', '\u00a0')).toBe(true);
    expect(found('^\\p{L1}$', 'ÿ')).toBe(true);
  });

  it('parses ranges, negation, nesting and intersection', () => {
    expect(find('[a-z&&[^aeiou]]+', 'bcdae')).toEqual(['bcd']);
    expect(find('[a-z&&def]+', 'abcdefg')).toEqual(['def']);
    expect(found('^[a[bc]]+$', 'abc')).toBe(true);
    expect(found('^[^a[bc]]$', 'b')).toBe(false);
    expect(found('^[\\w-.]+$', 'a-b.c')).toBe(true);
    expect(found('^[tc][+-/*]\\d+$', 't*5')).toBe(true);
    expect(found('^[tc][+-/*]\\d+$', 'c,5')).toBe(true);
    expect(found('^[]a]+$', ']a')).toBe(true);
    expect(found('^[^]a]$', 'b')).toBe(true);
    expect(found('^[a-]$', '-')).toBe(true);
    expect(found('^[a&b]+$', 'a&b')).toBe(true);
    expect(found('^[\\x41-\\x43]+$', 'ABC')).toBe(true);
    expect(found('^[\\d.]+$', '1.2')).toBe(true);
    expect(found('^[^:/?#]+$', 'http')).toBe(true);
    expect(found('^[k|m|g]$', '|')).toBe(true);
  });
});

describe('escapes', () => {
  it('reads character escapes', () => {
    expect(found('^\\t\\n\\r\\f\\a\\e$', '\t\n\r\f\u0007\u001b')).toBe(true);
    expect(found('^\\x41\\x{1F600}\\u0042\\0101\\cA$', 'A😀BA\u0001')).toBe(true);
    expect(found('^\\uD83D\\uDE00$', '😀')).toBe(true);
    expect(found('^\\/\\-\\=\\_$', '/-=_')).toBe(true);
    expect(found('(?<=\\d)\\\\\\.(?=\\d)', '1\\.2')).toBe(true);
  });

  it('reads back references with Java digit rules', () => {
    expect(find('((\\w)\\2).+\\1', 'abbcddef aabcddeff')).toEqual(['ddef aabcdd', 'dd', 'd']);
    expect(found('^(a)\\11$', 'aa1')).toBe(true);
    expect(found('^(a)\\2$', 'a')).toBe(false);
    expect(found('^(?<x>ab)\\k<x>$', 'abab')).toBe(true);
    expect(find('(?<year>\\d{4})-(?<mon>\\d\\d)', 'on 2024-05')).toEqual(['2024-05', '2024', '05']);
  });
});

describe('patterns of the kind found in Quattor template libraries', () => {
  const fqdn = '(?=^.{4,253}$)(^((?!-)[a-zA-Z0-9-]{1,63}(?<!-)\\.)+[a-zA-Z]{2,63}\\.?$)';
  const mac = '^[\\dA-Fa-f]{2}([:-])[\\dA-Fa-f]{2}(\\1[\\dA-Fa-f]{2}){4}$';

  it('validates host names with look-arounds', () => {
    expect(found(fqdn, 'node01.cluster.example.org')).toBe(true);
    expect(found(fqdn, '-bad.example.org')).toBe(false);
    expect(found(fqdn, 'bad-.example.org')).toBe(false);
    expect(found(fqdn, 'a.b')).toBe(false);
  });

  it('validates MAC addresses with a back reference', () => {
    expect(found(mac, '00:1a:2B:3c:4D:5e')).toBe(true);
    expect(found(mac, '00-1a-2B-3c-4D-5e')).toBe(true);
    expect(found(mac, '00:1a-2B:3c:4D:5e')).toBe(false);
  });

  it('handles negative look-aheads and lazy quantifiers', () => {
    expect(found('^(?!/).', 'relative/path')).toBe(true);
    expect(found('^(?!/).', '/absolute')).toBe(false);
    expect(found('^((?!/).)*$', 'no-slash')).toBe(true);
    expect(found('^((?!/).)*$', 'a/b')).toBe(false);
    expect(found('^[^:]+?(?::[^:]+)+$', 'ldap:host:389')).toBe(true);
    expect(find('^([\\w\\.]+?)[_\\-](.*)$', 'pkg.name_1.2-3')).toEqual(['pkg.name_1.2-3', 'pkg.name', '1.2-3']);
    expect(find('^(\\.)+[a-zA-Z]{2,63}?$', '..org')).toEqual(['..org', '.']);
  });

  it('splits URIs and object names', () => {
    const uri = '^(([^:/?#]+):)?(//([^/?#]*))?([^?#]*)(\\?([^#]*))?(#(.*))?';
    expect(find(uri, 'https://host:8443/path/x?q=1#frag')).toEqual([
      'https://host:8443/path/x?q=1#frag', 'https:', 'https', '//host:8443', 'host:8443', '/path/x', '?q=1', 'q=1',
      '#frag', 'frag',
    ]);
    expect(find('([^\\.]+)(\\.(.*))?', 'node.example.org')).toEqual(['node.example.org', 'node', '.example.org', 'example.org']);
    expect(find('^(\\+|@)?\\w+$', '@group')).toEqual(['@group', '@']);
    expect(found('(?i)nfs', 'NFS4')).toBe(true);
  });

  it('rewrites to_string forms and dotted numbers', () => {
    expect(compileJavaRegex('(^\\[ )|,|( \\])$').replaceAll('[ a, b, c ]', '')).toBe('a b c');
    expect(compileJavaRegex('(?<=\\d)\\\\\\.(?=\\d)').replaceAll('10\\.0\\.0', '.')).toBe('10.0.0');
    expect(compileJavaRegex('([A-Za-z])([0-9])').replaceAll('eth0 ib1', '$1_$2')).toBe('eth_0 ib_1');
  });
});

describe('replaceAll', () => {
  it('substitutes groups and escapes', () => {
    const re = compileJavaRegex('(\\w+)@(\\w+)');
    expect(re.replaceAll('joe@host, ann@box', '$2 at $1')).toBe('host at joe, box at ann');
    expect(re.replaceAll('joe@host', '\\$1 \\\\ $0')).toBe('$1 \\ joe@host');
    expect(compileJavaRegex('(?<user>\\w+)@').replaceAll('joe@x', '${user}:')).toBe('joe:x');
  });

  it('reads the longest existing group number', () => {
    expect(compileJavaRegex('(a)').replaceAll('a', '$10')).toBe('a0');
    const twelve = compileJavaRegex('(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)(k)(l)');
    expect(twelve.replaceAll('abcdefghijkl', '$12$1')).toBe('la');
  });

  it('replaces a group that did not participate by nothing', () => {
    expect(compileJavaRegex('(a)|(b)').replaceAll('ab', '[$1$2]')).toBe('[a][b]');
  });

  it('advances after empty matches as Java does', () => {
    expect(compileJavaRegex('a*').replaceAll('baaac', '-')).toBe('-b--c-');
    expect(compileJavaRegex('').replaceAll('ab', '.')).toBe('.a.b.');
  });

  it('rejects bad replacement strings only when something matches', () => {
    const re = compileJavaRegex('a');
    expect(re.replaceAll('xyz', '$')).toBe('xyz');
    for (const bad of ['$', '\\', '$x', '${}', '${nope}', '$2', '${1a}']) {
      expect(() => re.replaceAll('abc', bad)).toThrow(ReplacementError);
    }
  });
});

describe('split', () => {
  const split = (re: string, s: string, limit = 0): string[] => compileJavaRegex(re).split(s, limit);

  it('drops trailing empty strings with limit 0', () => {
    expect(split(',', 'a,b,,')).toEqual(['a', 'b']);
    expect(split(',', ',a')).toEqual(['', 'a']);
    expect(split(',', ',,,')).toEqual([]);
    expect(split(',', '')).toEqual(['']);
    expect(split(',', 'abc')).toEqual(['abc']);
  });

  it('keeps them with a negative limit and caps pieces with a positive one', () => {
    expect(split(',', 'a,b,,', -1)).toEqual(['a', 'b', '', '']);
    expect(split(',', 'a,b,c', 2)).toEqual(['a', 'b,c']);
    expect(split(',', 'a,b,c', 1)).toEqual(['a,b,c']);
    expect(split(',', 'a,b,,', 10)).toEqual(['a', 'b', '', '']);
  });

  it('skips a zero-width match at the start', () => {
    expect(split('', 'abc')).toEqual(['a', 'b', 'c']);
    expect(split('(?=b)', 'abab')).toEqual(['a', 'ba', 'b']);
    expect(split('\\s*', 'a b')).toEqual(['a', '', 'b']);
    expect(split('\\s*', ' a b')).toEqual(['', '', 'a', '', 'b']);
  });

  it('splits on regular expressions', () => {
    expect(split('\\s+', 'a  b\tc')).toEqual(['a', 'b', 'c']);
    expect(split('[,;]\\s*', 'x, y;z')).toEqual(['x', 'y', 'z']);
    expect(split('\\.', '1.2.3')).toEqual(['1', '2', '3']);
  });
});

describe('errors', () => {
  it('reports Java syntax errors with PatternSyntaxException text', () => {
    const cases: [string, string][] = [
      ['^1[23+$', 'Unclosed character class near index 6\n^1[23+$\n      ^'],
      ['\\p', 'Unknown character property name {\u0000} near index 2\n\\p'],
      ['*a', "Dangling meta character '*' near index 0\n*a\n^"],
      ['a{', 'Illegal repetition near index 0\na{\n^'],
      ['(abc', 'Unclosed group near index 4\n(abc'],
      ['abc)', "Unmatched closing ')' near index 2\nabc)\n  ^"],
      ['[z-a]', 'Illegal character range near index 3\n[z-a]\n   ^'],
      ['\\y', 'Illegal/unsupported escape sequence near index 1\n\\y\n ^'],
      ['(?<=a+)b', 'Look-behind group does not have an obvious maximum length near index 6\n(?<=a+)b\n      ^'],
    ];
    for (const [pattern, message] of cases) {
      const e = regexError(pattern);
      expect(e.untranslatable).toBe(false);
      expect(e.message).toBe(message);
    }
  });

  it('rejects other invalid constructs', () => {
    const invalid = [
      'a**', 'a{2,1}', 'a{1', '(?q)', '(?<1a>x)', '(?<a>x)(?<a>y)', '\\k<none>', '[a-\\d]', '[\\b]', '\\xG1',
      '\\u12', '\\0', '\\c', '\\p{Nope}', '\\p{sc=Nope}', '[]', '[^]', '(?$)', 'x\\',
    ];
    for (const p of invalid) expect(regexError(p).untranslatable).toBe(false);
  });

  it('accepts unusual but valid Java forms', () => {
    expect(find('a{2}{3}', 'aaa')).toEqual(['aa']);
    expect(find('{2}', 'x')).toEqual(['']);
    expect(found('^*a', 'a')).toBe(true);
    expect(found('x}', 'x}')).toBe(true);
    expect(found('\\8', '')).toBe(false);
  });

  it('names constructs it cannot translate', () => {
    for (const p of ['\\G', '\\X', '\\p{InGreek}', '\\p{block=Greek}', '\\N{LATIN SMALL LETTER A}', '\\b{g}']) {
      const e = regexError(p);
      expect(e.untranslatable).toBe(true);
      expect(e.message).toMatch(/cannot be translated to a JavaScript regular expression/);
    }
  });

  it('caches compiled patterns', () => {
    expect(compileJavaRegex('ab+c')).toBe(compileJavaRegex('ab+c'));
    expect(compileJavaRegex('ab+c', RegexFlags.CASE_INSENSITIVE)).not.toBe(compileJavaRegex('ab+c'));
  });
});
