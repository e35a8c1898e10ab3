/**
 * The persistent build cache of `compile` (`.panfab/cache`). One index per compile settings
 * (compiler build, options, formats, output directory, working directory) records, for each
 * requested file, the objects its compilation produced; for each object, its outcome and its
 * dependency list (its own and those of the objects it read); and for each dependency, the
 * state of every file that decides it: the template or text file used, the places earlier on
 * the include path where a template appearing would shadow it, or the places looked up in vain
 * (see dependency-paths.ts; the index format is in cache-index.ts). A requested
 * file whose objects' files are all unchanged, and whose outputs are still on disk as written
 * (same size and modification time), is not compiled again: its outcomes are replayed. Objects
 * that failed are never cached.
 *
 * Limitation: lookups through LOADPATH entries are checked for the entry that served the
 * template, not for every entry of the LOADPATH.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { Dependency, SourceRead } from '../pan/compiler-api.js';
import { IndexBuilder } from './cache-index-builder.js';
import { FORMAT_VERSION, readIndex, writeIndex, type StoredIndex } from './cache-index.js';
import { joinBelow, joinName } from '../source/plain-path.js';
import { DependencyPaths } from './dependency-paths.js';
import { FileStates, statNow, type FileRecord } from './file-state.js';
import type { BatchReport, ObjectOutcome, WrittenOutput } from './job.js';

/** What the cache answers for a list of requested files. */
export interface CacheLookup {
  /** Requested files that must be compiled. */
  readonly misses: string[];
  /** Outcomes of the objects of every other requested file. */
  readonly hits: ObjectOutcome[];
}

/** The cache of one compile setting. */
export class BuildCache {
  private readonly indexFile: string;
  private readonly previous: StoredIndex | undefined;
  private readonly states: FileStates;
  private readonly paths: DependencyPaths;
  /** Whether each dependency of the previous index is unchanged (by table index). */
  private readonly dependencyUnchanged = new Map<number, boolean>();

  /** `settings`: everything besides file contents that the outputs depend on. */
  constructor(
    cacheDir: string,
    settings: unknown,
    includeDirs: readonly string[],
    private readonly outputDir: string,
  ) {
    this.paths = new DependencyPaths(includeDirs);
    const key = createHash('sha1').update(JSON.stringify({ FORMAT_VERSION, settings })).digest('hex').slice(0, 16);
    this.indexFile = path.join(cacheDir, `index-${key}.json`);
    this.previous = readIndex(this.indexFile);
    this.states = new FileStates(this.previous?.written ?? 0);
  }

  /** Splits requested files into those to compile and the cached outcomes of the others. */
  lookup(files: readonly string[]): CacheLookup {
    const misses: string[] = [];
    const hits: ObjectOutcome[] = [];
    const prev = this.previous;
    for (const file of files) {
      const abs = absolutePath(file);
      const request = prev?.request(abs);
      const outcomes = request !== undefined && prev !== undefined ? this.replay(prev, request) : undefined;
      if (outcomes === undefined) {
        misses.push(file);
        continue;
      }
      for (const o of outcomes) hits.push(o);
    }
    return { misses, hits };
  }

  // Replaying runs once per requested file on every rebuild, mostly before the JIT has warmed
  // up: it walks the index columns by offset rather than building lists.
  private replay(prev: StoredIndex, request: number): ObjectOutcome[] | undefined {
    if (!this.states.unchanged(prev.fileRecord(prev.requestFile(request)))) return undefined;
    const out: ObjectOutcome[] = [];
    const [from, to] = prev.requestSpan(request);
    for (let i = from; i < to; i++) {
      const o = prev.data.requests.objects[i]!;
      if (!this.unchangedEntry(prev, o)) return undefined;
      out.push(prev.outcome(o));
    }
    return out;
  }

  /** True when an object entry's dependencies are unchanged and its outputs are as written. */
  private unchangedEntry(prev: StoredIndex, o: number): boolean {
    const objects = prev.data.objects;
    const [depsFrom, depsTo] = prev.dependencySpan(o);
    for (let i = depsFrom; i < depsTo; i++) if (!this.unchangedDependency(prev, objects.deps[i]!)) return false;
    const name = objects.name[o]!;
    const [outFrom, outTo] = prev.outputSpan(o);
    for (let i = outFrom; i < outTo; i++) {
      if (!sameFile(this.outputFile(name, objects.outputSuffix[i]!), objects.outputSize[i]!, objects.outputMtime[i]!)) return false;
    }
    return true;
  }

  private unchangedDependency(prev: StoredIndex, d: number): boolean {
    let unchanged = this.dependencyUnchanged.get(d);
    if (unchanged === undefined) {
      unchanged = true;
      const [from, to] = prev.fileSpan(d);
      for (let i = from; i < to && unchanged; i++) unchanged = this.states.unchanged(prev.fileRecord(prev.data.dependencies.files[i]!));
      this.dependencyUnchanged.set(d, unchanged);
    }
    return unchanged;
  }

  /**
   * Does ahead of `save` the part of its work that depends on one thread's outcomes only:
   * takes the states of the files that thread read and examines the paths deciding its
   * objects' dependencies. Called while other threads are still compiling.
   */
  prepare(report: BatchReport): void {
    this.states.adopt(report.sources);
    for (const o of report.outcomes) {
      if (!o.ok) continue;
      for (const d of o.dependencies) for (const p of this.pathsOf(d)) this.states.state(p);
    }
  }

  /** Paths of each dependency (most are shared by many objects: by identity, then by content). */
  private readonly pathsByObject = new WeakMap<Dependency, readonly string[]>();
  private readonly pathsByKey = new Map<string, readonly string[]>();

  private pathsOf(d: Dependency): readonly string[] {
    let paths = this.pathsByObject.get(d);
    if (paths === undefined) {
      const key = `${d.name}\u0000${d.type}\u0000${d.location}`;
      paths = this.pathsByKey.get(key);
      if (paths === undefined) this.pathsByKey.set(key, (paths = this.paths.of(d)));
      this.pathsByObject.set(d, paths);
    }
    return paths;
  }

  /**
   * Writes the index for this run: the compiled outcomes as new entries, the others kept (see
   * cache-index-builder.ts), every file state examined by this run refreshed. `sources`: the
   * files the compile threads read, as they read them (so their states need not be examined
   * again).
   */
  save(compiledFiles: readonly string[], compiled: readonly ObjectOutcome[], sources: readonly SourceRead[] = []): void {
    this.states.adopt(sources);
    const states = this.states;
    const next = new IndexBuilder(this.previous, {
      filesOf: (d) => this.pathsOf(d).map((p) => states.state(p)),
      examined: (p) => states.examinedState(p),
      state: (p) => states.state(p),
    });
    const byName = new Map(compiled.map((o) => [o.name, o]));
    const byFile = new Map<string, ObjectOutcome[]>();
    for (const o of compiled) {
      if (o.file === undefined) continue;
      const abs = absolutePath(o.file);
      const list = byFile.get(abs);
      if (list === undefined) byFile.set(abs, [o]);
      else list.push(o);
    }
    for (const file of compiledFiles) {
      const abs = absolutePath(file);
      const reached = new Set<string>();
      for (const o of byFile.get(abs) ?? []) collectReached(o.name, byName, reached);
      const objects = [...reached].sort();
      if (objects.some((n) => !byName.get(n)?.ok)) continue;
      for (const name of objects) {
        const o = byName.get(name)!;
        next.addObject(o, this.outputRecords(name, o.outputs));
      }
      next.addRequest(states.state(abs), objects);
    }
    writeIndex(this.indexFile, next.data());
  }

  private outputRecords(name: string, outputs: readonly WrittenOutput[]): Array<Required<WrittenOutput>> {
    return outputs.map((w) => ({ suffix: w.suffix, size: w.size, mtimeMs: w.mtimeMs ?? statNow(this.outputFile(name, w.suffix))?.mtimeMs ?? 0 }));
  }

  /** The output file of an object, as outputPath names it. */
  private outputFile(name: string, suffix: string): string {
    return joinBelow(this.outputDir, name) + '.' + suffix;
  }
}

function collectReached(name: string, byName: ReadonlyMap<string, ObjectOutcome>, into: Set<string>): void {
  if (into.has(name)) return;
  into.add(name);
  for (const other of byName.get(name)?.objects ?? []) collectReached(other, byName, into);
}

/** `path.resolve(file)`, without its normalisation pass for plain relative paths (most requested files). */
function absolutePath(file: string): string {
  return path.isAbsolute(file) ? path.resolve(file) : joinName(process.cwd(), file);
}

function sameFile(target: string, size: number, mtimeMs: number): boolean {
  const st = statNow(target);
  return st !== undefined && st.size === size && st.mtimeMs === mtimeMs;
}
