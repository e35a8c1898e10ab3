/**
 * The memo of `with` validation results (src/pan/with-memo.ts) never changes an outcome: a
 * block that reads a global variable, a function defined differently by another template, the
 * configuration through value(), or a lower iteration limit is evaluated again; a remembered
 * failure fails with the same message; results are the same in one process and in a fresh one;
 * a block on a list or dict gives each value its own result, even when the value changes later.
 */
import path from 'node:path';
import { compile } from '../../src/pan/compiler.js';
import { DEFAULT_COMPILE_OPTIONS } from '../../src/pan/compiler-api.js';
import { PanList } from '../../src/pan/element.js';
import { toPanString } from '../../src/pan/tostring.js';
import { at, cleanup, profile, run, writeTree } from './helpers.js';

afterAll(cleanup);

/** The first error message of compiling object `main` (undefined when it compiles). */
async function errorOf(files: Record<string, string>, main: string, options = {}): Promise<string | undefined> {
  const { main: r } = await run(files, main, options);
  return r.diagnostics.find((d) => d.severity === 'error')?.message;
}

const SCHEMA = `declaration template schema;
function short = length(ARGV[0]) <= LIMIT;
type name = string with short(SELF);
bind '/name' = name;
`;

describe('with-block memo', () => {
  it('re-evaluates a block whose function reads a global variable', async () => {
    const files = (limit: number): Record<string, string> => ({
      obj: `object template obj;\nvariable LIMIT = ${limit};\ninclude 'schema';\n'/name' = 'abcdef';\n`,
      schema: SCHEMA,
    });
    expect(await errorOf(files(10), 'obj')).toBeUndefined();
    expect(await errorOf(files(3), 'obj')).toContain('user-defined validation failed');
    expect(await errorOf(files(10), 'obj')).toBeUndefined();
  });

  it('tells apart functions of the same name defined by different templates', async () => {
    const files = (body: string): Record<string, string> => ({
      obj: `object template obj;\ninclude 'schema';\n'/name' = 'abc';\n`,
      schema: `declaration template schema;\nfunction check = ${body};\ntype name = string with check(SELF);\nbind '/name' = name;\n`,
    });
    expect(await errorOf(files("match(ARGV[0], '^a')"), 'obj')).toBeUndefined();
    expect(await errorOf(files("match(ARGV[0], '^b')"), 'obj')).toContain('user-defined validation failed');
    expect(await errorOf(files("match(ARGV[0], '^a')"), 'obj')).toBeUndefined();
  });

  it('re-evaluates a block that reads the configuration', async () => {
    const files = (mode: string): Record<string, string> => ({
      obj: `object template obj;\n'/mode' = '${mode}';\n'/name' = 'x';\nbind '/name' = string with value('/mode') == 'on';\n`,
    });
    expect(await errorOf(files('on'), 'obj')).toBeUndefined();
    expect(await errorOf(files('off'), 'obj')).toContain('user-defined validation failed');
  });

  it('fails a remembered failure with the same message, for every object', async () => {
    const dir = writeTree({
      one: `object template one;\ninclude 'schema';\n'/name' = 'toolong';\n`,
      two: `object template two;\ninclude 'schema';\n'/name' = 'toolong';\n`,
      schema: `declaration template schema;\nfunction short = length(ARGV[0]) <= 3;\ntype name = string with short(SELF);\nbind '/name' = name;\n`,
    });
    const results = await compile({ files: ['one', 'two'].map((n) => path.join(dir, `${n}.pan`)), options: { ...DEFAULT_COMPILE_OPTIONS, includeDirs: [dir] } });
    const [first, second] = results.map((r) => r.diagnostics.find((d) => d.severity === 'error')?.message);
    expect(first).toContain('user-defined validation failed');
    expect(second).toBe(first);
  });

  it('analyses a block again in a build where one of its names is a global', async () => {
    const schema = `declaration template schema;
function short = { if (is_defined(LIM)) length(ARGV[0]) <= LIM else length(ARGV[0]) <= 3 };
type name = string with short(SELF);
bind '/name' = name;
`;
    const object = (name: string, limit: boolean) =>
      `object template ${name};\n${limit ? 'variable LIM = 10;\n' : ''}include 'schema';\n'/name' = 'toolong';\n`;
    const dir = writeTree({ a: object('a', false), b: object('b', true), c: object('c', false), d: object('d', true), schema });
    const results = await compile({
      files: ['a', 'b', 'c', 'd'].map((n) => path.join(dir, `${n}.pan`)),
      options: { ...DEFAULT_COMPILE_OPTIONS, includeDirs: [dir] },
    });
    const failed = results.map((r) => r.profile === undefined);
    expect(failed).toEqual([true, false, true, false]);
  });

  it('gives each list or dict SELF its own result, across objects', async () => {
    const schema = `declaration template schema;
function no_repeat = { seen = dict(); foreach (i; x; ARGV[0]) { if (exists(seen[x['name']])) return(false); seen[x['name']] = true; }; true; };
type user = { 'name' : string 'uid' : long };
bind '/users' = user[] with no_repeat(SELF);
`;
    const users = (names: string[]): string =>
      `list(${names.map((n, i) => `dict('name', '${n}', 'uid', ${i})`).join(', ')})`;
    const object = (name: string, names: string[]) => `object template ${name};\ninclude 'schema';\n'/users' = ${users(names)};\n`;
    const dir = writeTree({
      a: object('a', ['x', 'y']),
      b: object('b', ['x', 'x']),
      c: object('c', ['x', 'y']),
      d: object('d', ['x', 'x']),
      e: object('e', ['y', 'x']),
      schema,
    });
    const results = await compile({
      files: ['a', 'b', 'c', 'd', 'e'].map((n) => path.join(dir, `${n}.pan`)),
      options: { ...DEFAULT_COMPILE_OPTIONS, includeDirs: [dir] },
    });
    expect(results.map((r) => r.profile === undefined)).toEqual([false, true, false, true, false]);
    const [failed, again] = [results[1], results[3]].map((r) => r!.diagnostics.find((d) => d.severity === 'error')?.message);
    expect(failed).toContain('user-defined validation failed');
    expect(again).toBe(failed);
  });

  it('judges a dict again after it is changed (is_valid on a value being built)', async () => {
    const files: Record<string, string> = {
      obj: `object template obj;
type small = dict with length(SELF) <= 1;
'/r' = {
  d = dict('a', 1);
  first = is_valid(small, d);
  d['b'] = 2;
  second = is_valid(small, d);
  list(first, second, is_valid(small, dict('a', 1)), is_valid(small, dict('a', 1, 'b', 2)));
};
`,
    };
    expect(toPanString(at(await profile(files, 'obj'), '/r'))).toBe(toPanString(new PanList([true, false, true, false])));
  });

  it('keeps loop limits apart', async () => {
    const files: Record<string, string> = {
      obj: `object template obj;\ninclude 'schema';\n'/name' = 'abc';\n`,
      schema: `declaration template schema;\nfunction spin = { i = 0; while (i < 50) i = i + 1; true; };\ntype name = string with spin(SELF);\nbind '/name' = name;\n`,
    };
    expect(await errorOf(files, 'obj', { maxIteration: 100 })).toBeUndefined();
    expect(await errorOf(files, 'obj', { maxIteration: 10 })).toBeDefined();
  });
});
