/**
 * What `plan`/`diff` and `deploy` share on the command line: their options (the site flags of
 * `build`, `--from`, the deployed tree, report format and colour), finding the site
 * configuration when it is needed, producing the generated artifacts (built, or read with
 * `--from`), and printing diagnostics to stderr.
 */
import { compareDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import { formatHuman, formatJson } from '../diagnostics/format.js';
import { CONFIG_FIELDS } from '../site/config-fields.js';
import { loadSiteConfig, type SiteConfig } from '../site/config.js';
import { stringOption, type OptionSpec, type ParsedArgs } from './argv.js';
import { buildSiteArtifacts, loadFromTree, type GeneratedOutcome } from './generated-input.js';

/** Options common to both verbs: one flag per panfab.json key, then their own. */
export const COMMON_SPECS: readonly OptionSpec[] = [
  ...CONFIG_FIELDS.map((f) => ({ name: f.flag, value: true })),
  { name: 'from', value: true },
  { name: 'format', value: true },
  { name: 'color', value: true },
  { name: 'quiet', value: false, aliases: ['q'] },
  { name: 'help', value: false, aliases: ['h'] },
];

/** Help lines of the options common to both verbs. */
export function commonOptionsHelp(): string {
  const site = CONFIG_FIELDS.map((f) => `  --${`${f.flag} VALUE`.padEnd(28)} ${f.help}`);
  return [
    '  --from OUT                     take the artifacts from a generated tree (tftpboot/, ipxe/,',
    '                                 ks/, xen/) instead of building the site',
    '  --format human|json            report format (default human)',
    '  --color auto|always|never      colour the human report (default: on a terminal)',
    '  -q, --quiet                    only errors',
    '  -h, --help                     show this help',
    '',
    'site options, as for build (each also a key of panfab.json; flags win over the file):',
    ...site,
  ].join('\n') + '\n';
}

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

/** What a verb works on: the deployed tree, the generated artifacts, and the site when one was read. */
export type Inputs =
  | { ok: true; root: string; config?: SiteConfig; generated: GeneratedOutcome; configDiagnostics: Diagnostic[] }
  | { ok: false; diagnostics: Diagnostic[]; usage?: string };

export interface InputRequest {
  readonly args: ParsedArgs;
  /** The deployed tree named on the command line, if any. */
  readonly root: string | undefined;
  readonly quiet: boolean;
  /** Whether the site configuration is needed even with --from and a deployed tree. */
  readonly needConfig: boolean;
  readonly changedSince?: string;
}

/**
 * Reads the site configuration when needed (no `--from`, no deployed tree named, or
 * `needConfig`), then produces the generated artifacts.
 */
export async function gatherInputs(req: InputRequest): Promise<Inputs> {
  const from = stringOption(req.args, 'from');
  if (req.args.positionals.length > 1) return { ok: false, diagnostics: [], usage: 'at most one site directory' };
  let config: SiteConfig | undefined;
  const configDiagnostics: Diagnostic[] = [];
  if (from === undefined || req.root === undefined || req.needConfig) {
    const flags = new Map<string, string>();
    for (const f of CONFIG_FIELDS) {
      const v = stringOption(req.args, f.flag);
      if (v !== undefined) flags.set(f.flag, v);
    }
    const siteDir = req.args.positionals[0];
    const loaded = loadSiteConfig({ ...(siteDir !== undefined ? { siteDir } : {}), flags });
    if (!loaded.config) return { ok: false, diagnostics: loaded.diagnostics };
    config = loaded.config;
    configDiagnostics.push(...loaded.diagnostics);
  }
  const root = req.root ?? config!.deployedDir;
  const generated = from !== undefined ? await loadFromTree(from) : await buildSiteArtifacts(config!, req.quiet, req.changedSince);
  return { ok: true, root, ...(config ? { config } : {}), generated, configDiagnostics };
}

/** Prints diagnostics to stderr in the human format (only errors when quiet). */
export function printDiagnostics(diagnostics: readonly Diagnostic[], quiet: boolean): void {
  const color = process.stderr.isTTY === true && process.env.NO_COLOR === undefined;
  for (const d of [...diagnostics].sort(compareDiagnostics)) {
    if (quiet && d.severity !== 'error') continue;
    process.stderr.write(formatHuman(d, { color }) + '\n');
  }
}

/** Reports diagnostics that stop a verb: JSON on stdout with --format json, else human on stderr. Returns 1. */
export function reportFailure(verb: string, format: OutputFormat, quiet: boolean, diagnostics: readonly Diagnostic[], notes: readonly string[] = []): number {
  if (format === 'json') {
    process.stdout.write(formatJson([...diagnostics].sort(compareDiagnostics)));
  } else {
    printDiagnostics(diagnostics, quiet);
    for (const note of notes) process.stderr.write(`panfab ${verb}: ${note}\n`);
  }
  return 1;
}

/** Writes a usage error and returns exit code 1 (2 is reserved for "changes" by plan). */
export function usageError(verb: string, message: string): number {
  process.stderr.write(`panfab ${verb}: ${message}\n(see 'panfab ${verb} --help')\n`);
  return 1;
}
