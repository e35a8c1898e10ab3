/**
 * The options of `panfab compile`, named as on panc's command line (with panc's own
 * spellings accepted as aliases), and their translation into compiler options, output
 * formats and the output directory. Invalid values are usage errors.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_COMPILE_OPTIONS, type CompileOptions } from '../pan/compiler-api.js';
import { FORMAT_KEYS, parseFormats, type OutputFormat } from '../output/formats.js';
import { flag, stringOption, type OptionSpec, type ParsedArgs } from './argv.js';

export const COMPILE_OPTION_SPECS: readonly OptionSpec[] = [
  { name: 'formats', value: true },
  { name: 'include-path', value: true },
  { name: 'output-dir', value: true },
  { name: 'max-iteration', value: true },
  { name: 'max-recursion', value: true },
  { name: 'initial-data', value: true },
  { name: 'nthread', value: true },
  { name: 'deprecation-warnings', value: true, aliases: ['warnings'] },
  { name: 'debug', value: false },
  { name: 'debug-include', value: true, aliases: ['debug-ns-include'] },
  { name: 'debug-exclude', value: true, aliases: ['debug-ns-exclude'] },
  { name: 'quiet', value: false, aliases: ['q'] },
  { name: 'help', value: false, aliases: ['h'] },
];

export const COMPILE_USAGE = `usage: panfab compile [options] FILE|DIR|GLOB...

Compiles object templates (files, directories searched for .pan files, or quoted globs) and
writes OUTPUT-DIR/<object name>.<suffix> for each format. Exit status: 0 if every object
compiled, 1 if any failed (failed objects write nothing), 2 on usage errors.

options:
  --formats LIST               comma-separated output formats (default pan,dep):
                               ${FORMAT_KEYS.join(', ')}
  --include-path DIRS          ':'-separated template directories (default: current directory)
  --output-dir DIR             existing directory for the output files (default: current directory)
  --max-iteration N            loop iteration limit per loop (default 10000; <= 0: unlimited)
  --max-recursion N            call depth limit (default 50; <= 0: unlimited)
  --initial-data DML           DML expression giving the dict every profile starts from
  --nthread N                  compile on N threads (default: the machine's cores, at
                               most one per 3,000 files; 1: in this thread only); output
                               never depends on it
  --deprecation-warnings MODE  on, off or fatal (default on; alias --warnings)
  --debug                      enable debug() and traceback() in every template
  --debug-include REGEX        enable them in templates whose name matches REGEX
  --debug-exclude REGEX        ... except those whose name matches REGEX
  -q, --quiet                  print errors only, not warnings
  -h, --help                   show this help
`;

export interface CompileSettings {
  readonly options: CompileOptions;
  readonly formats: OutputFormat[];
  readonly outputDir: string;
  /** Thread count asked for with --nthread; 0 = default (the machine's cores). */
  readonly threads: number;
}

export type SettingsResult = { ok: true; value: CompileSettings } | { ok: false; error: string };

/** Validates the parsed options and builds the settings of a compile run. */
export function resolveCompileSettings(args: ParsedArgs): SettingsResult {
  const formats = parseFormats(stringOption(args, 'formats') ?? 'pan,dep');
  if (!formats.ok) return { ok: false, error: `unknown format(s) ${formats.unknown.join(', ')} (known: ${FORMAT_KEYS.join(', ')})` };
  const includeDirs = (stringOption(args, 'include-path') ?? '.').split(':').filter((d) => d !== '');
  const badDir = includeDirs.find((d) => !isDirectory(d));
  if (badDir !== undefined) return { ok: false, error: `include path must contain only existing directories: ${badDir}` };
  const outputDir = stringOption(args, 'output-dir') ?? '.';
  if (!isDirectory(outputDir)) return { ok: false, error: `${outputDir} must be an existing directory` };
  const numbers = integerOptions(args);
  if (typeof numbers === 'string') return { ok: false, error: numbers };
  const deprecation = stringOption(args, 'deprecation-warnings') ?? 'on';
  if (deprecation !== 'on' && deprecation !== 'off' && deprecation !== 'fatal') {
    return { ok: false, error: '--deprecation-warnings value must be off, on, or fatal' };
  }
  const debug = debugPatterns(args);
  if (typeof debug === 'string') return { ok: false, error: debug };
  const initialData = stringOption(args, 'initial-data');
  const options: CompileOptions = {
    ...DEFAULT_COMPILE_OPTIONS,
    includeDirs: includeDirs.length > 0 ? includeDirs : ['.'],
    maxIteration: numbers.maxIteration,
    maxRecursion: numbers.maxRecursion,
    deprecation,
    ...(initialData !== undefined ? { initialData } : {}),
    ...debug,
  };
  return { ok: true, value: { options, formats: formats.formats, outputDir: path.resolve(outputDir), threads: numbers.nthread } };
}

function integerOptions(args: ParsedArgs): { maxIteration: number; maxRecursion: number; nthread: number } | string {
  const values: Record<string, number> = {};
  const defaults: Record<string, number> = { 'max-iteration': DEFAULT_COMPILE_OPTIONS.maxIteration, 'max-recursion': DEFAULT_COMPILE_OPTIONS.maxRecursion, nthread: 0 };
  for (const name of Object.keys(defaults)) {
    const text = stringOption(args, name);
    if (text === undefined) {
      values[name] = defaults[name]!;
      continue;
    }
    if (!/^[+-]?\d+$/.test(text.trim())) return `--${name} needs an integer, not '${text}'`;
    values[name] = Number.parseInt(text, 10);
  }
  if (values.nthread! < 0) return '--nthread must not be negative';
  return { maxIteration: values['max-iteration']!, maxRecursion: values['max-recursion']!, nthread: values.nthread! };
}

function debugPatterns(args: ParsedArgs): { debugInclude?: RegExp; debugExclude?: RegExp } | string {
  const out: { debugInclude?: RegExp; debugExclude?: RegExp } = {};
  if (flag(args, 'debug')) out.debugInclude = /.*/;
  for (const [name, key] of [['debug-include', 'debugInclude'], ['debug-exclude', 'debugExclude']] as const) {
    const text = stringOption(args, name);
    if (text === undefined) continue;
    try {
      out[key] = new RegExp(text);
    } catch (err) {
      return `--${name}: invalid regular expression: ${err instanceof Error ? err.message : String(err)}`;
    }
  }
  return out;
}

function isDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}
