/**
 * Where `plan` and `deploy` get the generated artifacts: from a generated tree on disk
 * (`--from OUT`), or by building the site as `build` does — the site pipeline (compile, model,
 * checks) followed by the artifact renderers — with the site's configuration.
 */
import { existsSync } from 'node:fs';
import { renderArtifacts } from '../artifacts/index.js';
import type { ArtifactKind, ArtifactOptions } from '../artifacts/types.js';
import { hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import { fromArtifactSet } from '../deploy/generated.js';
import { loadGeneratedTree } from '../deploy/load-tree.js';
import type { GeneratedInput } from '../deploy/session.js';
import { ARTIFACT_KINDS as CONFIG_KINDS, type ArtifactKind as ConfigKind } from '../site/config-fields.js';
import type { SiteConfig } from '../site/config.js';
import { PipelineState } from '../site/pipeline.js';
import { runNotes, runWithProgress } from './site-command.js';

export interface GeneratedOutcome {
  /** The generated set, absent when it could not be produced. */
  readonly input?: GeneratedInput;
  readonly diagnostics: Diagnostic[];
  /** What the build did besides its diagnostics (`--changed-since` selection, skipped checks). */
  readonly notes: string[];
}

/** Artifact kinds each kind of the configuration's `artifacts` list stands for. */
const KINDS_OF: Readonly<Record<ConfigKind, readonly ArtifactKind[]>> = {
  xen: ['xl', 'pypxeboot'],
  pxelinux: ['pxelinux', 'default'],
  grub: ['grub', 'default'],
  ipxe: ['ipxe'],
  kickstart: ['kickstart'],
};

/** Rendering options from the site configuration: kinds, install server, template overrides. */
export function artifactOptionsFor(config: SiteConfig): ArtifactOptions {
  const all = CONFIG_KINDS.every((k) => config.artifacts.includes(k));
  const kinds = [...new Set(config.artifacts.flatMap((k) => KINDS_OF[k]))];
  return {
    ...(all ? {} : { kinds }),
    ...(existsSync(config.templateDir) ? { templateDir: config.templateDir } : {}),
    ...(config.installServer !== undefined ? { installServer: config.installServer.baseUrl } : {}),
  };
}

/** Loads a generated tree from disk. */
export async function loadFromTree(dir: string): Promise<GeneratedOutcome> {
  const tree = await loadGeneratedTree(dir);
  if (hasErrors(tree.diagnostics)) return { diagnostics: tree.diagnostics, notes: [] };
  return { input: { generated: tree.generated, inferred: tree.inferred }, diagnostics: tree.diagnostics, notes: [] };
}

/** Builds the site and renders its artifacts; nothing is produced when any stage has an error. */
export async function buildSiteArtifacts(config: SiteConfig, quiet: boolean, changedSince?: string): Promise<GeneratedOutcome> {
  const run = await runWithProgress(config, quiet, changedSince);
  const diagnostics = [...run.diagnostics];
  const notes = runNotes(run);
  if (hasErrors(diagnostics) || run.state < PipelineState.Checked || run.site === undefined) {
    if (!hasErrors(diagnostics)) notes.push('the site could not be checked, so no artifacts were rendered');
    return { diagnostics, notes };
  }
  const rendered = renderArtifacts(run.site, artifactOptionsFor(config));
  diagnostics.push(...rendered.diagnostics);
  if (hasErrors(rendered.diagnostics)) return { diagnostics, notes };
  return { input: { generated: fromArtifactSet(rendered.artifacts) }, diagnostics, notes };
}
