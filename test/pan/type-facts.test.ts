/**
 * Type facts shared between builds (src/pan/type-facts.ts): builds that define the same types
 * share one environment; builds whose types differ (another definition under the same name,
 * another order) never see each other's facts — defaults, record fields and validation follow
 * each build's own definitions.
 */
import path from 'node:path';
import { compile } from '../../src/pan/compiler.js';
import { DEFAULT_COMPILE_OPTIONS } from '../../src/pan/compiler-api.js';
import { initialTypeEnvironment } from '../../src/pan/type-facts.js';
import { at, cleanup, writeTree } from './helpers.js';

afterAll(cleanup);

describe('type environments', () => {
  it('lead to the same environment, and facts, for the same definitions in the same order', () => {
    const a = {};
    const b = {};
    const root = initialTypeEnvironment();
    const ab = root.extend('a', a).extend('b', b);
    expect(root.extend('a', a).extend('b', b)).toBe(ab);
    expect(root.extend('a', a).extend('b', b).typeFacts()).toBe(ab.typeFacts());
    expect(root.extend('b', b).extend('a', a)).not.toBe(ab);
    expect(root.extend('a', {})).not.toBe(root.extend('a', a));
    expect(root.extend('c', a)).not.toBe(root.extend('a', a));
  });
});

describe('builds with different definitions of a type', () => {
  const files = {
    one: "object template one;\ninclude 'schema/one';\n'/x' = dict('b', 1);\n",
    two: "object template two;\ninclude 'schema/two';\n'/x' = dict('b', 1);\n",
    three: "object template three;\ninclude 'schema/one';\n'/x' = dict('b', 1);\n",
    'schema/one': "declaration template schema/one;\ntype t = { 'a' : long = 1 'b' : long };\nbind '/x' = t;\n",
    'schema/two': "declaration template schema/two;\ntype base = { 'a' : long = 2 };\ntype t = { include base 'b' : long 'c' : string = 'two' };\nbind '/x' = t;\n",
  };

  async function compileAll(): Promise<Map<string, Awaited<ReturnType<typeof compile>>[number]>> {
    const dir = writeTree(files);
    const results = await compile({
      files: ['one', 'two', 'three'].map((n) => path.join(dir, `${n}.pan`)),
      options: { ...DEFAULT_COMPILE_OPTIONS, includeDirs: [dir] },
    });
    return new Map(results.map((r) => [r.name, r]));
  }

  it('insert the defaults of their own definition', async () => {
    const results = await compileAll();
    const one = results.get('one')!.profile!;
    const two = results.get('two')!.profile!;
    expect(at(one, '/x/a')).toBe(1n);
    expect(at(one, '/x/c')).toBeUndefined();
    expect(at(two, '/x/a')).toBe(2n);
    expect(at(two, '/x/c')).toBe('two');
    expect(at(results.get('three')!.profile!, '/x/a')).toBe(1n);
  });

  it('accept the fields of their own definition', async () => {
    const dir = writeTree({
      ...files,
      one: "object template one;\ninclude 'schema/one';\n'/x' = dict('b', 1, 'c', 'extra');\n",
      two: "object template two;\ninclude 'schema/two';\n'/x' = dict('b', 1, 'c', 'fine');\n",
    });
    const results = await compile({
      files: ['two', 'one'].map((n) => path.join(dir, `${n}.pan`)),
      options: { ...DEFAULT_COMPILE_OPTIONS, includeDirs: [dir] },
    });
    const byName = new Map(results.map((r) => [r.name, r]));
    expect(byName.get('two')!.profile).toBeDefined();
    expect(byName.get('one')!.diagnostics[0]!.message).toContain('record definition contains unexpected field(s): c ');
  });
});

describe('type reference checks', () => {
  it('are made again for a build whose types differ', async () => {
    const dir = writeTree({
      a: "object template a;\ninclude 'base';\ninclude 'schema';\n",
      b: "object template b;\ninclude 'schema';\n",
      base: "declaration template base;\ntype port = long(1..65535);\n",
      schema: "declaration template schema;\ntype service = { 'port' : port };\n",
    });
    const results = await compile({
      files: ['a', 'b'].map((n) => path.join(dir, `${n}.pan`)),
      options: { ...DEFAULT_COMPILE_OPTIONS, includeDirs: [dir] },
    });
    const byName = new Map(results.map((r) => [r.name, r]));
    expect(byName.get('a')!.profile).toBeDefined();
    expect(byName.get('b')!.diagnostics[0]!.message).toBe("referenced type 'port' is not defined");
  });
});
