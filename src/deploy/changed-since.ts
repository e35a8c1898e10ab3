/**
 * `--changed-since REV`: narrows a plan to what a git change affects. The changed files come from
 * the site's git helper (src/site/changes.ts); an object template is affected when one of its
 * dependencies (its `.dep` list: every template and text file it read) changed, or when a
 * changed template that no object read is named after it (a profile added, deleted or renamed).
 * A change to an artifact template (`.njk`, `.hbs`, anything under a `templates/` directory) or
 * to `panfab.json` affects every host, so the plan is not narrowed. Drift and conflicts are
 * always kept: they block a deploy whatever changed.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { canonical } from '../site/include-graph.js';
import type { Plan, PlanEntry } from './plan.js';
import { compareStrings } from './paths.js';

/** Object template name → canonical absolute paths of the files it was compiled from. */
export type DependencyIndex = ReadonlyMap<string, readonly string[]>;

/** What a git change affects: every host (`all`) or a set of object names. */
export type Affected = { readonly all: true } | { readonly all: false; readonly objects: ReadonlySet<string> };

/** Decides what the changed files (canonical absolute paths) affect. */
export function affectedObjects(changed: ReadonlySet<string>, deps: DependencyIndex): Affected {
  if ([...changed].some(affectsEveryHost)) return { all: true };
  const changedSet = changed;
  const objects = new Set<string>();
  const read = new Set<string>();
  for (const [object, files] of deps) {
    for (const f of files) read.add(f);
    if (files.some((f) => changedSet.has(f))) objects.add(object);
  }
  // A template no object read is a profile added, deleted or renamed since the build: its file name names it.
  for (const f of changed) if (/\.(pan|tpl)$/.test(f) && !read.has(f)) objects.add(path.basename(f).replace(/\.(pan|tpl)$/, ''));
  return { all: false, objects };
}

function affectsEveryHost(file: string): boolean {
  const base = path.basename(file);
  return base === 'panfab.json' || /\.(njk|hbs)$/.test(base) || file.split(path.sep).includes('templates');
}

/** The plan restricted to entries of affected hosts, site-wide files, drift and conflicts. */
export function narrowPlan(plan: Plan, affected: Affected): Plan {
  if (affected.all) return plan;
  const names = new Set([...affected.objects].map((o) => path.posix.basename(o)));
  const keep = (e: PlanEntry) =>
    e.status === 'drifted' || e.status === 'conflict' || (e.status !== 'unmanaged' && (e.owner === '' || names.has(e.owner) || e.path.split('/').some((s) => names.has(s))));
  return { entries: plan.entries.filter(keep), diagnostics: plan.diagnostics };
}

/**
 * Reads `.dep` files (panc's dependency format: `NAME TYPE LOCATION` per line) from the given
 * directories into an index; the object name is the file name without `.dep`.
 */
export async function readDependencyFiles(dirs: readonly string[]): Promise<Map<string, string[]>> {
  const index = new Map<string, string[]>();
  for (const dir of dirs) {
    const names = await readdir(dir).catch(() => [] as string[]);
    for (const name of names.filter((n) => n.endsWith('.dep')).sort(compareStrings)) {
      const text = await readFile(path.join(dir, name), 'utf8').catch(() => '');
      index.set(name.slice(0, -'.dep'.length), dependencyPaths(text));
    }
  }
  return index;
}

/** Absolute paths named by the lines of a `.dep` file (absent entries have none). */
export function dependencyPaths(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    const [name, type, location] = line.split(' ');
    if (!name || !location || !location.startsWith('file:')) continue;
    const suffix = type === 'PAN' ? '.pan' : type === 'TPL' ? '.tpl' : '';
    try {
      out.push(canonical(path.join(fileURLToPath(location), name + suffix)));
    } catch {
      // a location that is not a file URI names no local file
    }
  }
  return out;
}
