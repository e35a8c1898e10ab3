/** Small evaluator modules: substitution, undefined-element scan, type printing, Java number format. */
import { PanDict, PanList } from '../../src/pan/element.js';
import { PanError } from '../../src/pan/errors.js';
import type { TypeSpecC } from '../../src/pan/ir.js';
import { substitute } from '../../src/pan/substitute.js';
import { MISSING } from '../../src/pan/tree.js';
import { formatJavaNumber, rangeToString, typeToString } from '../../src/pan/types.js';
import { findUndefined } from '../../src/pan/undefined-scan.js';

const span = { file: 'f', offset: 0, length: 0, line: 1, col: 1, endLine: 1, endCol: 1 };

describe('substitute', () => {
  const vars: Record<string, unknown> = { a: 'A', b: '${a}${a}', n: 5n, l: new PanList(['x']), loop: '${loop}' };
  const lookup = (name: string) => (name in vars ? (vars[name] as never) : MISSING);

  test('replaces references, nested references and escapes', () => {
    expect(substitute('${a}-${b}-$${a}-${n}-${l}', lookup)).toBe('A-AA-${a}-5-[ x ]');
    expect(substitute('no refs ${unclosed', lookup)).toBe('no refs ${unclosed');
  });

  test('unknown names and cycles are errors', () => {
    expect(() => substitute('${zz}', lookup)).toThrow('variable (zz) undefined in substitute()');
    expect(() => substitute('${loop}', lookup)).toThrow(PanError);
  });
});

describe('findUndefined', () => {
  test('depth first in key and list order', () => {
    const root = new PanDict(new Map<string, unknown>([
      ['b', new PanList([1n, undefined])],
      ['a', new PanDict(new Map([['z', null], ['y', 1n]]))],
    ]) as never);
    expect(findUndefined(root)).toBe('/a/z');
    expect(findUndefined(new PanDict())).toBeUndefined();
  });
});

describe('type printing', () => {
  test('aliases, collections, links, choices and ranges', () => {
    const long: TypeSpecC = { k: 'ref', name: 'long', range: { min: 0n, max: undefined }, span };
    const list: TypeSpecC = { k: 'list', elem: long, range: { min: 1n, max: 3n }, span };
    expect(typeToString(list)).toBe('long(0..)[1..3]');
    expect(typeToString({ k: 'dict', elem: { k: 'link', target: long, span }, range: undefined, span })).toBe('long(0..)*{}');
    expect(typeToString({ k: 'choice', choices: ['a', 'b'], span })).toBe('choice(a, b)');
    expect(rangeToString({ min: -2n, max: 2n })).toBe('-2..2');
  });
});

describe('formatJavaNumber', () => {
  test('grouping and at most three fraction digits', () => {
    expect(formatJavaNumber(1234567n)).toBe('1,234,567');
    expect(formatJavaNumber(-1n)).toBe('-1');
    expect(formatJavaNumber(1234.5678)).toBe('1,234.568');
    expect(formatJavaNumber(2.0)).toBe('2');
    expect(formatJavaNumber(-0.25)).toBe('-0.25');
  });
});
