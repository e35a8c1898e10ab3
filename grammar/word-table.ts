/**
 * A set of words (the names of the scanned texts) with a value each, found by
 * a hash of their characters computed while scanning: a word seen before is recognised without
 * building its string, and every occurrence of a name shares one string (names end up in the AST).
 */

/** Hash step over the character codes of a word (FNV-1a, 32 bits). */
export function hashStep(hash: number, c: number): number {
  return Math.imul(hash ^ c, 16777619);
}

/** Initial hash value. */
export const HASH_START = 0x811c9dc5 | 0;

/** Open-addressing table: word → value, keyed by the word's hash. */
export class WordTable<V> {
  private images: Array<string | undefined> = emptySlots(16);
  private values: Array<V | undefined> = emptySlots(16);
  private hashes: number[] = zeros(16);
  private count = 0;

  /** An empty table; the words added by `find` get the value `otherValue`. */
  constructor(private readonly otherValue: V) {}

  /** Slot of the word `text[start, end)` with hash `hash`, or -1 when absent. */
  lookup(text: string, start: number, end: number, hash: number): number {
    const mask = this.hashes.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const image = this.images[slot];
      if (image === undefined) return -1;
      if (this.hashes[slot] === hash && image.length === end - start && sameChars(image, text, start)) return slot;
    }
  }

  /** Slot of the word `text[start, end)` with hash `hash`, added when absent. */
  find(text: string, start: number, end: number, hash: number): number {
    const slot = this.lookup(text, start, end, hash);
    return slot >= 0 ? slot : this.insert(text.substring(start, end), this.otherValue, hash);
  }

  /** Number of words in the table. */
  get size(): number {
    return this.count;
  }

  /** The string of the word in `slot`. */
  image(slot: number): string {
    return this.images[slot]!;
  }

  /** The value of the word in `slot`. */
  value(slot: number): V {
    return this.values[slot]!;
  }

  private insert(image: string, value: V, hash: number): number {
    if ((this.count + 1) * 2 > this.hashes.length) this.grow();
    const mask = this.hashes.length - 1;
    let slot = hash & mask;
    while (this.images[slot] !== undefined) slot = (slot + 1) & mask;
    this.images[slot] = image;
    this.values[slot] = value;
    this.hashes[slot] = hash;
    this.count++;
    return slot;
  }

  private grow(): void {
    const { images, values, hashes } = this;
    const capacity = hashes.length * 2;
    this.images = emptySlots(capacity);
    this.values = emptySlots(capacity);
    this.hashes = zeros(capacity);
    this.count = 0;
    for (let i = 0; i < hashes.length; i++) {
      const image = images[i];
      if (image !== undefined) this.insert(image, values[i]!, hashes[i]!);
    }
  }
}

function emptySlots<X>(n: number): Array<X | undefined> {
  const slots: Array<X | undefined> = [];
  for (let i = 0; i < n; i++) slots.push(undefined);
  return slots;
}

function zeros(n: number): number[] {
  const list: number[] = [];
  for (let i = 0; i < n; i++) list.push(0);
  return list;
}

function sameChars(image: string, text: string, start: number): boolean {
  for (let i = 0; i < image.length; i++) {
    if (image.charCodeAt(i) !== text.charCodeAt(start + i)) return false;
  }
  return true;
}
