/**
 * Per-process caches of template sources: the parsed AST of the latest version of each file
 * (by absolute path and display path; a version is recognised by its text) and its checked
 * (compiled) forms, so each template is parsed and checked once per process however many
 * objects use it. Within one compilation run each file is read at most once (`SourceReader`),
 * so a run sees a consistent snapshot; a reader can report the state of each file as it read
 * it (for the build cache, which then need not read the file again).
 */
import * as crypto from 'node:crypto';
import { closeSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import type { TemplateFile } from '../../grammar/ast.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { parseTemplate } from '../syntax/parse.js';

/** A parsed file (AST when there is no error). */
export interface ParsedSource {
  readonly ast: TemplateFile | undefined;
  readonly diagnostics: readonly Diagnostic[];
}

/** One version of a file: its text, its parse and its compiled forms by option signature. */
class Version implements ParsedSource {
  /** Compiled forms by option signature; the value type belongs to the caller. */
  readonly compiled = new Map<string, unknown>();

  constructor(
    readonly text: string,
    readonly ast: TemplateFile | undefined,
    readonly diagnostics: readonly Diagnostic[],
  ) {}
}

/** Maps keyed by a pair of paths (absolute, display) without building a combined key. */
export class PathPairMap<V> {
  private readonly byAbs = new Map<string, Map<string, V>>();
  private count = 0;

  get size(): number {
    return this.count;
  }

  get(absPath: string, displayPath: string): V | undefined {
    return this.byAbs.get(absPath)?.get(displayPath);
  }

  set(absPath: string, displayPath: string, value: V): void {
    let inner = this.byAbs.get(absPath);
    if (inner === undefined) this.byAbs.set(absPath, (inner = new Map()));
    if (!inner.has(displayPath)) this.count++;
    inner.set(displayPath, value);
  }

  clear(): void {
    this.byAbs.clear();
    this.count = 0;
  }
}

const MAX_ENTRIES = 100_000;
/** The latest parsed version of each file, across readers. */
const latest = new PathPairMap<Version>();

/** Options of `readFileSync`: an options object saves a per-call copy of the defaults. */
const UTF8 = { encoding: 'utf8' } as const;

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

/** Reads source files once per run and parses each version once per process. */
export class SourceReader {
  private readonly texts = new Map<string, string>();

  /** `onRead`: told of each file this reader reads, as it read it. */
  constructor(private readonly onRead?: (read: SourceRead) => void) {}

  /** The text of a file (read once per reader). Throws the file system error. */
  text(absPath: string): string {
    let t = this.texts.get(absPath);
    if (t === undefined) {
      t = this.onRead === undefined ? readFileSync(absPath, UTF8) : this.readReporting(absPath);
      this.texts.set(absPath, t);
    }
    return t;
  }

  /** Reads with one open: the state reported is that of the file read (fstat before the read). */
  private readReporting(absPath: string): string {
    const fd = openSync(absPath, 'r');
    try {
      const st = fstatSync(fd);
      const bytes = readOpenFile(fd, st.size);
      this.onRead!({ path: absPath, size: st.size, mtimeMs: st.mtimeMs, sha1: sha1Bytes(bytes) });
      return bytes.toString('utf8');
    } finally {
      closeSync(fd);
    }
  }

  private readonly parses = new PathPairMap<Version>();

  /** The parsed form of a template file. */
  parse(absPath: string, displayPath: string): ParsedSource {
    const known = this.parses.get(absPath, displayPath);
    if (known !== undefined) return known;
    const result = this.parseVersion(absPath, displayPath);
    this.parses.set(absPath, displayPath, result);
    return result;
  }

  /** The cached parse when the file's text is that of the latest version, else a new parse. */
  private parseVersion(absPath: string, displayPath: string): Version {
    const text = this.text(absPath);
    const hit = latest.get(absPath, displayPath);
    if (hit !== undefined && hit.text === text) return hit;
    const result = parseTemplate(text, displayPath);
    const version = new Version(text, result.ast, result.diagnostics);
    if (latest.size >= MAX_ENTRIES) latest.clear();
    latest.set(absPath, displayPath, version);
    return version;
  }
}

/** The cached compiled form for a parsed file and option signature, computing it once. */
export function cachedCompile<T>(source: ParsedSource, signature: string, build: () => T): T {
  if (!(source instanceof Version)) return build();
  const compiled = source.compiled;
  if (compiled.has(signature)) return compiled.get(signature) as T;
  const value = build();
  compiled.set(signature, value);
  return value;
}
