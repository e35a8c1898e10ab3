/**
 * The build state `panfab build` leaves next to its outputs (`<outputDir>/.panfab/build.json`),
 * so that `lint --changed-since` can reuse the compiled profiles of objects a change cannot
 * affect instead of compiling them again.
 *
 * For each object the state records its source file, the SHA-256 of its profile JSON, every
 * file it depended on (the compiler's dependency list: templates, text files, and names that
 * were looked up but absent) with the SHA-256 of each, and the origin (last write) of every
 * profile path, which is what the site model needs from provenance. A profile is reused only
 * when all of that still holds: same settings, same profile file, every dependency resolving
 * to the same file with the same contents, absent names still absent. Anything else means the
 * object is compiled again, so a stale or foreign out/ directory can never leak into a lint.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Span } from '../diagnostics/span.js';
import type { Dependency, ObjectResult, ProvenanceEntry } from '../pan/compiler-api.js';
import { decodeJson } from '../pan/builtins/json.js';
import { PanDict } from '../pan/element.js';
import { SourceLocator } from '../source/locate.js';

/** Location of the state file relative to the output directory. */
export const BUILD_STATE_FILE = path.join('.panfab', 'build.json');
const FORMAT = 1;

/** A dependency as recorded: file relative to the site root (absent: none) and its hash. */
type DepRecord = [name: string, type: Dependency['type'], file: string | null, sha256: string | null];
/** Last write of a path: [path, template index, file index, offset, length, line, col, endLine, endCol, action]. */
type OriginRecord = [string, number, number, number, number, number, number, number, number, ProvenanceEntry['action']];

interface ObjectRecord {
  readonly name: string;
  readonly file: string;
  readonly profileSha256: string;
  readonly dependencies: readonly DepRecord[];
  readonly origins: readonly OriginRecord[];
}

interface StateDocument {
  readonly format: number;
  readonly settings: string;
  /** File names (relative to the site root) and template names referenced by origins. */
  readonly files: readonly string[];
  readonly templates: readonly string[];
  readonly objects: readonly ObjectRecord[];
}

/** What ties a state to the settings that produced it (compiler options, include path, version). */
export function settingsKey(parts: unknown): string {
  return sha256(JSON.stringify(parts));
}

/** Hashes of file contents, read once. */
class FileHashes {
  private readonly hashes = new Map<string, string | null>();

  of(absPath: string): string | null {
    let h = this.hashes.get(absPath);
    if (h === undefined) {
      try {
        h = sha256(readFileSync(absPath));
      } catch {
        h = null;
      }
      this.hashes.set(absPath, h);
    }
    return h;
  }
}

/**
 * The state document for successfully compiled objects. `profileJson` gives the exact profile
 * file contents written for an object; `cwd` resolves the relative paths in spans.
 */
export function createBuildState(
  results: readonly ObjectResult[],
  profileJson: (name: string) => Buffer,
  opts: { root: string; cwd: string; settings: string },
): string {
  const files = new Table();
  const templates = new Table();
  const hashes = new FileHashes();
  const relative = new Map<string, string>();
  const toRoot = (p: string) => {
    let r = relative.get(p);
    if (r === undefined) {
      r = path.relative(opts.root, path.resolve(opts.cwd, p)).split(path.sep).join('/');
      relative.set(p, r);
    }
    return r;
  };
  const objects: ObjectRecord[] = results.map((r) => ({
    name: r.name,
    file: toRoot(r.file ?? ''),
    profileSha256: sha256(profileJson(r.name)),
    dependencies: r.dependencies.map((d) => dependencyRecord(d, hashes, toRoot)),
    origins: originRecords(r, files, templates, toRoot),
  }));
  const doc: StateDocument = { format: FORMAT, settings: opts.settings, files: files.items, templates: templates.items, objects };
  return JSON.stringify(doc) + '\n';
}

function dependencyRecord(d: Dependency, hashes: FileHashes, toRoot: (p: string) => string): DepRecord {
  const file = dependencyFile(d);
  return file === undefined ? [d.name, d.type, null, null] : [d.name, d.type, toRoot(file), hashes.of(file)];
}

/** The absolute file of a found dependency. */
function dependencyFile(d: Dependency): string | undefined {
  if (d.location === '') return undefined;
  const suffix = d.type === 'PAN' ? '.pan' : d.type === 'TPL' ? '.tpl' : '';
  return path.join(fileURLToPath(d.location), d.name + suffix);
}

function originRecords(r: ObjectResult, files: Table, templates: Table, toRoot: (p: string) => string): OriginRecord[] {
  const out: OriginRecord[] = [];
  for (const [p, writes] of r.provenance ?? []) {
    const last = writes[writes.length - 1];
    if (last === undefined) continue;
    const s = last.span;
    out.push([p, templates.index(last.template), files.index(toRoot(s.file)), s.offset, s.length, s.line, s.col, s.endLine, s.endCol, last.action]);
  }
  return out;
}

/** Previously built objects that can be reused, checked one by one on request. */
export class ReusableBuild {
  private readonly byFile = new Map<string, ObjectRecord>();
  private readonly hashes = new FileHashes();
  private readonly locator: SourceLocator;
  private readonly includeRoots: ReadonlySet<string>;

  private constructor(
    private readonly doc: StateDocument,
    private readonly opts: { root: string; cwd: string; outputDir: string; includeDirs: readonly string[] },
  ) {
    for (const o of doc.objects) this.byFile.set(o.file, o);
    this.locator = new SourceLocator(opts.includeDirs);
    this.includeRoots = new Set(opts.includeDirs.map((d) => path.resolve(d)));
  }

  /** Reads the state in `outputDir`; undefined when absent, unreadable or made with other settings. */
  static load(opts: { root: string; cwd: string; outputDir: string; includeDirs: readonly string[]; settings: string }): ReusableBuild | undefined {
    let doc: StateDocument;
    try {
      doc = JSON.parse(readFileSync(path.join(opts.outputDir, BUILD_STATE_FILE), 'utf8')) as StateDocument;
    } catch {
      return undefined;
    }
    if (doc.format !== FORMAT || doc.settings !== opts.settings || !Array.isArray(doc.objects)) return undefined;
    return new ReusableBuild(doc, opts);
  }

  /** The previous result of the object template in `objectFile` (as given to the compiler), if still valid. */
  reuse(objectFile: string): ObjectResult | undefined {
    const rel = path.relative(this.opts.root, path.resolve(this.opts.cwd, objectFile)).split(path.sep).join('/');
    const record = this.byFile.get(rel);
    if (record === undefined || !record.dependencies.every((d) => this.stillValid(d))) return undefined;
    const profileFile = path.join(this.opts.outputDir, 'profiles', ...record.name.split('/')) + '.json';
    let text: Buffer;
    try {
      text = readFileSync(profileFile);
    } catch {
      return undefined;
    }
    if (sha256(text) !== record.profileSha256) return undefined;
    let profile;
    try {
      profile = decodeJson(text.toString('utf8'));
    } catch {
      return undefined;
    }
    if (!(profile instanceof PanDict)) return undefined;
    return { name: record.name, file: objectFile, profile, diagnostics: [], dependencies: [], provenance: this.provenance(record) };
  }

  private stillValid([name, type, file, hash]: DepRecord): boolean {
    const isText = type === 'TEXT' || type === 'ABSENT_TEXT';
    const found = isText ? this.locator.findText(name, ['']) : this.locator.findTemplate(name, ['']);
    if (file === null) return found === undefined;
    const abs = path.resolve(this.opts.root, file);
    // A file found through a LOADPATH entry is not re-resolved here (that needs the object's
    // LOADPATH); its contents still are checked.
    if (this.includeRoots.has(rootOf(abs, name, type)) && found?.absPath !== abs) return false;
    return hash !== null && this.hashes.of(abs) === hash;
  }

  private provenance(record: ObjectRecord): Map<string, ProvenanceEntry[]> {
    const out = new Map<string, ProvenanceEntry[]>();
    for (const [p, t, f, offset, length, line, col, endLine, endCol, action] of record.origins) {
      const file = path.relative(this.opts.cwd, path.resolve(this.opts.root, this.doc.files[f] ?? '')) || '.';
      const span: Span = { file, offset, length, line, col, endLine, endCol };
      out.set(p, [{ template: this.doc.templates[t] ?? '', span, action }]);
    }
    return out;
  }
}

/** The load-path root that served a dependency file (the file path minus its name). */
function rootOf(abs: string, name: string, type: Dependency['type']): string {
  const suffix = type === 'PAN' ? '.pan' : type === 'TPL' ? '.tpl' : '';
  const relative = (name + suffix).split('/').length;
  let dir = abs;
  for (let i = 0; i < relative; i++) dir = path.dirname(dir);
  return dir;
}

/** Interns strings into a list, giving each an index. */
class Table {
  readonly items: string[] = [];
  private readonly indexes = new Map<string, number>();

  index(s: string): number {
    let i = this.indexes.get(s);
    if (i === undefined) {
      i = this.items.length;
      this.items.push(s);
      this.indexes.set(s, i);
    }
    return i;
  }
}

function sha256(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}
