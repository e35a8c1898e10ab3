/**
 * SARIF 2.1.0 output (OASIS Static Analysis Results Interchange Format) for code-scanning
 * services: one run whose tool driver lists every code of the catalogue as a rule, and one
 * result per diagnostic with its primary location and related locations. File locations are
 * relative to the site root (base id `%SRCROOT%`, declared in `originalUriBaseIds`); columns
 * count UTF-16 code units, as JavaScript strings do.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { allCodes, type DiagnosticCode } from './codes.js';
import type { Diagnostic, Severity } from './diagnostic.js';
import type { Span } from './span.js';

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
const ROOT_ID = '%SRCROOT%';

export interface SarifOptions {
  /** Absolute directory the artifact URIs are made relative to (the site root). */
  readonly siteRoot: string;
  /** Directory relative span file names are resolved against (default: the working directory). */
  readonly baseDir?: string;
  readonly toolName?: string;
  readonly toolVersion: string;
}

type Json = Record<string, unknown>;

/** The SARIF log object for a list of diagnostics. */
export function toSarif(diagnostics: readonly Diagnostic[], opts: SarifOptions): Json {
  const codes = allCodes();
  const ruleIndex = new Map<DiagnosticCode, number>(codes.map(([code], i) => [code, i]));
  const rules = codes.map(([code, info]) => ({
    id: code,
    name: ruleName(info.title),
    shortDescription: { text: info.title },
    defaultConfiguration: { level: level(info.severity) },
  }));
  const locate = locator(opts);
  return {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: opts.toolName ?? 'panfab', version: opts.toolVersion, rules } },
        originalUriBaseIds: { [ROOT_ID]: { uri: directoryUri(opts.siteRoot) } },
        columnKind: 'utf16CodeUnits',
        results: diagnostics.map((d) => result(d, ruleIndex.get(d.code) ?? -1, locate)),
      },
    ],
  };
}

/** The SARIF log as JSON text (2-space indentation, final newline). */
export function formatSarif(diagnostics: readonly Diagnostic[], opts: SarifOptions): string {
  return JSON.stringify(toSarif(diagnostics, opts), null, 2) + '\n';
}

function result(d: Diagnostic, ruleIndex: number, locate: (span: Span) => Json): Json {
  const out: Json = { ruleId: d.code, ruleIndex, level: level(d.severity), message: { text: d.message } };
  if (d.span) out.locations = [locate(d.span)];
  if (d.related && d.related.length > 0) {
    out.relatedLocations = d.related.map((r, i) => ({ id: i, ...locate(r.span), message: { text: r.message } }));
  }
  if (d.path !== undefined) out.properties = { profilePath: d.path };
  return out;
}

/** SARIF's three result levels; `info` is a `note`. */
function level(severity: Severity): 'error' | 'warning' | 'note' {
  return severity === 'info' ? 'note' : severity;
}

/** A PascalCase rule name from a catalogue title (`duplicate MAC address` → `DuplicateMacAddress`). */
function ruleName(title: string): string {
  return title
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w.length > 0)
    .map((w) => w[0]!.toUpperCase() + w.slice(1).toLowerCase())
    .join('');
}

/** Builds `physicalLocation`s: URIs relative to the site root when inside it, absolute otherwise. */
function locator(opts: SarifOptions): (span: Span) => Json {
  const root = path.resolve(opts.siteRoot);
  const base = path.resolve(opts.baseDir ?? process.cwd());
  return (span) => {
    const absolute = path.resolve(base, span.file);
    const relative = path.relative(root, absolute);
    const inside = relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
    const artifactLocation = inside
      ? { uri: relative.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: ROOT_ID }
      : { uri: pathToFileURL(absolute).href };
    return { physicalLocation: { artifactLocation, region: region(span) } };
  };
}

/** A SARIF region: 1-based lines and columns, `endColumn` one past the last character. */
function region(span: Span): Json {
  const endColumn = span.length === 0 ? span.col : span.endCol + 1;
  return { startLine: span.line, startColumn: span.col, endLine: span.endLine, endColumn };
}

function directoryUri(dir: string): string {
  const href = pathToFileURL(path.resolve(dir)).href;
  return href.endsWith('/') ? href : href + '/';
}
