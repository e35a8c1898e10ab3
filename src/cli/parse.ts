/**
 * `panfab parse FILE|DIR...`: checks the syntax of Pan templates (no evaluation). Directories are
 * searched recursively for `*.pan` and `*.tpl` files (sorted, hidden entries skipped). Every
 * diagnostic is printed, in the human format on stderr (colour on a TTY) or as one JSON document
 * on stdout (`--format json`). Exit 0 when no file has an error, 1 otherwise, 2 on usage errors.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { compareDiagnostics, diagnostic, hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import { formatHuman, formatJson } from '../diagnostics/format.js';
import { parseTemplate } from '../syntax/parse.js';
import { flag, parseArgs, stringOption } from './argv.js';

export const summary = 'check the syntax of Pan templates (files or directories)';

const USAGE = `usage: panfab parse [options] FILE|DIR...

Checks the syntax of Pan templates without evaluating them. Directories are searched
recursively for *.pan and *.tpl files. Every problem is reported with its location.

options:
  --format human|json   output format (default human, on stderr; json goes to stdout)
  -h, --help            show this help

exit status: 0 no errors, 1 some file has an error, 2 usage error
`;

const OPTIONS = [
  { name: 'format', value: true },
  { name: 'help', value: false, aliases: ['h'] },
];

/** Runs the verb with its arguments and returns the exit code. */
export async function run(argv: string[]): Promise<number> {
  const parsed = parseArgs(argv, OPTIONS);
  if (!parsed.ok) return usageError(parsed.error);
  if (flag(parsed.args, 'help')) {
    process.stdout.write(USAGE);
    return 0;
  }
  const format = stringOption(parsed.args, 'format') ?? 'human';
  if (format !== 'human' && format !== 'json') return usageError(`unknown format '${format}' (expected human or json)`);
  if (parsed.args.positionals.length === 0) return usageError('no files or directories given');
  const inputs = templateFiles(parsed.args.positionals);
  if (inputs.missing.length > 0) return usageError(`no such file or directory: ${inputs.missing.join(', ')}`);
  if (inputs.files.length === 0) return usageError('no .pan or .tpl files found in the given directories');

  const { diagnostics, sources } = checkFiles(inputs.files);
  if (format === 'json') {
    process.stdout.write(formatJson(diagnostics));
  } else {
    report(diagnostics, sources, inputs.files.length);
  }
  return hasErrors(diagnostics) ? 1 : 0;
}

function usageError(message: string): number {
  process.stderr.write(`panfab parse: ${message}\n(see 'panfab parse --help')\n`);
  return 2;
}

/** Parses every file; keeps the text of files with diagnostics for the excerpts. */
function checkFiles(files: readonly string[]): { diagnostics: Diagnostic[]; sources: Map<string, string> } {
  const diagnostics: Diagnostic[] = [];
  const sources = new Map<string, string>();
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      diagnostics.push(diagnostic('PF900', `cannot read ${file}: ${reason}`));
      continue;
    }
    const result = parseTemplate(text, file);
    if (result.diagnostics.length > 0) {
      sources.set(file, text);
      diagnostics.push(...result.diagnostics);
    }
  }
  diagnostics.sort(compareDiagnostics);
  return { diagnostics, sources };
}

function report(diagnostics: readonly Diagnostic[], sources: Map<string, string>, fileCount: number): void {
  if (diagnostics.length === 0) return;
  const color = process.stderr.isTTY === true && process.env['NO_COLOR'] === undefined;
  const lookup = (file: string) => sources.get(file);
  const blocks = diagnostics.map((d) => formatHuman(d, { color, sources: lookup }));
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const failedFiles = new Set(diagnostics.filter((d) => d.severity === 'error').map((d) => d.span?.file ?? '')).size;
  const tally = `${errors} error${errors === 1 ? '' : 's'} in ${failedFiles} of ${fileCount} file${fileCount === 1 ? '' : 's'}`;
  process.stderr.write(blocks.join('\n') + '\n' + tally + '\n');
}

/** Expands arguments: files as given, directories recursively (`*.pan`, `*.tpl`), sorted, no duplicates. */
function templateFiles(args: readonly string[]): { files: string[]; missing: string[] } {
  const files = new Set<string>();
  const missing: string[] = [];
  for (const arg of args) {
    const kind = kindOf(arg);
    if (kind === 'file') files.add(arg);
    else if (kind === 'directory') for (const f of templatesUnder(arg)) files.add(f);
    else missing.push(arg);
  }
  return { files: [...files].sort(), missing };
}

function kindOf(p: string): 'file' | 'directory' | undefined {
  try {
    const s = statSync(p);
    return s.isDirectory() ? 'directory' : s.isFile() ? 'file' : undefined;
  } catch {
    return undefined;
  }
}

function templatesUnder(dir: string): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true }).filter((e) => !e.name.startsWith('.'));
  } catch {
    return [];
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const out: string[] = [];
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    const kind = entry.isSymbolicLink() ? kindOf(full) : entry.isDirectory() ? 'directory' : entry.isFile() ? 'file' : undefined;
    if (kind === 'directory') out.push(...templatesUnder(full));
    else if (kind === 'file' && (entry.name.endsWith('.pan') || entry.name.endsWith('.tpl'))) out.push(full);
  }
  return out;
}
