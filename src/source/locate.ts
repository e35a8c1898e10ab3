/**
 * Finding templates and text files on the load path (§3.5): for each include directory in
 * order, for each relative entry ["", ...LOADPATH], `NAME.pan` before `NAME.tpl` (templates) or
 * the plain name (text files). File-system lookups are memoised per locator, so one compilation
 * run sees a consistent file system and never stats the same path twice; they are answered
 * from one listing per directory, found for a plain name without building its absolute path.
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { isPlainName, joinName, joinPlain } from './plain-path.js';

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

/**
 * A located file as built by the locator: a class rather than an object literal, so that the
 * (long-lived) located files do not make V8 recompile the lookup code when it decides to
 * allocate them in the old generation.
 */
class LocatedFile implements FoundFile {
  constructor(
    readonly absPath: string,
    readonly displayPath: string,
    readonly root: string,
    readonly type: 'PAN' | 'TPL' | 'TEXT',
  ) {}
}

type Stat = 'file' | 'dir' | 'none';

/** A directory listing: name → kind (undefined = needs a stat); null when it cannot be read. */
type Listing = Map<string, Stat | undefined> | null;

/** One search root: an include directory joined with one LOADPATH entry. */
interface Root {
  /** Absolute directory (`FoundFile.root`). */
  readonly abs: string;
  /** The same, as shown in diagnostics (include directory as given). */
  readonly display: string;
  /** Listings of the directories below this root, by relative directory ('' = the root). */
  readonly listings: Map<string, Listing>;
}

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

  /** Directory listings, by absolute directory. */
  private readonly listings = new Map<string, Listing>();

  /** The listing of an absolute directory (read once). */
  private listing(dir: string): Listing {
    let listing = this.listings.get(dir);
    if (listing === undefined) {
      listing = readListing(dir);
      this.listings.set(dir, listing);
    }
    return listing;
  }

  /**
   * What the listing of the parent directory says about a path: one readdir answers every
   * lookup in a directory (most lookups are of names that are not there), or undefined when
   * the listing cannot tell (unreadable directory, symbolic link).
   */
  private fromListing(absPath: string): Stat | undefined {
    const dir = path.dirname(absPath);
    const listing = this.listing(dir);
    if (listing === null) return undefined;
    const base = absPath.slice(dir.length + (dir.endsWith(path.sep) ? 0 : 1));
    return listing.has(base) ? listing.get(base) : 'none';
  }

  /**
   * What is at `name + suffix` below a root. For a plain relative name (see `isPlainName`) the
   * listing of its directory is found without building and normalising the absolute path.
   */
  private statBelow(root: Root, name: string, suffix: string): Stat {
    if (!isPlainName(name)) return this.stat(path.join(root.abs, name) + suffix);
    const slash = name.lastIndexOf('/');
    const relDir = slash < 0 ? '' : name.slice(0, slash);
    let listing = root.listings.get(relDir);
    if (listing === undefined) {
      listing = this.listing(relDir === '' ? stripSlash(root.abs) : joinPlain(root.abs, relDir));
      root.listings.set(relDir, listing);
    }
    if (listing !== null) {
      const base = (slash < 0 ? name : name.slice(slash + 1)) + suffix;
      const entry = listing.get(base);
      if (entry !== undefined) return entry;
      if (!listing.has(base)) return 'none';
    }
    return this.stat(joinPlain(root.abs, name) + suffix);
  }

  /** The search roots of a load path, in order (memoised). */
  private roots(loadpath: readonly string[]): readonly Root[] {
    const key = loadpath.length === 1 ? loadpath[0]! : loadpath.join('\u0000');
    let roots = this.rootsByLoadpath.get(key);
    if (roots === undefined) {
      roots = [];
      for (const d of this.dirs) {
        for (const rel of loadpath) {
          roots.push({ abs: path.join(d.abs, rel), display: path.join(d.given, rel), listings: new Map() });
        }
      }
      this.rootsByLoadpath.set(key, roots);
    }
    return roots;
  }

  private readonly rootsByLoadpath = new Map<string, Root[]>();

  private readonly templates = new Map<string, FoundFile | undefined>();

  /** The template `name` (`.pan` before `.tpl`), or undefined (memoised). */
  findTemplate(name: string, loadpath: readonly string[]): FoundFile | undefined {
    const key = loadpath.length === 1 ? name : `${name}\u0000${loadpath.join('\u0000')}`;
    let found = this.templates.get(key);
    if (found === undefined && !this.templates.has(key)) {
      found = this.searchTemplate(name, loadpath);
      this.templates.set(key, found);
    }
    return found;
  }

  private searchTemplate(name: string, loadpath: readonly string[]): FoundFile | undefined {
    const roots = this.roots(loadpath);
    for (let r = 0; r < roots.length; r++) {
      const root = roots[r]!;
      for (let k = 0; k < TEMPLATE_KINDS.length; k++) {
        const kind = TEMPLATE_KINDS[k]!;
        if (this.statBelow(root, name, kind.ext) === 'file') {
          return new LocatedFile(joinName(root.abs, name) + kind.ext, joinName(root.display, name) + kind.ext, root.abs, kind.type);
        }
      }
    }
    return undefined;
  }

  /** The text file `name` (a directory also counts as found, as in panc), or undefined. */
  findText(name: string, loadpath: readonly string[]): FoundFile | undefined {
    for (const root of this.roots(loadpath)) {
      if (this.statBelow(root, name, '') !== 'none') {
        return new LocatedFile(joinName(root.abs, name), joinName(root.display, name), root.abs, 'TEXT');
      }
    }
    return undefined;
  }
}

/** Template file suffixes in the order they are tried. */
const TEMPLATE_KINDS: ReadonlyArray<{ readonly ext: string; readonly type: 'PAN' | 'TPL' }> = [
  { ext: '.pan', type: 'PAN' },
  { ext: '.tpl', type: 'TPL' },
];

/** A directory without its trailing slash (the root directory keeps it). */
function stripSlash(dir: string): string {
  return dir.length > 1 && dir.endsWith('/') ? dir.slice(0, -1) : dir;
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
