/**
 * Per-process caches of template sources: the parsed AST of the latest version of each file
 * (by absolute path and display path; a version is recognised by its text) and its checked
 * (compiled) forms, so each template is parsed and checked once per process however many
 * objects use it. Within one compilation run each file is read at most once (`SourceReader`),
 * so a run sees a consistent snapshot; a reader can report the state of each file as it read
 * it (for the build cache, which then need not read the file again).
 */
import * as crypto from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import type { TemplateFile } from '../../grammar/ast.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { parseTemplate } from '../syntax/parse.js';

/** A parsed file (AST when there is no error). */
export interface ParsedSource {
  readonly ast: TemplateFile | undefined;
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * One version of a file: its text, its parse and its compiled forms by option signature (the
 * first signature's form inline: a run compiles every file with one signature).
 */
class Version implements ParsedSource {
  /** The signature of the form kept inline (undefined: none yet). */
  private signature: string | undefined = undefined;
  private form: unknown = undefined;
  /** Compiled forms of other signatures; the value type belongs to the caller. */
  private others: Map<string, unknown> | undefined = undefined;

  constructor(
    readonly text: string,
    readonly ast: TemplateFile | undefined,
    readonly diagnostics: readonly Diagnostic[],
  ) {}

  /** The compiled form for `signature`, computed by `build` the first time. */
  compiled<T>(signature: string, build: () => T): T {
    if (this.signature === signature) return this.form as T;
    const others = this.others;
    if (others !== undefined && others.has(signature)) return others.get(signature) as T;
    const value = build();
    if (this.signature === undefined) {
      this.signature = signature;
      this.form = value;
    } else {
      (this.others ??= new Map()).set(signature, value);
    }
    return value;
  }
}

/**
 * Values by display path, for one absolute path: the first display path's value inline (a file
 * is nearly always known by one display path), the others in a map made when needed.
 */
class DisplayEntry<V> {
  private others: Map<string, V> | undefined = undefined;

  constructor(
    private readonly display: string,
    private value: V,
  ) {}

  get(displayPath: string): V | undefined {
    return this.display === displayPath ? this.value : this.others?.get(displayPath);
  }

  /** True when this entry holds a value for `displayPath` only (`value`, when given). */
  only(displayPath: string, value?: V): boolean {
    return this.display === displayPath && this.others === undefined && (value === undefined || this.value === value);
  }

  /** Sets the value of `displayPath`; true if it had none. */
  set(displayPath: string, value: V): boolean {
    if (this.display === displayPath) {
      this.value = value;
      return false;
    }
    const others = (this.others ??= new Map());
    const added = !others.has(displayPath);
    others.set(displayPath, value);
    return added;
  }
}

/**
 * Maps keyed by a pair of paths (absolute, display) without building a combined key: one lookup
 * by absolute path, then a comparison with the display path.
 */
export class PathPairMap<V> {
  private readonly byAbs = new Map<string, DisplayEntry<V>>();
  private count = 0;

  get size(): number {
    return this.count;
  }

  get(absPath: string, displayPath: string): V | undefined {
    return this.byAbs.get(absPath)?.get(displayPath);
  }

  set(absPath: string, displayPath: string, value: V): void {
    const entry = this.byAbs.get(absPath);
    if (entry === undefined) {
      this.byAbs.set(absPath, new DisplayEntry(displayPath, value));
      this.count++;
    } else if (entry.set(displayPath, value)) {
      this.count++;
    }
  }

  /**
   * Removes the entry of `absPath` when it holds a value for `displayPath` only (and that value
   * is `value`, when given); an entry shared with other display paths stays.
   */
  delete(absPath: string, displayPath: string, value?: V): void {
    const entry = this.byAbs.get(absPath);
    if (entry === undefined || !entry.only(displayPath, value)) return;
    this.byAbs.delete(absPath);
    this.count--;
  }

  clear(): void {
    this.byAbs.clear();
    this.count = 0;
  }
}

const MAX_ENTRIES = 100_000;
/** The latest parsed version of each file, across readers. */
const latest = new PathPairMap<Version>();

/**
 * A file as a run read it: size and modification time of the open file before the read (a
 * later change shows as a newer time) and the sha1 (hex) of the bytes read.
 */
export interface SourceRead {
  readonly path: string;
  readonly size: number;
  readonly mtimeMs: number;
  readonly sha1: string;
}

/** One-shot `crypto.hash` (Node 20.12+) when present. */
const oneShotHash = (crypto as { hash?: (algorithm: string, data: Uint8Array, encoding: 'hex') => string }).hash;

function sha1Bytes(bytes: Uint8Array): string {
  return oneShotHash !== undefined ? oneShotHash('sha1', bytes, 'hex') : crypto.createHash('sha1').update(bytes).digest('hex');
}

/** The buffer files are read into (grown for a larger file); its contents are used at once. */
let readBuffer = Buffer.allocUnsafe(64 * 1024);

/**
 * Reads an open file to its end into the read buffer and returns the bytes read (a view that
 * the next read overwrites). `size`: the size the file had when opened (it may change).
 */
function readOpenFile(fd: number, size: number): Buffer {
  if (readBuffer.length <= size) readBuffer = Buffer.allocUnsafe(Math.max(size + 1, 2 * readBuffer.length));
  let used = 0;
  for (;;) {
    if (used === readBuffer.length) readBuffer = Buffer.concat([readBuffer, Buffer.allocUnsafe(readBuffer.length)]);
    const n = readSync(fd, readBuffer, used, readBuffer.length - used, null);
    if (n === 0) return readBuffer.subarray(0, used);
    used += n;
  }
}

/** A file as one reader read it: its text, and its parses by display path. */
class ReaderFile {
  private parses: DisplayEntry<Version> | undefined = undefined;

  constructor(readonly text: string) {}

  /** The parse kept for `displayPath`, if any. */
  parsed(displayPath: string): Version | undefined {
    return this.parses?.get(displayPath);
  }

  /** Keeps the parse for `displayPath`. */
  keep(displayPath: string, version: Version): void {
    if (this.parses === undefined) this.parses = new DisplayEntry(displayPath, version);
    else this.parses.set(displayPath, version);
  }

  /** Drops the parses (the text stays: a later parse gives the same result). */
  forgetParses(): void {
    this.parses = undefined;
  }
}

/** Reads source files once per run and parses each version once per process. */
export class SourceReader {
  /** The files read, by absolute path. */
  private readonly files = new Map<string, ReaderFile>();

  /** `onRead`: told of each file this reader reads, as it read it. */
  constructor(private readonly onRead?: (read: SourceRead) => void) {}

  /** The text of a file (read once per reader). Throws the file system error. */
  text(absPath: string): string {
    return this.file(absPath).text;
  }

  /** A file as this reader read it (read on first use). Throws the file system error. */
  private file(absPath: string): ReaderFile {
    let file = this.files.get(absPath);
    if (file === undefined) {
      file = new ReaderFile(this.read(absPath));
      this.files.set(absPath, file);
    }
    return file;
  }

  /** Reads a file with one open; the state reported is that of the file read (fstat before the read). */
  private read(absPath: string): string {
    const fd = openSync(absPath, 'r');
    try {
      const st = fstatSync(fd);
      const bytes = readOpenFile(fd, st.size);
      this.onRead?.({ path: absPath, size: st.size, mtimeMs: st.mtimeMs, sha1: sha1Bytes(bytes) });
      return bytes.toString('utf8');
    } finally {
      closeSync(fd);
    }
  }

  /**
   * Lets go of the parse of a file used once (an object template compiled on its own), here and
   * in the per-process cache, so that it does not outlive its build: kept, thousands of them
   * would be copied by every collection. The text stays, so a later parse in this run (the
   * object read through an external path) sees the same version.
   */
  release(absPath: string, displayPath: string): void {
    const file = this.files.get(absPath);
    if (file === undefined) return;
    const version = file.parsed(displayPath);
    file.forgetParses();
    if (version !== undefined) latest.delete(absPath, displayPath, version);
  }

  /** The parsed form of a template file. */
  parse(absPath: string, displayPath: string): ParsedSource {
    const file = this.file(absPath);
    let version = file.parsed(displayPath);
    if (version === undefined) {
      version = latestVersion(absPath, displayPath, file.text);
      file.keep(displayPath, version);
    }
    return version;
  }
}

/** The cached parse when `text` is that of the latest version of the file, else a new parse. */
function latestVersion(absPath: string, displayPath: string, text: string): Version {
  const hit = latest.get(absPath, displayPath);
  if (hit !== undefined && hit.text === text) return hit;
  const result = parseTemplate(text, displayPath);
  const version = new Version(text, result.ast, result.diagnostics);
  if (latest.size >= MAX_ENTRIES) latest.clear();
  latest.set(absPath, displayPath, version);
  return version;
}

/** The cached compiled form for a parsed file and option signature, computing it once. */
export function cachedCompile<T>(source: ParsedSource, signature: string, build: () => T): T {
  return source instanceof Version ? source.compiled(signature, build) : build();
}
