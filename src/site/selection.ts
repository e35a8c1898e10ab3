/**
 * `--changed-since REV`: splits a site's object templates into those a change since REV can
 * affect (compiled) and the others (skipped: their previous build is reused), using git for the
 * changed files and the include graph for what each object depends on.
 *
 * A changed panfab.json affects every object. An unaffected object whose previous build cannot
 * be proven current (no build state in the output directory, other settings, a dependency that
 * differs from what was built) is compiled as well, and counted separately.
 */
import path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { ObjectResult } from '../pan/compiler-api.js';
import { ReusableBuild } from './build-state.js';
import { changedSince } from './changes.js';
import { CONFIG_FILE, type SiteConfig } from './config.js';
import { canonical, IncludeGraph } from './include-graph.js';

export interface Selection {
  /** The revision as given, and the commit it named. */
  readonly revision: string;
  readonly commit: string;
  /** Number of changed files git reported. */
  readonly changedFiles: number;
  /** Object files a change can affect, with the changed file that affects each. */
  readonly affected: ReadonlyArray<{ readonly file: string; readonly because: string; readonly conservative?: string }>;
  /** Object files not affected whose previous build was reused. */
  readonly skipped: readonly string[];
  /** Object files not affected but compiled, because no current previous build was found. */
  readonly unaffectedCompiled: readonly string[];
  /** All files to compile (affected and unaffected-compiled), sorted. */
  readonly toCompile: readonly string[];
}

export type SelectionResult = { ok: true; selection: Selection; reused: ObjectResult[] } | { ok: false; diagnostic: Diagnostic };

export interface SelectionRequest {
  readonly config: SiteConfig;
  readonly cwd: string;
  /** Include directories and object files as given to the compiler. */
  readonly includeDirs: readonly string[];
  readonly objectFiles: readonly string[];
  readonly revision: string;
  /** Settings key the previous build must have been made with. */
  readonly settings: string;
}

/** Decides which objects to compile and which previous profiles to reuse. */
export function selectChanged(req: SelectionRequest): SelectionResult {
  const changes = changedSince(req.config.root, req.revision);
  if (!changes.ok) return changes;
  const configFile = canonical(path.join(req.config.root, CONFIG_FILE));
  const configChanged = changes.files.has(configFile);
  const graph = new IncludeGraph(req.includeDirs);
  const previous = ReusableBuild.load({ root: req.config.root, cwd: req.cwd, outputDir: req.config.outputDir, includeDirs: req.includeDirs, settings: req.settings });
  const affected: Array<{ file: string; because: string; conservative?: string }> = [];
  const skipped: string[] = [];
  const unaffectedCompiled: string[] = [];
  const reused: ObjectResult[] = [];
  for (const file of req.objectFiles) {
    const impact = configChanged ? { affected: true as const, changedFile: configFile } : graph.impact(file, changes.files);
    if (impact.affected) {
      const because = path.relative(req.cwd, impact.changedFile) || '.';
      affected.push(impact.conservative === undefined ? { file, because } : { file, because, conservative: impact.conservative });
      continue;
    }
    const result = previous?.reuse(file);
    if (result === undefined) unaffectedCompiled.push(file);
    else {
      skipped.push(file);
      reused.push(result);
    }
  }
  const toCompile = [...affected.map((a) => a.file), ...unaffectedCompiled].sort();
  const selection: Selection = { revision: req.revision, commit: changes.revision, changedFiles: changes.files.size, affected, skipped, unaffectedCompiled, toCompile };
  return { ok: true, selection, reused };
}
