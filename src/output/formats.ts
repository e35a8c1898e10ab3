/**
 * The output formats of `compile`, keyed as on panc's command line (`--formats pan,dep`):
 * each maps to a file suffix and a renderer. Gzip variants compress the plain rendering
 * (deterministically: no file name, zero timestamp).
 */
import { gzipSync } from 'node:zlib';
import type { Dependency } from '../pan/compiler-api.js';
import type { PanDict } from '../pan/element.js';
import { formatDependencies } from './dep.js';
import { formatDot } from './dot.js';
import { formatJsonProfileBytes } from './json.js';
import { formatText } from './text.js';
import { formatPanXmlBytes } from './xml.js';

/** What a format renders: the validated profile and the object's dependencies. */
export interface ProfileOutput {
  readonly profile: PanDict;
  readonly dependencies: readonly Dependency[];
}

export interface OutputFormat {
  /** Key as given to `--formats` (lower case). */
  readonly key: string;
  /** File suffix appended to the object name after a dot. */
  readonly suffix: string;
  /** The file contents (not to be modified: it may share memory with other outputs). */
  render(output: ProfileOutput): Buffer;
}

type TextRenderer = (output: ProfileOutput) => string;
type ByteRenderer = (output: ProfileOutput) => Buffer;

const utf8 = (render: TextRenderer): ByteRenderer => (o) => Buffer.from(render(o), 'utf8');

const xml: ByteRenderer = (o) => formatPanXmlBytes(o.profile);
const json: ByteRenderer = (o) => formatJsonProfileBytes(o.profile);
const text = utf8((o) => formatText(o.profile));
const dot = utf8((o) => formatDot(o.profile));
const dep = utf8((o) => formatDependencies(o.dependencies));

function plain(key: string, suffix: string, render: ByteRenderer): OutputFormat {
  return { key, suffix, render };
}

function gzipped(key: string, suffix: string, render: ByteRenderer): OutputFormat {
  return { key, suffix, render: (o) => gzipSync(render(o)) };
}

const FORMATS: readonly OutputFormat[] = [
  plain('pan', 'xml', xml),
  gzipped('pan.gz', 'xml.gz', xml),
  plain('xml', 'xml', xml),
  gzipped('xml.gz', 'xml.gz', xml),
  plain('json', 'json', json),
  gzipped('json.gz', 'json.gz', json),
  plain('text', 'txt', text),
  plain('txt', 'txt', text),
  plain('dot', 'dot', dot),
  plain('dep', 'dep', dep),
  gzipped('dep.gz', 'dep.gz', dep),
  { key: 'null', suffix: 'null', render: () => Buffer.alloc(0) },
];

/** The format keys `--formats` accepts. */
export const FORMAT_KEYS: readonly string[] = FORMATS.map((f) => f.key);

/** The format for a key (case-insensitive), or undefined. */
export function formatByKey(key: string): OutputFormat | undefined {
  const k = key.trim().toLowerCase();
  return FORMATS.find((f) => f.key === k);
}

/** Result of parsing a `--formats` list. */
export type FormatsParse = { ok: true; formats: OutputFormat[] } | { ok: false; unknown: string[] };

/**
 * Parses a comma-separated list of format keys. Duplicates and keys writing the same suffix
 * (`pan` and `xml`) collapse to one; the result is in key order, so output never depends on
 * how the list was written.
 */
export function parseFormats(list: string): FormatsParse {
  const keys = list.split(',').map((k) => k.trim()).filter((k) => k.length > 0);
  const unknown = keys.filter((k) => formatByKey(k) === undefined);
  if (unknown.length > 0) return { ok: false, unknown };
  const bySuffix = new Map<string, OutputFormat>();
  for (const k of keys) {
    const f = formatByKey(k)!;
    if (!bySuffix.has(f.suffix)) bySuffix.set(f.suffix, f);
  }
  return { ok: true, formats: [...bySuffix.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)) };
}
