import { PanDict, PanList, deepCopy, deepEqual, formatDouble, kindOf, wrapLong } from '../../src/pan/element.js';

describe('formatDouble (Java Double.toString)', () => {
  it.each([
    [1, '1.0'],
    [2.5, '2.5'],
    [0.001, '0.001'],
    [1e-5, '1.0E-5'],
    [1e-4, '1.0E-4'],
    [9999999, '9999999.0'],
    [1e7, '1.0E7'],
    [1e8, '1.0E8'],
    [123456789, '1.23456789E8'],
    [1e20, '1.0E20'],
    [1e21, '1.0E21'],
    [0.30000000000000004, '0.30000000000000004'],
    [-1.5e-7, '-1.5E-7'],
    [0, '0.0'],
    [-0, '-0.0'],
    [Infinity, 'Infinity'],
    [-Infinity, '-Infinity'],
    [NaN, 'NaN'],
  ])('%p → %s', (x, s) => {
    expect(formatDouble(x)).toBe(s);
  });
});

describe('data model', () => {
  it('names kinds as panc does', () => {
    expect([1n, 1.0, 's', true, new PanList(), new PanDict(), undefined, null].map(kindOf)).toEqual([
      'long', 'double', 'string', 'boolean', 'list', 'nlist', 'undef', 'null',
    ]);
  });

  it('keeps dict keys in Java string order and updates the order on insert and delete', () => {
    const d = new PanDict();
    for (const k of ['b', 'a2', 'a10', '_x', 'Z', 'B']) d.set(k, 1n);
    expect(d.keys()).toEqual(['B', 'Z', '_x', 'a10', 'a2', 'b']);
    d.delete('Z');
    d.set('A', 2n);
    expect(d.keys()).toEqual(['A', 'B', '_x', 'a10', 'a2', 'b']);
  });

  it('orders keys by UTF-16 code units in small and large dicts', () => {
    const keys = ['b', 'a2', '\u00e9', 'a10', '\ud83d\ude00', '_x', '\uffff', 'Z', 'B', 'a', ''];
    for (const n of [3, keys.length]) {
      const d = new PanDict();
      for (const k of keys.slice(0, n)) d.set(k, 1n);
      expect(d.keys()).toEqual(keys.slice(0, n).sort());
    }
    const many = Array.from({ length: 40 }, (_, i) => `k${(i * 7919) % 40}`);
    const d = new PanDict();
    for (const k of many) d.set(k, 1n);
    expect(d.keys()).toEqual([...many].sort());
  });

  it('copies deeply and compares long and double as different', () => {
    const inner = new PanList([1n]);
    const d = new PanDict(new Map([['l', inner]]));
    const copy = deepCopy(d);
    (copy.get('l') as PanList).items.push(2n);
    expect(inner.items).toEqual([1n]);
    expect(deepEqual(new PanList([1n]), new PanList([1n]))).toBe(true);
    expect(deepEqual(1n, 1.0)).toBe(false);
  });

  it('wraps longs to 64 bits', () => {
    expect(wrapLong((1n << 63n) - 1n + 1n)).toBe(-(1n << 63n));
  });
});
