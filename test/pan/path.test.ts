/** Path parsing, printing and ordering (§4). */
import { comparePaths, isValidTemplateName, parsePath, pathToString, resolvePath } from '../../src/pan/path.js';
import { PanError } from '../../src/pan/errors.js';

function message(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (e instanceof PanError) return e.message;
    throw e;
  }
  throw new Error('no error');
}

describe('parsePath', () => {
  test('absolute, relative and external forms', () => {
    expect(parsePath('/a/b')).toEqual({ kind: 'absolute', terms: ['a', 'b'] });
    expect(parsePath('/')).toEqual({ kind: 'absolute', terms: [] });
    expect(parsePath('a/0')).toEqual({ kind: 'relative', terms: ['a', 0] });
    expect(parsePath('other:a/b')).toEqual({ kind: 'external', authority: 'other', terms: ['a', 'b'] });
    expect(parsePath('ns/obj:/x')).toEqual({ kind: 'external', authority: 'ns/obj', terms: ['x'] });
  });

  test('trailing slashes are dropped, interior empty terms are errors', () => {
    expect(parsePath('/a/b/').terms).toEqual(['a', 'b']);
    expect(message(() => parsePath('/a//b'))).toBe('empty string cannot be used as a path term or nlist key');
    expect(message(() => parsePath('//a'))).toBe('empty string cannot be used as a path term or nlist key');
  });

  test('braces escape their contents as one term', () => {
    expect(parsePath('/alpha/{a/b}/gamma').terms).toEqual(['alpha', 'a_2fb', 'gamma']);
    expect(parsePath('/x/{}').terms).toEqual(['x', '_']);
    expect(message(() => parsePath('/a/{b{c}}'))).toBe("path '/a/{b{c}}' contains mismatched or nested braces");
  });

  test('the first term must be a key unless allowed for prefixed relative paths', () => {
    expect(message(() => parsePath('/0'))).toBe('first term in path must be a key, not an index');
    expect(parsePath('0/a', true).terms).toEqual([0, 'a']);
    expect(message(() => parsePath('0/a'))).toBe('first term in path must be a key, not an index');
  });

  test('term errors carry panc messages', () => {
    expect(message(() => parsePath('/a/01'))).toBe("index cannot start with leading zero(s): '01'");
    expect(message(() => parsePath('/a/ '))).toBe("invalid path term or nlist key: ' '");
    expect(message(() => parsePath('/a/3000000000'))).toMatch(/^index \(3,000,000,000\) exceeds largest permitted value/);
    expect(message(() => parsePath('bad name:/a'))).toBe('invalid authority (bad name) in path');
  });

  test('keys may start with digits when they contain other characters', () => {
    expect(parsePath('/1a/1.5/-1').terms).toEqual(['1a', '1.5', -1]);
  });
});

describe('path helpers', () => {
  test('printing', () => {
    expect(pathToString(parsePath('/a/0'))).toBe('/a/0');
    expect(pathToString(parsePath('x:a'))).toBe('x:/a');
    expect(pathToString(parsePath('a/b'))).toBe('a/b');
  });

  test('resolution against a prefix', () => {
    expect(resolvePath(parsePath('/p'), parsePath('0', true))).toEqual({ kind: 'absolute', terms: ['p', 0] });
    expect(resolvePath(parsePath('/p'), parsePath('/q'))).toEqual({ kind: 'absolute', terms: ['q'] });
  });

  test("binding order: longer paths first, indices before keys, keys in Java order", () => {
    const paths = ['/a', '/a/b/c', '/a/B', '/a/0', '/b'].map((p) => parsePath(p));
    expect(paths.sort(comparePaths).map(pathToString)).toEqual(['/a/b/c', '/a/0', '/a/B', '/a', '/b']);
  });

  test('template names', () => {
    expect(isValidTemplateName('a/b-c.d+e_f')).toBe(true);
    expect(isValidTemplateName('/a')).toBe(false);
    expect(isValidTemplateName('a/.b')).toBe(false);
    expect(isValidTemplateName('a b')).toBe(false);
    expect(isValidTemplateName('')).toBe(false);
    expect(isValidTemplateName('a/')).toBe(false);
    expect(isValidTemplateName('a//b')).toBe(false);
    expect(isValidTemplateName('.a')).toBe(false);
    expect(isValidTemplateName('a.b/c.')).toBe(true);
  });

  test('template names: every short name over a small alphabet agrees with the definition', () => {
    // The definition: characters of [A-Za-z0-9_./+-], no empty segment, no segment starting with '.'.
    const byDefinition = (name: string) =>
      /^[A-Za-z0-9_./+-]+$/.test(name) && name.split('/').every((t) => t !== '' && !t.startsWith('.'));
    const alphabet = ['a', 'Z', '9', '_', '.', '/', '+', '-', ' ', ':', '\u00e9'];
    let names = [''];
    for (let length = 1; length <= 4; length++) {
      names = names.flatMap((n) => alphabet.map((c) => n + c));
      for (const name of names) expect([name, isValidTemplateName(name)]).toEqual([name, byDefinition(name)]);
    }
  });
});
