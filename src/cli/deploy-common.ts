/**
 * What `plan`/`diff` and `deploy` share on the command line: the options naming the generated
 * artifacts and the deployed tree, the colour choice, loading the generated set, and printing
 * diagnostics to stderr.
 */
import { compareDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import { formatHuman } from '../diagnostics/format.js';
import { loadGeneratedTree } from '../deploy/load-tree.js';
import type { GeneratedInput } from '../deploy/session.js';
import { stringOption, type OptionSpec, type ParsedArgs } from './argv.js';

/** Options common to both verbs. */
export const COMMON_SPECS: readonly OptionSpec[] = [
  { name: 'from', value: true },
  { name: 'format', value: true },
  { name: 'color', value: true },
  { name: 'quiet', value: false, aliases: ['q'] },
  { name: 'help', value: false, aliases: ['h'] },
];

export type OutputFormat = 'human' | 'json';

/** The `--format` value, or an error text. */
export function outputFormat(args: ParsedArgs): OutputFormat | { error: string } {
  const f = stringOption(args, 'format') ?? 'human';
  return f === 'human' || f === 'json' ? f : { error: `unknown format '${f}' (human or json)` };
}

/** Whether to colour output on `stream`: `--color always|never|auto` (auto: a terminal and no NO_COLOR). */
export function useColor(args: ParsedArgs, stream: NodeJS.WriteStream): boolean | { error: string } {
  const when = stringOption(args, 'color') ?? 'auto';
  if (when === 'always') return true;
  if (when === 'never') return false;
  if (when !== 'auto') return { error: `unknown --color value '${when}' (auto, always or never)` };
  return stream.isTTY === true && process.env.NO_COLOR === undefined;
}

/** Loads the generated artifact set named by the options. */
export async function loadGenerated(args: ParsedArgs): Promise<{ input?: GeneratedInput; diagnostics: Diagnostic[] }> {
  const from = stringOption(args, 'from');
  if (from === undefined) return { diagnostics: [] };
  const tree = await loadGeneratedTree(from);
  return { input: { generated: tree.generated, inferred: tree.inferred }, diagnostics: tree.diagnostics };
}

/** Prints diagnostics to stderr in the human format (only errors when quiet). */
export function printDiagnostics(diagnostics: readonly Diagnostic[], quiet: boolean): void {
  const color = process.stderr.isTTY === true && process.env.NO_COLOR === undefined;
  for (const d of [...diagnostics].sort(compareDiagnostics)) {
    if (quiet && d.severity !== 'error') continue;
    process.stderr.write(formatHuman(d, { color }) + '\n');
  }
}

/** Writes a usage error and returns exit code 1 (2 is reserved for "changes" by plan). */
export function usageError(verb: string, message: string): number {
  process.stderr.write(`panfab ${verb}: ${message}\n(see 'panfab ${verb} --help')\n`);
  return 1;
}
