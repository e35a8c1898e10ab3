/**
 * `panfab plan` (alias `panfab diff`): builds the site as `build` does (or takes a generated tree
 * with `--from`), compares its artifacts with a deployed tree and its manifest and reports what a
 * deploy would add, change and remove, which managed files were edited by hand (drifted) and
 * which files panfab does not manage, with unified diffs grouped by host and artifact kind.
 * `--detailed-exitcode` makes the exit status say whether anything would change (0 no, 2 yes;
 * 1 is always an error).
 */
import { hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import { hasChanges, type Plan } from '../deploy/plan.js';
import { planToJson, renderPlanHuman } from '../deploy/render-plan.js';
import { diffSource, preparePlan } from '../deploy/session.js';
import type { SiteConfig } from '../site/config.js';
import { displayPath } from '../site/pipeline.js';
import { flag, parseArgs, stringOption, type OptionSpec } from './argv.js';
import { COMMON_SPECS, commonOptionsHelp, gatherInputs, printDiagnostics, reportFailure, outputFormat, usageError, useColor } from './deploy-common.js';

export const summary = 'compare the generated artifacts with a deployed tree (alias: diff)';

const USAGE = `usage: panfab plan [options] [SITE-DIR]
       panfab diff ...      (the same command)

Builds the site in SITE-DIR as 'panfab build' does (or takes the generated tree given with
--from), compares its artifacts with the deployed tree (--deployed, default the site's
deployedDir) and its manifest (.panfab/manifest.json), and reports files to add, change and
remove, drifted files (managed, but edited by hand since the last deploy), conflicts (an
unmanaged file where a generated one goes) and unmanaged files (never touched), with unified
diffs grouped by host, then artifact kind.

exit status: 0 success (with --detailed-exitcode: no changes), 1 error or usage error,
2 changes (with --detailed-exitcode only)

options:
  --deployed DIR                 deployed tree (also --to; default: the site's deployedDir)
  --detailed-exitcode            exit 0 when nothing would change, 2 when something would
  --changed-since REV            only hosts affected by files changed since git revision REV
                                 (drift and conflicts are always shown)
  --no-diff                      list files without their diffs
${commonOptionsHelp()}`;

const SPECS: readonly OptionSpec[] = [
  ...COMMON_SPECS,
  { name: 'deployed', value: true, aliases: ['to'] },
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
  const format = outputFormat(args);
  const color = useColor(args, process.stdout);
  if (typeof format === 'object') return usageError('plan', format.error);
  if (typeof color === 'object') return usageError('plan', color.error);
  const quiet = flag(args, 'quiet');
  const changedSince = stringOption(args, 'changed-since');

  const inputs = await gatherInputs({ args, root: stringOption(args, 'deployed'), quiet, needConfig: changedSince !== undefined, ...(changedSince !== undefined ? { changedSince } : {}) });
  if (!inputs.ok) return inputs.usage !== undefined ? usageError('plan', inputs.usage) : reportFailure('plan', format, quiet, inputs.diagnostics);
  const { root, generated } = inputs;
  const early = [...inputs.configDiagnostics, ...generated.diagnostics];
  if (!generated.input) return reportFailure('plan', format, quiet, early, generated.notes);
  const session = await preparePlan(root, generated.input);
  const diagnostics: Diagnostic[] = [...early, ...session.diagnostics];
  if (hasErrors(diagnostics)) return reportFailure('plan', format, quiet, diagnostics, generated.notes);
  const narrowed = await narrow(session.plan, inputs.config, changedSince);
  if ('diagnostic' in narrowed) return reportFailure('plan', format, quiet, [...diagnostics, narrowed.diagnostic]);

  const renderOpts = { root, color, diffs: !flag(args, 'no-diff') };
  const source = diffSource(root, session.generated);
  if (format === 'json') {
    const doc = await planToJson(narrowed.plan, source, diagnostics, renderOpts);
    if (narrowed.note !== undefined) doc.changedSince = narrowed.note;
    if (!quiet) process.stdout.write(JSON.stringify(doc, null, 2) + '\n');
  } else {
    printDiagnostics(diagnostics, quiet);
    if (!quiet) {
      for (const note of generated.notes) process.stderr.write(`panfab plan: ${note}\n`);
      if (narrowed.note !== undefined) process.stdout.write(`${narrowed.note}\n`);
      process.stdout.write(await renderPlanHuman(narrowed.plan, source, renderOpts));
    }
  }
  return flag(args, 'detailed-exitcode') && hasChanges(narrowed.plan) ? 2 : 0;
}

/** Applies `--changed-since`: the plan restricted to hosts affected by the git change. */
async function narrow(plan: Plan, config: SiteConfig | undefined, rev: string | undefined): Promise<{ plan: Plan; note?: string } | { diagnostic: Diagnostic }> {
  if (rev === undefined || config === undefined) return { plan };
  const { affectedSince, narrowPlan, ownersOf } = await import('../deploy/changed-since.js');
  const result = affectedSince(config, rev);
  if (!result.ok) return { diagnostic: result.diagnostic };
  if (result.affected.all) return { plan, note: `changes since ${rev} affect every host (${displayPath(process.cwd(), result.affected.because)} changed)` };
  const narrowed = narrowPlan(plan, result.affected);
  const owners = ownersOf(narrowed);
  const list = owners.length > 0 ? `: ${owners.join(', ')}` : '';
  return { plan: narrowed, note: `changes since ${rev} affect ${owners.length} host${owners.length === 1 ? '' : 's'}${list}` };
}
