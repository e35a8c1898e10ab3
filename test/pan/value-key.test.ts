/** Canonical value keys (src/pan/value-key.ts): equal exactly for values DML cannot tell apart. */
import { PanDict, PanList, type Value } from '../../src/pan/element.js';
import { freeze } from '../../src/pan/protect.js';
import { valueKey } from '../../src/pan/value-key.js';

function dict(entries: Record<string, Value>): PanDict {
  const d = new PanDict();
  for (const [k, v] of Object.entries(entries)) d.set(k, v);
  return d;
}

const key = (v: Value) => valueKey(v, 10_000);

describe('valueKey', () => {
  it('is the same for values of the same content, whatever the dict insertion order', () => {
    expect(key(dict({ a: 1n, b: 'x' }))).toBe(key(dict({ b: 'x', a: 1n })));
    expect(key(new PanList([dict({ n: 'a' }), 2.5]))).toBe(key(new PanList([dict({ n: 'a' }), 2.5])));
  });

  it('tells kinds, order, nesting and protection apart', () => {
    const values: Value[] = [
      new PanList([1n]), new PanList([1]), new PanList(['1']), new PanList([true]), new PanList([undefined]),
      new PanList([null]), new PanList([1n, 2n]), new PanList([2n, 1n]), new PanList([new PanList([1n])]),
      new PanList(['a', 'b']), new PanList(['a,b']), new PanList(['s1:a']), new PanList([0]), new PanList([-0]),
      dict({ a: 1n }), dict({ a: '1' }), dict({ b: 1n }), dict({ a: new PanList() }), dict({ a: dict({}) }),
      freeze(new PanList([1n])), freeze(dict({ a: 1n })), new PanList(), dict({}),
    ];
    const keys = values.map(key);
    expect(new Set(keys).size).toBe(values.length);
  });

  it('gives up beyond the length budget', () => {
    expect(valueKey(new PanList(['x'.repeat(100)]), 50)).toBeUndefined();
    expect(valueKey(new PanList(['x']), 50)).toBeDefined();
  });
});
