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
import { statSync } from 'node:fs';
import path from 'node:path';
import type { Dependency, SourceRead } from '../pan/compiler-api.js';
import { FORMAT_VERSION, IndexBuilder, readIndex, writeIndex, type IndexData, type ObjectEntry, type OutputRecord, type RequestEntry } from './cache-index.js';
import { DependencyPaths } from './dependency-paths.js';
import { FileStates, type FileRecord } from './file-state.js';
import type { ObjectOutcome, WrittenOutput } from './job.js';

export { dependencyPaths } from './dependency-paths.js';

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
  private previous: IndexData | undefined;
  private states: FileStates;
  private readonly hitRequests = new Map<string, RequestEntry>();
  /** The output directory with a trailing separator. */
  private outputBase: string | undefined;
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
      const abs = path.resolve(file);
      const request = prev?.requests[abs];
      const outcomes = request !== undefined && prev !== undefined ? this.replay(prev, request) : undefined;
      if (outcomes === undefined) {
        misses.push(file);
        continue;
      }
      this.hitRequests.set(abs, request!);
      hits.push(...outcomes);
    }
    return { misses, hits };
  }

  private replay(prev: IndexData, request: RequestEntry): ObjectOutcome[] | undefined {
    if (!this.states.unchanged(prev.files[request.file]!)) return undefined;
    const out: ObjectOutcome[] = [];
    for (const name of request.objects) {
      const entry = prev.objects[name];
      if (entry === undefined || !entry.deps.every((i) => this.unchangedDependency(prev, i))) return undefined;
      if (!entry.outputs.every(([suffix, size, mtimeMs]) => sameFile(this.outputFile(name, suffix), size, mtimeMs))) return undefined;
      out.push(outcomeOf(prev, name, entry));
    }
    return out;
  }

  private unchangedDependency(prev: IndexData, i: number): boolean {
    let unchanged = this.dependencyUnchanged.get(i);
    if (unchanged === undefined) {
      unchanged = prev.dependencies[i]![3].every((f) => this.states.unchanged(prev.files[f]!));
      this.dependencyUnchanged.set(i, unchanged);
    }
    return unchanged;
  }

  /**
   * Writes the index for this run: the entries of the hits as they were (same table indices),
   * the compiled outcomes as new entries, every file state examined by this run refreshed.
   * `sources`: the files the compile threads read, as they read them (so their states need
   * not be examined again).
   */
  save(compiledFiles: readonly string[], compiled: readonly ObjectOutcome[], hits: readonly ObjectOutcome[], sources: readonly SourceRead[] = []): void {
    this.states.adopt(sources);
    const prev = this.previous;
    const filesOf = (d: Dependency): FileRecord[] => this.paths.of(d).map((p) => this.states.state(p));
    const next = prev === undefined ? new IndexBuilder(filesOf) : IndexBuilder.from(prev, filesOf);
    next.refresh(this.states.examined());
    for (const o of hits) next.keepObject(o.name, prev!.objects[o.name]!);
    for (const [abs, request] of this.hitRequests) next.addRequest(abs, this.states.state(abs), request.objects);
    const byName = new Map(compiled.map((o) => [o.name, o]));
    const byFile = new Map<string, ObjectOutcome[]>();
    for (const o of compiled) {
      if (o.file === undefined) continue;
      const abs = path.resolve(o.file);
      byFile.set(abs, [...(byFile.get(abs) ?? []), o]);
    }
    for (const file of compiledFiles) {
      const abs = path.resolve(file);
      const reached = new Set<string>();
      for (const o of byFile.get(abs) ?? []) collectReached(o.name, byName, reached);
      const objects = [...reached].sort();
      if (objects.some((n) => !byName.get(n)?.ok)) continue;
      for (const name of objects) {
        const o = byName.get(name)!;
        next.addObject(o, this.outputRecords(name, o.outputs));
      }
      next.addRequest(abs, this.states.state(abs), objects);
    }
    writeIndex(this.indexFile, next.data());
  }

  private outputRecords(name: string, outputs: readonly WrittenOutput[]): OutputRecord[] {
    return outputs.map((w) => [w.suffix, w.size, w.mtimeMs ?? statSync(this.outputFile(name, w.suffix), { throwIfNoEntry: false })?.mtimeMs ?? 0]);
  }

  private outputFile(name: string, suffix: string): string {
    // Object names are checked when their outputs are written (outputPath): no '.', '..' or empty segment.
    const base = (this.outputBase ??= path.join(this.outputDir, path.sep));
    return base + (path.sep === '/' ? name : name.split('/').join(path.sep)) + '.' + suffix;
  }

}

function collectReached(name: string, byName: ReadonlyMap<string, ObjectOutcome>, into: Set<string>): void {
  if (into.has(name)) return;
  into.add(name);
  for (const other of byName.get(name)?.objects ?? []) collectReached(other, byName, into);
}

/** The outcome an entry records (its dependency list is read from the tables when asked for). */
function outcomeOf(prev: IndexData, name: string, entry: ObjectEntry): ObjectOutcome {
  const outputs = entry.outputs.map(([suffix, size, mtimeMs]) => ({ suffix, size, mtimeMs }));
  let dependencies: Dependency[] | undefined;
  const o = {
    name,
    ok: true,
    diagnostics: entry.diagnostics,
    get dependencies(): Dependency[] {
      dependencies ??= entry.deps.map((i) => {
        const [depName, type, location] = prev.dependencies[i]!;
        return { name: depName, type, location };
      });
      return dependencies;
    },
    objects: entry.objects,
    outputs,
    ...(entry.file !== undefined ? { file: entry.file } : {}),
  };
  return o;
}

function sameFile(target: string, size: number, mtimeMs: number): boolean {
  const st = statSync(target, { throwIfNoEntry: false });
  return st !== undefined && st.size === size && st.mtimeMs === mtimeMs;
}
