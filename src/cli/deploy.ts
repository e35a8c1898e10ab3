/**
 * `panfab deploy`: builds the site as `build` does (or takes a generated tree with `--from`) and
 * applies the plan to a deployed tree, creating it on a first deploy: each file is replaced
 * atomically, the manifest is written last, one deploy at a time holds the tree's lock. Refuses
 * when managed files were edited by hand (unless `--force`) or when an unmanaged file is in the
 * way; never touches unmanaged files. `--dry-run` checks and reports without writing anything.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { toJsonObject } from '../diagnostics/format.js';
import { countStatuses } from '../deploy/plan.js';
import { groupByOwnerAndKind, planToJson, reportedEntries, summaryLine } from '../deploy/render-plan.js';
import { deployTree, diffSource, type DeployOutcome } from '../deploy/session.js';
import { flag, parseArgs, stringOption, type OptionSpec } from './argv.js';
import { COMMON_SPECS, commonOptionsHelp, gatherInputs, outputFormat, printDiagnostics, reportFailure, usageError, useColor } from './deploy-common.js';

export const summary = 'apply the plan to a deployed tree, atomically';

const USAGE = `usage: panfab deploy [options] [SITE-DIR]

Builds the site in SITE-DIR as 'panfab build' does (or takes the generated tree given with
--from) and makes the deployed tree (--to, default the site's deployedDir; created if missing)
match its artifacts: adds, replaces and removes the files panfab manages, each atomically
(temporary file in the same directory, fsync, rename), and writes the manifest
.panfab/manifest.json last. A deploy interrupted at any point leaves every file old or new; the
next deploy finishes the job. Files panfab does not manage are never modified or deleted; one
deploy at a time holds the tree's lock.

exit status: 0 deployed (or nothing to do), 1 error, refusal or usage error

options:
  --to DIR                       deployed tree (also --deployed; default: the site's deployedDir)
  --force                        overwrite or delete managed files that were edited by hand
  --dry-run                      check and report what would be done; write nothing
${commonOptionsHelp()}`;

const SPECS: readonly OptionSpec[] = [
  ...COMMON_SPECS,
  { name: 'to', value: true, aliases: ['deployed'] },
  { name: 'force', value: false },
  { name: 'dry-run', value: false, aliases: ['n'] },
];

/** Runs the verb and returns the exit code. */
export async function run(argv: string[]): Promise<number> {
  const parsed = parseArgs(argv, SPECS);
  if (!parsed.ok) return usageError('deploy', parsed.error);
  const args = parsed.args;
  if (flag(args, 'help')) {
    process.stdout.write(USAGE);
    return 0;
  }
  const format = outputFormat(args);
  const color = useColor(args, process.stdout);
  if (typeof format === 'object') return usageError('deploy', format.error);
  if (typeof color === 'object') return usageError('deploy', color.error);
  const quiet = flag(args, 'quiet');
  const dryRun = flag(args, 'dry-run');

  const inputs = await gatherInputs({ args, root: stringOption(args, 'to'), quiet, needConfig: false });
  if (!inputs.ok) return inputs.usage !== undefined ? usageError('deploy', inputs.usage) : reportFailure('deploy', format, quiet, inputs.diagnostics);
  const { root, generated } = inputs;
  const early = [...inputs.configDiagnostics, ...generated.diagnostics];
  if (!generated.input) return reportFailure('deploy', format, quiet, early, generated.notes);
  const outcome = await deployTree(root, generated.input, { force: flag(args, 'force'), dryRun });
  const diagnostics = [...early, ...outcome.diagnostics];
  if (format === 'json') {
    if (!quiet || !outcome.ok) process.stdout.write(JSON.stringify(await deployJson(root, outcome, diagnostics, dryRun), null, 2) + '\n');
  } else {
    printDiagnostics(diagnostics, quiet);
    if (!quiet) process.stdout.write(deployText(root, outcome, dryRun, color));
  }
  return outcome.ok ? 0 : 1;
}

/** The human report: the files acted on, grouped by host and kind, then a closing line. */
function deployText(root: string, outcome: DeployOutcome, dryRun: boolean, color: boolean): string {
  const session = outcome.session;
  if (!session) return '';
  const bold = (s: string) => (color ? `\x1b[1m${s}\x1b[0m` : s);
  const lines: string[] = [];
  if (dryRun || !outcome.ok) lines.push(summaryLine(session.plan, root));
  for (const [owner, byKind] of groupByOwnerAndKind(reportedEntries(session.plan))) {
    lines.push(bold(owner === '' ? '(site-wide)' : owner));
    for (const [kind, entries] of byKind) {
      for (const e of entries) lines.push(`  ${kind}: ${e.path} (${e.status}${e.reason ? `: ${e.reason}` : ''})`);
    }
  }
  lines.push(closingLine(root, outcome, dryRun));
  return lines.join('\n') + '\n';
}

function closingLine(root: string, outcome: DeployOutcome, dryRun: boolean): string {
  const c = countStatuses(outcome.session!.plan.entries);
  const untouched = c.unmanaged > 0 ? `; ${c.unmanaged} unmanaged file${c.unmanaged === 1 ? '' : 's'} left alone` : '';
  if (!outcome.ok) return `Deploy to ${root} refused or failed; see the errors above`;
  if (dryRun) return `Dry run: nothing written to ${root}`;
  if (!outcome.counts) return `Nothing to do: ${root} is up to date${untouched}`;
  return `Deployed to ${root}: ${outcome.counts.written} written, ${outcome.counts.deleted} deleted${untouched}`;
}

async function deployJson(root: string, outcome: DeployOutcome, diagnostics: readonly Diagnostic[], dryRun: boolean): Promise<Record<string, unknown>> {
  const doc: Record<string, unknown> = { ok: outcome.ok, dryRun, root };
  if (outcome.counts) doc.counts = outcome.counts;
  if (outcome.session) {
    const plan = await planToJson(outcome.session.plan, diffSource(root, outcome.session.generated), diagnostics, { root, color: false, diffs: false });
    return { ...doc, ...plan, root };
  }
  return { ...doc, diagnostics: diagnostics.map(toJsonObject) };
}
