/**
 * The on-disk index of the build cache (one JSON file per compile setting) and its assembly.
 * Tables of file states and of dependencies are shared by the entries: a dependency lists the
 * files whose state decides it (see dependency-paths.ts), an object lists its dependencies, a
 * requested file names the objects its compilation produced. Indexes are written through a
 * temporary file renamed into place; a cache directory keeps the 32 most recently written.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { threadId } from 'node:worker_threads';
import type { Dependency } from '../pan/compiler-api.js';
import type { FileRecord } from './file-state.js';
import type { ObjectOutcome } from './job.js';

export const FORMAT_VERSION = 3;

/** An output as recorded: its size and the mtime of the file written. */
export type OutputRecord = [suffix: string, size: number, mtimeMs: number];

/** A dependency as recorded, with indices into `files` of the paths whose state decides it. */
export type DependencyRecord = [name: string, type: Dependency['type'], location: string, files: number[]];

export interface ObjectEntry {
  /** Indices into `dependencies`. */
  readonly deps: number[];
  readonly file?: string;
  readonly diagnostics: ObjectOutcome['diagnostics'];
  readonly objects: string[];
  readonly outputs: OutputRecord[];
}

export interface RequestEntry {
  /** Index into `files` of the requested file. */
  readonly file: number;
  /** Objects its compilation produced. */
  readonly objects: string[];
}

export interface IndexData {
  readonly version: number;
  readonly written: number;
  readonly files: FileRecord[];
  readonly dependencies: DependencyRecord[];
  readonly requests: Record<string, RequestEntry>;
  readonly objects: Record<string, ObjectEntry>;
}

function dependencyKey(name: string, type: string, location: string): string {
  return `${name}\u0000${type}\u0000${location}`;
}

/**
 * Assembles a new index, sharing file and dependency records between entries. Started from the
 * previous index, it keeps that index's tables, so entries kept as they were stay valid; the
 * tables are compacted when records no entry uses have piled up.
 */
export class IndexBuilder {
  private files: FileRecord[] = [];
  private fileIndex = new Map<string, number>();
  private dependencies: DependencyRecord[] = [];
  private depIndex = new Map<string, number>();
  /** Dependencies whose file list this run has set (the others are kept from the previous index). */
  private readonly currentDeps = new Set<number>();
  /** Indices of dependency objects already added (most are shared between outcomes). */
  private readonly depIndexOfObject = new WeakMap<Dependency, number>();
  private requests: Record<string, RequestEntry> = {};
  private objects: Record<string, ObjectEntry> = {};

  /** `filesOf`: the current states of the paths deciding a dependency. */
  constructor(private readonly filesOf: (d: Dependency) => readonly FileRecord[]) {}

  /** A builder holding the tables (not the entries) of a previous index. */
  static from(prev: IndexData, filesOf: (d: Dependency) => readonly FileRecord[]): IndexBuilder {
    const b = new IndexBuilder(filesOf);
    b.files = prev.files.slice();
    b.files.forEach((f, i) => b.fileIndex.set(f[0], i));
    b.dependencies = prev.dependencies.slice();
    b.dependencies.forEach(([name, type, location], i) => b.depIndex.set(dependencyKey(name, type, location), i));
    return b;
  }

  /** Replaces the records of these paths by their current state. */
  refresh(records: Iterable<FileRecord>): void {
    for (const r of records) {
      const i = this.fileIndex.get(r[0]);
      if (i !== undefined) this.files[i] = r;
    }
  }

  /** Keeps an entry of the index this builder started from, as it was. */
  keepObject(name: string, entry: ObjectEntry): void {
    this.objects[name] = entry;
  }

  addObject(o: ObjectOutcome, outputs: OutputRecord[]): void {
    const entry: { -readonly [K in keyof ObjectEntry]: ObjectEntry[K] } = {
      deps: o.dependencies.map((d) => this.dependencyOf(d)),
      diagnostics: o.diagnostics,
      objects: [...o.objects],
      outputs,
    };
    if (o.file !== undefined) entry.file = o.file;
    this.objects[o.name] = entry;
  }

  addRequest(abs: string, record: FileRecord, objects: string[]): void {
    this.requests[abs] = { file: this.file(record), objects };
  }

  data(): IndexData {
    const b = this.wasteful() ? this.compacted() : this;
    return { version: FORMAT_VERSION, written: Date.now(), files: b.files, dependencies: b.dependencies, requests: b.requests, objects: b.objects };
  }

  /** The dependency's index, its file list set from the current states once per run. */
  private dependencyOf(d: Dependency): number {
    let i = this.depIndexOfObject.get(d);
    if (i !== undefined) return i;
    const key = dependencyKey(d.name, d.type, d.location);
    i = this.depIndex.get(key);
    if (i === undefined) {
      i = this.dependencies.push([d.name, d.type, d.location, []]) - 1;
      this.depIndex.set(key, i);
    }
    if (!this.currentDeps.has(i)) {
      this.dependencies[i] = [d.name, d.type, d.location, this.filesOf(d).map((f) => this.file(f))];
      this.currentDeps.add(i);
    }
    this.depIndexOfObject.set(d, i);
    return i;
  }

  /** True when most file records are used by no entry. */
  private wasteful(): boolean {
    const usedDeps = new Uint8Array(this.dependencies.length);
    const usedFiles = new Uint8Array(this.files.length);
    let count = 0;
    const mark = (i: number): void => {
      if (usedFiles[i] === 0) {
        usedFiles[i] = 1;
        count++;
      }
    };
    for (const e of Object.values(this.objects)) {
      for (const d of e.deps) {
        if (usedDeps[d] === 1) continue;
        usedDeps[d] = 1;
        this.dependencies[d]![3].forEach(mark);
      }
    }
    for (const r of Object.values(this.requests)) mark(r.file);
    return this.files.length > 2 * count + 1000 || this.dependencies.length > 2 * usedDeps.reduce((a, b) => a + b, 0) + 1000;
  }

  /** The same entries over tables holding only the records they use. */
  private compacted(): IndexBuilder {
    const b = new IndexBuilder(this.filesOf);
    const depMap = new Map<number, number>();
    const dep = (i: number): number => {
      let j = depMap.get(i);
      if (j === undefined) {
        const [name, type, location, files] = this.dependencies[i]!;
        j = b.dependencies.push([name, type, location, files.map((f) => b.file(this.files[f]!))]) - 1;
        depMap.set(i, j);
      }
      return j;
    };
    for (const [name, e] of Object.entries(this.objects)) b.objects[name] = { ...e, deps: e.deps.map(dep) };
    for (const [abs, r] of Object.entries(this.requests)) b.requests[abs] = { ...r, file: b.file(this.files[r.file]!) };
    return b;
  }

  private file(record: FileRecord): number {
    let i = this.fileIndex.get(record[0]);
    if (i === undefined) {
      i = this.files.push(record) - 1;
      this.fileIndex.set(record[0], i);
    } else {
      this.files[i] = record;
    }
    return i;
  }
}

/** The index in `file`, when it is one this version wrote. */
export function readIndex(file: string): IndexData | undefined {
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as IndexData;
    return data.version === FORMAT_VERSION ? data : undefined;
  } catch {
    return undefined;
  }
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
