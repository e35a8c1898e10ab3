/**
 * A small command-line option parser for the verbs: long options with or without a value
 * (`--name value` or `--name=value`), short aliases, `--` to end options. Unknown options
 * and missing values are reported as usage errors, never thrown.
 */

export interface OptionSpec {
  /** Long name without dashes. */
  readonly name: string;
  /** Whether the option takes a value. */
  readonly value: boolean;
  /** Other long names or single-letter short names accepted for it. */
  readonly aliases?: readonly string[];
}

export interface ParsedArgs {
  /** Option name → value (`true` for flags); a repeated option keeps its last value. */
  readonly options: Map<string, string | true>;
  readonly positionals: string[];
}

export type ParseResult = { ok: true; args: ParsedArgs } | { ok: false; error: string };

/** Parses `argv` against the option specs. */
export function parseArgs(argv: readonly string[], specs: readonly OptionSpec[]): ParseResult {
  const byName = new Map<string, OptionSpec>();
  for (const s of specs) {
    byName.set(s.name, s);
    for (const a of s.aliases ?? []) byName.set(a, s);
  }
  const options = new Map<string, string | true>();
  const positionals: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    const body = arg.replace(/^--?/, '');
    const eq = body.indexOf('=');
    const key = eq < 0 ? body : body.slice(0, eq);
    const spec = byName.get(key);
    if (!spec) return { ok: false, error: `unknown option '${arg}'` };
    if (!spec.value) {
      if (eq >= 0) return { ok: false, error: `option '--${spec.name}' takes no value` };
      options.set(spec.name, true);
      continue;
    }
    if (eq >= 0) {
      options.set(spec.name, body.slice(eq + 1));
    } else if (i + 1 < argv.length) {
      options.set(spec.name, argv[++i]!);
    } else {
      return { ok: false, error: `option '--${spec.name}' needs a value` };
    }
  }
  return { ok: true, args: { options, positionals } };
}

/** The string value of an option, if given. */
export function stringOption(args: ParsedArgs, name: string): string | undefined {
  const v = args.options.get(name);
  return typeof v === 'string' ? v : undefined;
}

/** True if a flag was given. */
export function flag(args: ParsedArgs, name: string): boolean {
  return args.options.get(name) === true;
}
