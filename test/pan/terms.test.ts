import { PanError } from '../../src/pan/errors.js';
import {
  compareTerms, escapeKey, groupDigits, isKey, isValidKey, termFromLong, termFromString, termFromValue, termToString,
  unescapeKey,
} from '../../src/pan/terms.js';

function termError(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(PanError);
    expect((e as PanError).code).toBe('PF214');
    return (e as Error).message;
  }
  throw new Error('expected a term error');
}

describe('termFromString', () => {
  it('classifies keys and indices', () => {
    expect(termFromString('abc')).toBe('abc');
    expect(termFromString('_x')).toBe('_x');
    expect(termFromString('1a')).toBe('1a');
    expect(termFromString('1.5')).toBe('1.5');
    expect(termFromString('a+b-c.d')).toBe('a+b-c.d');
    expect(termFromString('0')).toBe(0);
    expect(termFromString('42')).toBe(42);
    expect(termFromString('-1')).toBe(-1);
    expect(termFromString('-0')).toBe(0);
  });

  it('escapes a term written in braces', () => {
    expect(termFromString('{a b}')).toBe('a_20b');
    expect(termFromString('{}')).toBe('_');
    expect(termFromString('{1}')).toBe('_31');
    expect(termFromString('{é}')).toBe('_e9');
  });

  it('rejects invalid terms with panc messages', () => {
    expect(termError(() => termFromString(''))).toBe('empty string cannot be used as a path term or nlist key');
    expect(termError(() => termFromString('06'))).toBe("index cannot start with leading zero(s): '06'");
    expect(termError(() => termFromString('-01'))).toBe("index cannot start with leading zero(s): '-01'");
    expect(termError(() => termFromString('a b'))).toBe("invalid path term or nlist key: 'a b'");
    expect(termError(() => termFromString('+a'))).toBe("invalid path term or nlist key: '+a'");
    expect(termError(() => termFromString('3000000000'))).toBe(
      'index (3,000,000,000) exceeds largest permitted value (2,147,483,647)',
    );
    expect(termError(() => termFromString('-3000000000'))).toBe(
      'index (-3,000,000,000) below smallest permitted value (-2,147,483,648)',
    );
    expect(termError(() => termFromString('99999999999999999999'))).toBe(
      "path term or nlist key cannot start with a digit: '99999999999999999999'",
    );
    expect(termError(() => termFromString('{Ā}'))).toBe('string contains character which cannot be escaped: 100');
  });

  it('does not accept a trailing newline after an index or key', () => {
    expect(termError(() => termFromString('1\n'))).toBe("invalid path term or nlist key: '1\n'");
  });

  it('gives the same answers when asked again, also after many other strings', () => {
    const samples = ['abc', '42', '{a b}', '-1'];
    const first = samples.map(termFromString);
    for (let i = 0; i < 25_000; i++) termFromString(`k${i}`);
    expect(samples.map(termFromString)).toEqual(first);
    expect(termError(() => termFromString('06'))).toBe("index cannot start with leading zero(s): '06'");
    expect(termError(() => termFromString('06'))).toBe("index cannot start with leading zero(s): '06'");
  });
});

describe('other term helpers', () => {
  it('converts values', () => {
    expect(termFromValue('a')).toBe('a');
    expect(termFromValue(7n)).toBe(7);
    expect(termFromLong(-2n)).toBe(-2);
    expect(termError(() => termFromValue(1.5))).toBe('element of type double is not a valid index');
    expect(termError(() => termFromValue(undefined))).toBe('element of type undef is not a valid index');
    expect(termError(() => termFromLong(1n << 40n))).toMatch(/exceeds largest permitted value/);
  });

  it('orders indices before keys, keys in Java string order', () => {
    const terms = ['b', 10, 'B', 2, '_x', 'a10', 'a2'];
    expect([...terms].sort(compareTerms)).toEqual([2, 10, 'B', '_x', 'a10', 'a2', 'b']);
  });

  it('prints and tests terms', () => {
    expect(termToString(3)).toBe('3');
    expect(termToString('k')).toBe('k');
    expect(isKey('k')).toBe(true);
    expect(isKey(0)).toBe(false);
    expect(isValidKey('a')).toBe(true);
    expect(isValidKey('0')).toBe(false);
    expect(isValidKey('')).toBe(false);
    expect(isValidKey('{0}')).toBe(true);
  });

  it('groups digits like MessageFormat', () => {
    expect(groupDigits(0n)).toBe('0');
    expect(groupDigits(999n)).toBe('999');
    expect(groupDigits(1000n)).toBe('1,000');
    expect(groupDigits(-1234567n)).toBe('-1,234,567');
  });
});

describe('escapeKey / unescapeKey', () => {
  it('escapes as panc does', () => {
    expect(escapeKey('')).toBe('_');
    expect(escapeKey('a_b/c 1')).toBe('a_5fb_2fc_201');
    expect(escapeKey('1+1')).toBe('_31_2b1');
    expect(escapeKey('\n')).toBe('_0a');
    expect(escapeKey('ÿ')).toBe('_ff');
    expect(escapeKey('AbZz09')).toBe('AbZz09');
  });

  it('rejects characters of 256 and above', () => {
    expect(termError(() => escapeKey('aĀ'))).toBe('string contains character which cannot be escaped: 100');
    expect(termError(() => escapeKey('😀'))).toBe('string contains character which cannot be escaped: 1f600');
  });

  it('unescapes and round-trips', () => {
    expect(unescapeKey('_')).toBe('');
    expect(unescapeKey('_31_2b1')).toBe('1+1');
    expect(unescapeKey('a_5fb_2fc_201')).toBe('a_b/c 1');
    expect(unescapeKey('plain')).toBe('plain');
    for (const s of ['', 'x y', '/a/b', '0123', '_', '\u00e9t\u00e9']) expect(unescapeKey(escapeKey(s))).toBe(s);
  });

  it('accepts a sign in an escape like Integer.parseInt', () => {
    expect(unescapeKey('_+4')).toBe('\u0004');
  });

  it('duplicates the low surrogate of a supplementary character as panc does', () => {
    expect(unescapeKey('😀')).toBe('😀\ude00');
  });

  it('rejects bad escapes', () => {
    expect(termError(() => unescapeKey('a_4'))).toBe('string contains incomplete escape sequence');
    expect(termError(() => unescapeKey('_zz'))).toBe('string contains invalid escape sequence: zz');
    expect(termError(() => unescapeKey('_-1'))).toBe('string contains invalid escape sequence: -1');
  });
});
