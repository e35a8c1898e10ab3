/** One test per item of the language reference's surprises checklist (§14). */
import { PanDict, PanList } from '../../src/pan/element.js';
import { at, cleanup, error, obj, profile } from './helpers.js';

afterAll(cleanup);

describe('surprises checklist', () => {
  test('1: constant folding makes dead code a Syntax error; some wrong-kind operands give Evaluation', async () => {
    expect((await error(obj("'/a' = if (false) 1/0 else 2;"))).panClass).toBe('Syntax');
    expect((await error(obj("'/a' = 1 + 'a';"))).panClass).toBe('Syntax');
    const e = await error(obj("'/a' = 1 + undef;"));
    expect(e.panClass).toBe('Evaluation');
    expect(e.message).toBe('arguments for add (+) operation must be longs, doubles, or strings');
    expect((await error(obj("'/a' = - 'foo';"))).panClass).toBe('Evaluation');
  });

  test('2: constant statement DML is pre-evaluated with a 1000-iteration limit and no globals', async () => {
    const loop = "'/a' = { i = 0; while (i < 500) i = i + 1; i; };";
    expect(at(await profile(obj(loop)), '/a')).toBe(500n);
    const p = await profile(obj("variable X = 1;\n'/a' = { X = 2; };"));
    expect(at(p, '/a')).toBe(2n);
    const e = await error(obj("variable N = 500;\n'/a' = { i = 0; while (i < N) i = i + 1; i; };"));
    expect(e.message).toBe('loop iteration count (100) has been exceeded');
  });

  test('3: variable X = ... creates X as undef first, so exists(X) is true inside', async () => {
    const p = await profile(obj("variable X = if (exists(X)) 'exists' else 'missing';\n'/a' = X;"));
    expect(at(p, '/a')).toBe('exists');
  });

  test('4: ?= fires for missing and undef values, not for null', async () => {
    const p = await profile(obj("variable X = null;\nvariable X ?= 5;\n'/a' = is_null(X);\n'/b' = undef;\n'/b' ?= 3;\n'/c' ?= 4;"));
    expect(at(p, '/a')).toBe(true);
    expect(at(p, '/b')).toBe(3n);
    expect(at(p, '/c')).toBe(4n);
  });

  test('5: assigning null deletes; list elements shift; null arguments shift ARGV', async () => {
    const p = await profile(
      obj(
        "'/l' = list(1, 2, 3);\n'/l/0' = null;\n'/d' = dict('a', 1, 'b', 2);\n'/d/a' = null;\n" +
          "function n = ARGC;\n'/n1' = n(null);\n'/n2' = n(1, null);\n'/n3' = n(1, null, 2);\n" +
          "function u = is_defined(ARGV[1]);\n'/u' = u(1, null, 2);",
      ),
    );
    expect((at(p, '/l') as PanList).items).toEqual([2n, 3n]);
    expect((at(p, '/d') as PanDict).keys()).toEqual(['b']);
    expect([at(p, '/n1'), at(p, '/n2'), at(p, '/n3')]).toEqual([0n, 1n, 3n]);
    expect(at(p, '/u')).toBe(false);
  });

  test('6: writing past the end of a list pads with undef, which fails validation', async () => {
    const e = await error(obj("'/l/2' = 'x';"));
    expect(e.panClass).toBe('Validation');
    expect(e.message).toBe('element at /l/0 is undefined');
  });

  test('7: negative indices work on existing elements only', async () => {
    const p = await profile(obj("'/l' = list(1, 2, 3);\n'/l/-1' = 9;\n'/x' = { l = list(1, 2); l[-2]; };"));
    expect((at(p, '/l') as PanList).items).toEqual([1n, 2n, 9n]);
    expect(at(p, '/x')).toBe(1n);
    const e = await error(obj("'/a/-1' = 1;"));
    expect(e.panClass).toBe('Evaluation');
    expect(e.message).toBe('value -1 is an invalid negative list index (lowest allowed -0)');
  });

  test('8: an omitted range minimum is 0; string ranges are lengths', async () => {
    expect((await error(obj("bind '/a' = long(..10);\n'/a' = -5;"))).message).toMatch(/^value \(-5\) is outside range 0\.\.10/);
    expect((await error(obj("bind '/s' = string(3..3);\n'/s' = 'abcd';"))).message).toMatch(/^string size \(4\) is outside range 3\.\.3/);
  });

  test('9: bind makes the path mandatory; optional fields and records get no implicit default', async () => {
    expect((await error(obj("bind '/a' = long;"))).message).toMatch(/^element does not exist/);
    const p = await profile(
      obj("type r = { 'req' : long = 1 'opt' ? long = 2 };\nbind '/r' = r;\n'/r' = dict();\nbind '/s' = r;\n'/s/opt' = undef;"),
    );
    expect((at(p, '/r') as PanDict).keys()).toEqual(['req']);
    expect(at(p, '/s/opt')).toBe(2n);
    expect((await error(obj("type r = { 'opt' ? long };\nbind '/r' = r;"))).message).toMatch(/^element does not exist/);
  });

  test('10: long and double never replace each other but compare numerically equal', async () => {
    expect((await error(obj("'/a' = 1;\n'/a' = 1.0;"))).message).toBe('existing element of type long cannot be replaced by one of type double');
    expect(at(await profile(obj("'/eq' = 1 == 1.0;")), '/eq')).toBe(true);
  });

  test('11: dict keys sort in Java string order; 1a is a key, 01 is an error, 0 is an index', async () => {
    const p = await profile(obj("'/d' = dict('b', 1, 'a10', 2, 'B', 3, '_x', 4, 'a2', 5, 'Z', 6);\n'/k/1a' = 1;\n'/i/0' = 1;"));
    expect((at(p, '/d') as PanDict).keys()).toEqual(['B', 'Z', '_x', 'a10', 'a2', 'b']);
    expect(at(p, '/k/1a')).toBe(1n);
    expect(at(p, '/i')).toBeInstanceOf(PanList);
    expect((await error(obj("'/k/01' = 1;"))).message).toBe("index cannot start with leading zero(s): '01'");
  });

  test('12: functions, types and binds of an ordinary template run only on its first inclusion', async () => {
    const p = await profile({
      t: "object template t;\ninclude 'inc';\ninclude 'inc';\n'/n' = length(value('/l'));",
      inc: "template inc;\nfunction f = 1;\ntype mytype = long;\n'/l' = append(f());",
    });
    expect(at(p, '/n')).toBe(2n);
  });

  test('13: SELF is dynamically scoped into functions and its writes are visible at once', async () => {
    const p = await profile(obj("function f = { SELF['b'] = 2; value('/x/a'); };\n'/x' = { SELF['a'] = 1; SELF['c'] = f(); SELF; };"));
    expect([at(p, '/x/a'), at(p, '/x/b'), at(p, '/x/c')]).toEqual([1n, 2n, 1n]);
  });

  test('14: final protects ancestors and descendants of the final path', async () => {
    const e = await error(obj("final '/a/b' = 1;\n'/a/c' = 2;\n'/a' = dict();"));
    expect(e.message).toBe('/a cannot be modified; /a/b is marked as final');
    const e2 = await error(obj("final '/a' = dict('b', 1);\n'/a/c' = 2;"));
    expect(e2.message).toBe('/a/c cannot be modified; /a is marked as final');
  });

  test('15: Syntax errors in included templates surface as Evaluation errors', async () => {
    const e = await error({ t: "object template t;\ninclude 'bad';", bad: "template bad;\n'/a' = 1 + 'x';" });
    expect(e.panClass).toBe('Evaluation');
    expect(e.message).toBe('mismatched or invalid arguments for add (+) operation');
  });

  test('16: match searches; to_long rounds half up', async () => {
    const p = await profile(obj("'/m' = match('abc', 'b');\n'/a' = to_long(2.5);\n'/b' = to_long(-2.5);"));
    expect([at(p, '/m'), at(p, '/a'), at(p, '/b')]).toEqual([true, 3n, -2n]);
  });

  test('17: debug() is compiled away and its arguments are not evaluated unless enabled', async () => {
    const p = await profile(obj("'/a' = { debug(value('/does/not/exist')); 'ok'; };"));
    expect(at(p, '/a')).toBe('ok');
  });

  test('18: local y = x shares the resource', async () => {
    const p = await profile(obj("'/x' = { x = list(1, 2); y = x; y[0] = 5; x; };"));
    expect((at(p, '/x') as PanList).items).toEqual([5n, 2n]);
  });

  test('19: a user function named like a built-in is never called', async () => {
    const p = await profile(obj("function length = 'user';\n'/a' = length('abc');"));
    expect(at(p, '/a')).toBe(3n);
  });

  test('20: templates found in LOADPATH subdirectories are named without the subdirectory', async () => {
    const p = await profile({
      t: "object template t;\nvariable LOADPATH = list('one');\ninclude 'alpha';",
      'one/alpha.pan': "template alpha;\n'/a' = 'from one';",
    });
    expect(at(p, '/a')).toBe('from one');
    const e = await error({
      t: "object template t;\nvariable LOADPATH = list('one');\ninclude 'beta';",
      'one/beta.pan': "template one/beta;\n'/a' = 1;",
    });
    expect(e.panClass).toBe('Evaluation');
  });
});
