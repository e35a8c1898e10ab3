/**
 * `--changed-since REV`: narrows a plan to what a git change affects. The changed files come from
 * the site's git helper (src/site/changes.ts) and the affected object templates from the site's
 * include graph (src/site/include-graph.ts), as for `lint --changed-since`; a profile deleted
 * since REV counts as affected by its file name. A change to an artifact template (the site's
 * template directory, panfab's built-in templates, any `.njk`/`.hbs` file) or to `panfab.json`
 * affects every host, so the plan is not narrowed. Drift and conflicts are always kept: they
 * block a deploy whatever changed.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { BUILTIN_TEMPLATE_DIR } from '../artifacts/engines/resolver.js';
import { expandInputs } from '../cli/inputs.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { changedSince } from '../site/changes.js';
import { CONFIG_FILE, type SiteConfig } from '../site/config.js';
import { canonical, IncludeGraph } from '../site/include-graph.js';
import type { Plan, PlanEntry } from './plan.js';

/** What a git change affects: every host (and why), or a set of object names. */
export type Affected = { readonly all: true; readonly because: string } | { readonly all: false; readonly objects: ReadonlySet<string> };

export type AffectedResult = { ok: true; affected: Affected } | { ok: false; diagnostic: Diagnostic };

/** Which object templates of the site the changes since `revision` affect. */
export function affectedSince(config: SiteConfig, revision: string): AffectedResult {
  const changes = changedSince(config.root, revision);
  if (!changes.ok) return changes;
  return { ok: true, affected: affectedBy(config, changes.files) };
}

/** Which object templates a set of changed files (canonical absolute paths) affects. */
export function affectedBy(config: SiteConfig, changed: ReadonlySet<string>): Affected {
  const templateDirs = [config.templateDir, BUILTIN_TEMPLATE_DIR].map((d) => canonical(d));
  const configFile = canonical(path.join(config.root, CONFIG_FILE));
  const global = [...changed].sort().find((f) => f === configFile || /\.(njk|hbs)$/.test(f) || templateDirs.some((d) => isInside(d, f)));
  if (global !== undefined) return { all: true, because: global };
  const graph = new IncludeGraph(config.includeDirs);
  const objects = new Set<string>();
  for (const file of expandInputs(config.objects).files) if (graph.impact(file, changed).affected) objects.add(objectName(file));
  const includeDirs = config.includeDirs.map((d) => canonical(d));
  for (const f of changed) {
    if (/\.(pan|tpl)$/.test(f) && !existsSync(f) && includeDirs.some((d) => isInside(d, f))) objects.add(objectName(f));
  }
  return { all: false, objects };
}

/** The object name a profile file stands for in artifact owners (its file name without extension). */
function objectName(file: string): string {
  return path.basename(file).replace(/\.(pan|tpl)$/, '');
}

function isInside(dir: string, file: string): boolean {
  const rel = path.relative(dir, file);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

/** The plan restricted to entries of affected hosts (and files under their directories), site-wide files, drift and conflicts. */
export function narrowPlan(plan: Plan, affected: Affected): Plan {
  if (affected.all) return plan;
  const names = affected.objects;
  const keep = (e: PlanEntry) =>
    e.status === 'drifted' || e.status === 'conflict' || (e.status !== 'unmanaged' && (e.owner === '' || names.has(e.owner) || e.path.split('/').some((s) => names.has(s))));
  return { entries: plan.entries.filter(keep), diagnostics: plan.diagnostics };
}

/** Distinct owners of a plan's entries, sorted (for the report line). */
export function ownersOf(plan: Plan): string[] {
  return [...new Set(plan.entries.map((e) => e.owner).filter((o) => o !== ''))].sort();
}
