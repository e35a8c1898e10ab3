/**
 * Assembles the build cache's next index from the previous one and the outcomes this run
 * compiled. A requested file's newest request wins; entries of files this run did not compile
 * stay as they were (whether this run replayed them or was not asked for them).
 *
 * Usually the new entries are appended to the previous index's columns and the file states
 * this run examined are updated in place, so saving after a one-file change costs little more
 * than writing the file. When superseded entries make up more than a fifth of the objects,
 * the index is rewritten with the live entries only.
 *
 * A record this run did not examine, and whose time could not vouch for its hash at the
 * previous writing, is marked so that it is hashed again when next checked (the new index's
 * later writing time must not make it trusted).
 */
import type { Dependency } from '../pan/compiler-api.js';
import { FORMAT_VERSION, type IndexData, type StoredIndex } from './cache-index.js';
import { timeVouches, type FileRecord } from './file-state.js';
import type { ObjectOutcome, WrittenOutput } from './job.js';

/** What the builder needs of the run's file states. */
export interface BuilderStates {
  /** The current states of the paths deciding a dependency (examined now when not yet). */
  filesOf(d: Dependency): readonly FileRecord[];
  /** The state of a path, if this run examined it. */
  examined(path: string): FileRecord | undefined;
  /** The current state of a path (examined now when not yet). */
  state(path: string): FileRecord;
}

interface NewObject {
  readonly outcome: ObjectOutcome;
  readonly outputs: ReadonlyArray<Required<WrittenOutput>>;
}

/** Superseded object entries tolerated before a rewrite, as a share of the live ones. */
const SUPERSEDED_SHARE = 0.2;
const SUPERSEDED_MIN = 256;

/** Collects this run's entries and writes the next index (see the module comment). */
export class IndexBuilder {
  private readonly objects: NewObject[] = [];
  private readonly requests: Array<{ file: FileRecord; objects: readonly string[] }> = [];

  constructor(
    private readonly prev: StoredIndex | undefined,
    private readonly states: BuilderStates,
  ) {}

  /** Adds the entry of an object compiled by this run. */
  addObject(outcome: ObjectOutcome, outputs: ReadonlyArray<Required<WrittenOutput>>): void {
    this.objects.push({ outcome, outputs });
  }

  /** Adds the request of a file compiled by this run, with the objects its compilation produced. */
  addRequest(file: FileRecord, objects: readonly string[]): void {
    this.requests.push({ file, objects });
  }

  /** The next index. */
  data(): IndexData {
    const prev = this.prev;
    if (prev === undefined) return this.rewritten(undefined, new Map());
    const replaced = new Set(this.requests.map((r) => r.file[0]));
    return this.superseded(prev, replaced) ? this.rewritten(prev, this.liveRequests(prev, replaced)) : this.appended(prev);
  }

  /** The previous index's newest request of each file this run did not compile. */
  private liveRequests(prev: StoredIndex, replaced: ReadonlySet<string>): Map<string, number> {
    const live = new Map<string, number>();
    for (const [file, r] of prev.requests()) if (!replaced.has(file)) live.set(file, r);
    return live;
  }

  /** True when the previous index's object entries no live request uses are too many. */
  private superseded(prev: StoredIndex, replaced: ReadonlySet<string>): boolean {
    const { objects } = prev.data.requests;
    const used = new Uint8Array(prev.data.objects.name.length);
    let count = this.objects.length;
    for (const [file, r] of prev.requests()) {
      if (replaced.has(file)) continue;
      const [from, to] = prev.requestSpan(r);
      for (let i = from; i < to; i++) {
        const o = objects[i]!;
        if (used[o] === 0) count++;
        used[o] = 1;
      }
    }
    const total = used.length + this.objects.length;
    return total - count > Math.max(SUPERSEDED_MIN, SUPERSEDED_SHARE * count);
  }

  /** The previous index with this run's entries appended and its examined file states updated. */
  private appended(prev: StoredIndex): IndexData {
    const w = IndexColumns.over(prev);
    this.writeNew(w, prev);
    w.refreshAndDistrust((p) => this.states.examined(p), prev.written);
    return w.finish();
  }

  /** A new index of the live previous entries and this run's. */
  private rewritten(prev: StoredIndex | undefined, live: ReadonlyMap<string, number>): IndexData {
    const w = IndexColumns.empty();
    if (prev !== undefined) this.copyLive(prev, live, w);
    this.writeNew(w);
    return w.finish();
  }

  private copyLive(prev: StoredIndex, live: ReadonlyMap<string, number>, w: IndexColumns): void {
    const current = (f: number): FileRecord => {
      const record = prev.fileRecord(f);
      const now = this.states.examined(record[0]);
      if (now !== undefined) return now;
      return timeVouches(record, prev.written) ? record : distrusted(record);
    };
    const depMap = new Map<number, number>();
    const objectMap = new Map<number, number>();
    const dep = (d: number): number => {
      let j = depMap.get(d);
      if (j === undefined) {
        j = w.dependency(prev.dependency(d), () => prev.dependencyFiles(d).map(current));
        depMap.set(d, j);
      }
      return j;
    };
    const object = (o: number): number => {
      let j = objectMap.get(o);
      if (j === undefined) {
        const objects = prev.data.objects;
        j = w.object(objects.name[o]!, objects.file[o] ?? null, prev.objectDependencies(o).map(dep), prev.outputs(o), objects.diagnostics[o] ?? [], objects.reads[o] ?? []);
        objectMap.set(o, j);
      }
      return j;
    };
    for (const [file, r] of live) {
      // A file neither requested nor seen by this run may be gone: its entries go with it.
      const record = this.states.examined(file) ?? this.states.state(file);
      if (record[3] === null) continue;
      w.request(current(prev.requestFile(r)), prev.requestObjects(r).map(object));
    }
  }

  /**
   * Writes this run's objects and requests (a request's objects are this run's entries of
   * those names); `continued`: the index `w` continues, whose requests locate file records.
   */
  private writeNew(w: IndexColumns, continued?: StoredIndex): void {
    const byName = new Map<string, number>();
    for (const { outcome, outputs } of this.objects) {
      const deps = outcome.dependencies.map((d) => w.dependency(d, () => this.states.filesOf(d)));
      byName.set(outcome.name, w.object(outcome.name, outcome.file ?? null, deps, outputs, outcome.diagnostics, outcome.objects));
    }
    for (const r of this.requests) w.request(r.file, r.objects.map((n) => byName.get(n)!), continued);
  }
}

/** A record whose hash must be checked again: no size matches it. */
function distrusted(record: FileRecord): FileRecord {
  return record[3] === null || record[3] === 'dir' ? record : [record[0], -1, record[2], record[3]];
}

/**
 * The columns of an index being written; file records and dependencies are shared by key
 * (the key maps over the columns of a previous index are built when first needed).
 */
class IndexColumns {
  private fileKeys: Map<string, number> | undefined;
  private depKeys: Map<string, number> | undefined;
  private readonly depOfObject = new WeakMap<Dependency, number>();

  private constructor(private readonly d: Omit<IndexData, 'version' | 'written'>) {}

  private get fileIndex(): Map<string, number> {
    this.fileKeys ??= new Map(this.d.files.path.map((p, i) => [p, i]));
    return this.fileKeys;
  }

  private get depIndex(): Map<string, number> {
    const deps = this.d.dependencies;
    this.depKeys ??= new Map(deps.name.map((name, i) => [`${name}\u0000${deps.type[i]}\u0000${deps.location[i]}`, i]));
    return this.depKeys;
  }

  static empty(): IndexColumns {
    return new IndexColumns({
      files: { path: [], size: [], mtime: [], hash: [] },
      dependencies: { name: [], type: [], location: [], files: [], end: [] },
      objects: { name: [], file: [], deps: [], depsEnd: [], outputSuffix: [], outputSize: [], outputMtime: [], outputsEnd: [], diagnostics: {}, reads: {} },
      requests: { file: [], objects: [], end: [] },
    });
  }

  /** Columns continuing an index read from disk (its arrays are extended in place). */
  static over(prev: StoredIndex): IndexColumns {
    return new IndexColumns(prev.data);
  }

  /**
   * Updates each record to the state this run examined; marks each unexamined record its time
   * cannot vouch for (see the module comment).
   */
  refreshAndDistrust(examined: (path: string) => FileRecord | undefined, previouslyWritten: number): void {
    const files = this.d.files;
    for (let i = 0; i < files.path.length; i++) {
      const now = examined(files.path[i]!);
      if (now !== undefined) {
        files.size[i] = now[1];
        files.mtime[i] = now[2];
        files.hash[i] = now[3];
        continue;
      }
      const record: FileRecord = [files.path[i]!, files.size[i]!, files.mtime[i]!, files.hash[i]!];
      if (!timeVouches(record, previouslyWritten)) files.size[i] = distrusted(record)[1];
    }
  }

  /** The index of a file record, added when new; `hint`: where the path may already be. */
  file(record: FileRecord, hint?: number): number {
    if (hint !== undefined && this.d.files.path[hint] === record[0]) return hint;
    let i = this.fileIndex.get(record[0]);
    if (i === undefined) {
      const files = this.d.files;
      i = files.path.push(record[0]) - 1;
      files.size.push(record[1]);
      files.mtime.push(record[2]);
      files.hash.push(record[3]);
      this.fileIndex.set(record[0], i);
    }
    return i;
  }

  /** The index of a dependency, added with the records `files()` gives when it is new. */
  dependency(d: Dependency, files: () => readonly FileRecord[]): number {
    let i = this.depOfObject.get(d);
    if (i !== undefined) return i;
    const key = `${d.name}\u0000${d.type}\u0000${d.location}`;
    i = this.depIndex.get(key);
    if (i === undefined) {
      const deps = this.d.dependencies;
      for (const f of files()) deps.files.push(this.file(f));
      deps.end.push(deps.files.length);
      deps.name.push(d.name);
      deps.type.push(d.type);
      i = deps.location.push(d.location) - 1;
      this.depIndex.set(key, i);
    }
    this.depOfObject.set(d, i);
    return i;
  }

  object(name: string, file: string | null, deps: readonly number[], outputs: ReadonlyArray<Required<WrittenOutput>>, diagnostics: ObjectOutcome['diagnostics'], reads: readonly string[]): number {
    const o = this.d.objects;
    const i = o.name.push(name) - 1;
    o.file.push(file);
    for (const d of deps) o.deps.push(d);
    o.depsEnd.push(o.deps.length);
    for (const out of outputs) {
      o.outputSuffix.push(out.suffix);
      o.outputSize.push(out.size);
      o.outputMtime.push(out.mtimeMs);
    }
    o.outputsEnd.push(o.outputSuffix.length);
    if (diagnostics.length > 0) o.diagnostics[i] = diagnostics;
    if (reads.length > 0) o.reads[i] = [...reads];
    return i;
  }

  /** Adds a request; `prev`: an index whose request of the same file may tell where its record is. */
  request(file: FileRecord, objects: readonly number[], prev?: StoredIndex): void {
    const r = this.d.requests;
    const earlier = prev?.request(file[0]);
    r.file.push(this.file(file, earlier === undefined ? undefined : prev!.requestFile(earlier)));
    for (const o of objects) r.objects.push(o);
    r.end.push(r.objects.length);
  }

  finish(): IndexData {
    return { version: FORMAT_VERSION, written: Date.now(), ...this.d };
  }
}
