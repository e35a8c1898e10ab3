/**
 * The deploy manifest, `.panfab/manifest.json` in a deployed tree: which files panfab manages,
 * with the SHA-256, mode, artifact kind, owning host and generator version of the bytes it last
 * wrote. The same format serves as the journal of an unfinished deploy (`.panfab/pending.json`).
 * Reading validates every field (a damaged or hostile manifest is a diagnostic, never a crash or a
 * path outside the tree); writing is atomic and byte-stable (sorted paths, one line per file).
 */
import { readFile } from 'node:fs/promises';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { spanFromOffsets } from '../diagnostics/span.js';
import { writeFileAtomic } from './atomic.js';
import { compareStrings, fileSpan, resolveIn, STATE_DIR, unsafePathReason } from './paths.js';

/** Manifest file, relative to the deployed root. */
export const MANIFEST_PATH = `${STATE_DIR}/manifest.json`;
/** Journal of a deploy in progress: the manifest it is about to commit. */
export const PENDING_PATH = `${STATE_DIR}/pending.json`;
/** Version of the manifest layout; a reader refuses layouts it does not know. */
export const MANIFEST_FORMAT = 1;

/** What the manifest records about one managed file. */
export interface ManifestEntry {
  readonly sha256: string;
  readonly mode: number;
  readonly kind: string;
  readonly owner: string;
  /** `panfab <version>` that wrote these bytes. */
  readonly generator: string;
}

export interface Manifest {
  /** `panfab <version>` that wrote the manifest. */
  readonly generator: string;
  /** Relative POSIX path → entry. */
  readonly files: ReadonlyMap<string, ManifestEntry>;
}

export type ManifestRead = { ok: true; manifest: Manifest | undefined } | { ok: false; diagnostics: Diagnostic[] };

const SHA256 = /^[0-9a-f]{64}$/;
const MODE = /^0[0-7]{3,4}$/;

/** Serializes a manifest: stable key order, one line per file, final newline. */
export function serializeManifest(manifest: Manifest): string {
  const paths = [...manifest.files.keys()].sort(compareStrings);
  const lines = paths.map((rel, i) => {
    const e = manifest.files.get(rel)!;
    const body = JSON.stringify({ sha256: e.sha256, mode: formatMode(e.mode), kind: e.kind, owner: e.owner, generator: e.generator });
    return `    ${JSON.stringify(rel)}: ${body}${i < paths.length - 1 ? ',' : ''}`;
  });
  const files = paths.length === 0 ? '{}' : `{\n${lines.join('\n')}\n  }`;
  return `{\n  "format": ${MANIFEST_FORMAT},\n  "generator": ${JSON.stringify(manifest.generator)},\n  "files": ${files}\n}\n`;
}

/** Octal text of permission bits, e.g. `0644`. */
export function formatMode(mode: number): string {
  return '0' + (mode & 0o7777).toString(8).padStart(3, '0');
}

/** Parses and validates manifest text; `file` names it in diagnostics. */
export function parseManifest(text: string, file: string): ManifestRead {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    const at = /position (\d+)/.exec(err instanceof Error ? err.message : '');
    const offset = at ? Number(at[1]) : 0;
    return invalid(file, text, offset, `not valid JSON: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (!isObject(data)) return invalid(file, text, 0, 'the manifest is not a JSON object');
  if (data.format !== MANIFEST_FORMAT) {
    return invalid(file, text, offsetOf(text, '"format"'), `unsupported manifest format ${JSON.stringify(data.format)} (this panfab reads format ${MANIFEST_FORMAT})`);
  }
  if (typeof data.generator !== 'string') return invalid(file, text, offsetOf(text, '"generator"'), "'generator' must be a string");
  if (!isObject(data.files)) return invalid(file, text, offsetOf(text, '"files"'), "'files' must be an object");
  const files = new Map<string, ManifestEntry>();
  const diagnostics: Diagnostic[] = [];
  for (const rel of Object.keys(data.files).sort(compareStrings)) {
    const problem = entryProblem(rel, data.files[rel]);
    if (problem !== undefined) {
      diagnostics.push(problemAt(file, text, offsetOf(text, JSON.stringify(rel)), `entry ${JSON.stringify(rel)}: ${problem}`));
      continue;
    }
    const e = data.files[rel] as Record<string, string>;
    files.set(rel, { sha256: e.sha256!, mode: parseInt(e.mode!, 8), kind: e.kind!, owner: e.owner!, generator: e.generator! });
  }
  if (diagnostics.length > 0) return { ok: false, diagnostics };
  return { ok: true, manifest: { generator: data.generator, files } };
}

function entryProblem(rel: string, entry: unknown): string | undefined {
  const unsafe = unsafePathReason(rel);
  if (unsafe !== undefined) return `unusable path: ${unsafe}`;
  if (!isObject(entry)) return 'not an object';
  if (typeof entry.sha256 !== 'string' || !SHA256.test(entry.sha256)) return "'sha256' must be 64 lower-case hex digits";
  if (typeof entry.mode !== 'string' || !MODE.test(entry.mode)) return "'mode' must be an octal string such as \"0644\"";
  for (const key of ['kind', 'owner', 'generator'] as const) {
    if (typeof entry[key] !== 'string') return `'${key}' must be a string`;
  }
  if (entry.kind === '') return "'kind' must not be empty";
  return undefined;
}

/** Reads a manifest-format file under `root` (`MANIFEST_PATH` or `PENDING_PATH`); absent is `undefined`. */
export async function readManifestFile(root: string, rel: string = MANIFEST_PATH): Promise<ManifestRead> {
  const file = resolveIn(root, rel);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { ok: true, manifest: undefined };
    return { ok: false, diagnostics: [diagnostic('PF607', `cannot read ${file}: ${(err as Error).message}`, fileSpan(file))] };
  }
  return parseManifest(text, file);
}

/** Writes a manifest-format file under `root` atomically (the caller fsyncs `.panfab/`). */
export async function writeManifestFile(root: string, manifest: Manifest, rel: string = MANIFEST_PATH): Promise<void> {
  await writeFileAtomic(resolveIn(root, rel), Buffer.from(serializeManifest(manifest), 'utf8'), 0o644);
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function offsetOf(text: string, needle: string): number {
  return Math.max(0, text.indexOf(needle));
}

function problemAt(file: string, text: string, offset: number, message: string): Diagnostic {
  const end = Math.min(text.length, offset + 1);
  return diagnostic('PF602', `invalid manifest: ${message}`, spanFromOffsets(file, text, offset, end));
}

function invalid(file: string, text: string, offset: number, message: string): ManifestRead {
  return { ok: false, diagnostics: [problemAt(file, text, offset, message)] };
}
