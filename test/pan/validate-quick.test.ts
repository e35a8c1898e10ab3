/**
 * Quick acceptance during validation (src/pan/validate-quick.ts) never changes an outcome: record
 * fields and collection items of built-in kinds, long ranges, choices and aliases (with `with`
 * blocks whose results are remembered) pass as before, anything else fails with the full
 * validation's message, and each build follows its own definition of an alias.
 */
import path from 'node:path';
import { compile } from '../../src/pan/compiler.js';
import { DEFAULT_COMPILE_OPTIONS } from '../../src/pan/compiler-api.js';
import { cleanup, writeTree } from './helpers.js';

afterAll(cleanup);

const SCHEMA = `declaration template schema;
function short = length(ARGV[0]) <= 3;
type port = long(1..10);
type name = string with short(SELF);
type rec = {
  'port' : port
  'name' ? name
  'mode' : choice('on', 'off')
  'count' : long(0..5)
  'flag' : boolean
  'names' : name[]
  'ports' : port{}
};
bind '/r' = rec;
`;

/** Valid values of the fields of `rec`. */
const VALID: Record<string, string> = {
  port: '3',
  name: "'abc'",
  mode: "'on'",
  count: '2',
  flag: 'true',
  names: "list('ab', 'abc')",
  ports: "dict('a', 1)",
};

/** The first error message of each object, compiled in one run (undefined when it compiles). */
async function errorsOf(files: Record<string, string>, names: string[]): Promise<Array<string | undefined>> {
  const dir = writeTree(files);
  const results = await compile({
    files: names.map((n) => path.join(dir, `${n}.pan`)),
    options: { ...DEFAULT_COMPILE_OPTIONS, includeDirs: [dir] },
  });
  const byName = new Map(results.map((r) => [r.name, r.diagnostics.find((d) => d.severity === 'error')?.message]));
  return names.map((n) => byName.get(n));
}

/** An object setting `/r` to the valid values but for `changes` (field → Pan expression). */
function objectWith(name: string, changes: Record<string, string>, schema = 'schema'): string {
  const fields = Object.entries({ ...VALID, ...changes }).map(([k, v]) => `'${k}', ${v}`);
  return `object template ${name};\ninclude '${schema}';\n'/r' = dict(${fields.join(', ')});\n`;
}

describe('quick acceptance in validation', () => {
  it('accepts valid fields and items, again once block results are remembered', async () => {
    const files = { schema: SCHEMA, a: objectWith('a', {}), b: objectWith('b', {}) };
    expect(await errorsOf(files, ['a', 'b'])).toEqual([undefined, undefined]);
  });

  it.each([
    ['port', '11', 'value (11) is outside range 1..10'],
    ['port', "'x'", "validation requires type of 'long' but element is of type 'string'"],
    ['name', "'abcd'", 'user-defined validation failed'],
    ['mode', "'auto'", 'is not a possible choice value'],
    ['count', '6', 'value (6) is outside range 0..5'],
    ['flag', '1', "validation requires type of 'boolean' but element is of type 'long'"],
    ['names', "list('ab', 'abc', 'abcd')", "element path: '/r/names/2'"],
    ['ports', "dict('a', 1, 'b', 0)", "element path: '/r/ports/b'"],
  ])('fails %s = %s with the full message, before and after the valid values were seen', async (field, value, message) => {
    const changes = { [field]: value };
    const files = { schema: SCHEMA, a: objectWith('a', {}), b: objectWith('b', changes), c: objectWith('c', changes) };
    const [a, b, c] = await errorsOf(files, ['a', 'b', 'c']);
    expect(a).toBeUndefined();
    expect(b).toContain(message);
    expect(c).toBe(b);
  });

  it('follows each build’s own definition of an alias', async () => {
    const files = {
      schema: SCHEMA,
      wide: SCHEMA.replace('declaration template schema;', 'declaration template wide;').replace('long(1..10)', 'long(1..100)'),
      a: objectWith('a', { port: '50' }, 'wide'),
      b: objectWith('b', { port: '50' }),
      c: objectWith('c', { port: '50' }, 'wide'),
    };
    const [a, b, c] = await errorsOf(files, ['a', 'b', 'c']);
    expect(a).toBeUndefined();
    expect(b).toContain('value (50) is outside range 1..10');
    expect(c).toBeUndefined();
  });
});
