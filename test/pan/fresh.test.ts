/**
 * Values stored without a copy (src/pan/fresh.ts) and structure templates served from a
 * prototype (exec.ts): every create() result is a dict of its own, so changing one never
 * changes another, in the same object or in another one.
 */
import path from 'node:path';
import { compile } from '../../src/pan/compiler.js';
import { DEFAULT_COMPILE_OPTIONS } from '../../src/pan/compiler-api.js';
import { PanDict, PanList } from '../../src/pan/element.js';
import { isFreshValue } from '../../src/pan/fresh.js';
import { compileExpr } from '../../src/pan/check/expr.js';
import { parseTemplate } from '../../src/syntax/parse.js';
import { at, cleanup, profile, writeTree } from './helpers.js';

afterAll(cleanup);

/** The compiled form of the expression of `'/x' = <text>;`. */
function expr(text: string) {
  const ast = parseTemplate(`object template t;\nvariable X = ${text};\n`, 't.pan').ast!;
  const stmt = ast.statements[0]!;
  if (stmt.kind !== 'Variable') throw new Error('unexpected statement');
  return compileExpr(stmt.value, { restricted: false, debugEnabled: false });
}

describe('fresh values', () => {
  it('are literals, create() calls and list()/dict() of them', () => {
    expect(isFreshValue(expr("create('s')"))).toBe(true);
    expect(isFreshValue(expr("list(create('s'), create('s', 'a', 1))"))).toBe(true);
    expect(isFreshValue(expr("dict('a', create('s'), 'b', 'text')"))).toBe(true);
    expect(isFreshValue(expr("'text'"))).toBe(true);
  });

  it('exclude anything that may refer to a value held elsewhere', () => {
    expect(isFreshValue(expr('X'))).toBe(false);
    expect(isFreshValue(expr("list(X, create('s'))"))).toBe(false);
    expect(isFreshValue(expr('merge(list(), list())'))).toBe(false);
    expect(isFreshValue(expr("f(create('s'))"))).toBe(false);
  });
});

const STRUCT = "structure template s;\n'a' = 1;\n'l' = list('x');\n'gone' = 2;\n'gone' = null;\n";

describe('structure templates of constants', () => {
  it('give every create() a dict of its own', async () => {
    const p = await profile({
      t: [
        'object template t;',
        "'/one' = create('s', 'b', 2);",
        "'/two' = create('s');",
        "'/one/a' = 10;",
        "'/one/l' = append('y');",
        "'/pair' = list(create('s'), create('s'));",
        "'/pair/0/a' = 20;",
        "'/seq' = append(create('s'));",
        "'/seq' = append(create('s'));",
        "'/seq/1/a' = 30;",
      ].join('\n'),
      s: STRUCT,
    });
    expect(at(p, '/one/a')).toBe(10n);
    expect(at(p, '/one/b')).toBe(2n);
    expect((at(p, '/one/l') as PanList).items).toEqual(['x', 'y']);
    expect(at(p, '/two/a')).toBe(1n);
    expect(at(p, '/two/b')).toBeUndefined();
    expect(at(p, '/two/gone')).toBeUndefined();
    expect((at(p, '/two/l') as PanList).items).toEqual(['x']);
    expect(at(p, '/pair/0/a')).toBe(20n);
    expect(at(p, '/pair/1/a')).toBe(1n);
    expect(at(p, '/seq/0/a')).toBe(1n);
    expect(at(p, '/seq/1/a')).toBe(30n);
    expect([...(at(p, '/two') as PanDict).keys()]).toEqual(['a', 'l']);
  });

  it('give the same dicts in every object', async () => {
    const dir = writeTree({
      one: "object template one;\n'/s' = create('s');\n'/s/a' = 5;\n",
      two: "object template two;\n'/s' = create('s');\n",
      s: STRUCT,
    });
    const results = await compile({
      files: ['one', 'two'].map((n) => path.join(dir, `${n}.pan`)),
      options: { ...DEFAULT_COMPILE_OPTIONS, includeDirs: [dir] },
    });
    const byName = new Map(results.map((r) => [r.name, r.profile!]));
    expect(at(byName.get('one')!, '/s/a')).toBe(5n);
    expect(at(byName.get('two')!, '/s/a')).toBe(1n);
  });

  it('keep the sharing of assignments to local variables', async () => {
    const p = await profile({
      t: [
        'object template t;',
        "'/r' = {",
        '  b = list();',
        "  a = b[0] = create('s');",
        "  a['a'] = 7;",
        '  x = list();',
        "  x[0] = create('s');",
        '  x[1] = x[0];',
        "  x[1]['a'] = 5;",
        "  list(a['a'], b[0]['a'], x[0]['a'], x[1]['a']);",
        '};',
      ].join('\n'),
      s: STRUCT,
    });
    expect((at(p, '/r') as PanList).items).toEqual([7n, 7n, 1n, 5n]);
  });

  it('still run templates that do more than assign constants', async () => {
    const p = await profile({
      t: "object template t;\nvariable N = 1;\n'/a' = create('s');\n'/b' = create('s');\n",
      s: "structure template s;\n'n' = { N + 1 };\n'c' = 3;\n",
    });
    expect(at(p, '/a/n')).toBe(2n);
    expect(at(p, '/b/c')).toBe(3n);
  });
});
