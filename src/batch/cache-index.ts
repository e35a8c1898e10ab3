/**
 * The on-disk index of the build cache (one JSON file per compile setting): its format,
 * reading (StoredIndex) and writing; cache-index-builder.ts assembles new ones. Tables of file states and of dependencies are shared by the entries: a dependency lists the
 * files whose state decides it (see dependency-paths.ts), an object lists its dependencies, a
 * requested file names the objects its compilation produced.
 *
 * The tables are stored by column (an array per field, lists flattened with end offsets), so
 * reading an index of thousands of objects allocates a few hundred arrays and the strings,
 * rather than several small objects per entry: parsing and collecting garbage are what a
 * no-change rebuild spends most of its time on. Indexes are written through a temporary file
 * renamed into place; a cache directory keeps the 32 most recently written.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { threadId } from 'node:worker_threads';
import type { Dependency } from '../pan/compiler-api.js';
import type { FileRecord } from './file-state.js';
import type { ObjectOutcome, WrittenOutput } from './job.js';

export const FORMAT_VERSION = 4;

/** The stored index. Lists are flattened: entry i spans [end[i - 1] ?? 0, end[i]). */
export interface IndexData {
  readonly version: number;
  readonly written: number;
  readonly files: { path: string[]; size: number[]; mtime: number[]; hash: Array<string | null> };
  readonly dependencies: { name: string[]; type: Array<Dependency['type']>; location: string[]; files: number[]; end: number[] };
  readonly objects: {
    name: string[];
    file: Array<string | null>;
    deps: number[];
    depsEnd: number[];
    outputSuffix: string[];
    outputSize: number[];
    outputMtime: number[];
    outputsEnd: number[];
    /** Diagnostics by object index, for objects that have any. */
    diagnostics: Record<string, ObjectOutcome['diagnostics']>;
    /** Objects read through external paths, by object index, for objects that read any. */
    reads: Record<string, string[]>;
  };
  readonly requests: { file: number[]; objects: number[]; end: number[] };
}

function span(end: readonly number[], i: number): [number, number] {
  return [i === 0 ? 0 : end[i - 1]!, end[i]!];
}

/** Entry i of a flattened list column. */
function listAt(values: readonly number[], end: readonly number[], i: number): number[] {
  return values.slice(...span(end, i));
}

/** A stored index, read through accessors (lookup maps built when first needed). */
export class StoredIndex {
  private requestIndex: Map<string, number> | undefined;

  constructor(readonly data: IndexData) {}

  get written(): number {
    return this.data.written;
  }

  fileRecord(i: number): FileRecord {
    const f = this.data.files;
    return [f.path[i]!, f.size[i]!, f.mtime[i]!, f.hash[i]!];
  }

  /** The newest request of a requested file (by absolute path), if recorded. */
  request(abs: string): number | undefined {
    return this.requestMap().get(abs);
  }

  /** The newest request of each requested file. */
  requests(): IterableIterator<[string, number]> {
    return this.requestMap().entries();
  }

  private requestMap(): Map<string, number> {
    if (this.requestIndex === undefined) {
      const { file } = this.data.requests;
      // Later requests of a file supersede earlier ones.
      this.requestIndex = new Map(file.map((f, r) => [this.data.files.path[f]!, r]));
    }
    return this.requestIndex;
  }

  requestFile(r: number): number {
    return this.data.requests.file[r]!;
  }

  /** Offsets of a request's objects in `data.requests.objects`. */
  requestSpan(r: number): [number, number] {
    return span(this.data.requests.end, r);
  }

  requestObjects(r: number): number[] {
    return listAt(this.data.requests.objects, this.data.requests.end, r);
  }

  objectName(o: number): string {
    return this.data.objects.name[o]!;
  }

  objectDependencies(o: number): number[] {
    return listAt(this.data.objects.deps, this.data.objects.depsEnd, o);
  }

  /** Offsets of an object's dependencies in `data.objects.deps`. */
  dependencySpan(o: number): [number, number] {
    return span(this.data.objects.depsEnd, o);
  }

  /** Offsets of an object's outputs in the `data.objects.output*` columns. */
  outputSpan(o: number): [number, number] {
    return span(this.data.objects.outputsEnd, o);
  }

  /** Offsets of a dependency's files in `data.dependencies.files`. */
  fileSpan(d: number): [number, number] {
    return span(this.data.dependencies.end, d);
  }

  dependencyFiles(d: number): number[] {
    return listAt(this.data.dependencies.files, this.data.dependencies.end, d);
  }

  dependency(d: number): Dependency {
    const deps = this.data.dependencies;
    return { name: deps.name[d]!, type: deps.type[d]!, location: deps.location[d]! };
  }

  outputs(o: number): Array<Required<WrittenOutput>> {
    const objects = this.data.objects;
    const [from, to] = span(objects.outputsEnd, o);
    const out: Array<Required<WrittenOutput>> = [];
    for (let i = from; i < to; i++) out.push({ suffix: objects.outputSuffix[i]!, size: objects.outputSize[i]!, mtimeMs: objects.outputMtime[i]! });
    return out;
  }

  /** The outcome an object entry records. */
  outcome(o: number): ObjectOutcome {
    return new StoredOutcome(this, o);
  }
}

const NONE: readonly never[] = Object.freeze([]);

/** An outcome replayed from the index; its dependencies and outputs are read from the tables when asked for. */
class StoredOutcome implements ObjectOutcome {
  readonly name: string;
  readonly file?: string;
  readonly ok = true;
  readonly diagnostics: ObjectOutcome['diagnostics'];
  readonly objects: readonly string[];
  private deps: Dependency[] | undefined;
  private written: readonly WrittenOutput[] | undefined;

  constructor(
    private readonly index: StoredIndex,
    private readonly entry: number,
  ) {
    const objects = index.data.objects;
    this.name = objects.name[entry]!;
    const file = objects.file[entry];
    if (file !== null && file !== undefined) this.file = file;
    this.diagnostics = objects.diagnostics[entry] ?? NONE;
    this.objects = objects.reads[entry] ?? NONE;
  }

  get outputs(): readonly WrittenOutput[] {
    this.written ??= this.index.outputs(this.entry);
    return this.written;
  }

  get dependencies(): Dependency[] {
    this.deps ??= this.index.objectDependencies(this.entry).map((d) => this.index.dependency(d));
    return this.deps;
  }
}

/** The index in `file`, when it is one this version wrote (anything else is ignored, and replaced when the cache is saved). */
export function readIndex(file: string): StoredIndex | undefined {
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as IndexData;
    return data.version === FORMAT_VERSION && wellFormed(data) ? new StoredIndex(data) : undefined;
  } catch {
    return undefined;
  }
}

/** True when the columns of each table have matching lengths and the lists end where they should. */
function wellFormed(data: IndexData): boolean {
  const { files, dependencies: d, objects: o, requests: r } = data;
  const same = (n: number, ...columns: Array<readonly unknown[]>): boolean => columns.every((c) => Array.isArray(c) && c.length === n);
  const ends = (end: readonly number[], list: readonly unknown[]): boolean => (end.length === 0 ? list.length === 0 : end[end.length - 1] === list.length);
  return (
    same(files.path.length, files.size, files.mtime, files.hash) &&
    same(d.name.length, d.type, d.location, d.end) &&
    ends(d.end, d.files) &&
    same(o.name.length, o.file, o.depsEnd, o.outputsEnd) &&
    ends(o.depsEnd, o.deps) &&
    same(o.outputSuffix.length, o.outputSize, o.outputMtime) &&
    ends(o.outputsEnd, o.outputSuffix) &&
    same(r.file.length, r.end) &&
    ends(r.end, r.objects)
  );
}

/** How many indexes (compile settings) a cache directory keeps; the least recently written go. */
const MAX_INDEXES = 32;

/** Writes an index through a temporary file, then drops the oldest indexes beyond the limit. */
export function writeIndex(file: string, data: IndexData): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.${threadId}.tmp`;
  writeFileSync(temporary, JSON.stringify(data));
  renameSync(temporary, file);
  pruneIndexes(path.dirname(file));
}

function pruneIndexes(dir: string): void {
  const indexes = readdirSync(dir)
    .filter((n) => /^index-[0-9a-f]+\.json$/.test(n))
    .map((n) => ({ file: path.join(dir, n), mtime: statSync(path.join(dir, n), { throwIfNoEntry: false })?.mtimeMs ?? 0 }));
  if (indexes.length <= MAX_INDEXES) return;
  indexes.sort((a, b) => b.mtime - a.mtime);
  for (const { file } of indexes.slice(MAX_INDEXES)) rmSync(file, { force: true });
}
