/** DML evaluation (§7): variables, control flow, functions, built-ins of the evaluator. */
import { jest } from '@jest/globals';
import { PanDict, PanList } from '../../src/pan/element.js';
import { at, cleanup, error, obj, profile } from './helpers.js';

afterAll(cleanup);

describe('variables', () => {
  test('globals cannot be modified from DML, locals are per statement', async () => {
    const e = await error(obj("variable N = 1;\nvariable M = 2;\n'/a' = { N = M; };"));
    expect(e.message).toBe("global variable 'N' cannot be modified from DML block");
    const e2 = await error(obj("'/a' = { x = 1; };\n'/b' = x;"));
    expect(e2.message).toBe("variable named 'x' is undefined");
  });

  test('null local values exist; delete removes variables and elements', async () => {
    const p = await profile(obj("'/a' = { x = null; list(exists(x), is_null(x), is_defined(x)); };\n'/b' = { x = list(1, 2); delete(x[0]); x; };\n'/c' = { x = 1; delete(x); exists(x); };"));
    expect((at(p, '/a') as PanList).items).toEqual([true, true, false]);
    expect((at(p, '/b') as PanList).items).toEqual([2n]);
    expect(at(p, '/c')).toBe(false);
  });

  test('missing subscripts are undefined-variable errors with the full name', async () => {
    expect((await error(obj("'/a' = { t = list(1); t[3]; };"))).message).toBe("variable named 't[3]' is undefined");
    expect((await error(obj("'/a' = { t = dict('k', 1); t[0]; };"))).message).toBe(
      "cannot dereference element of type 'nlist' with term '0'; error at 't0' with full path 't'",
    );
  });

  test('a protected value assigned to a local is copied; writes never reach the global', async () => {
    const p = await profile(obj("variable G = dict('a', dict('b', 1));\n'/x' = { x = G; y = x['a']; y['c'] = 2; x; };\n'/g' = G;"));
    expect(at(p, '/x/a/c')).toBe(2n);
    expect(at(p, '/g/a/c')).toBeUndefined();
  });

  test('constant subscripts read and write like computed ones; an invalid one fails when evaluated', async () => {
    const p = await profile(obj("'/a' = { t = dict(); t['k'][1] = 2; k = 'k'; list(t['k'][1], t[k][1], t['k'][-1]); };"));
    expect((at(p, '/a') as PanList).items).toEqual([2n, 2n, 2n]);
    const e = await error(obj("'/a' = { t = list(1); if (length(t) > 5) t[1.5] else t[true]; };"));
    expect(e.message).toBe('element of type boolean is not a valid index');
  });

  test('automatic variables', async () => {
    const p = await profile({
      t: "object template t;\ninclude 'inc';\nfunction f = FUNCTION;\n'/f' = f();\n'/o' = OBJECT;\n'/l' = length(LOADPATH);",
      inc: "template inc;\n'/tpl' = TEMPLATE;",
    });
    expect([at(p, '/tpl'), at(p, '/f'), at(p, '/o'), at(p, '/l')]).toEqual(['inc', 'f', 't', 0n]);
  });
});

describe('control flow', () => {
  test('if/while/for/foreach values', async () => {
    const p = await profile(
      obj(
        "variable F = false;\n'/if' = { x = if (F) 1; is_defined(x); };\n'/while' = { x = 0; y = while (F) x = 1; is_defined(y); };\n'/for' = for (i = 7; F; i = i + 1) 1;\n" +
          "'/each' = { s = ''; foreach (k; v; dict('b', 2, 'a', 1)) s = s + k + to_string(v); s; };",
      ),
    );
    expect(at(p, '/if')).toBe(false);
    expect(at(p, '/while')).toBe(false);
    expect(at(p, '/for')).toBe(7n);
    expect(at(p, '/each')).toBe('a1b2');
  });

  test('non-boolean tests are errors', async () => {
    expect((await error(obj("variable X = 1;\n'/a' = if (X) 1 else 2;"))).message).toBe('if-else test must evaluate to a boolean property');
    expect((await error(obj("variable X = 1;\n'/a' = foreach (k; v; X) 1;"))).message).toBe('third foreach argument does not evaluate to a resource');
  });

  test('the foreach value variable takes any kind at each iteration; a global name is an error', async () => {
    const p = await profile(obj("'/a' = { r = list(); foreach (k; v; list(1, 'a', list(2), null)) { r[k] = is_list(v); }; r; };"));
    expect((at(p, '/a') as PanList).items).toEqual([false, false, true, false]);
    expect((await error(obj("variable G = 1;\n'/a' = foreach (k; G; list(OBJECT)) 1;"))).message).toBe(
      "global variable 'G' cannot be modified from DML block",
    );
  });

  test('first/next iterate over a resource', async () => {
    const p = await profile(obj("'/a' = { r = list(); l = list(5, 6); ok = first(l, k, v); while (ok) { r[length(r)] = k * v; ok = next(l, k, v); }; r; };"));
    expect((at(p, '/a') as PanList).items).toEqual([0n, 6n]);
    expect((await error(obj("'/a' = { l = list(1); next(l, k, v); };"))).message).toBe('no valid iterator found for resource');
  });
});

describe('functions', () => {
  test('ARGV, ARGC, return and recursion', async () => {
    const p = await profile(obj("function fact = if (ARGV[0] <= 1) 1 else ARGV[0] * fact(ARGV[0] - 1);\nfunction first_arg = { return(ARGV[0]); 'never'; };\n'/f' = fact(10);\n'/r' = first_arg('x');"));
    expect(at(p, '/f')).toBe(3628800n);
    expect(at(p, '/r')).toBe('x');
  });

  test('a null argument is no ARGV item: undef in its place when a later argument follows', async () => {
    const p = await profile(obj("function f = list(ARGC, is_defined(ARGV[0]));\n'/a' = f(null, 1);\n'/b' = f(1, null);\n'/c' = f(null);"));
    expect((at(p, '/a') as PanList).items).toEqual([2n, false]);
    expect((at(p, '/b') as PanList).items).toEqual([1n, true]);
    expect((at(p, '/c') as PanList).items).toEqual([0n, false]);
  });

  test('undefined and duplicate functions', async () => {
    expect((await error(obj("'/a' = nosuch(1);"))).message).toBe('undefined function: nosuch');
    const e = await error({ t: "object template t;\nfunction f = 1;\ninclude 'u';", u: 'unique template u;\nfunction f = 2;' });
    expect(e.panClass).toBe('Evaluation');
    expect(e.message).toMatch(/^duplicate function definition: f/);
  });
});

describe('evaluator built-ins', () => {
  test('value, exists, path_exists, is_* and if_exists', async () => {
    const p = await profile({
      t: "object template t;\n'/x/y' = 1;\n'/v' = value('/x/y');\n'/d' = value('/nope', 'dflt');\n'/e' = list(exists('/x/y'), exists('/z'), path_exists('/x'), exists('other'), exists('missing'));\n'/i' = list(is_long(value('/x/y')), is_string(nosuchvar), is_list(list()));\n'/f' = is_defined(if_exists('missing'));",
      other: 'template other;',
    });
    expect(at(p, '/v')).toBe(1n);
    expect(at(p, '/d')).toBe('dflt');
    expect((at(p, '/e') as PanList).items).toEqual([true, false, true, true, false]);
    expect((at(p, '/i') as PanList).items).toEqual([true, false, true]);
    expect(at(p, '/f')).toBe(false);
    expect((await error(obj("'/a' = value('/nope');"))).message).toBe('referenced path (/nope) doesn\'t exist');
  });

  test('append and prepend in all forms', async () => {
    const p = await profile(obj("'/s' = { append(1); prepend(0); };\n'/v' = { x = list(1); append(x, 2); x; };\n'/n' = { append(x[0], 'a'); x; };"));
    expect((at(p, '/s') as PanList).items).toEqual([0n, 1n]);
    expect((at(p, '/v') as PanList).items).toEqual([1n, 2n]);
    const n = at(p, '/n') as PanList;
    expect(n.items.length).toBe(1);
    expect((n.items[0] as PanList).items).toEqual(['a']);
  });

  test('appended values are copies unless new; exists/is_* of references with literal or computed subscripts', async () => {
    const p = await profile(
      obj(
        "'/c' = { x = list(1); y = list(); append(y, x); append(y, list(2)); x[0] = 5; y; };\n" +
          "'/e' = { t = dict('k', list(1)); k = 'k'; list(exists(t['k'][0]), exists(t[k][1]), is_long(t['k'][0]), is_long(t[k][0]), is_string(t['z']), exists(t['k']['x'])); };",
      ),
    );
    const c = at(p, '/c') as PanList;
    expect((c.items[0] as PanList).items).toEqual([1n]);
    expect((c.items[1] as PanList).items).toEqual([2n]);
    expect((at(p, '/e') as PanList).items).toEqual([true, false, true, true, false, false]);
  });

  test('error() and substitute()', async () => {
    const e = await error(obj("'/a' = error('bad %s', 'thing');"));
    expect(e.code).toBe('PF209');
    expect(e.message).toBe('[t] user-initiated error: bad thing');
    const p = await profile(obj("variable V = 'world';\n'/s' = substitute('hello ${V} $${V}');\n'/d' = substitute('${a}-${b}', dict('a', 1, 'b', '${a}'));"));
    expect(at(p, '/s')).toBe('hello world ${V}');
    expect(at(p, '/d')).toBe('1-1');
  });

  test('file_contents and file_exists use the load path', async () => {
    const p = await profile({ t: "object template t;\n'/c' = file_contents('data.txt');\n'/e' = list(file_exists('data.txt'), file_exists('no.txt'));", 'data.txt': 'hello\n' });
    expect(at(p, '/c')).toBe('hello\n');
    expect((at(p, '/e') as PanList).items).toEqual([true, false]);
    expect((await error(obj("'/a' = file_contents('nope.txt');"))).message).toBe('file (nope.txt) does not exist');
  });

  test('create() runs a structure template on a fresh dict', async () => {
    const p = await profile({
      t: "object template t;\n'/x' = create('s', 'extra', 1, 'b', null);",
      s: "structure template s;\ninclude 's2';\n'a' = 1;\n'b' = value('a') + 1;",
      s2: "structure template s2;\n'c' = 3;",
    });
    expect((at(p, '/x') as PanDict).keys()).toEqual(['a', 'c', 'extra']);
  });

  test('one create() call site with different structure templates in turn', async () => {
    const p = await profile({
      t: "object template t;\n'/x' = { r = list(); foreach (i; n; list('s1', 's2', 's1', 's2')) r[i] = create(n, 'k', i); r; };",
      s1: "structure template s1;\n'a' = 1;",
      s2: "structure template s2;\n'b' = OBJECT;",
    });
    const r = (at(p, '/x') as PanList).items as PanDict[];
    expect(r.map((d) => [...d.keys()].map((k) => `${k}=${String(d.get(k))}`).join(','))).toEqual(['a=1,k=0', 'b=t,k=1', 'a=1,k=2', 'b=t,k=3']);
  });

  test('create() keys: literal and computed keys alike; invalid ones fail at the call', async () => {
    const s = "structure template s;\n'a' = 1;";
    const p = await profile({ t: "object template t;\n'/x' = create('s', 'k', 2, 'a' + 'b', 3, '{x y}', 4);", s });
    expect((at(p, '/x') as PanDict).keys()).toEqual(['a', 'ab', 'k', 'x_20y']);
    expect((await error({ t: "object template t;\n'/x' = create('s', 'k', 1, 'a b', 2);", s })).message).toBe('invalid key (a b) for create()');
    expect((await error({ t: "object template t;\n'/x' = create('s', 'a', 'str');", s })).message).toBe(
      'existing element of type long cannot be replaced by one of type string',
    );
  });
});

describe('debug()', () => {
  test('enabled for templates whose whole name matches the include pattern and not the exclude pattern', async () => {
    const files = obj("'/a' = debug('x %s', 'y');");
    const write = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      expect(at(await profile(files, undefined, { debugInclude: /t/ }), '/a')).toBe('x y');
      expect(write).toHaveBeenCalledWith('[t] x y\n');
      await expect(profile(files, undefined, { debugInclude: /t/, debugExclude: /.*/ })).rejects.toThrow(/undefined/);
      await expect(profile(files, undefined, { debugInclude: /x/ })).rejects.toThrow(/undefined/);
    } finally {
      write.mockRestore();
    }
  });
});
