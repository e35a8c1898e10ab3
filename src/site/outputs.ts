/**
 * The outputs of `panfab build` and how they reach the output directory: every compiled profile
 * as `profiles/<object>.json` (panc's JSON format), the site model as `site.json`, the build
 * state (build-state.ts), and the rendered artifact tree (`tftpboot/`, `ipxe/`, `ks/`, `xen/`;
 * docs/artifacts.md §4.4). Everything is rendered in memory first; the caller writes only when
 * the run has no error. Each file is written to a temporary name and renamed into place, and
 * profile files and artifacts that are no longer generated are removed once the new ones are
 * in place.
 */
import { readdirSync, rmdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { formatByKey } from '../output/formats.js';
import { isSuccessful, writeAtomically } from '../output/write.js';
import { DEFAULT_ARTIFACT_ROOTS } from '../artifacts/types.js';
import { BUILD_STATE_FILE, createBuildState } from './build-state.js';
import type { Machine, Site } from './model.js';
import type { SiteRun } from './pipeline.js';

export const PROFILES_DIR = 'profiles';
export const SITE_MODEL_FILE = 'site.json';

/** Output files of a run: path relative to the output directory ('/'-separated) → contents. */
export type StagedOutputs = Map<string, Buffer>;

/** Renders every output of a successful run in memory. */
export function stageBuildOutputs(run: SiteRun, cwd: string): StagedOutputs {
  const json = formatByKey('json')!;
  const staged: StagedOutputs = new Map();
  const successful = run.results.filter(isSuccessful);
  const profiles = new Map<string, Buffer>();
  for (const r of successful) {
    const data = json.render({ profile: r.profile!, dependencies: r.dependencies });
    profiles.set(r.name, data);
    staged.set(`${PROFILES_DIR}/${r.name}.json`, data);
  }
  if (run.site) staged.set(SITE_MODEL_FILE, Buffer.from(siteJson(run.site, run.config.root, cwd), 'utf8'));
  const state = createBuildState(successful, (name) => profiles.get(name)!, { root: run.config.root, cwd, settings: run.settings });
  staged.set(BUILD_STATE_FILE.split(path.sep).join('/'), Buffer.from(state, 'utf8'));
  for (const [file, artifact] of run.artifacts ?? []) staged.set(file, Buffer.from(artifact.content, 'utf8'));
  return staged;
}

/**
 * The site model as JSON: `hosts`, `guests` and `plain` machines with every model field (source
 * files relative to the site root), 2-space indentation, a final newline.
 */
export function siteJson(site: Site, root: string, cwd: string): string {
  const relativeFile = <M extends Machine>(m: M): M => (m.file === undefined ? m : { ...m, file: path.relative(root, path.resolve(cwd, m.file)).split(path.sep).join('/') });
  const model = { hosts: site.hosts.map(relativeFile), guests: site.guests.map(relativeFile), plain: site.plain.map(relativeFile) };
  return JSON.stringify(model, null, 2) + '\n';
}

/** What writing did. */
export interface WriteReport {
  readonly written: number;
  /** Stale profile files and artifacts removed, relative to the output directory. */
  readonly removed: string[];
}

/** Writes the staged files (in path order), then removes stale profile files. Throws a DiagnosticError (PF900) on I/O failure. */
export async function writeBuildOutputs(outputDir: string, staged: StagedOutputs): Promise<WriteReport> {
  const names = [...staged.keys()].sort();
  for (const name of names) await writeAtomically(path.join(outputDir, ...name.split('/')), staged.get(name)!);
  const removed = removeStaleProfiles(outputDir, staged);
  return { written: names.length, removed };
}

/**
 * Removes `profiles/**\/*.json` files and files under the artifact roots that were not just
 * written, and directories left empty.
 */
function removeStaleProfiles(outputDir: string, staged: StagedOutputs): string[] {
  const removed: string[] = [];
  const walk = (relDir: string, stale: (entry: string) => boolean): void => {
    const absDir = path.join(outputDir, ...relDir.split('/'));
    for (const entry of listDir(absDir)) {
      const rel = `${relDir}/${entry}`;
      const abs = path.join(absDir, entry);
      if (isDirectory(abs)) {
        walk(rel, stale);
        if (listDir(abs).length === 0) rmdirSync(abs);
      } else if (stale(entry) && !staged.has(rel)) {
        rmSync(abs, { force: true });
        removed.push(rel);
      }
    }
  };
  walk(PROFILES_DIR, (entry) => entry.endsWith('.json'));
  for (const root of DEFAULT_ARTIFACT_ROOTS) walk(root, () => true);
  return removed;
}

function listDir(dir: string): string[] {
  try {
    return readdirSync(dir).sort();
  } catch {
    return [];
  }
}

function isDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}
