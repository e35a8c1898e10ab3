/**
 * Change notification for cached files (inotify through `fs.watch` on their directories): a
 * change to a name in a watched directory invalidates the cache keys registered for that name,
 * or every key of the directory when the event names no file or the watch fails. This lets the
 * install server serve cached files without a `stat` per request while still noticing deploy's
 * renames and hand edits at once.
 */
import { watch, type FSWatcher } from 'node:fs';

interface Watched {
  readonly watcher: FSWatcher;
  /** Entry name in the directory → cache keys depending on it. */
  readonly names: Map<string, Set<string>>;
}

/** Watches directories on behalf of a cache; `invalidate` is called with each affected key. */
export class DirectoryWatch {
  private readonly dirs = new Map<string, Watched>();

  constructor(private readonly invalidate: (key: string) => void) {}

  /** Registers `key` as depending on entry `name` of `dir`; false if the directory cannot be watched. */
  add(dir: string, name: string, key: string): boolean {
    let w = this.dirs.get(dir);
    if (w === undefined) {
      let watcher: FSWatcher;
      try {
        watcher = watch(dir, { persistent: false }, (_event, changed) => this.changed(dir, changed === null ? null : String(changed)));
      } catch {
        return false;
      }
      watcher.on('error', () => this.drop(dir));
      w = { watcher, names: new Map() };
      this.dirs.set(dir, w);
    }
    let keys = w.names.get(name);
    if (keys === undefined) w.names.set(name, (keys = new Set()));
    keys.add(key);
    return true;
  }

  /** Stops every watch. */
  close(): void {
    for (const w of this.dirs.values()) w.watcher.close();
    this.dirs.clear();
  }

  private changed(dir: string, name: string | null): void {
    const w = this.dirs.get(dir);
    if (w === undefined) return;
    if (name === null) {
      for (const keys of w.names.values()) this.fire(keys);
      w.names.clear();
      return;
    }
    const keys = w.names.get(name);
    if (keys === undefined) return;
    w.names.delete(name);
    this.fire(keys);
  }

  /** Forgets a directory's watch (e.g. after it missed a change), invalidating its keys. */
  drop(dir: string): void {
    const w = this.dirs.get(dir);
    if (w === undefined) return;
    this.dirs.delete(dir);
    w.watcher.close();
    for (const keys of w.names.values()) this.fire(keys);
  }

  private fire(keys: Set<string>): void {
    for (const key of keys) this.invalidate(key);
  }
}
