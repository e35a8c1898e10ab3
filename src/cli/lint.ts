/**
 * `panfab lint [SITE-DIR]`: compiles the site, builds the model and runs the site checks without
 * writing anything. `--format` chooses the report: `human` (stderr, with source excerpts),
 * `json`, `sarif` (SARIF 2.1.0) or `github` (workflow annotations), the last three on stdout.
 * `--changed-since REV` compiles only the object templates a change since REV can affect.
 * Exit 0 when clean, 1 on errors (or warnings with --warnings-as-errors), 2 on usage errors.
 */
import path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { toJsonObject } from '../diagnostics/format.js';
import { formatGithub } from '../diagnostics/github.js';
import { formatSarif } from '../diagnostics/sarif.js';
import type { SiteRun } from '../site/pipeline.js';
import { flag, stringOption } from './argv.js';
import { VERSION } from './main.js';
import { counts, countsText, exitStatus, loadConfig, parseSiteArgs, printHuman, runNotes, runWithProgress, siteOptionsHelp, SITE_OPTION_SPECS } from './site-command.js';

export const summary = 'compile and check the whole site without writing anything (human, json, sarif, github)';

const FORMATS = ['human', 'json', 'sarif', 'github'] as const;
type Format = (typeof FORMATS)[number];

const SPECS = [...SITE_OPTION_SPECS, { name: 'format', value: true }, { name: 'changed-since', value: true }];

const USAGE = `usage: panfab lint [options] [SITE-DIR]

Compiles every object template of the site in SITE-DIR (default: the nearest directory holding
panfab.json, from the current directory up, else the current directory), builds the site model
and runs the site checks. Writes nothing.
Exit status: 0 when clean, 1 on errors, 2 on usage errors.

options:
  --${'format FORMAT'.padEnd(30)} ${FORMATS.join(', ')} (default human; the others print to stdout)
  --${'changed-since REV'.padEnd(30)} compile only the object templates that changes since the git
  ${' '.repeat(32)} revision REV can affect (others reuse the last build's profiles)
${siteOptionsHelp()}`;

/** Runs the verb with its arguments and returns the exit code. */
export async function run(argv: string[]): Promise<number> {
  const invocation = parseSiteArgs('lint', argv, SPECS, USAGE);
  if (!invocation.ok) return invocation.exitCode;
  const format = (stringOption(invocation.args, 'format') ?? 'human') as Format;
  if (!FORMATS.includes(format)) {
    process.stderr.write(`panfab lint: unknown format '${format}' (known: ${FORMATS.join(', ')})\n`);
    return 2;
  }
  const quiet = flag(invocation.args, 'quiet');
  const loaded = loadConfig(invocation);
  if (!loaded.ok) {
    printHuman(loaded.diagnostics, false);
    return loaded.exitCode;
  }
  const siteRun = await runWithProgress(loaded.config, quiet, stringOption(invocation.args, 'changed-since'));
  const diagnostics = [...loaded.diagnostics, ...siteRun.diagnostics];
  report(format, siteRun, diagnostics, quiet);
  return exitStatus(diagnostics, flag(invocation.args, 'warnings-as-errors'));
}

function report(format: Format, siteRun: SiteRun, diagnostics: readonly Diagnostic[], quiet: boolean): void {
  if (format === 'human') printHuman(diagnostics, quiet);
  else if (format === 'json') process.stdout.write(jsonReport(siteRun, diagnostics));
  else if (format === 'sarif') process.stdout.write(formatSarif(diagnostics, { siteRoot: siteRun.config.root, baseDir: process.cwd(), toolVersion: VERSION }));
  else process.stdout.write(formatGithub(diagnostics));
  if (quiet && counts(diagnostics).errors === 0) return;
  for (const note of runNotes(siteRun)) process.stderr.write(`panfab lint: ${note}\n`);
  process.stderr.write(`panfab lint: ${siteRun.objectFiles.length} object templates, ${countsText(diagnostics)}\n`);
}

/** The `--format json` document: what was compiled or reused, and every diagnostic with the objects reporting it. */
function jsonReport(siteRun: SiteRun, diagnostics: readonly Diagnostic[]): string {
  const c = counts(diagnostics);
  const doc: Record<string, unknown> = {
    site: path.relative(process.cwd(), siteRun.config.root) || '.',
    objectTemplates: siteRun.objectFiles.length,
    compiled: siteRun.compiled,
    reused: siteRun.reused,
  };
  if (siteRun.selection) {
    const s = siteRun.selection;
    doc.changedSince = { revision: s.revision, commit: s.commit, changedFiles: s.changedFiles, affected: s.affected, skipped: s.skipped, unaffectedCompiled: s.unaffectedCompiled };
  }
  doc.checks = siteRun.checksSkipped === undefined ? 'run' : `not run: ${siteRun.checksSkipped}`;
  doc.summary = { errors: c.errors, warnings: c.warnings, infos: c.infos };
  doc.diagnostics = diagnostics.map((d) => {
    const objects = siteRun.reportedBy.get(d);
    return objects === undefined ? toJsonObject(d) : { ...toJsonObject(d), objects };
  });
  return JSON.stringify(doc, null, 2) + '\n';
}
