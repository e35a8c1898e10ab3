/**
 * Annotation bodies (language reference §2.2): free text, `key = value` entries, and the
 * malformed forms that are parse errors.
 */
import { readAnnotation } from '../../grammar/annotation.js';

function entries(image: string): Array<[string, string]> {
  const r = readAnnotation(image);
  if (!r.ok) throw new Error(r.message);
  return r.entries;
}

function rejected(image: string): string {
  const r = readAnnotation(image);
  if (r.ok) throw new Error(`accepted: ${image}`);
  return r.message;
}

describe('annotation bodies', () => {
  it.each(['@(description)', '@(description with a=b)', '@{}', '@[  ]', '@doc(two\nlines)'])('free text %j has no entries', (image) => {
    expect(entries(image)).toEqual([]);
  });

  it('reads key = value entries, one per line, trimming values', () => {
    expect(entries('@(a=b)')).toEqual([['a', 'b']]);
    expect(entries('@{\n  first = one value  \n  second.key-x=two\n}')).toEqual([
      ['first', 'one value'],
      ['second.key-x', 'two'],
    ]);
    expect(entries('@{  key_spaces_before_equal   = value with a=b}')).toEqual([['key_spaces_before_equal', 'value with a=b']]);
  });

  it('reads quoted values (doubled quote escapes it), which may span lines', () => {
    expect(entries(`@{ a = 'it''s' b = "say ""hi""" }`)).toEqual([
      ['a', "it's"],
      ['b', 'say "hi"'],
    ]);
    expect(entries(`@{ a = 'one\ntwo' }`)).toEqual([['a', 'one\ntwo']]);
  });

  it('joins a value continued with a backslash at the end of the line', () => {
    expect(entries('@{ a = first \\\n  second\n}')).toEqual([['a', 'first   second']]);
  });

  it.each([
    ['@(a&=b)', /'=' expected/],
    ['@(\na=b\nc&=d)', /'=' expected/],
    ['@{ key1 = v }', /invalid annotation key 'key1'/],
    ['@{ xmlns = v }', /invalid annotation key 'xmlns'/],
    ['@9x(text)', /invalid annotation name '9x'/],
    ['@XmlDoc(text)', /invalid annotation name/],
    ["@{ a = 'open }", /unterminated/],
    ['@{ a = }', /value expected/],
    ["@{ a = 'x' c }", /'=' expected after key 'c'/],
    ['@{ = v }', /where a key was expected/],
  ])('rejects %j', (image, message) => {
    expect(rejected(image)).toMatch(message);
  });
});
