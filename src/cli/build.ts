/**
 * `panfab build [SITE-DIR]`: compiles every object template of the site, builds the site model,
 * runs the site checks, renders the artifacts and, only when there is no error, writes the
 * compiled profiles (`profiles/<object>.json`), the model (`site.json`) and the artifact tree
 * (`tftpboot/`, `ipxe/`, `ks/`, `xen/`) to the output directory. Nothing is
 * written when anything fails; each file is replaced atomically; profile files of objects that
 * no longer exist are removed after a successful build. Exit 0 on success, 1 on errors, 2 on
 * usage errors.
 */
import { DiagnosticError } from '../diagnostics/diagnostic.js';
import { PipelineState, renderStage } from '../site/pipeline.js';
import { stageBuildOutputs, writeBuildOutputs } from '../site/outputs.js';
import { flag } from './argv.js';
import { countsText, exitStatus, loadConfig, parseSiteArgs, printHuman, runNotes, runWithProgress, shownDir, siteOptionsHelp, SITE_OPTION_SPECS } from './site-command.js';

export const summary = 'compile the whole site, check it, and write profiles, the site model and the artifacts';

const USAGE = `usage: panfab build [options] [SITE-DIR]

Builds the site in SITE-DIR (default: the nearest directory holding panfab.json, from the
current directory up, else the current directory): compiles every object template, builds the
site model, runs the site checks, renders the artifacts and writes
OUTPUT-DIR/profiles/<object>.json, OUTPUT-DIR/site.json and the artifact tree (tftpboot/,
ipxe/, ks/, xen/). Nothing is written when there is an error.
Exit status: 0 on success, 1 on errors, 2 on usage errors.

options (each also a key of panfab.json; flags win over the file):
${siteOptionsHelp()}`;

/** Runs the verb with its arguments and returns the exit code. */
export async function run(argv: string[]): Promise<number> {
  const invocation = parseSiteArgs('build', argv, SITE_OPTION_SPECS, USAGE);
  if (!invocation.ok) return invocation.exitCode;
  const quiet = flag(invocation.args, 'quiet');
  const loaded = loadConfig(invocation);
  if (!loaded.ok) {
    printHuman(loaded.diagnostics, false);
    return loaded.exitCode;
  }
  const config = loaded.config;
  const siteRun = await runWithProgress(config, quiet);
  await renderStage(siteRun);
  const diagnostics = [...loaded.diagnostics, ...siteRun.diagnostics];
  const status = exitStatus(diagnostics, flag(invocation.args, 'warnings-as-errors'));
  const out = shownDir(config.outputDir);
  if (status !== 0 || siteRun.state < PipelineState.Rendered) {
    printHuman(diagnostics, quiet);
    for (const note of runNotes(siteRun)) process.stderr.write(`panfab build: ${note}\n`);
    process.stderr.write(`panfab build: ${countsText(diagnostics)}; nothing written to ${out}\n`);
    return status === 0 ? 1 : status;
  }
  try {
    const report = await writeBuildOutputs(config.outputDir, stageBuildOutputs(siteRun, process.cwd()));
    siteRun.state = PipelineState.Written;
    printHuman(diagnostics, quiet);
    if (!quiet) {
      const removed = report.removed.length > 0 ? `, removed ${report.removed.length} stale file${report.removed.length === 1 ? '' : 's'}` : '';
      const artifacts = siteRun.artifacts?.size ?? 0;
      process.stderr.write(`panfab build: wrote ${siteRun.compiled.length} profiles, site.json and ${artifacts} artifacts to ${out}${removed} (${countsText(diagnostics)})\n`);
    }
    return 0;
  } catch (err) {
    if (!(err instanceof DiagnosticError)) throw err;
    printHuman([...diagnostics, err.diagnostic], quiet);
    return 1;
  }
}
