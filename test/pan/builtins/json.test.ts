import { decodeJson, encodeJson, encodeJsonBytes, jsonString } from '../../../src/pan/builtins/json.js';
import { PanDict, PanList } from '../../../src/pan/element.js';
import { builtin, call, callError, dict, list, plain } from './helpers.js';

describe('json_encode', () => {
  it('writes properties in Java form', () => {
    expect(call('json_encode', true)).toBe('true');
    expect(call('json_encode', 1234n)).toBe('1234');
    expect(call('json_encode', 1234.56)).toBe('1234.56');
    expect(call('json_encode', 1e20)).toBe('1.0E20');
    expect(call('json_encode', 2.0)).toBe('2.0');
    expect(call('json_encode', NaN)).toBe('NaN');
    expect(call('json_encode', 'string')).toBe('"string"');
    expect(call('json_encode', null)).toBe('null');
  });

  it('pretty-prints resources with two-space indentation and sorted keys', () => {
    expect(call('json_encode', list(1n, 2n, 'three'))).toBe('[\n  1,\n  2,\n  "three"\n]');
    expect(call('json_encode', dict(['b', 2n], ['a', 1n]))).toBe('{\n  "a": 1,\n  "b": 2\n}');
    expect(call('json_encode', dict(['x', list(dict(['y', list()]), dict())]))).toBe(
      '{\n  "x": [\n    {\n      "y": []\n    },\n    {}\n  ]\n}',
    );
  });

  it('keeps null list elements and omits null dict entries', () => {
    expect(call('json_encode', list(1n, null))).toBe('[\n  1,\n  null\n]');
    expect(call('json_encode', dict(['a', 1n], ['b', null]))).toBe('{\n  "a": 1\n}');
    expect(call('json_encode', dict(['b', null]))).toBe('{}');
  });

  it('escapes like Gson with HTML-safe escaping', () => {
    expect(jsonString('<a href=\'x\'>&</a>')).toBe('"\\u003ca href\\u003d\\u0027x\\u0027\\u003e\\u0026\\u003c/a\\u003e"');
    expect(jsonString('q"b\\s\t\b\n\r\f')).toBe('"q\\"b\\\\s\\t\\b\\n\\r\\f"');
    expect(jsonString('\u0000\u001f\u007f\u2028\u2029é😀')).toBe('"\\u0000\\u001f\u007f\\u2028\\u2029é😀"');
    expect(call('json_encode', dict(['a_3c', 'x']))).toBe('{\n  "a_3c": "x"\n}');
  });

  it('rejects undef anywhere', () => {
    expect(callError('json_encode', undefined)).toBe('undef cannot be converted to JSON');
    expect(callError('json_encode', dict(['a', undefined]))).toBe('undef cannot be converted to JSON');
    expect(callError('json_encode', list(list(undefined)))).toBe('undef cannot be converted to JSON');
    expect(builtin('json_encode').arityMessage).toBe('json_encode() requires exactly one argument');
  });

  it('is exported for the JSON output format', () => {
    expect(encodeJson(dict(['k', 'v']))).toBe('{\n  "k": "v"\n}');
  });

  it('keeps every character of non-ASCII strings, unpaired surrogates included', () => {
    expect(call('json_encode', list('caf\u00e9', 'a\ud800b', '\udc00', '\ud83d\ude00<'))).toBe(
      '[\n  "caf\u00e9",\n  "a\ud800b",\n  "\udc00",\n  "\ud83d\ude00\\u003c"\n]',
    );
    expect(call('json_encode', dict(['k\u00e9', 'v']))).toBe('{\n  "k\u00e9": "v"\n}');
  });

  it('encodes as bytes what it encodes as text', () => {
    const v = dict(['a', list('x\u00e9<', 1n, 2.5, true, null)], ['b', dict(['c', 'd\u2029'])]);
    expect(encodeJsonBytes(v).equals(Buffer.from(encodeJson(v), 'utf8'))).toBe(true);
  });
});

describe('json_encode of recurring keys and strings', () => {
  /** The expected text of a dict of string values at depth 0, built from `jsonString`. */
  const expected = (entries: Array<[string, string]>): string =>
    '{\n' + entries.map(([k, v]) => `  ${jsonString(k)}: ${jsonString(v)}`).join(',\n') + '\n}';

  it('writes the same key and value texts at every depth and every time', () => {
    const inner = dict(['a<b', 'x"y'], ['k', 'v']);
    const v = dict(['a<b', 'x"y'], ['k', dict(['a<b', 'x"y'], ['k', inner])]);
    const text = '{\n  "a\\u003cb": "x\\"y",\n  "k": {\n    "a\\u003cb": "x\\"y",\n    "k": {\n      "a\\u003cb": "x\\"y",\n      "k": "v"\n    }\n  }\n}';
    expect(encodeJson(v)).toBe(text);
    expect(encodeJson(v)).toBe(text);
    expect(encodeJsonBytes(v).toString('utf8')).toBe(text);
  });

  it('encodes more distinct, and longer, keys and strings than it keeps', () => {
    const entries: Array<[string, string]> = [];
    for (let i = 0; i < 10000; i++) entries.push([`key${String(i).padStart(5, '0')}`, i % 7 === 0 ? `${'long '.repeat(20)}<${i}>` : `value ${i % 300}`]);
    const v = dict(...entries);
    expect(encodeJson(v)).toBe(expected(entries));
    expect(encodeJson(v)).toBe(expected(entries));
  });

  it('writes non-ASCII keys and strings among recurring ones, as text and as bytes', () => {
    const entries: Array<[string, string]> = [['a', 'caf\u00e9'], ['b\u00e9', 'x'], ['c', 'x'], ['d', '\ud83d\ude00&']];
    const v = dict(...entries);
    expect(encodeJson(v)).toBe(expected(entries));
    expect(encodeJsonBytes(v).equals(Buffer.from(expected(entries), 'utf8'))).toBe(true);
    expect(encodeJsonBytes(dict(['c', 'x'])).toString('latin1')).toBe('{\n  "c": "x"\n}');
  });
});

describe('json_decode', () => {
  it('reads values: integers as longs, numbers with a dot as doubles', () => {
    expect(call('json_decode', 'true')).toBe(true);
    expect(call('json_decode', '1234')).toBe(1234n);
    expect(call('json_decode', '-0')).toBe(0n);
    expect(call('json_decode', '1234.56')).toBe(1234.56);
    expect(call('json_decode', '1.5e3')).toBe(1500);
    expect(call('json_decode', '"string"')).toBe('string');
    expect(call('json_decode', '"\\u00e9\\n\\/"')).toBe('é\n/');
    expect(plain(call('json_decode', '[1, 2, "three"]'))).toEqual([1n, 2n, 'three']);
    expect(plain(call('json_decode', '{"a": 1, "b": 2}'))).toEqual({ a: 1n, b: 2n });
    expect(call('json_decode', '9223372036854775807')).toBe(9223372036854775807n);
  });

  it('keeps null in arrays and drops it in objects', () => {
    const v = call('json_decode', '{"a": [1, null], "b": null}') as PanDict;
    expect(v.keys()).toEqual(['a']);
    expect((v.get('a') as PanList).items).toEqual([1n, null]);
  });

  it('accepts Gson lenient syntax', () => {
    expect(call('json_decode', 'abc')).toBe('abc');
    expect(plain(call('json_decode', "{a: 'x'; b = 2, c => TRUE}"))).toEqual({ a: 'x', b: 2n, c: true });
    expect(plain(call('json_decode', '[1,]'))).toEqual([1n, null]);
    expect(plain(call('json_decode', '[,1]'))).toEqual([null, 1n]);
    expect(plain(call('json_decode', '[01, 0x1F, NaN]'))).toEqual(['01', '0x1F', 'NaN']);
    expect(plain(call('json_decode', '// c\n[1 /* c */, 2 # c\n]'))).toEqual([1n, 2n]);
    // Gson checks for trailing content in strict mode, where comments are not allowed.
    expect(callError('json_decode', '[1] # c')).toMatch(/Use JsonReader.setLenient\(true\) to accept malformed JSON/);
    expect(plain(call('json_decode', ")]}'\n[1]"))).toEqual([1n]);
  });

  it('escapes {...} names and applies key rules', () => {
    expect(plain(call('json_decode', '{"{a b}": 1}'))).toEqual({ a_20b: 1n });
    expect(callError('json_decode', '{"a b": 1}')).toBe("invalid path term or nlist key: 'a b'");
    expect(callError('json_decode', '{"": 1}')).toBe('empty string cannot be used as a path term or nlist key');
    expect(callError('json_decode', '{"a": {"0": "b"}}')).toBe("JSON path '$.a.0' is not a valid PAN path");
    expect(callError('json_decode', '{"x": [{"1": []}]}')).toBe("JSON path '$.x[0].1' is not a valid PAN path");
    expect(callError('json_decode', '{"a": 1, "a": "x"}')).toBe('existing element of type long cannot be replaced by one of type string');
    expect(plain(call('json_decode', '{"a": 1, "a": 2}'))).toEqual({ a: 2n });
  });

  it('reports Gson errors with their locations', () => {
    expect(callError('json_decode', '{[{')).toBe(
      'invalid JSON value {[{: com.google.gson.stream.MalformedJsonException: Expected name at line 1 column 2 path $.',
    );
    expect(callError('json_decode', '[[')).toBe('invalid JSON value [[: java.io.EOFException: End of input at line 1 column 3 path $[0][0]');
    expect(callError('json_decode', '[1] x')).toBe(
      'invalid JSON value [1] x: com.google.gson.stream.MalformedJsonException: Use JsonReader.setLenient(true) to accept malformed JSON at line 1 column 6 path $',
    );
    expect(callError('json_decode', '{"a":1 "b":2}')).toBe(
      'invalid JSON value {"a":1 "b":2}: com.google.gson.stream.MalformedJsonException: Unterminated object at line 1 column 9 path $.a',
    );
    expect(callError('json_decode', '[1\n2]')).toBe(
      'invalid JSON value [1\n2]: com.google.gson.stream.MalformedJsonException: Unterminated array at line 2 column 2 path $[1]',
    );
    expect(callError('json_decode', '"abc')).toBe(
      'invalid JSON value "abc: com.google.gson.stream.MalformedJsonException: Unterminated string at line 1 column 5 path $',
    );
    expect(callError('json_decode', '"\\x"')).toBe(
      'invalid JSON value "\\x": com.google.gson.stream.MalformedJsonException: Invalid escape sequence at line 1 column 4 path $',
    );
    expect(callError('json_decode', '[1e5]')).toBe('invalid JSON value [1e5]: java.lang.NumberFormatException: For input string: "1e5"');
    expect(callError('json_decode', '')).toBe('invalid JSON value : java.io.EOFException: End of input at line 1 column 1 path $');
    expect(callError('json_decode', 1n)).toBe('argument for json_decode() must be a string');
  });

  it('round-trips encoded values', () => {
    const v = dict(['a', list(1n, 2.5, 'x<y', true)], ['b', dict(['c', 'd'])]);
    expect(plain(decodeJson(encodeJson(v)))).toEqual(plain(v));
  });
});
