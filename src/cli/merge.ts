/**
 * `panfab merge`: combines the output directories of sharded compiles (`compile --shard i/n`)
 * into one. Every file below each shard directory (hidden entries skipped) is copied to the
 * same relative path in the output directory. A file present in several shards (an object read
 * by objects of several shards is compiled by each) must have the same bytes everywhere;
 * otherwise it is a conflict: reported, not written, exit 1. Exit 2 on usage errors.
 */
import { copyFileSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync } from 'node:fs';
import path from 'node:path';
import { flag, parseArgs, stringOption, type OptionSpec } from './argv.js';

export const summary = 'merge the output directories of sharded compiles (compile --shard i/n)';

const SPECS: readonly OptionSpec[] = [
  { name: 'output-dir', value: true, aliases: ['o'] },
  { name: 'help', value: false, aliases: ['h'] },
];

const USAGE = `usage: panfab merge --output-dir DIR SHARD-DIR...

Copies the files of every SHARD-DIR (output directories of 'panfab compile --shard I/N') into
DIR, which is created if needed. A file found in several shards must be identical in each;
a conflict is reported and that file is not written. Exit status: 0 when merged, 1 on
conflicts or unreadable files, 2 on usage errors.

options:
  -o, --output-dir DIR   the merged output directory
  -h, --help             show this help
`;

/** Runs the verb with its arguments and returns the exit code. */
export async function run(argv: string[]): Promise<number> {
  const parsed = parseArgs(argv, SPECS);
  if (!parsed.ok) return usageError(parsed.error);
  if (flag(parsed.args, 'help')) {
    process.stdout.write(USAGE);
    return 0;
  }
  const outputDir = stringOption(parsed.args, 'output-dir');
  if (outputDir === undefined) return usageError('--output-dir is required');
  const shards = parsed.args.positionals;
  if (shards.length === 0) return usageError('no shard directories given');
  const notDir = shards.find((d) => !isDirectory(d));
  if (notDir !== undefined) return usageError(`${notDir} is not a directory`);
  const problems = mergeShards(shards, outputDir);
  for (const p of problems) process.stderr.write(`panfab merge: ${p}\n`);
  return problems.length > 0 ? 1 : 0;
}

function usageError(message: string): number {
  process.stderr.write(`panfab merge: ${message}\n(see 'panfab merge --help')\n`);
  return 2;
}

/** Copies every shard's files into `outputDir`; returns the conflicts and errors, in order. */
export function mergeShards(shards: readonly string[], outputDir: string): string[] {
  const origin = new Map<string, string>();
  const conflicts = new Set<string>();
  const problems: string[] = [];
  for (const shard of shards) {
    for (const rel of filesBelow(shard)) {
      const source = path.join(shard, rel);
      const first = origin.get(rel);
      if (first === undefined) {
        origin.set(rel, source);
        continue;
      }
      if (!conflicts.has(rel) && !sameBytes(first, source)) {
        conflicts.add(rel);
        problems.push(`conflict: ${rel} differs between ${first} and ${source}`);
      }
    }
  }
  for (const [rel, source] of [...origin].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
    if (conflicts.has(rel)) continue;
    try {
      copyInto(source, path.join(outputDir, rel));
    } catch (err) {
      problems.push(`cannot write ${path.join(outputDir, rel)}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  return problems;
}

/** Relative paths of the files below a directory (hidden entries skipped), sorted. */
function filesBelow(dir: string, rel = ''): string[] {
  const out: string[] = [];
  const entries = readdirSync(path.join(dir, rel), { withFileTypes: true }).filter((e) => !e.name.startsWith('.'));
  for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const child = rel === '' ? e.name : path.join(rel, e.name);
    if (e.isDirectory()) out.push(...filesBelow(dir, child));
    else if (e.isFile()) out.push(child);
  }
  return out;
}

function sameBytes(a: string, b: string): boolean {
  return statSync(a).size === statSync(b).size && readFileSync(a).equals(readFileSync(b));
}

function copyInto(source: string, target: string): void {
  mkdirSync(path.dirname(target), { recursive: true });
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.merge.tmp`);
  copyFileSync(source, temporary);
  renameSync(temporary, target);
}

function isDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}
