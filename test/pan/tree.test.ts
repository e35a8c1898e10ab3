/** Tree writes and reads (§6.2–§6.4), copy-on-write protection and final flags (§5.9). */
import { PanDict, PanList } from '../../src/pan/element.js';
import { PanError } from '../../src/pan/errors.js';
import { FinalFlags } from '../../src/pan/final-flags.js';
import { copyValue, freeze, isFrozen, writable } from '../../src/pan/protect.js';
import { BadTermError, MISSING, getIn, listIn, putIn } from '../../src/pan/tree.js';

function thrown(f: () => unknown): Error {
  try {
    f();
  } catch (e) {
    return e as Error;
  }
  throw new Error('no error');
}

describe('putIn / getIn', () => {
  test('autovivification creates dicts for keys and lists for indices', () => {
    const root = new PanDict();
    putIn(root, ['a', 2, 'b'], 1n);
    const list = root.get('a') as PanList;
    expect(list).toBeInstanceOf(PanList);
    expect(list.items.slice(0, 2)).toEqual([undefined, undefined]);
    expect(getIn(root, ['a', 2, 'b'], false)).toBe(1n);
  });

  test('null deletes and shifts list elements; negative indices count from the end', () => {
    const root = new PanDict();
    putIn(root, ['l'], new PanList([1n, 2n, 3n]));
    putIn(root, ['l', 0], null);
    expect((root.get('l') as PanList).items).toEqual([2n, 3n]);
    putIn(root, ['l', -1], 9n);
    expect((root.get('l') as PanList).items).toEqual([2n, 9n]);
    expect(thrown(() => putIn(root, ['l', -3], 1n)).message).toBe('value -3 is an invalid negative list index (lowest allowed -2)');
  });

  test('type stability on replacement', () => {
    const root = new PanDict();
    putIn(root, ['a'], 1n);
    expect(thrown(() => putIn(root, ['a'], 'x')).message).toBe('existing element of type long cannot be replaced by one of type string');
    putIn(root, ['a'], undefined);
    putIn(root, ['a'], 'x');
    expect(root.get('a')).toBe('x');
  });

  test('children cannot be added to properties; keys and indices must match the resource', () => {
    const root = new PanDict();
    putIn(root, ['s'], 'x');
    expect((thrown(() => putIn(root, ['s', 'a'], 1n)) as PanError).message).toBe('cannot add child to element of type string');
    putIn(root, ['l', 0], 1n);
    expect(thrown(() => putIn(root, ['l', 'a'], 1n))).toBeInstanceOf(BadTermError);
  });

  test('lookups: missing elements and dereferencing properties', () => {
    const root = new PanDict();
    putIn(root, ['a'], 1n);
    expect(getIn(root, ['b'], false)).toBe(MISSING);
    expect(getIn(root, ['a', 'x'], true)).toBe(MISSING);
    expect(thrown(() => getIn(root, ['a', 'x'], false)).message).toBe("element of type 'long' cannot be dereferenced");
  });

  test('listIn creates or finds the list to append to', () => {
    const root = new PanDict();
    listIn(root, ['x', 'l']).items.push(1n);
    listIn(root, ['x', 'l']).items.push(2n);
    expect((getIn(root, ['x', 'l'], false) as PanList).items).toEqual([1n, 2n]);
    putIn(root, ['y'], 1n);
    expect(thrown(() => listIn(root, ['y'])).message).toBe('referenced variable of type long is not a list');
  });
});

describe('protection', () => {
  test('frozen values are copied on write and never changed', () => {
    const shared = freeze(new PanDict(new Map([['a', new PanList([1n])]])));
    const root = new PanDict();
    putIn(root, ['x'], shared);
    putIn(root, ['x', 'a', 0], 2n);
    expect((getIn(root, ['x', 'a'], false) as PanList).items).toEqual([2n]);
    expect((shared.get('a') as PanList).items).toEqual([1n]);
    expect(isFrozen(shared.get('a'))).toBe(true);
  });

  test('writable copies are shallow; copyValue shares frozen parts', () => {
    const inner = freeze(new PanList([1n]));
    const outer = new PanDict(new Map([['i', inner]]));
    expect(copyValue(outer).get('i')).toBe(inner);
    const w = writable(inner);
    expect(w).not.toBe(inner);
    expect(writable(outer)).toBe(outer);
  });
});

describe('final flags', () => {
  test('ancestors, the path itself and descendants are final', () => {
    const f = new FinalFlags();
    f.setFinal(['a', 'b']);
    expect(f.finalReason(['a', 'b', 'c'])).toBe('/a/b/c cannot be modified; /a/b is marked as final');
    expect(f.finalReason(['a'])).toBe('/a cannot be modified; /a/b is marked as final');
    expect(f.finalReason(['a', 'c'])).toBeUndefined();
    expect(f.finalReason(['b'])).toBeUndefined();
  });
});
