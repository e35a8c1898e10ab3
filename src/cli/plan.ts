/**
 * `panfab plan` (alias `panfab diff`): compares the generated artifacts with a deployed tree and
 * its manifest and reports what a deploy would add, change and remove, which managed files were
 * edited by hand (drifted) and which files panfab does not manage, with unified diffs grouped by
 * host and artifact kind. `--detailed-exitcode` makes the exit status say whether anything would
 * change (0 no, 2 yes; 1 is always an error).
 */
import path from 'node:path';
import { hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import { affectedObjects, narrowPlan, readDependencyFiles } from '../deploy/changed-since.js';
import { hasChanges, type Plan } from '../deploy/plan.js';
import { planToJson, renderPlanHuman } from '../deploy/render-plan.js';
import { diffSource, preparePlan, type PlanSession } from '../deploy/session.js';
import { formatJson } from '../diagnostics/format.js';
import { changedSince } from '../site/changes.js';
import { flag, parseArgs, stringOption, type OptionSpec } from './argv.js';
import { COMMON_SPECS, loadGenerated, outputFormat, printDiagnostics, usageError, useColor, type OutputFormat } from './deploy-common.js';

export const summary = 'compare the generated artifacts with a deployed tree (alias: diff)';

const USAGE = `usage: panfab plan --deployed DIR --from OUT [options]
       panfab diff ...      (the same command)

Compares the generated artifact tree OUT (a build's output directory: tftpboot/, ipxe/, ks/,
xen/) with the deployed tree DIR and its manifest (DIR/.panfab/manifest.json), and reports
files to add, change and remove, drifted files (managed, but edited by hand since the last
deploy), conflicts (an unmanaged file where a generated one goes) and unmanaged files (never
touched), with unified diffs grouped by host, then artifact kind.

options:
  --from OUT              generated artifact tree to compare
  --deployed DIR          deployed tree (also --to, --deployed-dir)
  --format human|json     report format (default human)
  --detailed-exitcode     exit 0 when nothing would change, 2 when something would
  --changed-since REV     only hosts affected by files changed since git revision REV
                          (drift and conflicts are always shown)
  --no-diff               list files without their diffs
  --color auto|always|never
  -q, --quiet             no report, only errors (use with --detailed-exitcode)
  -h, --help              show this help

exit status: 0 success (with --detailed-exitcode: no changes), 1 error or usage error,
2 changes (with --detailed-exitcode only)
`;

const SPECS: readonly OptionSpec[] = [
  ...COMMON_SPECS,
  { name: 'deployed', value: true, aliases: ['to', 'deployed-dir'] },
  { name: 'detailed-exitcode', value: false },
  { name: 'changed-since', value: true },
  { name: 'no-diff', value: false },
];

/** Runs the verb and returns the exit code. */
export async function run(argv: string[]): Promise<number> {
  const parsed = parseArgs(argv, SPECS);
  if (!parsed.ok) return usageError('plan', parsed.error);
  const args = parsed.args;
  if (flag(args, 'help')) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (args.positionals.length > 0) return usageError('plan', `unexpected argument '${args.positionals[0]}'`);
  const format = outputFormat(args);
  const color = useColor(args, process.stdout);
  if (typeof format === 'object') return usageError('plan', format.error);
  if (typeof color === 'object') return usageError('plan', color.error);
  const root = stringOption(args, 'deployed');
  if (root === undefined) return usageError('plan', '--deployed DIR is required');
  if (stringOption(args, 'from') === undefined) return usageError('plan', '--from OUT is required');
  const quiet = flag(args, 'quiet');

  const loaded = await loadGenerated(args);
  if (!loaded.input || hasErrors(loaded.diagnostics)) return fail(loaded.diagnostics, quiet, format);
  const session = await preparePlan(root, loaded.input);
  const diagnostics: Diagnostic[] = [...loaded.diagnostics, ...session.diagnostics];
  if (hasErrors(diagnostics)) return fail(diagnostics, quiet, format);
  const narrowed = await narrow(session, stringOption(args, 'changed-since'), stringOption(args, 'from')!);
  if ('diagnostic' in narrowed) return fail([...diagnostics, narrowed.diagnostic], quiet, format);

  const renderOpts = { root, color, diffs: !flag(args, 'no-diff') };
  const source = diffSource(root, session.generated);
  if (format === 'json') {
    const doc = await planToJson(narrowed.plan, source, diagnostics, renderOpts);
    if (narrowed.note !== undefined) doc.changedSince = narrowed.note;
    if (!quiet) process.stdout.write(JSON.stringify(doc, null, 2) + '\n');
  } else {
    printDiagnostics(diagnostics, quiet);
    if (!quiet) {
      if (narrowed.note !== undefined) process.stdout.write(`${narrowed.note}\n`);
      process.stdout.write(await renderPlanHuman(narrowed.plan, source, renderOpts));
    }
  }
  return flag(args, 'detailed-exitcode') && hasChanges(narrowed.plan) ? 2 : 0;
}

/** Applies `--changed-since`: the plan restricted to hosts affected by the git change. */
async function narrow(session: PlanSession, rev: string | undefined, from: string): Promise<{ plan: Plan; note?: string } | { diagnostic: Diagnostic }> {
  if (rev === undefined) return { plan: session.plan };
  const changed = changedSince(process.cwd(), rev);
  if (!changed.ok) return { diagnostic: changed.diagnostic };
  const deps = await readDependencyFiles([path.join(from, 'profiles'), from]);
  const affected = affectedObjects(changed.files, deps);
  if (affected.all) return { plan: session.plan, note: `changes since ${rev} affect every host (artifact templates or site configuration changed)` };
  const hosts = [...affected.objects].sort();
  return { plan: narrowPlan(session.plan, affected), note: `changes since ${rev} affect ${hosts.length} object template${hosts.length === 1 ? '' : 's'}${hosts.length > 0 ? ': ' + hosts.join(', ') : ''}` };
}

/** Reports the diagnostics of a plan that could not be made (as JSON on stdout with --format json). */
function fail(diagnostics: readonly Diagnostic[], quiet: boolean, format: OutputFormat): number {
  if (format === 'json') process.stdout.write(formatJson(diagnostics));
  else printDiagnostics(diagnostics, quiet);
  return 1;
}
