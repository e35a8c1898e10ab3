/**
 * The set of names (identifiers) of the scanned texts, found by a hash of their characters
 * computed while scanning: a name seen before is recognised without building its string, and
 * every occurrence of a name shares one string (names end up in the AST). The characters of the
 * names are also kept in one typed array, against which a candidate is compared.
 */

/** Hash step over the character codes of a word (FNV-1a, 32 bits). */
export function hashStep(hash: number, c: number): number {
  return Math.imul(hash ^ c, 16777619);
}

/** Initial hash value. */
export const HASH_START = 0x811c9dc5 | 0;

/** Open-addressing table of words, keyed by the word's hash. */
export class WordTable {
  private images: Array<string | undefined> = emptySlots(16);
  private hashes: number[] = zeros(16);
  /** Offset in `chars` of the characters of the word in each slot. */
  private offsets: Int32Array = new Int32Array(16);
  /** The characters of all words, one after the other. */
  private chars: Uint16Array = new Uint16Array(256);
  private charsUsed = 0;
  private count = 0;

  /** Slot of the word `text[start, end)` with hash `hash`, or -1 when absent (valid until the next addition). */
  lookup(text: string, start: number, end: number, hash: number): number {
    const mask = this.hashes.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const image = this.images[slot];
      if (image === undefined) return -1;
      if (this.hashes[slot] === hash && image.length === end - start && this.sameChars(this.offsets[slot]!, text, start, end)) return slot;
    }
  }

  /** Slot of the word `text[start, end)` with hash `hash`, added when absent. */
  find(text: string, start: number, end: number, hash: number): number {
    const slot = this.lookup(text, start, end, hash);
    return slot >= 0 ? slot : this.add(text.substring(start, end), hash);
  }

  /** Number of words in the table. */
  get size(): number {
    return this.count;
  }

  /** The string of the word in `slot`. */
  image(slot: number): string {
    return this.images[slot]!;
  }

  /** True when `text[start, end)` has the characters stored at `offset`. */
  private sameChars(offset: number, text: string, start: number, end: number): boolean {
    const chars = this.chars;
    for (let i = start; i < end; i++) {
      if (chars[offset++] !== text.charCodeAt(i)) return false;
    }
    return true;
  }

  private add(image: string, hash: number): number {
    if (this.charsUsed + image.length > this.chars.length) {
      const bigger = new Uint16Array(Math.max(this.chars.length * 2, this.charsUsed + image.length));
      bigger.set(this.chars);
      this.chars = bigger;
    }
    const offset = this.charsUsed;
    for (let i = 0; i < image.length; i++) this.chars[offset + i] = image.charCodeAt(i);
    this.charsUsed += image.length;
    return this.insert(image, hash, offset);
  }

  private insert(image: string, hash: number, offset: number): number {
    if ((this.count + 1) * 2 > this.hashes.length) this.grow();
    const mask = this.hashes.length - 1;
    let slot = hash & mask;
    while (this.images[slot] !== undefined) slot = (slot + 1) & mask;
    this.images[slot] = image;
    this.hashes[slot] = hash;
    this.offsets[slot] = offset;
    this.count++;
    return slot;
  }

  private grow(): void {
    const { images, hashes, offsets } = this;
    const capacity = hashes.length * 2;
    this.images = emptySlots(capacity);
    this.hashes = zeros(capacity);
    this.offsets = new Int32Array(capacity);
    this.count = 0;
    for (let i = 0; i < hashes.length; i++) {
      const image = images[i];
      if (image !== undefined) this.insert(image, hashes[i]!, offsets[i]!);
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
