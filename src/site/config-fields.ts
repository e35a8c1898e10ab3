/**
 * The keys of a site configuration (`panfab.json`) and their command-line flags, in one table:
 * the JSON validator and the flag parser both derive from it, so every key has a flag and both
 * accept the same values. Values are checked here (types, known codes, artifact kinds); paths
 * are resolved and checked for existence by config.ts.
 */
import { allCodes, type DiagnosticCode } from '../diagnostics/codes.js';

/** Artifact kinds a site can build (see docs on the install-server layout). */
export const ARTIFACT_KINDS = ['xen', 'pxelinux', 'grub', 'ipxe', 'kickstart'] as const;
export type ArtifactKind = (typeof ARTIFACT_KINDS)[number];

type FieldType = 'path' | 'paths' | 'globs' | 'url' | 'strings' | 'ratio' | 'codes' | 'kinds';

export interface ConfigField {
  /** Dotted key in panfab.json, e.g. `installServer.baseUrl`. */
  readonly key: string;
  /** Long command-line flag without dashes. */
  readonly flag: string;
  readonly type: FieldType;
  /** What the key means (flag help). */
  readonly help: string;
}

/** Every configuration key, in documentation order. */
export const CONFIG_FIELDS: readonly ConfigField[] = [
  { key: 'includePath', flag: 'include-path', type: 'paths', help: 'template directories, in lookup order' },
  { key: 'objects', flag: 'objects', type: 'globs', help: 'globs naming the object templates (profiles)' },
  { key: 'outputDir', flag: 'output-dir', type: 'path', help: 'where build writes profiles/ and site.json' },
  { key: 'deployedDir', flag: 'deployed-dir', type: 'path', help: 'the deployed tree of the install server' },
  { key: 'templateDir', flag: 'template-dir', type: 'path', help: 'site overrides of the built-in artifact templates' },
  { key: 'artifacts', flag: 'artifacts', type: 'kinds', help: `artifact kinds to build: ${ARTIFACT_KINDS.join(', ')}` },
  { key: 'installServer.baseUrl', flag: 'install-server-url', type: 'url', help: 'http(s) URL the install server serves the deployed tree at' },
  { key: 'installServer.bootFiles', flag: 'boot-files', type: 'strings', help: 'kernel/initrd paths the install server serves' },
  { key: 'checks.overcommitMemoryRatio', flag: 'overcommit-memory-ratio', type: 'ratio', help: 'allowed guest memory / host memory ratio' },
  { key: 'checks.overcommitVcpuRatio', flag: 'overcommit-vcpu-ratio', type: 'ratio', help: 'allowed guest vCPUs / host cores ratio' },
  { key: 'checks.disabled', flag: 'disable-checks', type: 'codes', help: 'diagnostic codes of site checks to turn off' },
];

/** Keys that group other keys (`installServer`, `checks`). */
export const CONFIG_GROUPS: ReadonlySet<string> = new Set(CONFIG_FIELDS.filter((f) => f.key.includes('.')).map((f) => f.key.split('.')[0]!));

/** A checked configuration value. */
export type FieldValue = string | number | readonly string[];

/** The outcome of checking one value: the value, or what is wrong with it. */
export type FieldCheck = { ok: true; value: FieldValue } | { ok: false; problem: string; index?: number };

const KNOWN_CODES: ReadonlySet<string> = new Set(allCodes().map(([c]) => c));

/** Describes a JSON value's type for messages. */
export function describeJson(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}

/** Checks a value read from panfab.json (already decoded from JSON). */
export function checkJsonValue(field: ConfigField, value: unknown): FieldCheck {
  switch (field.type) {
    case 'path':
    case 'url':
      if (typeof value !== 'string') return { ok: false, problem: `'${field.key}' must be a string, not ${describeJson(value)}` };
      return checkScalar(field, value);
    case 'ratio':
      if (typeof value !== 'number') return { ok: false, problem: `'${field.key}' must be a number, not ${describeJson(value)}` };
      return checkRatio(field, value);
    default:
      if (!Array.isArray(value)) return { ok: false, problem: `'${field.key}' must be an array of strings, not ${describeJson(value)}` };
      const index = value.findIndex((v) => typeof v !== 'string');
      if (index >= 0) return { ok: false, problem: `'${field.key}' entries must be strings, not ${describeJson(value[index])}`, index };
      return checkList(field, value as string[]);
  }
}

/** Checks a value given as a command-line flag (lists are comma-separated, the include path ':'-separated). */
export function checkFlagValue(field: ConfigField, text: string): FieldCheck {
  if (field.type === 'ratio') {
    const n = /^\s*\d+(\.\d+)?\s*$/.test(text) ? Number(text) : Number.NaN;
    return checkRatio(field, n);
  }
  if (field.type === 'path' || field.type === 'url') return checkScalar(field, text);
  const separator = field.type === 'paths' ? ':' : ',';
  return checkList(field, text.split(separator).map((s) => s.trim()).filter((s) => s.length > 0));
}

function checkScalar(field: ConfigField, value: string): FieldCheck {
  if (value.trim() === '') return { ok: false, problem: `'${field.key}' must not be empty` };
  if (field.type === 'url' && !/^https?:\/\/[^/\s]+(\/\S*)?$/.test(value)) {
    return { ok: false, problem: `'${field.key}' must be an http:// or https:// URL, not '${value}'` };
  }
  return { ok: true, value };
}

function checkRatio(field: ConfigField, value: number): FieldCheck {
  if (!Number.isFinite(value) || value <= 0) return { ok: false, problem: `'${field.key}' must be a positive number` };
  return { ok: true, value };
}

function checkList(field: ConfigField, values: readonly string[]): FieldCheck {
  const empty = values.findIndex((v) => v.trim() === '');
  if (empty >= 0) return { ok: false, problem: `'${field.key}' must not contain empty strings`, index: empty };
  if ((field.type === 'paths' || field.type === 'globs') && values.length === 0) {
    return { ok: false, problem: `'${field.key}' must name at least one entry` };
  }
  const known: ReadonlySet<string> | undefined = field.type === 'codes' ? KNOWN_CODES : field.type === 'kinds' ? new Set(ARTIFACT_KINDS) : undefined;
  const unknown = known ? values.findIndex((v) => !known.has(v)) : -1;
  if (unknown >= 0) {
    const what = field.type === 'codes' ? 'unknown diagnostic code' : `unknown artifact kind (known: ${ARTIFACT_KINDS.join(', ')})`;
    return { ok: false, problem: `'${field.key}': ${what} '${values[unknown]}'`, index: unknown };
  }
  return { ok: true, value: [...values] };
}

/** The typed list of disabled codes of a checked `checks.disabled` value. */
export function asCodes(value: FieldValue | undefined): DiagnosticCode[] {
  return Array.isArray(value) ? (value as DiagnosticCode[]) : [];
}
