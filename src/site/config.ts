/**
 * Site configuration: finds the site root, reads and validates its optional `panfab.json`,
 * applies command-line flags over it and defaults under it, and resolves every path.
 *
 * Paths in panfab.json are relative to the site root; paths given as flags are relative to
 * the working directory. Problems in panfab.json are diagnostics at their file:line:col (PF701
 * wrong type or value, PF703 unknown key); a bad flag is a PF700 usage error; a missing include
 * directory is PF702. The defaults describe the conventional layout — object templates in
 * `site/hosts/`, site templates in `site/`, the schema library in `lib/` — so `panfab build`
 * works in such a directory without any file.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { DiagnosticCode } from '../diagnostics/codes.js';
import { diagnostic, hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Span } from '../diagnostics/span.js';
import { asCodes, checkFlagValue, checkJsonValue, CONFIG_FIELDS, CONFIG_GROUPS, describeJson, type ArtifactKind, type ConfigField, type FieldValue, ARTIFACT_KINDS } from './config-fields.js';
import { parseJsonSource, type JsonMember, type JsonNode } from './json-source.js';

export const CONFIG_FILE = 'panfab.json';

/** Values used when neither panfab.json nor a flag gives one (paths relative to the site root). */
export const CONFIG_DEFAULTS: Readonly<Record<string, FieldValue>> = {
  includePath: ['site/hosts', 'site', 'lib'],
  objects: ['site/hosts/**/*.pan'],
  outputDir: 'out',
  deployedDir: 'deployed',
  templateDir: 'templates',
  artifacts: [...ARTIFACT_KINDS],
};

/** Options of the site checks taken from the configuration. */
export interface CheckSettings {
  readonly overcommitMemoryRatio?: number;
  readonly overcommitVcpuRatio?: number;
  readonly disabled: readonly DiagnosticCode[];
}

/** A resolved site configuration; every path is absolute. */
export interface SiteConfig {
  readonly root: string;
  /** The panfab.json that was read, if any. */
  readonly configFile?: string;
  readonly includeDirs: readonly string[];
  /** Absolute glob patterns of the object templates. */
  readonly objects: readonly string[];
  readonly outputDir: string;
  readonly deployedDir: string;
  readonly templateDir: string;
  readonly artifacts: readonly ArtifactKind[];
  /** The install server; `bootFiles` absent means boot files are not checked. */
  readonly installServer?: { readonly baseUrl: string; readonly bootFiles?: readonly string[] };
  readonly checks: CheckSettings;
}

export interface ConfigRequest {
  /** Site directory given on the command line; when absent, the nearest directory holding panfab.json from the working directory up, else the working directory. */
  readonly siteDir?: string;
  /** Flag name → value, for the flags of CONFIG_FIELDS. */
  readonly flags?: ReadonlyMap<string, string>;
  /** Working directory (default: process.cwd()). */
  readonly cwd?: string;
}

export interface ConfigResult {
  /** The configuration, absent when it has errors. */
  readonly config?: SiteConfig;
  readonly diagnostics: Diagnostic[];
}

/** Where a value came from: panfab.json (with its span), a flag, or the defaults. */
type Origin = { from: 'file'; span: Span } | { from: 'flag'; flag: string } | { from: 'default' };
type Setting = { value: FieldValue; origin: Origin };

/** Finds the site, reads panfab.json, applies flags and defaults, resolves paths. */
export function loadSiteConfig(request: ConfigRequest = {}): ConfigResult {
  const cwd = path.resolve(request.cwd ?? process.cwd());
  const root = request.siteDir !== undefined ? path.resolve(cwd, request.siteDir) : discoverSiteRoot(cwd);
  if (!isDirectory(root)) {
    return { diagnostics: [diagnostic('PF702', `site directory ${request.siteDir ?? root} does not exist`)] };
  }
  const diagnostics: Diagnostic[] = [];
  const settings = new Map<string, Setting>();
  const configFile = path.join(root, CONFIG_FILE);
  const hasFile = existsSync(configFile);
  if (hasFile) readConfigFile(configFile, path.relative(cwd, configFile) || CONFIG_FILE, settings, diagnostics);
  applyFlags(request.flags ?? new Map(), settings, diagnostics);
  if (hasErrors(diagnostics)) return { diagnostics };
  const config = resolveConfig(root, cwd, settings, diagnostics, request.siteDir === undefined);
  if (hasFile) Object.assign(config, { configFile });
  return hasErrors(diagnostics) ? { diagnostics } : { config, diagnostics };
}

/** The nearest directory from `start` upwards holding panfab.json, else `start`. */
export function discoverSiteRoot(start: string): string {
  let dir = path.resolve(start);
  for (;;) {
    if (existsSync(path.join(dir, CONFIG_FILE))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return path.resolve(start);
    dir = parent;
  }
}

function readConfigFile(file: string, display: string, settings: Map<string, Setting>, diagnostics: Diagnostic[]): void {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    diagnostics.push(diagnostic('PF900', `cannot read ${display}: ${err instanceof Error ? err.message : String(err)}`));
    return;
  }
  const parsed = parseJsonSource(text, display);
  if (!parsed.ok) {
    diagnostics.push(parsed.diagnostic);
    return;
  }
  if (parsed.node.kind !== 'object') {
    diagnostics.push(diagnostic('PF701', `${CONFIG_FILE} must hold a JSON object, not ${kindName(parsed.node)}`, parsed.node.span));
    return;
  }
  readMembers(parsed.node.members, '', settings, diagnostics);
}

function readMembers(members: readonly JsonMember[], prefix: string, settings: Map<string, Setting>, diagnostics: Diagnostic[]): void {
  const seen = new Set<string>();
  for (const m of members) {
    const key = prefix + m.key;
    if (seen.has(m.key)) diagnostics.push(diagnostic('PF701', `'${key}' is given twice`, m.keySpan));
    seen.add(m.key);
    if (prefix === '' && m.key === '$schema') continue;
    if (prefix === '' && CONFIG_GROUPS.has(m.key)) {
      if (m.value.kind !== 'object') diagnostics.push(diagnostic('PF701', `'${key}' must be an object, not ${kindName(m.value)}`, m.value.span));
      else readMembers(m.value.members, key + '.', settings, diagnostics);
      continue;
    }
    const field = CONFIG_FIELDS.find((f) => f.key === key);
    if (field === undefined) {
      diagnostics.push(diagnostic('PF703', `unknown key '${key}' in ${CONFIG_FILE} (known: ${knownKeys(prefix)})`, m.keySpan));
      continue;
    }
    const check = checkJsonValue(field, plainValue(m.value));
    if (check.ok) settings.set(key, { value: check.value, origin: { from: 'file', span: m.value.span } });
    else diagnostics.push(diagnostic('PF701', check.problem, problemSpan(m.value, check.index)));
  }
}

function applyFlags(flags: ReadonlyMap<string, string>, settings: Map<string, Setting>, diagnostics: Diagnostic[]): void {
  for (const field of CONFIG_FIELDS) {
    const text = flags.get(field.flag);
    if (text === undefined) continue;
    const check = checkFlagValue(field, text);
    if (check.ok) settings.set(field.key, { value: check.value, origin: { from: 'flag', flag: field.flag } });
    else diagnostics.push(diagnostic('PF700', `--${field.flag}: ${check.problem}`));
  }
}

/** Builds the resolved configuration; reports include directories that do not exist. */
function resolveConfig(root: string, cwd: string, settings: Map<string, Setting>, diagnostics: Diagnostic[], discovered: boolean): { -readonly [K in keyof SiteConfig]: SiteConfig[K] } {
  const get = (key: string): Setting | undefined => settings.get(key) ?? (key in CONFIG_DEFAULTS ? { value: CONFIG_DEFAULTS[key]!, origin: { from: 'default' } } : undefined);
  const baseOf = (s: Setting) => (s.origin.from === 'flag' ? cwd : root);
  const one = (key: string) => {
    const s = get(key)!;
    return path.resolve(baseOf(s), s.value as string);
  };
  const many = (key: string) => {
    const s = get(key)!;
    return (s.value as string[]).map((p) => path.resolve(baseOf(s), p));
  };
  const include = get('includePath')!;
  const includeDirs = many('includePath');
  const missing = (include.value as string[]).filter((_, i) => !isDirectory(includeDirs[i]!));
  if (include.origin.from === 'default' && missing.length === includeDirs.length && !settings.has('objects')) {
    const where = path.relative(cwd, root) || '.';
    const searched = discovered ? 'in it or above' : 'in it';
    diagnostics.push(diagnostic('PF702', `${where} is not a site directory: no ${CONFIG_FILE} ${searched}, and none of the default include directories (${missing.join(', ')}) exists; give the site directory as an argument or create ${CONFIG_FILE}`));
  } else {
    for (const given of missing) {
      diagnostics.push(diagnostic('PF702', `include directory ${given} does not exist (${describeOrigin(include.origin, root, cwd)})`, spanOf(include.origin)));
    }
  }
  const config: { -readonly [K in keyof SiteConfig]: SiteConfig[K] } = {
    root,
    includeDirs,
    objects: many('objects'),
    outputDir: one('outputDir'),
    deployedDir: one('deployedDir'),
    templateDir: one('templateDir'),
    artifacts: get('artifacts')!.value as ArtifactKind[],
    checks: checkSettings(settings),
  };
  const baseUrl = settings.get('installServer.baseUrl')?.value as string | undefined;
  const bootFiles = settings.get('installServer.bootFiles')?.value as string[] | undefined;
  if (baseUrl !== undefined) config.installServer = bootFiles === undefined ? { baseUrl } : { baseUrl, bootFiles };
  else if (settings.has('installServer.bootFiles')) {
    const origin = settings.get('installServer.bootFiles')!.origin;
    diagnostics.push(diagnostic('PF701', "'installServer.bootFiles' needs 'installServer.baseUrl'", spanOf(origin)));
  }
  return config;
}

function checkSettings(settings: Map<string, Setting>): CheckSettings {
  const out: { -readonly [K in keyof CheckSettings]: CheckSettings[K] } = { disabled: asCodes(settings.get('checks.disabled')?.value) };
  const memory = settings.get('checks.overcommitMemoryRatio')?.value;
  const vcpu = settings.get('checks.overcommitVcpuRatio')?.value;
  if (typeof memory === 'number') out.overcommitMemoryRatio = memory;
  if (typeof vcpu === 'number') out.overcommitVcpuRatio = vcpu;
  return out;
}

/** The span of the offending array entry, else of the whole value. */
function problemSpan(node: JsonNode, index: number | undefined): Span {
  return node.kind === 'array' && index !== undefined && node.items[index] ? node.items[index].span : node.span;
}

function describeOrigin(origin: Origin, root: string, cwd: string): string {
  if (origin.from === 'flag') return `from --${origin.flag}, relative to the working directory`;
  const where = path.relative(cwd, root) || '.';
  if (origin.from === 'file') return `'includePath' in ${CONFIG_FILE}, relative to ${where}`;
  return `default include path relative to the site directory ${where}; set 'includePath' in ${CONFIG_FILE} or use --include-path`;
}

function spanOf(origin: Origin): Span | undefined {
  return origin.from === 'file' ? origin.span : undefined;
}

function knownKeys(prefix: string): string {
  const keys = CONFIG_FIELDS.filter((f) => f.key.startsWith(prefix)).map((f) => f.key.slice(prefix.length).split('.')[0]!);
  return [...new Set(keys)].join(', ');
}

/** The plain JavaScript value of a JSON node (for type checks). */
function plainValue(node: JsonNode): unknown {
  switch (node.kind) {
    case 'object':
      return Object.fromEntries(node.members.map((m) => [m.key, plainValue(m.value)]));
    case 'array':
      return node.items.map(plainValue);
    case 'null':
      return null;
    default:
      return node.value;
  }
}

function kindName(node: JsonNode): string {
  return describeJson(plainValue(node));
}

function isDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

export type { ArtifactKind, ConfigField };
