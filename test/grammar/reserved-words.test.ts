/** The reserved-word trie: exact words only, read one character at a time. */
import { ReservedWords } from '../../grammar/reserved-words.js';

function read(words: ReservedWords<string>, text: string): string | undefined {
  let state = words.start;
  for (let i = 0; i < text.length; i++) state = words.step(state, text.charCodeAt(i));
  return words.value(state);
}

describe('ReservedWords', () => {
  const words = new ReservedWords([
    ['in', 'IN'],
    ['include', 'INCLUDE'],
    ['if', 'IF'],
  ] as const);

  it('recognises each word, including a word that is a prefix of another', () => {
    expect(['in', 'include', 'if'].map((w) => read(words, w))).toEqual(['IN', 'INCLUDE', 'IF']);
  });

  it('recognises nothing else: prefixes, extensions, other cases, digits and underscores', () => {
    expect(['i', 'inc', 'includes', 'iff', 'IF', 'If', 'in_', 'in1', '', 'x'].map((w) => read(words, w))).toEqual(
      Array(10).fill(undefined),
    );
  });

  it('accepts lowercase words only', () => {
    expect(() => new ReservedWords([['Type', 1]])).toThrow(/lowercase/);
  });
});
