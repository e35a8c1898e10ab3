/** Types, defaults and validation (§8, §9.2, §9.3) with panc's validation messages. */
import { PanList } from '../../src/pan/element.js';
import { at, cleanup, error, obj, profile } from './helpers.js';

afterAll(cleanup);

async function invalid(body: string): Promise<string> {
  const e = await error(obj(body));
  expect(e.panClass).toBe('Validation');
  return e.message;
}

describe('validation', () => {
  test('kind mismatch reports path, value, type stack and binding', async () => {
    const msg = await invalid("type uint = long(0..);\nbind '/x' = uint[];\n'/x' = list(1, -1);");
    expect(msg.split('\n')).toEqual([
      'value (-1) is outside range 0..',
      "element path: '/x/1'",
      "type: 'long' [?:?]",
      expect.stringMatching(/^type: 'uint' \[.*t\.pan:2\.13-2\.21\]$/),
      expect.stringMatching(/^path '\/x' bound to type uint\[\] in \[.*t\.pan:3\.13-3\.18\]$/),
    ]);
    expect((await invalid("bind '/x' = long;\n'/x' = 'a';")).split('\n').slice(0, 3)).toEqual([
      "validation requires type of 'long' but element is of type 'string'",
      "element path: '/x'",
      'element value: a',
    ]);
  });

  test('records: unexpected, missing and included fields', async () => {
    expect(await invalid("type r = { 'a' : long };\nbind '/r' = r;\n'/r' = dict('a', 1, 'g', 2);")).toMatch(/^record definition contains unexpected field\(s\): g \n/);
    expect(await invalid("type r = { 'a' : long };\nbind '/r' = r;\n'/r' = dict();")).toMatch(/^record is missing required field: a\n/);
    const p = await profile(obj("type base = extensible { 'a' : long };\ntype r = { include base 'b' ? string };\nbind '/r' = r;\n'/r' = dict('a', 1);"));
    expect(at(p, '/r/a')).toBe(1n);
    expect(await invalid("type base = { 'a' : long };\ntype r = { include base };\nbind '/r' = r;\n'/r' = dict('a', 'x');")).toMatch(
      /^validation requires type of 'long' but element is of type 'string'\nelement path: '\/r\/a'/,
    );
  });

  test('choices, links and with blocks', async () => {
    expect(await invalid("type c = choice('a', 'b');\nbind '/c' = c;\n'/c' = 'd';")).toMatch(/^value \(d\) is not a possible choice value/);
    expect(await invalid("bind '/l' = long*;\n'/l' = '/nope';")).toMatch(
      /^error evaluating path '\/nope': path '\/nope' does not have an associated value/,
    );
    expect(await invalid("bind '/l' = long*;\n'/l' = '/s';\n'/s' = 'x';")).toMatch(/^element at linked path failed validation: '\/s'\n/);
    expect(await invalid("valid '/x' = SELF > 1;\n'/x' = 1;")).toMatch(/^user-defined validation failed\nelement path: '\/x'\nelement value: 1/);
    expect(await invalid("type t = long with error('nope');\nbind '/x' = t;\n'/x' = 1;")).toMatch(
      /^validation failed because exception was thrown[\s\S]*caused by: evaluation error \[.*\]\n\[t\] user-initiated error: nope/,
    );
    expect(await invalid("type t = long with { SELF[0] = 1; true; };\nbind '/x' = t;\n'/x' = 1;")).toMatch(/cannot modify SELF from validation function/);
  });

  test('undef left in the profile is found before any binding is checked', async () => {
    expect(await invalid("bind '/a' = string;\n'/a' = 1;\n'/b' = list(1, undef);")).toBe('element at /b/1 is undefined');
  });

  test('is_valid()', async () => {
    const p = await profile(obj("type small = long(0..9);\n'/v' = list(is_valid(small, 5), is_valid(small, 50), is_valid(small, 'x'));"));
    expect((at(p, '/v') as PanList).items).toEqual([true, false, false]);
  });

  test('types must be defined when used; built-in names cannot be redefined', async () => {
    expect((await error(obj("bind '/a' = nosuch;"))).message).toBe("referenced type 'nosuch' is not defined");
    expect((await error(obj('type string = long;'))).message).toMatch(/^duplicate type definition: string/);
    expect((await error(obj("type a = long;\ntype r = { include a };"))).message).toBe("record definition includes non-record type: 'a'");
  });
});

describe('defaults', () => {
  test('defaults fill missing and undef values in records, lists and dicts, through aliases', async () => {
    const p = await profile(
      obj(
        "type port = long = 80;\ntype svc = { 'port' : port 'name' : string = 'svc' 'opt' ? long = 1 };\n" +
          "bind '/s' = svc;\n'/s/name' = 'web';\nbind '/l' = port[];\n'/l' = list(undef, 8080);\nbind '/d' = svc{};\n'/d/a' = dict();",
      ),
    );
    expect(at(p, '/s/port')).toBe(80n);
    expect(at(p, '/s/name')).toBe('web');
    expect(at(p, '/s/opt')).toBeUndefined();
    expect((at(p, '/l') as PanList).items).toEqual([80n, 8080n]);
    expect(at(p, '/d/a/name')).toBe('svc');
  });

  test('a missing bound path gets the first default of its bindings', async () => {
    const p = await profile(obj("bind '/a' = long;\nbind '/a' = long = 3;\nbind '/a' = long = 4;"));
    expect(at(p, '/a')).toBe(3n);
  });

  test('records inherit defaults from included records; defaults are never shared between paths', async () => {
    const p = await profile(obj("type base = { 'x' : long } = dict('x', 1);\ntype r = { include base };\nbind '/a' = r;\nbind '/b' = r;\n'/b/x' = 2;"));
    expect(at(p, '/a/x')).toBe(1n);
    expect(at(p, '/b/x')).toBe(2n);
  });
});
