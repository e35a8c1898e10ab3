/**
 * The static dependency graph of a site's templates, used by `--changed-since` to decide
 * which object templates a change can affect without compiling anything.
 *
 * Each template is parsed once (through the compiler's source cache) and its static references
 * (template-refs.ts) are resolved through the include path exactly as the compiler looks them
 * up: include directory by include directory, `NAME.pan` before `NAME.tpl`, text files by their
 * plain name. A reference depends on every candidate file up to and including the one that
 * wins, so adding a file that would shadow it, or deleting the winner, counts as a change to
 * it; a name found nowhere depends on all its candidates.
 *
 * An object template is affected when a changed file is among the candidates of its transitive
 * closure (the object file included). When the closure holds a template whose references are
 * not all static (see template-refs.ts: computed names, LOADPATH, link types), or a template
 * that does not parse, the object is treated conservatively: affected as soon as any file under
 * an include directory changed.
 */
import { realpathSync } from 'node:fs';
import path from 'node:path';
import { SourceLocator } from '../source/locate.js';
import { SourceReader } from '../source/cache.js';
import { scanReferences } from './template-refs.js';

/** Why an object template is (or is not) affected by a set of changed files. */
export type Impact =
  | { readonly affected: false }
  | { readonly affected: true; readonly changedFile: string; readonly conservative?: string };

interface FileNode {
  /** Canonical paths of the files this one depends on (candidates of each reference). */
  readonly candidates: readonly string[];
  /** Files (as located, for display) this one loads: resolved references. */
  readonly loads: ReadonlyArray<{ readonly absPath: string; readonly displayPath: string }>;
  /** Reason the static references are incomplete, if they are. */
  readonly dynamic?: string;
}

/** The dependency graph over the templates of one include path. */
export class IncludeGraph {
  private readonly locator: SourceLocator;
  private readonly reader = new SourceReader();
  private readonly dirs: ReadonlyArray<{ readonly abs: string; readonly real: string }>;
  private readonly nodes = new Map<string, FileNode>();

  /** `includeDirs` as given to the compiler (relative to the working directory or absolute). */
  constructor(includeDirs: readonly string[]) {
    this.locator = new SourceLocator(includeDirs);
    this.dirs = includeDirs.map((d) => ({ abs: path.resolve(d), real: canonical(path.resolve(d)) }));
  }

  /**
   * Whether the object template in `objectFile` is affected by `changed` (canonical absolute
   * paths, see `canonical`).
   */
  impact(objectFile: string, changed: ReadonlySet<string>): Impact {
    const start = { absPath: path.resolve(objectFile), displayPath: objectFile };
    const rootCanonical = canonical(start.absPath);
    if (changed.has(rootCanonical)) return { affected: true, changedFile: rootCanonical };
    const seen = new Set<string>([start.absPath]);
    const stack = [start];
    let dynamic: string | undefined;
    while (stack.length > 0) {
      const file = stack.pop()!;
      const node = this.node(file.absPath, file.displayPath);
      const hit = node.candidates.find((c) => changed.has(c));
      if (hit !== undefined) return { affected: true, changedFile: hit };
      dynamic ??= node.dynamic === undefined ? undefined : `${file.displayPath}: ${node.dynamic}`;
      for (const next of node.loads) {
        if (!seen.has(next.absPath)) {
          seen.add(next.absPath);
          stack.push(next);
        }
      }
    }
    if (dynamic === undefined) return { affected: false };
    const underIncludePath = [...changed].sort().find((c) => this.dirs.some((d) => isInside(d.real, c)));
    return underIncludePath === undefined ? { affected: false } : { affected: true, changedFile: underIncludePath, conservative: dynamic };
  }

  /** Number of templates parsed so far. */
  get size(): number {
    return this.nodes.size;
  }

  private node(absPath: string, displayPath: string): FileNode {
    let node = this.nodes.get(absPath);
    if (node === undefined) {
      node = this.buildNode(absPath, displayPath);
      this.nodes.set(absPath, node);
    }
    return node;
  }

  private buildNode(absPath: string, displayPath: string): FileNode {
    let parsed;
    try {
      parsed = this.reader.parse(absPath, displayPath);
    } catch {
      return { candidates: [], loads: [], dynamic: 'cannot be read' };
    }
    if (parsed.ast === undefined) return { candidates: [], loads: [], dynamic: 'does not parse' };
    const refs = scanReferences(parsed.ast);
    const candidates: string[] = [];
    const loads: Array<{ absPath: string; displayPath: string }> = [];
    for (const name of refs.templates) {
      candidates.push(...this.candidates(name, ['.pan', '.tpl']));
      const found = this.locator.findTemplate(name, ['']);
      if (found) loads.push({ absPath: found.absPath, displayPath: found.displayPath });
    }
    for (const name of refs.texts) candidates.push(...this.candidates(name, ['']));
    const node: { -readonly [K in keyof FileNode]: FileNode[K] } = { candidates, loads };
    if (refs.dynamic) node.dynamic = `${refs.dynamic.reason} (line ${refs.dynamic.span.line})`;
    return node;
  }

  /** Canonical candidate paths of a name, up to and including the first that exists. */
  private candidates(name: string, extensions: readonly string[]): string[] {
    const out: string[] = [];
    for (const d of this.dirs) {
      for (const ext of extensions) {
        out.push(path.join(d.real, name + ext));
        if (this.locator.stat(path.join(d.abs, name + ext)) !== 'none') return out;
      }
    }
    return out;
  }
}

/** The canonical form of a path: symbolic links resolved in its longest existing prefix. */
export function canonical(p: string): string {
  const abs = path.resolve(p);
  try {
    return realpathSync(abs);
  } catch {
    const parent = path.dirname(abs);
    return parent === abs ? abs : path.join(canonical(parent), path.basename(abs));
  }
}

function isInside(dir: string, file: string): boolean {
  const rel = path.relative(dir, file);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}
