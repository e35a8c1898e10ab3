/**
 * Exact recognition of the reserved words while a word is being scanned: a trie over the
 * lowercase letters, stepped once per character. When the last character of a word has been
 * read, its state says which reserved word it is, if any, without comparing strings.
 */

/** Number of letters `a`–`z` (reserved words are written in lowercase letters only). */
const LETTERS = 26;

/** State of no reserved word (also the state every step from it leads to). */
const NONE = 0;

/** Trie of a fixed set of lowercase words with a value each. */
export class ReservedWords<V> {
  /** Transitions: `next[state * 26 + letter]`; 0 = no reserved word starts this way. */
  private readonly next: Int16Array;
  /** Value of the word ending in each state (undefined = a prefix only). */
  private readonly values: Array<V | undefined>;
  /** The state before the first character. */
  readonly start = 1;

  constructor(words: ReadonlyArray<readonly [string, V]>) {
    const states = 2 + words.reduce((n, [w]) => n + w.length, 0);
    this.next = new Int16Array(states * LETTERS);
    this.values = new Array<V | undefined>(states).fill(undefined);
    let used = 2;
    for (const [word, value] of words) {
      let state = this.start;
      for (let i = 0; i < word.length; i++) {
        const letter = word.charCodeAt(i) - 97;
        if (letter < 0 || letter >= LETTERS) throw new Error(`reserved word '${word}' is not in lowercase letters`);
        const slot = state * LETTERS + letter;
        if (this.next[slot] === NONE) this.next[slot] = used++;
        state = this.next[slot]!;
      }
      this.values[state] = value;
    }
  }

  /** The state after reading character `c` in state `state`. */
  step(state: number, c: number): number {
    const letter = c - 97;
    return letter >= 0 && letter < LETTERS ? this.next[state * LETTERS + letter]! : NONE;
  }

  /** The value of the reserved word read to reach `state`, or undefined. */
  value(state: number): V | undefined {
    return this.values[state];
  }
}
