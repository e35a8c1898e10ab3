/**
 * panfab command-line entry: dispatches to one module per verb (src/cli/<verb>.ts).
 * Each verb module exports `run(args: string[]): Promise<number>` returning the exit code.
 */

type VerbModule = { run(args: string[]): Promise<number>; summary: string };

/** Verb name → loader. Modules are imported lazily so start-up only pays for the verb used. */
const VERBS: Record<string, () => Promise<VerbModule>> = {
  parse: () => import('./parse.js'),
  compile: () => import('./compile.js'),
  merge: () => import('./merge.js'),
  build: () => import('./build.js'),
  lint: () => import('./lint.js'),
  explain: () => import('./explain.js'),
  conformance: () => import('./conformance.js'),
  serve: () => import('./serve.js'),
  plan: () => import('./plan.js'),
  diff: () => import('./diff.js'),
  deploy: () => import('./deploy.js'),
  report: () => import('./report.js'),
};

const VERSION = '0.1.0';

/** Runs the CLI with the given arguments (without `node` and the script) and returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const [verb, ...rest] = argv;
  if (verb === undefined || verb === '-h' || verb === '--help' || verb === 'help') {
    await printHelp();
    return verb === undefined ? 2 : 0;
  }
  if (verb === '--version' || verb === 'version') {
    process.stdout.write(`panfab ${VERSION}\n`);
    return 0;
  }
  const load = VERBS[verb];
  if (!load) {
    process.stderr.write(`panfab: unknown command '${verb}' (see 'panfab --help')\n`);
    return 2;
  }
  const mod = await load();
  return mod.run(rest);
}

async function printHelp(): Promise<void> {
  const lines = ['usage: panfab <command> [options]', '', 'commands:'];
  for (const [name, load] of Object.entries(VERBS)) {
    const mod = await load().catch(() => undefined);
    lines.push(`  ${name.padEnd(12)} ${mod?.summary ?? ''}`);
  }
  lines.push('', "Run 'panfab <command> --help' for the options of a command.");
  process.stdout.write(lines.join('\n') + '\n');
}

export { VERSION };
