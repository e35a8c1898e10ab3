import { createHash } from 'node:crypto';
import { builtin, call, callError, dict, DYNAMIC, list, plain, staticCheck } from './helpers.js';

describe('substr', () => {
  it('follows the Perl-like conventions', () => {
    expect(call('substr', 'abcdef', 2n)).toBe('cdef');
    expect(call('substr', 'abcdef', 2n, 2n)).toBe('cd');
    expect(call('substr', 'abcdef', -3n)).toBe('def');
    expect(call('substr', 'abcdef', -3n, -1n)).toBe('de');
    expect(call('substr', 'abcdef', 1n, -5n)).toBe('');
    expect(call('substr', 'abc', 3n)).toBe('');
  });

  it('checks arguments and bounds', () => {
    expect(callError('substr', 1n, 0n)).toBe('first argument to substr() must be a string');
    expect(callError('substr', 'abc', 'x')).toBe('second argument to substr() must be a long');
    expect(callError('substr', 'abc', 0n, 'x')).toBe('second and optional third arguments to substr() must be longs');
    expect(callError('substr', 'abc', 4n)).toBe('start index in substr() is greater than the string length');
    expect(callError('substr', 'abc', -4n)).toBe('start index in substr() is less than zero');
    expect(callError('substr', 'abc', 1n, 3n)).toBe('end index in substr() is greater than the string length');
    expect(callError('substr', 'abc', 0n, -4n)).toBe('end index in substr() is less than zero');
    expect(callError('substr', 'abc', 2n, -2n)).toBe('start index is after ending index in substr()');
    expect(callError('substr', 'abc', 1n << 32n)).toBe('second argument to substr() cannot be converted to int: 4294967296');
    expect(callError('substr', 'abc', 0n, -(1n << 32n))).toBe('third argument to substr() cannot be converted to int: -4294967296');
    expect(builtin('substr').arityMessage).toBe('substr() must have two or three arguments');
  });
});

describe('to_uppercase / to_lowercase', () => {
  it('maps case independently of the locale', () => {
    expect(call('to_uppercase', 'straße')).toBe('STRASSE');
    expect(call('to_uppercase', 'title i')).toBe('TITLE I');
    expect(call('to_lowercase', 'ÀB')).toBe('àb');
    expect(call('to_lowercase', 'ΟΔΟΣ')).toBe('οδος');
  });

  it('requires a string', () => {
    expect(callError('to_uppercase', 1n)).toBe('invalid argument to to_uppercase(); string required');
    expect(callError('to_lowercase', list())).toBe('invalid argument to to_lowercase(); string required');
    expect(builtin('to_uppercase').arityMessage).toBe('to_uppercase() requires exactly one string argument');
  });
});

describe('join', () => {
  it('joins a list or individual strings', () => {
    expect(call('join', ',', list('a', 'b', 'c'))).toBe('a,b,c');
    expect(call('join', ', ', list())).toBe('');
    expect(call('join', '-', 'a', 'b', 'c')).toBe('a-b-c');
  });

  it('checks arguments at run time', () => {
    expect(callError('join', 1n, list())).toBe('first argument in join() must be a string');
    expect(callError('join', ',', list('a', list()))).toBe("join() doesn't accept nested elements in the passed list");
    expect(callError('join', ',', list('a', 1n))).toBe('join() only accepts strings as elements in the list');
    expect(callError('join', ',', 'a')).toBe('join() only accepts strings or a list of strings as input arguments');
    expect(callError('join', ',', 'a', list('b'))).toBe(
      'join() only accepts a single list as an argument or all the arguments individually',
    );
    expect(callError('join', ',', 'a', 1n)).toBe('join() only accepts strings or a list of strings as input arguments');
  });

  it('checks literal arguments at compile time', () => {
    expect(staticCheck('join', null, DYNAMIC)).toBe('value cannot be null for join()');
    expect(staticCheck('join', ',', null)).toBe('value cannot be null for join()');
    expect(staticCheck('join', ',', 'a')).toBe('second argument of join() must be a variable reference or a list');
    expect(staticCheck('join', ',', 'a', 'b')).toBeUndefined();
    expect(staticCheck('join', ',', DYNAMIC)).toBeUndefined();
    expect(builtin('join').arityMessage).toBe('join() requires two or more arguments');
  });
});

describe('escape / unescape', () => {
  it('escapes and unescapes terms', () => {
    expect(call('escape', 'a_b/c 1')).toBe('a_5fb_2fc_201');
    expect(call('escape', '')).toBe('_');
    expect(call('unescape', '_31_2b1')).toBe('1+1');
  });

  it('reports errors at run time and for literals at compile time', () => {
    expect(callError('escape', 1n)).toBe('escape argument is not a string: long');
    expect(callError('unescape', undefined)).toBe('unescape argument is not a string: undef');
    expect(callError('escape', 'Ā')).toBe('string contains character which cannot be escaped: 100');
    expect(callError('unescape', 'a_4')).toBe('string contains incomplete escape sequence');
    expect(staticCheck('escape', 'Ā')).toBe('string contains character which cannot be escaped: 100');
    expect(staticCheck('unescape', '_zz')).toBe('string contains invalid escape sequence: zz');
    expect(staticCheck('escape', 2n)).toBe('escape argument is not a string: long');
    expect(staticCheck('escape', 'fine')).toBeUndefined();
    expect(staticCheck('escape', DYNAMIC)).toBeUndefined();
  });
});

describe('base64_encode / base64_decode', () => {
  it('encodes the UTF-8 bytes', () => {
    expect(call('base64_encode', '')).toBe('');
    expect(call('base64_encode', 'a')).toBe('YQ==');
    expect(call('base64_encode', 'ab')).toBe('YWI=');
    expect(call('base64_encode', 'abc')).toBe('YWJj');
    expect(call('base64_encode', 'héllo')).toBe('aMOpbGxv');
    expect(call('base64_encode', '\ud800')).toBe('Pw==');
  });

  it('breaks lines after 76 characters like panc', () => {
    expect(call('base64_encode', 'x'.repeat(57))).toBe('eHh4'.repeat(19) + '\n');
    const long = call('base64_encode', 'y'.repeat(60)) as string;
    expect(long.split('\n').map((l) => l.length)).toEqual([76, 4]);
  });

  it('decodes leniently', () => {
    expect(call('base64_decode', 'aMOpbGxv')).toBe('héllo');
    expect(call('base64_decode', 'YW Jj\nZA==')).toBe('abcd');
    expect(call('base64_decode', 'YWI=ignored')).toBe('ab');
    expect(call('base64_decode', 'YWJjZ')).toBe('abc');
    expect(call('base64_decode', '//8=')).toBe('\ufffd\ufffd');
    expect(call('base64_decode', call('base64_encode', 'z'.repeat(100)))).toBe('z'.repeat(100));
  });

  it('reports bad characters with their position and signed byte value', () => {
    expect(callError('base64_decode', 'a+b?c')).toBe('Bad Base64 input character at 3: 63(decimal)');
    // U+0080 is C2 80 in UTF-8: the decoder keeps only the low seven bits, so C2 reads as 'B'.
    expect(callError('base64_decode', 'ab\u0080')).toBe('Bad Base64 input character at 3: -128(decimal)');
    expect(callError('base64_encode', 1n)).toBe('argument for base64_encode() must be a string');
    expect(callError('base64_decode', list())).toBe('argument for base64_decode() must be a string');
    expect(builtin('base64_decode').arityMessage).toBe('base64_decode() requires exactly one argument');
  });
});

describe('digest', () => {
  it('computes digests without leading zeros', () => {
    expect(call('digest', 'MD5', 'hello')).toBe('5d41402abc4b2a76b9719d911017c592');
    expect(call('digest', 'md5', '')).toBe('d41d8cd98f00b204e9800998ecf8427e');
    expect(call('digest', 'SHA', 'abc')).toBe('a9993e364706816aba3e25717850c26c9cd0d89d');
    expect(call('digest', 'SHA-1', 'abc')).toBe('a9993e364706816aba3e25717850c26c9cd0d89d');
    expect(call('digest', 'SHA-256', 'abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect((call('digest', 'SHA-384', 'abc') as string).length).toBe(96);
    expect((call('digest', 'SHA-512', 'abc') as string).startsWith('ddaf35a193617aba')).toBe(true);
    // MD5 of "x15" is 0e39f3f6..., whose leading zero Java's BigInteger rendering drops.
    expect(call('digest', 'MD5', 'x15')).toBe('e39f3f6373d84e769136923b2a7cef5');
  });

  it('implements MD2', () => {
    expect(call('digest', 'MD2', '')).toBe('8350e5a3e24c153df2275c9f80692773');
    expect(call('digest', 'MD2', 'abc')).toBe('da853b0d3f88d99b30283a69e6ded6bb');
    expect(call('digest', 'MD2', 'message digest')).toBe('ab4f496bfb2a530b219ff33031fe06b0');
    expect(call('digest', 'MD2', 'abcdefghijklmnopqrstuvwxyz')).toBe('4e8ddff3650292ab5a4108c3aa47940b');
  });

  it('hashes only as many UTF-8 bytes as the string has characters', () => {
    const firstByteOnly = createHash('md5').update(Buffer.from([0xc3])).digest('hex').replace(/^0+/, '');
    expect(call('digest', 'MD5', 'é')).toBe(firstByteOnly);
  });

  it('checks the algorithm and arguments', () => {
    expect(callError('digest', 'BAD', 'msg')).toBe('invalid digest algorithm (BAD)');
    expect(callError('digest', 1n, 'msg')).toBe('first argument of digest() must be a string');
    expect(callError('digest', 'MD5', 1n)).toBe('second argument of digest() must be a string');
    expect(staticCheck('digest', 'BAD', DYNAMIC)).toBe('invalid digest algorithm (BAD)');
    expect(staticCheck('digest', 1n, DYNAMIC)).toBe('first argument of digest() must be a string');
    expect(staticCheck('digest', 'sha-256', 'x')).toBeUndefined();
    expect(staticCheck('digest', DYNAMIC, DYNAMIC)).toBeUndefined();
    expect(builtin('digest').arityMessage).toBe('digest() requires exactly two arguments');
  });
});

describe('match / matches', () => {
  it('searches anywhere (find semantics)', () => {
    expect(call('match', 'foo', 'o')).toBe(true);
    expect(call('match', 'foo', 'x')).toBe(false);
    expect(call('match', 'HelLo', '^hello$')).toBe(false);
    expect(call('match', 'HelLo', '^(?i)hello$')).toBe(true);
    expect(call('match', 'HelLo', '^hello$', 'i')).toBe(true);
    expect(call('match', 'a\nb', '^b$', 'm')).toBe(true);
  });

  it('returns the match and groups up to the last participating one', () => {
    expect(plain(call('matches', '137.138.16.5', '^(\\d+)\\.(\\d+)\\.(\\d+)\\.(\\d+)$'))).toEqual(['137.138.16.5', '137', '138', '16', '5']);
    expect(plain(call('matches', '137.138.16.5', '^(\\d+\\.){3}(\\d+)$'))).toEqual(['137.138.16.5', '16.', '5']);
    expect(plain(call('matches', 'abbcddef aabcddeff', '((\\w)\\2).+\\1'))).toEqual(['ddef aabcdd', 'dd', 'd']);
    expect(plain(call('matches', 'abc', '(x)?(b)(y)?'))).toEqual(['b', '', 'b']);
    expect(plain(call('matches', 'abc', 'z'))).toEqual([]);
    expect(plain(call('matches', 'ABC', 'b(c)', 'i'))).toEqual(['BC', 'C']);
  });

  it('checks argument kinds at run time', () => {
    expect(callError('match', undefined, 'x')).toBe('match() arguments must all be strings; undef found');
    expect(callError('match', 'a', 1n)).toBe('match() arguments must all be strings; long found');
    expect(callError('matches', 1n, 'a', 2.5)).toBe('matches() arguments must all be strings; double found');
    expect(callError('match', 'a', 'a', 'q')).toBe('invalid matching flag for regular expression: q');
    expect(callError('match', 'a', '^1[23+$')).toBe(
      'invalid regular expression: Unclosed character class near index 6\n^1[23+$\n      ^',
    );
    expect(callError('match', 'a', '\\G')).toMatch(/cannot be translated to a JavaScript regular expression/);
  });

  it('checks literal arguments at compile time', () => {
    expect(staticCheck('match', undefined, 'x')).toBe('match() arguments must all be strings; undef found');
    expect(staticCheck('matches', DYNAMIC, 1n)).toBe('matches() arguments must all be strings; long found');
    expect(staticCheck('match', DYNAMIC, '^1[23+$')).toBe(
      'invalid regular expression: Unclosed character class near index 6\n^1[23+$\n      ^',
    );
    expect(staticCheck('match', DYNAMIC, 'a', 'iz')).toBe('invalid matching flag for regular expression: z');
    expect(staticCheck('match', DYNAMIC, 'a #(', 'x')).toBeUndefined();
    expect(staticCheck('match', DYNAMIC, 'a #(', DYNAMIC)).toMatch(/^invalid regular expression: Unclosed group/);
    expect(staticCheck('match', DYNAMIC, '\\G')).toBeUndefined();
    expect(staticCheck('match', DYNAMIC, DYNAMIC)).toBeUndefined();
    expect(builtin('matches').arityMessage).toBe('matches() must have two or three arguments');
  });
});

describe('replace', () => {
  it('replaces every match with Java replacement syntax', () => {
    expect(call('replace', 'o', '0', 'foo boo')).toBe('f00 b00');
    expect(call('replace', '(\\w+)@(\\w+)', '$2 at $1', 'joe@host')).toBe('host at joe');
    expect(call('replace', 'a', '\\$', 'banana')).toBe('b$n$n$');
    expect(call('replace', '(^\\[ )|,|( \\])$', '', '[ a, b ]')).toBe('a b');
    expect(call('replace', 'x', '$', 'abc')).toBe('abc');
  });

  it('reports errors in panc order', () => {
    expect(callError('replace', 1n, 'a', 'b')).toBe('first argument to replace() must be a regular expression string');
    expect(callError('replace', '\\p', 1n, 'b')).toBe(
      'invalid regular expression: Unknown character property name {\u0000} near index 2\n\\p',
    );
    expect(callError('replace', 'a', 1n, 'b')).toBe('second argument to replace() must be a replacement string');
    expect(callError('replace', 'a', 'b', 1n)).toBe('third argument to replace() must be a string');
    expect(callError('replace', 'a', '$', 'abc')).toBe("invalid replacement string; check '$' and '\\' characters");
    expect(callError('replace', 'a', 'x\\', 'abc')).toBe("invalid replacement string; check '$' and '\\' characters");
    expect(builtin('replace').arityMessage).toBe('replace() requires exactly three arguments');
  });
});

describe('split', () => {
  it('has Java String.split semantics', () => {
    expect(plain(call('split', ',', 'a,b,,'))).toEqual(['a', 'b']);
    expect(plain(call('split', ',', -1n, 'a,b,,'))).toEqual(['a', 'b', '', '']);
    expect(plain(call('split', ',', 2n, 'a,b,c'))).toEqual(['a', 'b,c']);
    expect(plain(call('split', ',', ''))).toEqual(['']);
    expect(plain(call('split', '', 'abc'))).toEqual(['a', 'b', 'c']);
    expect(plain(call('split', '\\s+', 'a  b c'))).toEqual(['a', 'b', 'c']);
    expect(plain(call('split', ',', (1n << 32n) + 2n, 'a,b,c'))).toEqual(['a', 'b,c']);
  });

  it('checks arguments', () => {
    expect(callError('split', 1n, 'a')).toBe('first argument to split() must be a regular expression string');
    expect(callError('split', ',', 'x', 'a')).toBe('second argument to split() must be a long value');
    expect(callError('split', ',', 1n)).toBe('last argument to split() must be a string');
    expect(callError('split', '(', 'a')).toBe('invalid regular expression: Unclosed group near index 1\n(');
  });
});

describe('string built-ins take no nested values they do not expect', () => {
  it('keeps dict arguments out of join', () => {
    expect(callError('join', ',', dict())).toBe('join() only accepts strings or a list of strings as input arguments');
  });
});
