/**
 * Entry point of `npm run bench`: runs the benchmark sections in order and prints their numbers
 * (no assertions). Each section is a module `bench/<name>.ts` exporting an async function; add
 * new sections to SECTIONS. `node dist/bench/run.js parser` runs only the named sections;
 * options after the names go to the sections (`node dist/bench/run.js sites --sizes 100,1000`).
 */

interface Section {
  readonly name: string;
  readonly title: string;
  readonly run: (options: readonly string[]) => Promise<void>;
}

const SECTIONS: readonly Section[] = [
  { name: 'parser', title: 'lexing + parsing', run: async () => (await import('./parser.js')).benchParser() },
  { name: 'builtins', title: 'pure built-in functions', run: async () => (await import('./builtins.js')).benchBuiltins() },
  { name: 'evaluator', title: 'object builds (evaluator)', run: async () => (await import('./evaluator.js')).benchEvaluator() },
  { name: 'site', title: 'whole site: build, lint, lint --changed-since', run: async () => (await import('./site.js')).benchSite() },
  { name: 'artifacts', title: 'artifacts: render a 1,000-guest site model', run: async () => (await import('./artifacts.js')).benchArtifacts() },
  { name: 'serve', title: 'install server under load (autocannon, loopback)', run: async () => (await import('./serve.js')).benchServe() },
  { name: 'report', title: 'site report: 5,000-guest site, page rendered in headless Chromium', run: async () => (await import('./report.js')).benchReport() },
  { name: 'sites', title: 'synthetic sites: panfab compile cold, no-change and one-changed rebuilds', run: async (o) => (await import('./site-bench.js')).benchSites(o) },
];

async function main(argv: readonly string[]): Promise<number> {
  // Section names come first; everything from the first option on goes to the sections.
  const firstOption = argv.findIndex((a) => a.startsWith('--'));
  const args = firstOption < 0 ? argv : argv.slice(0, firstOption);
  const options = firstOption < 0 ? [] : argv.slice(firstOption);
  const unknown = args.filter((a) => !SECTIONS.some((s) => s.name === a));
  if (unknown.length > 0) {
    process.stderr.write(`bench: unknown section(s) ${unknown.join(', ')}; known: ${SECTIONS.map((s) => s.name).join(', ')}\n`);
    return 2;
  }
  const selected = args.length === 0 ? SECTIONS : SECTIONS.filter((s) => args.includes(s.name));
  process.stdout.write(`panfab benchmarks (node ${process.version}, ${process.platform}/${process.arch})\n`);
  for (const section of selected) {
    process.stdout.write(`\n[${section.name}] ${section.title}\n`);
    await section.run(options);
  }
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`bench: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 1;
  },
);
