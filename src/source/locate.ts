/**
 * Finding templates and text files on the load path (§3.5): for each include directory in
 * order, for each relative entry ["", ...LOADPATH], `NAME.pan` before `NAME.tpl` (templates) or
 * the plain name (text files). File-system lookups are memoised per locator, so one compilation
 * run sees a consistent file system and never stats the same path twice; they are answered
 * from one listing per directory.
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** A located file. */
export interface FoundFile {
  /** Absolute path of the file. */
  readonly absPath: string;
  /** Path as shown in diagnostics (include directory as given, joined with the relative path). */
  readonly displayPath: string;
  /** Absolute directory that served as load-path root (include directory + LOADPATH entry). */
  readonly root: string;
  readonly type: 'PAN' | 'TPL' | 'TEXT';
}

type Stat = 'file' | 'dir' | 'none';

/** Looks files up in an ordered list of include directories. */
export class SourceLocator {
  private readonly stats = new Map<string, Stat>();
  private readonly dirs: ReadonlyArray<{ readonly given: string; readonly abs: string }>;

  constructor(includeDirs: readonly string[]) {
    this.dirs = includeDirs.map((d) => ({ given: d, abs: path.resolve(d) }));
  }

  /** What is at an absolute path (memoised). */
  stat(absPath: string): Stat {
    let s = this.stats.get(absPath);
    if (s === undefined) {
      s = this.fromListing(absPath) ?? statPath(absPath);
      this.stats.set(absPath, s);
    }
    return s;
  }

  /** Directory listings (name → kind, undefined = needs a stat), by absolute directory. */
  private readonly listings = new Map<string, Map<string, Stat | undefined> | null>();

  /**
   * What the listing of the parent directory says about a path: one readdir answers every
   * lookup in a directory (most lookups are of names that are not there), or undefined when
   * the listing cannot tell (unreadable directory, symbolic link).
   */
  private fromListing(absPath: string): Stat | undefined {
    const dir = path.dirname(absPath);
    let listing = this.listings.get(dir);
    if (listing === undefined) {
      listing = readListing(dir);
      this.listings.set(dir, listing);
    }
    if (listing === null) return undefined;
    const base = absPath.slice(dir.length + (dir.endsWith(path.sep) ? 0 : 1));
    return listing.has(base) ? listing.get(base) : 'none';
  }

  private *candidates(name: string, loadpath: readonly string[]): Generator<{ abs: string; display: string; root: string }> {
    for (const d of this.dirs) {
      for (const rel of loadpath) {
        const root = path.join(d.abs, rel);
        yield { abs: path.join(root, name), display: path.join(d.given, rel, name), root };
      }
    }
  }

  private readonly templates = new Map<string, FoundFile | undefined>();

  /** The template `name` (`.pan` before `.tpl`), or undefined (memoised). */
  findTemplate(name: string, loadpath: readonly string[]): FoundFile | undefined {
    const key = loadpath.length === 1 ? name : `${name}\u0000${loadpath.join('\u0000')}`;
    if (this.templates.has(key)) return this.templates.get(key);
    const found = this.searchTemplate(name, loadpath);
    this.templates.set(key, found);
    return found;
  }

  private searchTemplate(name: string, loadpath: readonly string[]): FoundFile | undefined {
    for (const c of this.candidates(name, loadpath)) {
      for (const [ext, type] of [['.pan', 'PAN'], ['.tpl', 'TPL']] as const) {
        if (this.stat(c.abs + ext) === 'file') {
          return { absPath: c.abs + ext, displayPath: c.display + ext, root: c.root, type };
        }
      }
    }
    return undefined;
  }

  /** The text file `name` (a directory also counts as found, as in panc), or undefined. */
  findText(name: string, loadpath: readonly string[]): FoundFile | undefined {
    for (const c of this.candidates(name, loadpath)) {
      if (this.stat(c.abs) !== 'none') return { absPath: c.abs, displayPath: c.display, root: c.root, type: 'TEXT' };
    }
    return undefined;
  }
}

function statPath(absPath: string): Stat {
  try {
    return statSync(absPath).isDirectory() ? 'dir' : 'file';
  } catch {
    return 'none';
  }
}

function readListing(dir: string): Map<string, Stat | undefined> | null {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return code === 'ENOENT' || code === 'ENOTDIR' ? new Map() : null;
  }
  const listing = new Map<string, Stat | undefined>();
  for (const e of entries) listing.set(e.name, e.isFile() ? 'file' : e.isDirectory() ? 'dir' : undefined);
  return listing;
}

const uris = new Map<string, string>();

/** The `file:` URI of a load-path root directory, in the form panc writes to `.dep` files. */
export function rootUri(root: string): string {
  let uri = uris.get(root);
  if (uri === undefined) {
    uri = computeRootUri(root);
    if (uris.size > 10_000) uris.clear();
    uris.set(root, uri);
  }
  return uri;
}

function computeRootUri(root: string): string {
  const abs = path.resolve(root).split(path.sep).join('/');
  const withSlash = abs.endsWith('/') ? abs : abs + '/';
  return 'file:' + encodeURI(withSlash.startsWith('/') ? withSlash : '/' + withSlash);
}
