/**
 * Where `plan` and `deploy` get the generated artifacts: from a generated tree on disk
 * (`--from OUT`), or by building the site exactly as `build` does — the site pipeline (compile,
 * model, checks) and its rendering stage — without writing the output directory.
 */
import { hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import { fromArtifactSet } from '../deploy/generated.js';
import { loadGeneratedTree } from '../deploy/load-tree.js';
import type { GeneratedInput } from '../deploy/session.js';
import type { SiteConfig } from '../site/config.js';

export interface GeneratedOutcome {
  /** The generated set, absent when it could not be produced. */
  readonly input?: GeneratedInput;
  readonly diagnostics: Diagnostic[];
  /** What the build did besides its diagnostics (`--changed-since` selection, skipped checks). */
  readonly notes: string[];
}

/** Loads a generated tree from disk. */
export async function loadFromTree(dir: string): Promise<GeneratedOutcome> {
  const tree = await loadGeneratedTree(dir);
  if (hasErrors(tree.diagnostics)) return { diagnostics: tree.diagnostics, notes: [] };
  return { input: { generated: tree.generated, inferred: tree.inferred }, diagnostics: tree.diagnostics, notes: [] };
}

/**
 * Builds the site and renders its artifacts; nothing is produced when any stage has an error.
 * The pipeline is loaded on first use, so `--from` runs never pay for the compiler.
 */
export async function buildSiteArtifacts(config: SiteConfig, quiet: boolean, changedSince?: string): Promise<GeneratedOutcome> {
  const { PipelineState, renderStage } = await import('../site/pipeline.js');
  const { runNotes, runWithProgress } = await import('./site-command.js');
  const run = await runWithProgress(config, quiet, changedSince);
  await renderStage(run);
  const notes = runNotes(run);
  if (hasErrors(run.diagnostics) || run.state < PipelineState.Rendered || run.artifacts === undefined) {
    if (!hasErrors(run.diagnostics)) notes.push('the site could not be checked, so no artifacts were rendered');
    return { diagnostics: run.diagnostics, notes };
  }
  return { input: { generated: fromArtifactSet(run.artifacts) }, diagnostics: run.diagnostics, notes };
}
