/**
 * The persistent build cache of `compile` (`.panfab/cache`). One index per compile settings
 * (compiler build, options, formats, output directory, working directory) records, for each
 * requested file, the objects its compilation produced and, for each object, its outcome and
 * the state of every file it depends on: the templates and text files of its dependency list
 * (its own and those of the objects it read), the places earlier on the include path where a
 * template appearing would shadow one of them, and the places looked up in vain. A requested
 * file whose objects' files are all unchanged, and whose outputs are still on disk as written
 * (same size and modification time), is not compiled again: its outcomes are replayed. Objects
 * that failed are never cached.
 *
 * A cache directory keeps the indexes of the 32 most recently used settings.
 *
 * Limitation: lookups through LOADPATH entries are checked for the entry that served the
 * template, not for every entry of the LOADPATH.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { threadId } from 'node:worker_threads';
import type { Dependency } from '../pan/compiler-api.js';
import { FileStates, type FileRecord } from './file-state.js';
import type { ObjectOutcome, WrittenOutput } from './job.js';

const FORMAT_VERSION = 1;

/** An output as recorded: its content hash and size, and the mtime of the file written. */
type OutputRecord = [suffix: string, hash: string, size: number, mtimeMs: number];

interface ObjectEntry {
  /** Indices into `files`: every path whose state the outcome depends on. */
  readonly files: number[];
  /** Indices into `dependencies`. */
  readonly deps: number[];
  readonly file?: string;
  readonly diagnostics: ObjectOutcome['diagnostics'];
  readonly objects: string[];
  readonly outputs: OutputRecord[];
}

interface RequestEntry {
  /** Index into `files` of the requested file. */
  readonly file: number;
  /** Objects its compilation produced. */
  readonly objects: string[];
}

interface IndexData {
  readonly version: number;
  readonly written: number;
  readonly files: FileRecord[];
  readonly dependencies: Array<[string, Dependency['type'], string]>;
  readonly requests: Record<string, RequestEntry>;
  readonly objects: Record<string, ObjectEntry>;
}

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

  /** `settings`: everything besides file contents that the outputs depend on. */
  constructor(
    cacheDir: string,
    settings: unknown,
    private readonly includeDirs: readonly string[],
    private readonly outputDir: string,
  ) {
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
      if (entry === undefined || !entry.files.every((i) => this.states.unchanged(prev.files[i]!))) return undefined;
      if (!entry.outputs.every(([suffix, , size, mtimeMs]) => sameFile(this.outputFile(name, suffix), size, mtimeMs))) return undefined;
      out.push(outcomeOf(prev, name, entry));
    }
    return out;
  }

  /**
   * Writes the index for this run: the entries of the hits as they were (same table indices),
   * the compiled outcomes as new entries, every file state examined by this run refreshed.
   */
  save(compiledFiles: readonly string[], compiled: readonly ObjectOutcome[], hits: readonly ObjectOutcome[]): void {
    const prev = this.previous;
    const next = prev === undefined ? new IndexBuilder() : IndexBuilder.from(prev);
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
        next.addObject(o, this.outputRecords(name, o.outputs), this.entryFiles(o.dependencies));
      }
      next.addRequest(abs, this.states.state(abs), objects);
    }
    writeIndex(this.indexFile, next.data());
  }

  private outputRecords(name: string, outputs: readonly WrittenOutput[]): OutputRecord[] {
    return outputs.map((w) => [w.suffix, w.hash, w.size, statSync(this.outputFile(name, w.suffix), { throwIfNoEntry: false })?.mtimeMs ?? 0]);
  }

  private outputFile(name: string, suffix: string): string {
    // Object names are checked when their outputs are written (outputPath): no '.', '..' or empty segment.
    const base = (this.outputBase ??= path.join(this.outputDir, path.sep));
    return base + (path.sep === '/' ? name : name.split('/').join(path.sep)) + '.' + suffix;
  }

  /** Paths of each dependency (most dependencies are shared by many objects). */
  private readonly pathsOf = new Map<string, readonly string[]>();

  /** The current states of every path an object's outcome depends on. */
  private entryFiles(dependencies: readonly Dependency[]): FileRecord[] {
    const paths = new Set<string>();
    for (const d of dependencies) {
      const key = `${d.name}\u0000${d.type}\u0000${d.location}`;
      let known = this.pathsOf.get(key);
      if (known === undefined) {
        known = [...dependencyPaths([d], this.includeDirs)];
        this.pathsOf.set(key, known);
      }
      for (const p of known) paths.add(p);
    }
    return [...paths].map((p) => this.states.state(p));
  }
}

function collectReached(name: string, byName: ReadonlyMap<string, ObjectOutcome>, into: Set<string>): void {
  if (into.has(name)) return;
  into.add(name);
  for (const other of byName.get(name)?.objects ?? []) collectReached(other, byName, into);
}

/** The outcome an entry records (its dependency list is read from the tables when asked for). */
function outcomeOf(prev: IndexData, name: string, entry: ObjectEntry): ObjectOutcome {
  const outputs = entry.outputs.map(([suffix, hash, size]) => ({ suffix, hash, size }));
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

/**
 * Every path whose state decides an outcome with these dependencies: each file used, the
 * places earlier on the include path where the same name would have been found first, and
 * the places where an absent template or file was looked for.
 */
export function dependencyPaths(dependencies: readonly Dependency[], includeDirs: readonly string[]): Set<string> {
  const dirs = includeDirs.map((d) => path.resolve(d));
  const out = new Set<string>();
  for (const d of dependencies) {
    const template = d.type === 'PAN' || d.type === 'TPL' || d.type === 'ABSENT_SOURCE';
    const names = (base: string): string[] => (template ? [base + '.pan', base + '.tpl'] : [base]);
    if (d.type === 'ABSENT_SOURCE' || d.type === 'ABSENT_TEXT') {
      for (const dir of dirs) for (const p of names(path.join(dir, d.name))) out.add(p);
      continue;
    }
    const root = fileURLToPath(d.location);
    const used = path.join(root, d.name) + (d.type === 'PAN' ? '.pan' : d.type === 'TPL' ? '.tpl' : '');
    const served = dirs.findIndex((dir) => root === dir || root.startsWith(dir + path.sep));
    const rel = served < 0 ? '' : path.relative(dirs[served]!, root);
    // The places probed before the one used, in the locator's order (include directory, then
    // LOADPATH entry; .pan before .tpl).
    probing: for (let j = 0; j <= served; j++) {
      for (const base of rel === '' ? [path.join(dirs[j]!, d.name)] : [path.join(dirs[j]!, d.name), path.join(dirs[j]!, rel, d.name)]) {
        for (const p of names(base)) {
          if (p === used) break probing;
          out.add(p);
        }
      }
    }
    out.add(used);
  }
  return out;
}

/**
 * Assembles a new index, sharing file and dependency records between entries. Started from the
 * previous index, it keeps that index's tables, so entries kept as they were stay valid; the
 * tables are compacted when records no entry uses have piled up.
 */
class IndexBuilder {
  private files: FileRecord[] = [];
  private fileIndex = new Map<string, number>();
  private dependencies: Array<[string, Dependency['type'], string]> = [];
  private depIndex = new Map<string, number>();
  private requests: Record<string, RequestEntry> = {};
  private objects: Record<string, ObjectEntry> = {};

  /** A builder holding the tables (not the entries) of a previous index. */
  static from(prev: IndexData): IndexBuilder {
    const b = new IndexBuilder();
    b.files = prev.files.slice();
    b.files.forEach((f, i) => b.fileIndex.set(f[0], i));
    b.dependencies = prev.dependencies.slice();
    b.dependencies.forEach(([name, type, location], i) => b.depIndex.set(`${name}\u0000${type}\u0000${location}`, i));
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

  addObject(o: ObjectOutcome, outputs: OutputRecord[], files: readonly FileRecord[]): void {
    const entry: { -readonly [K in keyof ObjectEntry]: ObjectEntry[K] } = {
      files: files.map((f) => this.file(f)),
      deps: o.dependencies.map((d) => this.dependency([d.name, d.type, d.location])),
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

  /** True when most file records are used by no entry. */
  private wasteful(): boolean {
    const used = new Uint8Array(this.files.length);
    let count = 0;
    const mark = (i: number): void => {
      if (used[i] === 0) {
        used[i] = 1;
        count++;
      }
    };
    for (const e of Object.values(this.objects)) e.files.forEach(mark);
    for (const r of Object.values(this.requests)) mark(r.file);
    return this.files.length > 2 * count + 1000;
  }

  /** The same entries over tables holding only the records they use. */
  private compacted(): IndexBuilder {
    const b = new IndexBuilder();
    for (const [name, e] of Object.entries(this.objects)) {
      b.objects[name] = { ...e, files: e.files.map((i) => b.file(this.files[i]!)), deps: e.deps.map((i) => b.dependency(this.dependencies[i]!)) };
    }
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

  private dependency(d: [string, Dependency['type'], string]): number {
    const key = `${d[0]}\u0000${d[1]}\u0000${d[2]}`;
    let i = this.depIndex.get(key);
    if (i === undefined) {
      i = this.dependencies.push(d) - 1;
      this.depIndex.set(key, i);
    }
    return i;
  }
}

function sameFile(target: string, size: number, mtimeMs: number): boolean {
  const st = statSync(target, { throwIfNoEntry: false });
  return st !== undefined && st.size === size && st.mtimeMs === mtimeMs;
}

function readIndex(file: string): IndexData | undefined {
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as IndexData;
    return data.version === FORMAT_VERSION ? data : undefined;
  } catch {
    return undefined;
  }
}

/** How many indexes (compile settings) a cache directory keeps; the least recently written go. */
const MAX_INDEXES = 32;

function writeIndex(file: string, data: IndexData): void {
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
