import { PanDict, PanList } from '../../../src/pan/element.js';
import { builtin, call, callError, dict, DYNAMIC, list, plain, staticCheck } from './helpers.js';

describe('list', () => {
  it('keeps every argument, undef and null included', () => {
    expect(plain(call('list'))).toEqual([]);
    expect(plain(call('list', 1n, 'a', undefined, null))).toEqual([1n, 'a', undefined, null]);
  });
});

describe('dict / nlist', () => {
  it('builds a dict with sorted keys', () => {
    const d = call('dict', 'b', 2n, 'a', 1n) as PanDict;
    expect(d.keys()).toEqual(['a', 'b']);
    expect(plain(call('nlist', 'x', 'y'))).toEqual({ x: 'y' });
    expect(plain(call('dict'))).toEqual({});
  });

  it('escapes {...} keys and drops null values', () => {
    expect(plain(call('dict', '{a b}', 1n, 'c', null))).toEqual({ a_20b: 1n });
    expect(plain(call('dict', 'a', null, 'a', 1n))).toEqual({ a: 1n });
  });

  it('rejects bad keys at run time', () => {
    expect(callError('dict', 1n, 2n)).toBe('nlist keys must be string; argument is of type long');
    expect(callError('dict', undefined, 2n)).toBe('nlist keys must be string; argument is of type undef');
    expect(callError('dict', '0', 2n)).toBe('invalid key (0) for nlist() or hash()');
    expect(callError('dict', 'a b', 2n)).toBe("invalid path term or nlist key: 'a b'");
    expect(callError('dict', '', 2n)).toBe('empty string cannot be used as a path term or nlist key');
    expect(callError('dict', 'a', 1n, 'a', 2n)).toBe('duplicate key (a) in nlist function');
    expect(callError('dict', 'a', 1n, 'a', null)).toBe('duplicate key (a) in nlist function');
    expect(callError('dict', 'a', 1n, 'a', 'x')).toBe('existing element of type long cannot be replaced by one of type string');
  });

  it('checks parity and literal keys at compile time', () => {
    expect(staticCheck('dict', 'a')).toBe('hash/nlist function must have an even number of arguments');
    expect(staticCheck('nlist', 'a', 1n, 'b')).toBe('hash/nlist function must have an even number of arguments');
    expect(staticCheck('dict', 'a', DYNAMIC, 'a', DYNAMIC)).toBe('duplicate key (a) in nlist function');
    expect(staticCheck('dict', 'a', null, '{a}', 1n)).toBe('duplicate key (a) in nlist function');
    expect(staticCheck('dict', 1n, DYNAMIC)).toBe('nlist keys must be string; argument is of type long');
    expect(staticCheck('dict', '0', DYNAMIC)).toBe('invalid key (0) for nlist() or hash()');
    expect(staticCheck('dict', DYNAMIC, 1n, DYNAMIC, 2n)).toBeUndefined();
    expect(staticCheck('dict', 'a', 1n, 'b', 2n)).toBeUndefined();
  });
});

describe('merge', () => {
  it('concatenates lists and unites dicts into new resources', () => {
    const a = list(1n);
    const merged = call('merge', a, list(2n, 3n), list()) as PanList;
    expect(plain(merged)).toEqual([1n, 2n, 3n]);
    expect(merged).not.toBe(a);
    expect(plain(call('merge', dict(['a', 1n]), dict(['b', 2n])))).toEqual({ a: 1n, b: 2n });
    expect(plain(call('merge', dict(['a', 1n])))).toEqual({ a: 1n });
  });

  it('rejects duplicates and mixed kinds', () => {
    expect(callError('merge', dict(['a', 1n]), dict(['a', 2n]))).toBe('two (or more) children have the same name in merge(): a');
    expect(callError('merge', dict(['a', 1n]), dict(['a', 'x']))).toBe(
      'existing element of type long cannot be replaced by one of type string',
    );
    expect(callError('merge', list(), dict())).toBe('merge() arguments must be all lists or dicts');
    expect(callError('merge', dict(), list())).toBe('merge() arguments must be all lists or dicts');
    expect(callError('merge', 'a')).toBe('merge() arguments must be all lists or dicts');
  });

  it('reports panc arity message', () => {
    expect(builtin('merge').arityMessage).toBe('merge() requires at least one argument');
  });
});

describe('splice', () => {
  it('splices strings', () => {
    expect(call('splice', 'abcdef', 1n, 2n)).toBe('adef');
    expect(call('splice', 'abcdef', 1n, 2n, 'XY')).toBe('aXYdef');
    expect(call('splice', 'abcdef', -2n, 1n, '-')).toBe('abcd-f');
    expect(call('splice', 'abcdef', 2n, -1n)).toBe('abf');
    expect(call('splice', 'abc', 3n, 0n, 'd')).toBe('abcd');
  });

  it('splices lists', () => {
    expect(plain(call('splice', list(1n, 2n, 3n, 4n), 1n, 2n))).toEqual([1n, 4n]);
    expect(plain(call('splice', list(1n, 2n, 3n), 1n, 0n, list('a', 'b')))).toEqual([1n, 'a', 'b', 2n, 3n]);
    expect(plain(call('splice', list(1n, 2n, 3n), -1n, 1n, list('z')))).toEqual([1n, 2n, 'z']);
  });

  it('checks arguments and bounds', () => {
    expect(callError('splice', 'abc', 'x', 1n)).toBe('second argument to splice() must be a long');
    expect(callError('splice', 'abc', 0n, 1.0)).toBe('third argument to splice() must be a long');
    expect(callError('splice', 'abc', 1n << 40n, 1n)).toBe('second argument to splice() cannot be converted to int: 1099511627776');
    expect(callError('splice', 'abc', -4n, 1n)).toBe('start index in splice() is before beginning of string');
    expect(callError('splice', 'abc', 4n, 0n)).toBe('start index in splice() is after end of string');
    expect(callError('splice', 'abc', 1n, 5n)).toBe('end index in splice() is after end of string');
    expect(callError('splice', 'abc', 1n, -5n)).toBe('end index in splice() is before beginning of string');
    expect(callError('splice', 'abc', 2n, -2n)).toBe('end index is before the start index');
    expect(callError('splice', list(), 1n, 0n)).toBe('start index in splice() is after end of list');
    expect(callError('splice', 'abc', 0n, 1n, list())).toBe('fourth argument of splice() must be of the same type as the first');
    expect(callError('splice', list(), 0n, 0n, 'x')).toBe('fourth argument of splice() must be of the same type as the first');
    expect(callError('splice', 1n, 0n, 0n)).toBe('first argument of splice() must be a string or list');
  });
});

describe('clone', () => {
  it('deep copies resources', () => {
    const inner = list(1n);
    const original = dict(['a', inner]);
    const copy = call('clone', original) as PanDict;
    expect(plain(copy)).toEqual({ a: [1n] });
    expect(copy.get('a')).not.toBe(inner);
    expect(call('clone', 'x')).toBe('x');
    expect(call('clone', undefined)).toBeUndefined();
  });
});

describe('length', () => {
  it('measures strings, resources and undef', () => {
    expect(call('length', 'abc')).toBe(3n);
    expect(call('length', '😀')).toBe(2n);
    expect(call('length', list(1n, 2n))).toBe(2n);
    expect(call('length', dict(['a', 1n]))).toBe(1n);
    expect(call('length', undefined)).toBe(0n);
  });

  it('rejects other kinds', () => {
    expect(callError('length', 1n)).toBe('argument to length must be undef, string, or resource; element of type long is not valid');
    expect(callError('length', null)).toBe('argument to length must be undef, string, or resource; element of type null is not valid');
  });
});

describe('key', () => {
  const d = dict(['b', 2n], ['a', 1n], ['c', 3n]);

  it('returns the i-th key in sorted order', () => {
    expect(call('key', d, 0n)).toBe('a');
    expect(call('key', d, 2n)).toBe('c');
  });

  it('checks arguments', () => {
    expect(callError('key', d, 3n)).toBe('index out of bounds in key(): 3');
    expect(callError('key', d, -1n)).toBe('index out of bounds in key(): -1');
    expect(callError('key', d, 1n << 33n)).toBe('index exceeds maximum value (2147483647): 8589934592');
    expect(callError('key', d, '0')).toBe('second argument to key() must be a long');
    expect(callError('key', list(), 0n)).toBe('first argument to key() must be a dict');
    expect(callError('key', dict(), 0n)).toBe('index out of bounds in key(): 0');
  });
});

describe('index', () => {
  it('finds substrings', () => {
    expect(call('index', 'foo', 'abcfoodefoobar')).toBe(3n);
    expect(call('index', 'f0o', 'abcfoodefoobar')).toBe(-1n);
    expect(call('index', 'foo', 'abcfoodefoobar', 4n)).toBe(8n);
    expect(call('index', 'foo', 'abcfoo', -5n)).toBe(3n);
    expect(call('index', '', 'abc', 10n)).toBe(3n);
  });

  it('finds list elements by deep equality', () => {
    const l = list('Foo', 'FOO', 'foo', 'bar');
    expect(call('index', 'foo', l)).toBe(2n);
    expect(call('index', 'foo', l, 3n)).toBe(-1n);
    const records = list(dict(['key', 'bar'], ['val', 101n]), dict(['key', 'foo']), dict(['key', 'foo']));
    expect(call('index', dict(['key', 'foo']), records)).toBe(1n);
    expect(call('index', dict(['key', 'foo']), records, 2n)).toBe(2n);
    expect(call('index', 1n, list(1.0, 1n))).toBe(1n);
    expect(call('index', NaN, list(NaN))).toBe(0n);
    expect(call('index', 0, list(-0))).toBe(-1n);
    expect(call('index', undefined, list(1n, undefined))).toBe(1n);
  });

  it('finds the key of the n-th matching dict value', () => {
    const table = dict(['red', 0xf00n], ['green', 0x0f0n], ['blue', 0x00fn], ['lime', 0x0f0n]);
    expect(call('index', 0x0f0n, table)).toBe('green');
    expect(call('index', 0x0f0n, table, 1n)).toBe('lime');
    expect(call('index', 0x0f0n, table, 2n)).toBe('');
  });

  it('checks arguments', () => {
    expect(callError('index', 'a', 'abc', 'x')).toBe('third argument of index() must be a long');
    expect(callError('index', 1n, 'abc')).toBe('invalid argument(s) in call to index()');
    expect(callError('index', 'a', 1n)).toBe('invalid argument(s) in call to index()');
  });
});

describe('arity metadata', () => {
  it('declares panc arity messages', () => {
    expect(builtin('splice').arityMessage).toBe('splice() must have three or four arguments');
    expect(builtin('clone').arityMessage).toBe('clone() requires exactly one argument');
    expect(builtin('key').arityMessage).toBe('key() requires exactly two arguments');
    expect(builtin('index').arityMessage).toBe('index() must have two or three arguments');
    expect([builtin('list').minArgs, builtin('list').maxArgs]).toEqual([0, Infinity]);
  });
});
