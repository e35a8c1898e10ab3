/**
 * The whole-site pipeline behind `build` and `lint`, as explicit states a run moves through:
 * Loaded (object templates discovered) → Compiled → Modelled (site model built) → Checked
 * (site rules run) → Rendered (artifacts rendered in memory, for build, plan and deploy; see renderStage) →
 * Written (outputs on disk; done by `build`, see outputs.ts).
 *
 * Every stage reports diagnostics instead of throwing. Diagnostics of all stages are collected,
 * sorted, and de-duplicated: the same problem reported by several objects (say, an error in a
 * template they all include) is listed once and names how many profiles it affects. Site rules
 * need the whole site: when an object fails to compile they are not run (their findings about
 * a partial site would mislead) and the run says so.
 *
 * With `changedSince`, only the object templates the include graph says a change can affect
 * are compiled (see include-graph.ts); the others reuse the previous build's profiles from the
 * output directory when its build state proves them current (build-state.ts), and are compiled
 * too when it does not, so the model and the site rules always see the whole, current site.
 */
import path from 'node:path';
import { compareDiagnostics, diagnostic, DiagnosticError, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { CompileOptions, ObjectResult } from '../pan/compiler-api.js';
import { DEFAULT_COMPILE_OPTIONS } from '../pan/compiler-api.js';
import { isSuccessful } from '../output/write.js';
import type { CheckOptions } from '../checks/types.js';
import { expandInputs } from '../cli/inputs.js';
import { settingsKey } from './build-state.js';
import type { ArtifactSet } from '../artifacts/types.js';
import type { SiteConfig } from './config.js';
import type { Site } from './model.js';
import { selectChanged, type Selection } from './selection.js';

/** How far a run got. */
export enum PipelineState {
  Loaded = 0,
  Compiled = 1,
  Modelled = 2,
  Checked = 3,
  Rendered = 4,
  Written = 5,
}

export interface PipelineRequest {
  readonly config: SiteConfig;
  /** Compile only what changed since this git revision (lint). */
  readonly changedSince?: string;
  /** Compiler limits and deprecation mode (include directories come from the configuration). */
  readonly compile?: Partial<Pick<CompileOptions, 'maxIteration' | 'maxRecursion' | 'deprecation'>>;
  /** Called as object templates are compiled. */
  readonly onProgress?: (done: number, total: number) => void;
}

/** The outcome of a run, whatever state it reached. */
export interface SiteRun {
  state: PipelineState;
  readonly config: SiteConfig;
  /** Object template files, as displayed (relative to the working directory), sorted. */
  objectFiles: string[];
  /** Include directories as given to the compiler. */
  readonly includeDirs: string[];
  /** Every object's result (compiled now or reused), sorted by name. */
  results: ObjectResult[];
  /** Names of the objects compiled by this run, sorted. */
  compiled: string[];
  /** Names of the objects whose previous build was reused, sorted. */
  reused: string[];
  selection?: Selection;
  site?: Site;
  /** The artifact tree (docs/artifacts.md §4.4), once rendered without errors. */
  artifacts?: ArtifactSet;
  /** Why the site rules did not run, when they did not. */
  checksSkipped?: string;
  /** All diagnostics, sorted and de-duplicated. */
  diagnostics: Diagnostic[];
  /** For each diagnostic of `diagnostics` reported by objects: their names. */
  readonly reportedBy: Map<Diagnostic, string[]>;
  /** The key tying build states to the settings of this run. */
  readonly settings: string;
}

/** Runs the pipeline up to the Checked state (or as far as it can get). */
export async function runSitePipeline(request: PipelineRequest): Promise<SiteRun> {
  // Files are given to the compiler relative to the working directory, which is also how
  // diagnostics show them.
  const cwd = process.cwd();
  const config = request.config;
  const includeDirs = config.includeDirs.map((d) => displayPath(cwd, d));
  const options: CompileOptions = { ...DEFAULT_COMPILE_OPTIONS, deprecation: 'on', ...request.compile, includeDirs, provenance: true };
  const settings = settingsKey({ version: 1, includeDirs: config.includeDirs.map((d) => path.relative(config.root, d)), maxIteration: options.maxIteration, maxRecursion: options.maxRecursion, deprecation: options.deprecation });
  const run: SiteRun = { state: PipelineState.Loaded, config, objectFiles: [], includeDirs, results: [], compiled: [], reused: [], diagnostics: [], reportedBy: new Map(), settings };
  const raw: Array<{ d: Diagnostic; object?: string }> = [];

  run.objectFiles = expandInputs(config.objects).files.map((f) => displayPath(cwd, f)).sort();
  if (run.objectFiles.length === 0) {
    raw.push({ d: diagnostic('PF705', `no object templates match ${config.objects.map((g) => displayPath(cwd, g)).join(', ')}`) });
    return finish(run, raw);
  }

  let toCompile: readonly string[] = run.objectFiles;
  let reused: ObjectResult[] = [];
  if (request.changedSince !== undefined) {
    const selected = selectChanged({ config, cwd, includeDirs, objectFiles: run.objectFiles, revision: request.changedSince, settings });
    if (!selected.ok) {
      raw.push({ d: selected.diagnostic });
      return finish(run, raw);
    }
    run.selection = selected.selection;
    toCompile = selected.selection.toCompile;
    reused = selected.reused;
  }

  const compiled = await compileFiles(toCompile, options, request.onProgress);
  run.compiled = compiled.map((r) => r.name).filter((n) => n !== '').sort();
  const fresh = new Set(run.compiled);
  const kept = reused.filter((r) => !fresh.has(r.name));
  run.reused = kept.map((r) => r.name).sort();
  run.results = [...compiled, ...kept].sort((a, b) => compareText(a.name, b.name));
  for (const r of compiled) for (const d of r.diagnostics) raw.push({ d, object: r.name || undefined });
  run.state = PipelineState.Compiled;

  await modelAndCheck(run, raw);
  return finish(run, raw);
}

async function modelAndCheck(run: SiteRun, raw: Array<{ d: Diagnostic; object?: string }>): Promise<void> {
  const { buildSite } = await import('./build.js');
  const { runChecks } = await import('../checks/index.js');
  const successful = run.results.filter(isSuccessful);
  const model = guarded('building the site model', () => buildSite(successful));
  if (model instanceof Error) return void raw.push({ d: internal(model) });
  run.site = model.site;
  for (const d of model.diagnostics) raw.push({ d });
  run.state = PipelineState.Modelled;
  const failed = run.results.length - successful.length;
  if (failed > 0) {
    run.checksSkipped = `${failed} of ${run.results.length} profiles failed to compile`;
    return;
  }
  const checks = guarded('running the site checks', () => runChecks(model.site, checkOptions(run.config)));
  if (checks instanceof Error) return void raw.push({ d: internal(checks) });
  for (const d of checks) raw.push({ d });
  run.state = PipelineState.Checked;
}

/**
 * Renders the artifacts of a checked run (Checked → Rendered): adds the renderers' diagnostics
 * and, when there is no error, the artifact set with the site report's files (report/, see
 * src/report/site-run.ts). A run that is not checked is left as it is.
 */
export async function renderStage(run: SiteRun): Promise<void> {
  if (run.state !== PipelineState.Checked || run.site === undefined) return;
  const { renderArtifacts } = await import('../artifacts/index.js');
  const { artifactOptionsFor } = await import('../artifacts/site-options.js');
  const site = run.site;
  const rendered = guarded('rendering the artifacts', () => renderArtifacts(site, artifactOptionsFor(run.config)));
  if (rendered instanceof Error) {
    run.diagnostics = [...run.diagnostics, internal(rendered)];
    return;
  }
  run.diagnostics = [...run.diagnostics, ...rendered.diagnostics].sort((a, b) => compareDiagnostics(a, b) || compareText(a.message, b.message));
  if (rendered.diagnostics.some((d) => d.severity === 'error')) return;
  const { reportArtifacts } = await import('../report/site-run.js');
  const report = guarded('rendering the site report', () => reportArtifacts(run, process.cwd()));
  if (report instanceof Error) {
    run.diagnostics = [...run.diagnostics, internal(report)];
    return;
  }
  run.artifacts = new Map([...rendered.artifacts, ...report].sort(([a], [b]) => compareText(a, b)));
  run.state = PipelineState.Rendered;
}

/** The site rules' options from the configuration. */
export function checkOptions(config: SiteConfig): CheckOptions {
  const out: { -readonly [K in keyof CheckOptions]: CheckOptions[K] } = { disabled: config.checks.disabled };
  if (config.checks.overcommitMemoryRatio !== undefined) out.overcommitMemoryRatio = config.checks.overcommitMemoryRatio;
  if (config.checks.overcommitVcpuRatio !== undefined) out.overcommitVcpuRatio = config.checks.overcommitVcpuRatio;
  if (config.installServer !== undefined) out.installServer = config.installServer;
  return out;
}

async function compileFiles(files: readonly string[], options: CompileOptions, onProgress?: (done: number, total: number) => void): Promise<ObjectResult[]> {
  if (files.length === 0) return [];
  // On worker threads for large sites (src/batch/result-pool.ts); the results equal one compile().
  const { compileResults } = await import('../batch/result-pool.js');
  const { defaultThreads } = await import('../batch/threads.js');
  try {
    return await compileResults(files, options, defaultThreads(files.length), onProgress);
  } catch (err) {
    const d = err instanceof DiagnosticError ? err.diagnostic : internal(err instanceof Error ? err : new Error(String(err)));
    return [{ name: '', diagnostics: [d], dependencies: [] }];
  }
}

/** Sorts and de-duplicates the collected diagnostics into the run. */
function finish(run: SiteRun, raw: ReadonlyArray<{ d: Diagnostic; object?: string }>): SiteRun {
  const groups = new Map<string, { d: Diagnostic; objects: Set<string> }>();
  for (const { d, object } of raw) {
    const key = identity(d);
    let g = groups.get(key);
    if (g === undefined) {
      g = { d, objects: new Set() };
      groups.set(key, g);
    }
    if (object !== undefined) g.objects.add(object);
  }
  const diagnostics: Diagnostic[] = [];
  const files = new Map(run.results.map((r) => [r.name, r.file]));
  for (const g of groups.values()) {
    const objects = [...g.objects].sort();
    const note = affectsNote(objects, g.d, files);
    const d = note === undefined ? g.d : { ...g.d, message: withNote(g.d.message, note) };
    diagnostics.push(d);
    if (objects.length > 0) run.reportedBy.set(d, objects);
  }
  run.diagnostics = diagnostics.sort((a, b) => compareDiagnostics(a, b) || compareText(a.message, b.message));
  return run;
}

/** The message with a note at the end of its first line (panc-style messages have several lines). */
function withNote(message: string, note: string): string {
  const eol = message.indexOf('\n');
  return eol < 0 ? `${message} ${note}` : `${message.slice(0, eol)} ${note}${message.slice(eol)}`;
}

/** What makes two diagnostics the same report (related locations may differ, e.g. include chains). */
function identity(d: Diagnostic): string {
  const s = d.span;
  return [d.code, d.severity, d.message, d.path ?? '', s ? `${s.file}\u0000${s.offset}\u0000${s.length}` : ''].join('\u0001');
}

const NAMED = 5;

/**
 * Which profiles a diagnostic concerns, when its location does not say: several profiles, or
 * one profile whose own file is not where the problem is (say, a validation error reported at
 * a schema template).
 */
function affectsNote(objects: readonly string[], d: Diagnostic, files: ReadonlyMap<string, string | undefined>): string | undefined {
  if (objects.length === 0) return undefined;
  if (objects.length === 1) {
    const own = files.get(objects[0]!);
    return d.span !== undefined && own !== undefined && path.resolve(own) === path.resolve(d.span.file) ? undefined : `(in profile ${objects[0]})`;
  }
  const shown = objects.slice(0, NAMED).join(', ');
  const more = objects.length > NAMED ? ` and ${objects.length - NAMED} more` : '';
  return `(affects ${objects.length} profiles: ${shown}${more})`;
}

function guarded<T>(what: string, f: () => T): T | Error {
  try {
    return f();
  } catch (err) {
    const e = err instanceof Error ? err : new Error(String(err));
    e.message = `${what}: ${e.message}`;
    return e;
  }
}

function internal(err: Error): Diagnostic {
  return diagnostic('PF901', `internal error: ${err.message}`);
}

/** A path as shown to the user: relative to the working directory when below it or near it. */
export function displayPath(cwd: string, p: string): string {
  const rel = path.relative(cwd, p);
  return rel === '' ? '.' : rel;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
