/**
 * The example site (profiles/site) compiled and mapped to the site model once per test file,
 * for the artifact tests.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { compile } from '../../src/pan/compiler.js';
import { DEFAULT_COMPILE_OPTIONS } from '../../src/pan/compiler-api.js';
import { buildSite } from '../../src/site/build.js';
import type { Site } from '../../src/site/model.js';

/** The repository root. */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

let cached: Promise<{ site: Site; diagnostics: Diagnostic[] }> | undefined;

/** Compiles every object template of the example site and builds its model (memoised). */
export function exampleSite(): Promise<{ site: Site; diagnostics: Diagnostic[] }> {
  cached ??= (async () => {
    const profiles = path.join(REPO_ROOT, 'profiles');
    const hostsDir = path.join(profiles, 'site', 'hosts');
    const files = readdirSync(hostsDir).filter((f) => f.endsWith('.pan')).sort().map((f) => path.join(hostsDir, f));
    const includeDirs = ['site/hosts', 'site', 'lib'].map((d) => path.join(profiles, d));
    const results = await compile({ files, options: { ...DEFAULT_COMPILE_OPTIONS, includeDirs } });
    const errors = results.flatMap((r) => r.diagnostics).filter((d) => d.severity === 'error');
    if (errors.length > 0) throw new Error(`example site does not compile: ${errors.map((d) => d.message).join('; ')}`);
    const built = buildSite(results);
    return { site: built.site, diagnostics: built.diagnostics };
  })();
  return cached;
}
