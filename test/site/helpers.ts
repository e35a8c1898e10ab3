/**
 * Test helpers for the site model and the site checks: compile the example site or a fixture
 * site (fixtures/sites/<case> over fixtures/sites/base), build the model, run the checks, and
 * name spans as repository-relative `file:line`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import type { Span } from '../../src/diagnostics/span.js';
import { runChecks, type CheckOptions } from '../../src/checks/index.js';
import { compile } from '../../src/pan/compiler.js';
import { DEFAULT_COMPILE_OPTIONS, type ObjectResult } from '../../src/pan/compiler-api.js';
import { buildSite, type SiteBuild } from '../../src/site/build.js';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const SITES = path.join(REPO_ROOT, 'fixtures', 'sites');
const LIB = path.join(REPO_ROOT, 'profiles', 'lib');

/** The install server of the example site and of the fixture sites. */
export const INSTALL_SERVER: NonNullable<CheckOptions['installServer']> = {
  baseUrl: 'http://install.example.org',
  bootFiles: ['el9/vmlinuz', 'el9/initrd.img'],
};

/** Check options used by the tests: every rule enabled, the install server above. */
export const TEST_OPTIONS: CheckOptions = { installServer: INSTALL_SERVER };

function panFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.pan'))
    .sort()
    .map((f) => path.join(dir, f));
}

async function compileFiles(files: string[], includeDirs: string[]): Promise<ObjectResult[]> {
  const results = await compile({ files, options: { ...DEFAULT_COMPILE_OPTIONS, includeDirs } });
  const failed = results.filter((r) => r.profile === undefined);
  if (failed.length > 0) throw new Error(`fixture does not compile: ${failed.map((r) => r.diagnostics[0]?.message).join('; ')}`);
  return results;
}

let example: Promise<ObjectResult[]> | undefined;

/** The example site in profiles/site, compiled once per test file. */
export function compileExampleSite(): Promise<ObjectResult[]> {
  const site = path.join(REPO_ROOT, 'profiles', 'site');
  example ??= compileFiles(panFiles(path.join(site, 'hosts')), [path.join(site, 'hosts'), site, LIB]);
  return example;
}

/** A fixture site: the objects of `fixtures/sites/<name>` plus those of `base/` it does not replace. */
export function compileFixtureSite(name = 'base'): Promise<ObjectResult[]> {
  const base = path.join(SITES, 'base');
  const dir = path.join(SITES, name);
  const own = name === 'base' ? [] : panFiles(dir);
  const replaced = new Set(own.map((f) => path.basename(f)));
  const files = [...own, ...panFiles(base).filter((f) => !replaced.has(path.basename(f)))];
  const includeDirs = [...(name === 'base' ? [] : [dir]), base, path.join(SITES, 'common'), LIB];
  return compileFiles(files, includeDirs);
}

/** The model of a compiled site and the check diagnostics over it. */
export interface CheckedSite {
  readonly build: SiteBuild;
  readonly diagnostics: Diagnostic[];
}

/** Builds the model and runs every check with TEST_OPTIONS (plus `options`). */
export async function checkSite(results: Promise<ObjectResult[]>, options: CheckOptions = {}): Promise<CheckedSite> {
  const build = buildSite(await results);
  return { build, diagnostics: runChecks(build.site, { ...TEST_OPTIONS, ...options }) };
}

/** Repository-relative `file:line` of a span. */
export function where(span: Span): string {
  return `${path.relative(REPO_ROOT, path.resolve(span.file))}:${span.line}`;
}

/** `file:line` of the primary span, then of every related span. */
export function locations(d: Diagnostic): string[] {
  return [...(d.span ? [where(d.span)] : []), ...(d.related ?? []).map((r) => where(r.span))];
}

/** `file:line` of the first line of repository file `file` that contains `text`. */
export function lineOf(file: string, text: string): string {
  const lines = readFileSync(path.join(REPO_ROOT, file), 'utf8').split('\n');
  const index = lines.findIndex((l) => l.includes(text));
  if (index < 0) throw new Error(`${file} has no line containing ${text}`);
  return `${file}:${index + 1}`;
}

/** The codes of a list of diagnostics, sorted, without duplicates. */
export function codes(diagnostics: readonly Diagnostic[]): string[] {
  return [...new Set(diagnostics.map((d) => d.code))].sort();
}

/** JSON of a site model with sorted keys and repository-relative file names (for goldens and comparisons). */
export function modelJson(site: { hosts: unknown; guests: unknown; plain: unknown }): string {
  const plain = { hosts: site.hosts, guests: site.guests, plain: site.plain };
  return `${JSON.stringify(sortKeys(plain), null, 2)}\n`;
}

function sortKeys(value: unknown, key = ''): unknown {
  if (Array.isArray(value)) return value.map((v) => sortKeys(v));
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return Object.fromEntries(entries.map(([k, v]) => [k, sortKeys(v, k)]));
  }
  if (key === 'file' && typeof value === 'string') return path.relative(REPO_ROOT, path.resolve(value));
  return value;
}
