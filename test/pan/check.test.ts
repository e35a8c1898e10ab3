/** Per-file compile-time checks (§3, §5, §7.7, §7.9): classes and messages of panc. */
import { cleanup, error, obj, profile, at } from './helpers.js';

afterAll(cleanup);

async function syntax(body: string): Promise<string> {
  const e = await error(obj(body));
  expect(e.panClass).toBe('Syntax');
  return e.message;
}

describe('template names and kinds', () => {
  test('the declared name must match the file location', async () => {
    const e = await error({ 'x.pan': 'object template y;' }, 'x.pan');
    expect(e.panClass).toBe('Syntax');
    expect(e.message).toBe("misplaced or misnamed template; relative directory and name must match 'y'");
    expect((await error({ 'x.pan': 'object template /x;' }, 'x.pan')).message).toBe('invalid template name (/x)');
  });

  test('statements allowed per template kind', async () => {
    expect((await error({ s: "structure template s;\nvariable X = 1;" }, 's')).message).toBe(
      'only relative assigment and include statements are allowed in structure templates',
    );
    expect((await error({ s: "structure template s;\n'/a' = 1;" }, 's')).message).toBe(
      'structure templates can only contain assignments to relative paths',
    );
    expect((await error({ d: "declaration template d;\n'/a' = 1;" }, 'd')).message).toBe('statement not allowed in declaration template');
    expect(await syntax("'a' = 1;")).toBe('ordinary, object, and unique templates can only contain assignments to absolute paths');
  });

  test('duplicate types and functions in one file', async () => {
    expect(await syntax('type a = long;\ntype a = string;')).toMatch(/^duplicate type definition for a; previous definition at 2\.1-2\.14/);
    expect(await syntax('function f = 1;\nfunction f = 2;')).toMatch(/^duplicate function definition for f/);
  });
});

describe('paths and prefixes', () => {
  test('prefix resolution for relative paths, including index first terms', async () => {
    const p = await profile(obj("prefix '/x';\n'0' = 1;\nprefix '/y';\n'a/b' = 2;\nprefix 'c';\n'd' = 3;"));
    expect(at(p, '/x/0')).toBe(1n);
    expect(at(p, '/y/a/b')).toBe(2n);
    expect(at(p, '/y/c/d')).toBe(3n);
  });

  test('prefix errors', async () => {
    expect(await syntax("prefix 'a';")).toBe('given relative prefix (a) requires prior absolute prefix');
    expect(await syntax("prefix '/';\n'0' = 1;")).toBe('first term in path must be a key, not an index');
  });

  test('external assignment and relative bind paths are rejected', async () => {
    expect(await syntax("'other:/a' = 1;")).toBe('assignment cannot be made to an external path (other:/a)');
    expect(await syntax("bind 'a' = long;")).toBe('only absolute paths can be used with bind statements (a)');
  });
});

describe('DML checks', () => {
  test('folding: Syntax for failing operations, Evaluation for wrong-kind literal operands', async () => {
    expect(await syntax("'/a' = 1/0;")).toBe('division by zero');
    expect(await syntax("'/a' = 1 < 2 < 3;")).toBe('mismatched or invalid arguments for less-than (<) operation');
    expect((await error(obj("'/a' = 1 * 'a';"))).panClass).toBe('Evaluation');
    expect(await syntax("'/a' = +'a';")).toBe('argument for unary plus (+) operation must be a long or double');
    expect(await syntax("'/a' = 1 && true;")).toBe('first argument for logical-and (&&) operation must be a boolean value');
    expect(at(await profile(obj("'/a' = false && x;")), '/a')).toBe(false);
    expect(await syntax("'/a' = if (1) 2;")).toBe('if-else test must evaluate to a boolean property');
    expect(await syntax("'/a' = while (3) 1;")).toBe('loop test must evaluate to a boolean property');
  });

  test('error() and return() may not appear in restricted contexts', async () => {
    expect(await syntax("'/a' = to_string(return(1));")).toBe(
      'return() may not appear in a restricted context (either variable indices or function arguments)',
    );
    expect(await syntax("'/a' = { x[error('a')] = 1; };")).toMatch(/^error\(\) may not appear in a restricted context/);
  });

  test('automatic variables cannot be set or called', async () => {
    expect(await syntax('variable OBJECT = 1;')).toBe('automatic variable (OBJECT) may not be set directly');
    expect(await syntax("'/a' = { TEMPLATE = 1; };")).toBe('automatic variable (TEMPLATE) may not be set directly');
    expect(await syntax("'/a' = { SELF = 1; };")).toBe('SELF variable may not be set directly');
    expect(await syntax("'/a' = SELF(1);")).toBe('SELF cannot be used as a function');
  });

  test('literal subscripts of assignment targets must be valid terms', async () => {
    expect(await syntax("'/a' = { x[1.0] = 1; };")).toBe('index 0 is not a valid term');
  });

  test('built-in arity and literal argument checks', async () => {
    expect(await syntax("'/a' = value('/x', 1, 2);")).toBe('value() requires exactly one or two arguments');
    expect(await syntax("'/a' = create('s', 'k');")).toBe('create() requires an odd number of arguments');
    expect(await syntax("'/a' = { first(list(1), 1, v); };")).toBe('argument must be a variable reference or undef');
    expect(await syntax("'/a' = append(null);")).toBe('value cannot be null for append()');
    expect(await syntax("'/a' = is_valid(long);")).toBe('is_valid() requires exactly two arguments');
    expect(await syntax("'/a' = path_exists('a/b');")).toBe('relative path is not allowed');
    expect(await syntax("'/a' = file_contents('/etc/hosts');")).toBe('file_contents() requires a relative file name');
  });
});

describe('include checks', () => {
  test('constant include names', async () => {
    expect(await syntax('include 1;')).toBe('DML block must evaluate to a string property, null, or undef');
    expect(await syntax("include 'a//b';")).toBe('invalid identifier (a//b)');
    expect(await syntax('include { SELF };')).toBe('SELF cannot be used within include statement');
    expect(at(await profile(obj("include undef;\ninclude null;\n'/a' = 1;")), '/a')).toBe(1n);
  });
});

describe('type checks', () => {
  test('ranges, defaults and record field names', async () => {
    const e = await error(obj('type t = long(5..1);'));
    expect(e.panClass).toBe('Evaluation');
    expect(e.message).toBe('minimum range value (5) must be less than or equal to maximum value (1)');
    expect(await syntax("type t = long = value('/a');")).toBe('DML block for default value does not evaluate to a compile-time constant');
    expect(await syntax('type t = long = undef;')).toBe('undef is not a valid default value');
    expect(await syntax("type t = { 'a/b' : long };")).toBe('field name (a/b) must be a valid term');
    expect(await syntax("type t = { '0' : long };")).toBe('first term in path must be a key, not an index');
    expect(await syntax("type t = { '+x' : long };")).toBe('field name (+x) must be a valid path');
  });
});
