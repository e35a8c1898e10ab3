/**
 * What `build` and `lint` share: their options (one flag per panfab.json key, plus
 * `--warnings-as-errors` and `--quiet`), loading the site configuration, running the pipeline
 * with a progress line on a terminal, and the human report on stderr (diagnostics with source
 * excerpts, the `--changed-since` report line, a final summary line).
 */
import { readFileSync } from 'node:fs';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { formatHuman, type SourceLookup } from '../diagnostics/format.js';
import { CONFIG_FIELDS } from '../site/config-fields.js';
import { loadSiteConfig, type SiteConfig } from '../site/config.js';
import { displayPath, runSitePipeline, type SiteRun } from '../site/pipeline.js';
import type { Selection } from '../site/selection.js';
import { flag, parseArgs, stringOption, type OptionSpec, type ParsedArgs } from './argv.js';
import { ProgressLine, progressWanted } from './progress.js';

/** Options every site verb accepts. */
export const SITE_OPTION_SPECS: readonly OptionSpec[] = [
  ...CONFIG_FIELDS.map((f) => ({ name: f.flag, value: true })),
  { name: 'warnings-as-errors', value: false },
  { name: 'quiet', value: false, aliases: ['q'] },
  { name: 'help', value: false, aliases: ['h'] },
];

/** Help text of the site flags. */
export function siteOptionsHelp(): string {
  const lines = CONFIG_FIELDS.map((f) => `  --${`${f.flag} VALUE`.padEnd(30)} ${f.help} (panfab.json '${f.key}')`);
  lines.push(
    `  --${'warnings-as-errors'.padEnd(30)} exit with status 1 when there are warnings`,
    `  -q, --${'quiet'.padEnd(26)} no progress line, errors only`,
    `  -h, --${'help'.padEnd(26)} show this help`,
  );
  return lines.join('\n') + '\n';
}

export type Invocation =
  | { ok: true; args: ParsedArgs; siteDir: string | undefined }
  | { ok: false; exitCode: number };

/** Parses the arguments; prints help or a usage error and says which exit code to use. */
export function parseSiteArgs(verb: string, argv: readonly string[], specs: readonly OptionSpec[], usage: string): Invocation {
  const parsed = parseArgs(argv, specs);
  if (!parsed.ok) return { ok: false, exitCode: usageError(verb, parsed.error) };
  if (flag(parsed.args, 'help')) {
    process.stdout.write(usage);
    return { ok: false, exitCode: 0 };
  }
  if (parsed.args.positionals.length > 1) return { ok: false, exitCode: usageError(verb, 'at most one site directory') };
  return { ok: true, args: parsed.args, siteDir: parsed.args.positionals[0] };
}

export function usageError(verb: string, message: string): number {
  process.stderr.write(`panfab ${verb}: ${message}\n(see 'panfab ${verb} --help')\n`);
  return 2;
}

export type ConfigOutcome = { ok: true; config: SiteConfig; diagnostics: Diagnostic[] } | { ok: false; exitCode: number; diagnostics: Diagnostic[] };

/** Loads the configuration; flag problems are usage errors (2), configuration problems errors (1). */
export function loadConfig(invocation: Extract<Invocation, { ok: true }>): ConfigOutcome {
  const flags = new Map<string, string>();
  for (const f of CONFIG_FIELDS) {
    const v = stringOption(invocation.args, f.flag);
    if (v !== undefined) flags.set(f.flag, v);
  }
  const result = loadSiteConfig({ ...(invocation.siteDir !== undefined ? { siteDir: invocation.siteDir } : {}), flags });
  if (result.config) return { ok: true, config: result.config, diagnostics: result.diagnostics };
  const usage = result.diagnostics.some((d) => d.code === 'PF700');
  return { ok: false, exitCode: usage ? 2 : 1, diagnostics: result.diagnostics };
}

/** Runs the pipeline, with a progress line when wanted. */
export async function runWithProgress(config: SiteConfig, quiet: boolean, changedSince?: string): Promise<SiteRun> {
  const progress = progressWanted(process.stderr, process.env, quiet) ? new ProgressLine(process.stderr, 'compiling') : undefined;
  try {
    return await runSitePipeline({
      config,
      ...(changedSince !== undefined ? { changedSince } : {}),
      ...(progress ? { onProgress: (done: number, total: number) => progress.update(done, total) } : {}),
    });
  } finally {
    progress?.finish();
  }
}

/** Counts of a diagnostic list. */
export function counts(diagnostics: readonly Diagnostic[]): { errors: number; warnings: number; infos: number } {
  const c = { errors: 0, warnings: 0, infos: 0 };
  for (const d of diagnostics) {
    if (d.severity === 'error') c.errors++;
    else if (d.severity === 'warning') c.warnings++;
    else c.infos++;
  }
  return c;
}

/** Exit status: 1 with errors (or warnings under --warnings-as-errors), else 0. */
export function exitStatus(diagnostics: readonly Diagnostic[], warningsAsErrors: boolean): number {
  const c = counts(diagnostics);
  return c.errors > 0 || (warningsAsErrors && c.warnings > 0) ? 1 : 0;
}

/** Writes diagnostics in the human format to stderr (errors only under --quiet). */
export function printHuman(diagnostics: readonly Diagnostic[], quiet: boolean): void {
  const sources = cachedSources();
  const color = process.stderr.isTTY === true && process.env.NO_COLOR === undefined;
  for (const d of diagnostics) {
    if (quiet && d.severity !== 'error') continue;
    process.stderr.write(formatHuman(d, { color, sources }) + '\n');
  }
}

/** The `--changed-since` report line. */
export function selectionLine(selection: Selection, total: number): string {
  const compiled = selection.toCompile.length;
  let line = `compiled ${compiled} of ${total} object templates (${selection.skipped.length} skipped: not affected by changes since ${selection.revision})`;
  if (selection.unaffectedCompiled.length > 0) {
    line += `; ${selection.unaffectedCompiled.length} not affected but compiled: no current previous build in the output directory`;
  }
  return line;
}

/** `N errors, N warnings` in words. */
export function countsText(diagnostics: readonly Diagnostic[]): string {
  const c = counts(diagnostics);
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return [plural(c.errors, 'error'), plural(c.warnings, 'warning')].join(', ');
}

/** Lines describing what the run did besides its diagnostics (selection, skipped checks). */
export function runNotes(run: SiteRun): string[] {
  const notes: string[] = [];
  if (run.selection) notes.push(selectionLine(run.selection, run.objectFiles.length));
  if (run.checksSkipped) notes.push(`site checks not run: ${run.checksSkipped}`);
  return notes;
}

/** A directory as shown in messages. */
export function shownDir(dir: string): string {
  const shown = displayPath(process.cwd(), dir);
  return shown.endsWith('/') ? shown : shown + '/';
}

function cachedSources(): SourceLookup {
  const cache = new Map<string, string | undefined>();
  return (file) => {
    if (!cache.has(file)) {
      let text: string | undefined;
      try {
        text = readFileSync(file, 'utf8');
      } catch {
        text = undefined;
      }
      cache.set(file, text);
    }
    return cache.get(file);
  };
}
