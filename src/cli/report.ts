/**
 * `panfab report [SITE-DIR]`: the site report — every Xen host with its guests, memory and vCPU
 * use against capacity, bridges, boot modes, install states and the diagnostics of the site —
 * as one self-contained HTML page (OUTPUT-DIR/report/index.html, written atomically) or, with
 * `--format json`, as the report data on stdout. Builds the site as `build` does (writing
 * nothing else), or takes the report data and artifacts of an existing build with `--from OUT`.
 * Install states compare the build's files with the manifest of a deployed tree (`--deployed`,
 * default the site's deployedDir). Exit 0 when the report is written, 1 when the site could not
 * be modelled, 2 on usage errors.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DiagnosticError } from '../diagnostics/diagnostic.js';
import { loadGeneratedTree } from '../deploy/load-tree.js';
import { writeAtomically } from '../output/write.js';
import { withInstallStates } from '../report/data.js';
import { readDeployedTree } from '../report/deployed.js';
import { renderReportHtml } from '../report/html.js';
import { REPORT_DATA_PATH, REPORT_PAGE_PATH, reportDataForRun } from '../report/site-run.js';
import { REPORT_FORMAT, type ReportData } from '../report/types.js';
import { displayPath, renderStage } from '../site/pipeline.js';
import { flag, stringOption, type OptionSpec } from './argv.js';
import { countsText, loadConfig, parseSiteArgs, printHuman, runNotes, runWithProgress, siteOptionsHelp, SITE_OPTION_SPECS } from './site-command.js';

export const summary = 'write the site report: hosts, guests, capacity, install state and diagnostics as one HTML page';

const USAGE = `usage: panfab report [options] [SITE-DIR]

Builds the site in SITE-DIR as 'panfab build' does (writing none of its outputs) and writes the
site report, one self-contained HTML page, to OUTPUT-DIR/report/index.html: every Xen host with
its guests, memory and vCPU use against capacity (dom0 reserve shown), bridges and the guests
attached to them, each guest's boot mode and install state, and every diagnostic linked to the
host it concerns, with a search box. Install states compare the build's files with the deploy
manifest of the deployed tree. Exit status: 0 report written, 1 errors, 2 usage errors.

options:
  --format html|json      html: write the page (default); json: print the report data on stdout
  --output FILE           where to write the page (default OUTPUT-DIR/report/index.html, or
                          OUT/report/index.html with --from)
  --from OUT              take the report data and artifacts of an existing build in OUT
                          (OUT/${REPORT_DATA_PATH}) instead of building the site
  --deployed DIR          deployed tree whose manifest gives the install states (default: the
                          site's deployedDir; with --from, no install states unless given)

site options, as for build (each also a key of panfab.json; flags win over the file):
${siteOptionsHelp()}`;

const SPECS: readonly OptionSpec[] = [
  ...SITE_OPTION_SPECS,
  { name: 'format', value: true },
  { name: 'output', value: true, aliases: ['o'] },
  { name: 'from', value: true },
  { name: 'deployed', value: true },
];

type Produced = { ok: true; data: ReportData; outputDir: string } | { ok: false; exitCode: number };

/** Runs the verb with its arguments and returns the exit code. */
export async function run(argv: string[]): Promise<number> {
  const invocation = parseSiteArgs('report', argv, SPECS, USAGE);
  if (!invocation.ok) return invocation.exitCode;
  const args = invocation.args;
  const format = stringOption(args, 'format') ?? 'html';
  if (format !== 'html' && format !== 'json') return usage(`unknown format '${format}' (html or json)`);
  const quiet = flag(args, 'quiet');
  const from = stringOption(args, 'from');
  const produced = from !== undefined ? await fromBuild(from, stringOption(args, 'deployed')) : await fromSite(invocation, quiet);
  if (!produced.ok) return produced.exitCode;
  const { data } = produced;
  if (format === 'json') {
    process.stdout.write(JSON.stringify(data, null, 2) + '\n');
    return 0;
  }
  const target = path.resolve(stringOption(args, 'output') ?? path.join(produced.outputDir, ...REPORT_PAGE_PATH.split('/')));
  try {
    await writeAtomically(target, Buffer.from(renderReportHtml(data), 'utf8'));
  } catch (err) {
    if (!(err instanceof DiagnosticError)) throw err;
    printHuman([err.diagnostic], quiet);
    return 1;
  }
  if (!quiet) {
    const s = data.summary;
    const d = s.diagnostics;
    const n = (count: number, noun: string): string => `${count} ${noun}${count === 1 ? '' : 's'}`;
    process.stderr.write(`panfab report: wrote ${shownFile(target)} (${n(s.hosts, 'Xen host')}, ${n(s.guests, 'guest')}; ${n(d.error, 'error')}, ${n(d.warning, 'warning')})\n`);
  }
  return 0;
}

/** Builds the site and its report data, with install states from the deployed tree. */
async function fromSite(invocation: Extract<ReturnType<typeof parseSiteArgs>, { ok: true }>, quiet: boolean): Promise<Produced> {
  const loaded = loadConfig(invocation);
  if (!loaded.ok) {
    printHuman(loaded.diagnostics, false);
    return { ok: false, exitCode: loaded.exitCode };
  }
  const config = loaded.config;
  const siteRun = await runWithProgress(config, quiet);
  await renderStage(siteRun);
  const deployedDir = stringOption(invocation.args, 'deployed') ?? config.deployedDir;
  // Named relative to the site root, so the page does not depend on the working directory.
  const deployed = await readDeployedTree(deployedDir, path.relative(config.root, path.resolve(deployedDir)).split(path.sep).join('/') || '.');
  const data = reportDataForRun(siteRun, process.cwd(), deployed.facts);
  const diagnostics = [...loaded.diagnostics, ...siteRun.diagnostics];
  printHuman([...deployed.diagnostics, ...diagnostics.filter((d) => d.severity === 'error')], true);
  for (const note of runNotes(siteRun)) process.stderr.write(`panfab report: ${note}\n`);
  if (data === undefined) {
    process.stderr.write(`panfab report: the site could not be modelled (${countsText(diagnostics)}); no report written\n`);
    return { ok: false, exitCode: 1 };
  }
  return { ok: true, data, outputDir: config.outputDir };
}

/** The report data an earlier build wrote to OUT, with install states from `deployedDir` when given. */
async function fromBuild(out: string, deployedDir: string | undefined): Promise<Produced> {
  const file = path.join(out, ...REPORT_DATA_PATH.split('/'));
  let data: ReportData;
  try {
    data = JSON.parse(readFileSync(file, 'utf8')) as ReportData;
  } catch (err) {
    process.stderr.write(`panfab report: cannot read the report data of a build at ${shownFile(file)}: ${(err as Error).message}\n`);
    return { ok: false, exitCode: 1 };
  }
  if (data.format !== REPORT_FORMAT) {
    process.stderr.write(`panfab report: ${shownFile(file)} has report format ${JSON.stringify(data.format)}; this panfab reads format ${REPORT_FORMAT}\n`);
    return { ok: false, exitCode: 1 };
  }
  if (deployedDir !== undefined) {
    const deployed = await readDeployedTree(deployedDir, displayPath(process.cwd(), deployedDir));
    printHuman(deployed.diagnostics, false);
    const tree = await loadGeneratedTree(out);
    const generated = new Map([...tree.generated].map(([rel, f]) => [rel, { sha256: f.sha256, owner: f.owner }]));
    data = withInstallStates(data, deployed.facts, generated);
  }
  return { ok: true, data, outputDir: out };
}

function shownFile(file: string): string {
  return displayPath(process.cwd(), file);
}

function usage(message: string): number {
  process.stderr.write(`panfab report: ${message}\n(see 'panfab report --help')\n`);
  return 2;
}
