/**
 * Parser benchmark: throughput of lexing + parsing (text → AST with spans, `parseTemplate`) in
 * MB/s and lines/s, over the whole conformance tree and over a generated file of realistic Pan
 * of at least 5 MB. Also prints the throughput of the scanner alone, and of the chevrotain parser
 * with error recovery, which `parseTemplate` uses only for files with errors. Prints numbers only.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { Scanner } from '../grammar/scanner.js';
import { parseTemplate } from '../src/syntax/parse.js';
import { generatePan } from './generate-pan.js';
import { median, repoRoot, type Sample } from './timing.js';

interface Input {
  readonly file: string;
  readonly text: string;
}

function panFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((n) => {
      const full = path.join(dir, n);
      return statSync(full).isDirectory() ? panFiles(full) : n.endsWith('.pan') ? [full] : [];
    });
}

function countLines(inputs: readonly Input[]): number {
  let lines = 0;
  for (const { text } of inputs) lines += text.split(/\r\n|\r|\n/).length;
  return lines;
}

/** Times `pass` over the inputs `rounds` times (after one warm-up pass). */
function measure(inputs: readonly Input[], rounds: number, pass: (input: Input) => void): Sample[] {
  const samples: Sample[] = [];
  for (let round = 0; round <= rounds; round++) {
    const start = process.hrtime.bigint();
    for (const input of inputs) pass(input);
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    if (round > 0) samples.push({ seconds });
  }
  return samples;
}

function report(label: string, inputs: readonly Input[], samples: readonly Sample[]): void {
  const bytes = inputs.reduce((n, i) => n + Buffer.byteLength(i.text, 'utf8'), 0);
  const lines = countLines(inputs);
  const seconds = samples.map((s) => s.seconds);
  const best = Math.min(...seconds);
  const typical = median(seconds);
  const mbs = (t: number) => (bytes / 1e6 / t).toFixed(1);
  const lps = (t: number) => Math.round(lines / t).toLocaleString('en-US');
  process.stdout.write(
    `  ${label.padEnd(34)} ${(bytes / 1e6).toFixed(2).padStart(6)} MB ${String(lines).padStart(8)} lines` +
      `  median ${mbs(typical).padStart(6)} MB/s ${lps(typical).padStart(11)} lines/s` +
      `  best ${mbs(best).padStart(6)} MB/s\n`,
  );
}

function parse(input: Input): void {
  const result = parseTemplate(input.text, input.file);
  if (result.diagnostics.some((d) => d.code === 'PF901')) throw new Error(`internal error parsing ${input.file}`);
}

function parseWithRecovery(input: Input): void {
  const result = parseTemplate(input.text, input.file, 'recovering-only');
  if (result.diagnostics.some((d) => d.code === 'PF901')) throw new Error(`internal error parsing ${input.file}`);
}

function scan(input: Input): void {
  const scanner = new Scanner(input.text);
  while (scanner.nextChunk().length > 0);
}

/** Runs the parser benchmark and prints its results. */
export async function benchParser(): Promise<void> {
  const conformanceDir = path.join(repoRoot(), '..', 'shared', 'conformance', 'panc');
  const conformance = panFiles(conformanceDir).map((file) => ({ file, text: readFileSync(file, 'utf8') }));
  const generated = [{ file: 'bench/generated.pan', text: generatePan(5_000_000) }];
  process.stdout.write(`  (${conformance.length} conformance files; generated file: types, binds, functions, nested DML, prefix blocks)\n`);
  report('parse: conformance tree (x20)', conformance, measure(conformance, 20, parse));
  report('parse: generated file', generated, measure(generated, 5, parse));
  report('scan only: conformance tree (x20)', conformance, measure(conformance, 20, scan));
  report('scan only: generated file', generated, measure(generated, 5, scan));
  report('chevrotain parser: generated file', generated, measure(generated, 3, parseWithRecovery));
}
