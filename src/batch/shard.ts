/**
 * Splitting the object templates of a compile into shards for CI matrices (`--shard i/n`):
 * each file goes to the shard given by a hash of its name (the file name without directory),
 * so every file is in exactly one shard, the split does not depend on the order or the
 * directory the files were given in, and adding a file never moves the others.
 */

/** Shard `index` (1-based) of `count`. */
export interface Shard {
  readonly index: number;
  readonly count: number;
}

/** Parses `i/n` (1 <= i <= n); an error message for anything else. */
export function parseShard(text: string): Shard | string {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  if (m === null) return `--shard needs the form I/N (e.g. 2/4), not '${text}'`;
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (count < 1 || index < 1 || index > count) return `--shard ${text}: I must be between 1 and N`;
  return { index, count };
}

/** The shard (1-based) a file belongs to among `count`. */
export function shardOf(file: string, count: number): number {
  const base = file.slice(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
  // FNV-1a, 32 bits.
  let h = 0x811c9dc5;
  for (let i = 0; i < base.length; i++) {
    h ^= base.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return (h % count) + 1;
}

/** The files of one shard, in their given order. */
export function selectShard(files: readonly string[], shard: Shard): string[] {
  return files.filter((f) => shardOf(f, shard.count) === shard.index);
}
