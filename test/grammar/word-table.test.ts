/** The names table: words told apart by their characters, not only by their hash. */
import { HASH_START, hashStep, WordTable } from '../../grammar/word-table.js';

function hashOf(word: string): number {
  let hash = HASH_START;
  for (let i = 0; i < word.length; i++) hash = hashStep(hash, word.charCodeAt(i));
  return hash;
}

describe('WordTable', () => {
  it('keeps words with the same hash and length apart', () => {
    const table = new WordTable();
    const text = 'alpha bravo alpha';
    const a = table.find(text, 0, 5, 7);
    const b = table.find(text, 6, 11, 7);
    expect(b).not.toBe(a);
    expect([table.image(a), table.image(b)]).toEqual(['alpha', 'bravo']);
    expect(table.find(text, 12, 17, 7)).toBe(a);
    expect(table.lookup('charl', 0, 5, 7)).toBe(-1);
    expect(table.size).toBe(2);
  });

  it('finds every word again after growing, long words included', () => {
    const table = new WordTable();
    const words = Array.from({ length: 3000 }, (_, i) => (i % 100 === 0 ? 'w'.repeat(300) + i : `w${i}`));
    const text = words.join(' ');
    let at = 0;
    for (const w of words) {
      expect(table.image(table.find(text, at, at + w.length, hashOf(w)))).toBe(w);
      at += w.length + 1;
    }
    at = 0;
    for (const w of words) {
      const slot = table.lookup(text, at, at + w.length, hashOf(w));
      expect(slot).toBeGreaterThanOrEqual(0);
      expect(table.image(slot)).toBe(w);
      at += w.length + 1;
    }
    expect(table.size).toBe(3000);
  });
});
