/**
 * `panfab deploy`: applies the plan to a deployed tree (creating it on a first deploy): each
 * file is replaced atomically, the manifest is written last, one deploy at a time holds the
 * tree's lock. Refuses when managed files were edited by hand (unless `--force`) or when an
 * unmanaged file is in the way; never touches unmanaged files. `--dry-run` checks and reports
 * without writing anything.
 */
import { hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import { formatJson, toJsonObject } from '../diagnostics/format.js';
import { countStatuses } from '../deploy/plan.js';
import { groupByOwnerAndKind, planToJson, reportedEntries, summaryLine } from '../deploy/render-plan.js';
import { deployTree, diffSource, type DeployOutcome } from '../deploy/session.js';
import { flag, parseArgs, stringOption, type OptionSpec } from './argv.js';
import { COMMON_SPECS, loadGenerated, outputFormat, printDiagnostics, usageError, useColor, type OutputFormat } from './deploy-common.js';

export const summary = 'apply the plan to a deployed tree, atomically';

const USAGE = `usage: panfab deploy --to DIR --from OUT [options]

Makes the deployed tree DIR match the generated artifact tree OUT (tftpboot/, ipxe/, ks/,
xen/): adds, replaces and removes the files panfab manages, each atomically (temporary file in
the same directory, fsync, rename), and writes the manifest DIR/.panfab/manifest.json last.
A deploy interrupted at any point leaves every file old or new; the next deploy finishes the
job. Files panfab does not manage are never modified or deleted.

options:
  --from OUT              generated artifact tree to deploy
  --to DIR                deployed tree (also --deployed, --deployed-dir); created if missing
  --force                 overwrite or delete managed files that were edited by hand
  --dry-run               check and report what would be done; write nothing
  --format human|json     report format (default human)
  --color auto|always|never
  -q, --quiet             only errors
  -h, --help              show this help

exit status: 0 deployed (or nothing to do), 1 error, refusal or usage error
`;

const SPECS: readonly OptionSpec[] = [
  ...COMMON_SPECS,
  { name: 'to', value: true, aliases: ['deployed', 'deployed-dir'] },
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
  if (args.positionals.length > 0) return usageError('deploy', `unexpected argument '${args.positionals[0]}'`);
  const format = outputFormat(args);
  const color = useColor(args, process.stdout);
  if (typeof format === 'object') return usageError('deploy', format.error);
  if (typeof color === 'object') return usageError('deploy', color.error);
  const root = stringOption(args, 'to');
  if (root === undefined) return usageError('deploy', '--to DIR is required');
  if (stringOption(args, 'from') === undefined) return usageError('deploy', '--from OUT is required');
  const quiet = flag(args, 'quiet');
  const dryRun = flag(args, 'dry-run');

  const loaded = await loadGenerated(args);
  if (!loaded.input || hasErrors(loaded.diagnostics)) return report(format, quiet, loaded.diagnostics);
  const outcome = await deployTree(root, loaded.input, { force: flag(args, 'force'), dryRun });
  const diagnostics = [...loaded.diagnostics, ...outcome.diagnostics];
  if (format === 'json') {
    if (!quiet || !outcome.ok) process.stdout.write(JSON.stringify(await deployJson(root, outcome, diagnostics, dryRun), null, 2) + '\n');
  } else {
    printDiagnostics(diagnostics, quiet);
    if (!quiet) process.stdout.write(deployText(root, outcome, dryRun, color));
  }
  return outcome.ok ? 0 : 1;
}

function report(format: OutputFormat, quiet: boolean, diagnostics: readonly Diagnostic[]): number {
  if (format === 'json') process.stdout.write(formatJson(diagnostics));
  else printDiagnostics(diagnostics, quiet);
  return 1;
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
