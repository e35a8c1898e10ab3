/** Builds (§3, §9): include matrix, first vs later loads, other objects, dependencies, provenance. */
import { PanList } from '../../src/pan/element.js';
import { at, cleanup, error, obj, profile, run } from './helpers.js';

afterAll(cleanup);

describe('includes', () => {
  test('forbidden include combinations are Evaluation errors at the include', async () => {
    const e = await error({ t: "object template t;\ninclude 's';", s: 'structure template s;' });
    expect(e.message).toBe('OBJECT template cannot include STRUCTURE template');
    expect(e.span?.line).toBe(2);
    const e2 = await error({ t: "object template t;\ninclude 'd';", d: "declaration template d;\ninclude 'u';", u: 'unique template u;' });
    expect(e2.message).toBe('DECLARATION template cannot include UNIQUE template');
    expect((await error(obj("include 't';"))).message).toBe('OBJECT template cannot include OBJECT template');
  });

  test('unique and declaration templates run once; ordinary ones every time', async () => {
    const p = await profile({
      t: "object template t;\ninclude 'o';\ninclude 'o';\ninclude 'u';\ninclude 'u';\n'/n' = list(length(value('/o')), length(value('/u')));",
      o: "template o;\n'/o' = append('x');",
      u: "unique template u;\n'/u' = append('x');",
    });
    expect((at(p, '/n') as PanList).items).toEqual([2n, 1n]);
  });

  test('computed includes and missing templates', async () => {
    const p = await profile({ t: "object template t;\nvariable WHICH = 'a';\ninclude WHICH;\ninclude if_exists('zzz');", a: "template a;\n'/a' = 1;" });
    expect(at(p, '/a')).toBe(1n);
    expect((await error(obj("include 'nope';"))).message).toBe("cannot locate template named 'nope'");
    expect((await error(obj("variable N = 'a//b';\ninclude N;"))).message).toBe('invalid identifier for include: a//b');
  });

  test('the call stack of an error includes function calls', async () => {
    const e = await error({ t: "object template t;\ninclude 'b';", b: "template b;\nfunction f = ARGV[0] + 'x';\n'/a' = f(1);" });
    expect(e.related!.map((r) => `${r.span.file.replace(/^.*\//, '')}:${r.span.line}`)).toEqual(['b.pan:2', 'b.pan:3', 't.pan:2']);
  });

  test('the call stack of an error lists the include sites, innermost first', async () => {
    const e = await error({ t: "object template t;\ninclude 'b';", b: "template b;\ninclude 'c';", c: "template c;\n'/a' = error('boom');" });
    expect(e.span?.file).toMatch(/c\.pan$/);
    const files = e.related!.map((r) => r.span.file.replace(/^.*\//, ''));
    expect(files).toEqual(['c.pan', 'b.pan', 't.pan']);
  });
});

describe('other objects', () => {
  test('values of other objects are built on demand and both objects are results', async () => {
    const { results, main } = await run({ t: "object template t;\n'/x' = value('o:/y') + 1;", o: "object template o;\n'/y' = 41;" });
    expect(at(main.profile!, '/x')).toBe(42n);
    expect(results.map((r) => r.name)).toEqual(['o', 't']);
    expect(main.dependencies.map((d) => `${d.name} ${d.type}`)).toEqual(['o PAN', 't PAN']);
  });

  test('a cycle during execution is an error; during validation it is allowed', async () => {
    const e = await error({ t: "object template t;\n'/x' = value('o:/y');", o: "object template o;\n'/y' = value('t:/x');" });
    expect(e.message).toBe('circular object dependency detected: o -> t -> o');
    const { results } = await run({
      t: "object template t;\n'/a' = 1;\nvalid '/' = is_long(value('o:/a'));",
      o: "object template o;\n'/a' = 2;\nvalid '/' = is_long(value('t:/a'));",
    });
    expect(results.every((r) => r.profile !== undefined)).toBe(true);
  });

  test('a referenced object failing validation fails the referencing one (stage 2)', async () => {
    const { results } = await run({ t: "object template t;\n'/x' = value('o:/y');", o: "object template o;\n'/y' = 1;\nbind '/y' = string;" });
    expect(results.map((r) => r.diagnostics[0]?.code)).toEqual(['PF302', 'PF302']);
  });

  test('referencing a non-object template is an error', async () => {
    expect((await error({ t: "object template t;\n'/x' = value('o:/y');", o: 'template o;' })).message).toBe('o does not refer to an object template');
  });
});

describe('dependencies and provenance', () => {
  test('dependencies cover included, created and absent templates and text files', async () => {
    const { main } = await run({
      t: "object template t;\ninclude 'i';\n'/c' = create('s');\n'/f' = file_exists('x.txt');\ninclude if_exists('gone');",
      i: 'template i;',
      s: "structure template s;\n'a' = 1;",
    });
    expect(main.dependencies.map((d) => `${d.name} ${d.type}`)).toEqual(['gone ABSENT_SOURCE', 'i PAN', 's PAN', 't PAN', 'x.txt ABSENT_TEXT']);
    expect(main.dependencies.find((d) => d.name === 'i')!.location).toMatch(/^file:\/.*\/$/);
  });

  test('provenance records each assignment and inserted default', async () => {
    const { main } = await run({ t: "object template t;\ninclude 'i';\n'/a' = 2;\ntype r = { 'x' : long = 5 };\nbind '/r' = r;\n'/r' = dict();", i: "template i;\n'/a' = 1;" });
    const a = main.provenance!.get('/a')!;
    expect(a.map((e) => [e.template, e.span.line, e.action])).toEqual([['i', 2, 'assign'], ['t', 3, 'assign']]);
    const def = main.provenance!.get('/r/x')![0]!;
    expect([def.template, def.action, def.span.line]).toEqual(['t', 'default', 4]);
  });

  test('the initial root element', async () => {
    const p = await profile(obj("'/b' = value('/root-element-test');"), undefined, { initialData: "nlist('root-element-test', 'OK')" });
    expect(at(p, '/b')).toBe('OK');
  });
});
