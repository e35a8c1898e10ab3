/**
 * The artifacts of the example site (profiles/), produced by the real pipeline — site
 * configuration, compilation, site model, checks, rendering — and written to a directory as
 * the installation-server tree, for the validators to read.
 */
import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { renderArtifacts } from '../../src/artifacts/index.js';
import type { Artifact, ArtifactOptions } from '../../src/artifacts/types.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { formatHuman } from '../../src/diagnostics/format.js';
import type { Site } from '../../src/site/model.js';
import { loadSiteConfig, type SiteConfig } from '../../src/site/config.js';
import { runSitePipeline } from '../../src/site/pipeline.js';
import { REPO_ROOT } from './validators.js';

/** One generated file and its path relative to the tree. */
export interface GeneratedArtifact extends Artifact {
  readonly path: string;
}

/** The example site's model and its artifacts, written under `dir`. */
export interface GeneratedSite {
  readonly dir: string;
  readonly site: Site;
  /** Sorted by path. */
  readonly artifacts: readonly GeneratedArtifact[];
}

function failOnErrors(stage: string, diagnostics: readonly Diagnostic[]): void {
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) {
    throw new Error(`${stage} of the example site failed:\n${errors.map((d) => formatHuman(d, { color: false })).join('\n')}`);
  }
}

/**
 * Rendering options from the site configuration: its install server and template overrides
 * (when the directory exists). Every kind of artifact is rendered, whatever the site selects,
 * so that every renderer is validated.
 */
function artifactOptions(config: SiteConfig): ArtifactOptions {
  return {
    ...(existsSync(config.templateDir) ? { templateDir: config.templateDir } : {}),
    ...(config.installServer !== undefined ? { installServer: config.installServer.baseUrl } : {}),
  };
}

/** Compiles and renders the example site and writes its artifact tree into `dir`. */
export async function generateExampleSite(dir: string): Promise<GeneratedSite> {
  const loaded = loadSiteConfig({ siteDir: path.join(REPO_ROOT, 'profiles'), cwd: REPO_ROOT });
  failOnErrors('Loading the configuration', loaded.diagnostics);
  const config = loaded.config as SiteConfig;
  const run = await runSitePipeline({ config });
  failOnErrors('Building the site model', run.diagnostics);
  if (run.site === undefined) throw new Error('the example site has no site model');
  const rendered = renderArtifacts(run.site, artifactOptions(config));
  failOnErrors('Rendering the artifacts', rendered.diagnostics);
  const artifacts: GeneratedArtifact[] = [];
  for (const [relative, artifact] of rendered.artifacts) {
    const file = path.join(dir, ...relative.split('/'));
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, artifact.content);
    chmodSync(file, artifact.mode);
    artifacts.push({ path: relative, ...artifact });
  }
  return { dir, site: run.site, artifacts: artifacts.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)) };
}
