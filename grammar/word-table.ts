/**
 * The words (reserved words and names) of one scanned text, found by a hash of their characters
 * computed while scanning: a word seen before is recognised without building its string, and
 * every occurrence of a name shares one string (names end up in the AST).
 */
import type { TokenType } from 'chevrotain';

/** Hash step over the character codes of a word (FNV-1a, 32 bits). */
export function hashStep(hash: number, c: number): number {
  return Math.imul(hash ^ c, 16777619);
}

/** Initial hash value. */
export const HASH_START = 0x811c9dc5 | 0;

/** Open-addressing table: word → token type, keyed by the word's hash. */
export class WordTable {
  private images: Array<string | undefined>;
  private types: Array<TokenType | undefined>;
  private hashes: Int32Array;
  private size = 0;

  /** Starts with the reserved words, whose type is theirs; other words get `otherType`. */
  constructor(
    reserved: ReadonlyMap<string, TokenType>,
    private readonly otherType: TokenType,
  ) {
    this.images = new Array<string | undefined>(64).fill(undefined);
    this.types = new Array<TokenType | undefined>(64).fill(undefined);
    this.hashes = new Int32Array(64);
    for (const [image, type] of reserved) this.insert(image, type, hashOf(image));
  }

  /** Slot of the word `text[start, end)` with hash `hash`, added when new. */
  find(text: string, start: number, end: number, hash: number): number {
    const mask = this.hashes.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const image = this.images[slot];
      if (image === undefined) return this.insert(text.substring(start, end), this.otherType, hash);
      if (this.hashes[slot] === hash && image.length === end - start && sameChars(image, text, start)) return slot;
    }
  }

  /** The string of the word in `slot`. */
  image(slot: number): string {
    return this.images[slot]!;
  }

  /** The token type of the word in `slot`. */
  type(slot: number): TokenType {
    return this.types[slot]!;
  }

  private insert(image: string, type: TokenType, hash: number): number {
    if ((this.size + 1) * 2 > this.hashes.length) this.grow();
    const mask = this.hashes.length - 1;
    let slot = hash & mask;
    while (this.images[slot] !== undefined) slot = (slot + 1) & mask;
    this.images[slot] = image;
    this.types[slot] = type;
    this.hashes[slot] = hash;
    this.size++;
    return slot;
  }

  private grow(): void {
    const { images, types, hashes } = this;
    const capacity = hashes.length * 2;
    this.images = new Array<string | undefined>(capacity).fill(undefined);
    this.types = new Array<TokenType | undefined>(capacity).fill(undefined);
    this.hashes = new Int32Array(capacity);
    this.size = 0;
    for (let i = 0; i < hashes.length; i++) {
      const image = images[i];
      if (image !== undefined) this.insert(image, types[i]!, hashes[i]!);
    }
  }
}

function hashOf(word: string): number {
  let hash = HASH_START;
  for (let i = 0; i < word.length; i++) hash = hashStep(hash, word.charCodeAt(i));
  return hash;
}

function sameChars(image: string, text: string, start: number): boolean {
  for (let i = 0; i < image.length; i++) {
    if (image.charCodeAt(i) !== text.charCodeAt(start + i)) return false;
  }
  return true;
}
