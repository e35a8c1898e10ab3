/**
 * Synthetic-site benchmark of `panfab compile` (JSON output): for generated sites of 100, 1,000,
 * 5,000 and 20,000 guests (see site-generator.ts), runs the command as a child process and
 * measures a cold compile (empty build cache), a no-change rebuild (warm cache) and a rebuild
 * after one guest changed, each as wall time, CPU time (user + system of the child) and peak
 * resident memory (from /usr/bin/time); plus start-up on one trivial object template. Prints a
 * table and writes the numbers to bench/results/sites.json. Numbers only, no assertions.
 *
 * Options (after the section name): --sizes 100,1000 (guests), --runs N (medians of N runs,
 * default 3; the 20,000-guest site runs once), --nthread N (passed to compile), --dir DIR
 * (where the sites and their outputs are written; default: /dev/shm when the machine has that
 * memory-backed directory, so the numbers are the compiler's rather than the disk's; else the
 * system's temporary directory).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { changedGuestText, generateSyntheticSite, type GeneratedSite } from './site-generator.js';
import { median, repoRoot } from './timing.js';

/** One run of the command. */
interface Measure {
  readonly wall: number;
  readonly cpu: number;
  readonly rssMB: number;
}

interface SizeResult {
  readonly guests: number;
  readonly objects: number;
  readonly cold: Measure;
  readonly profilesPerSecond: number;
  readonly noChange: Measure;
  readonly oneChanged: Measure;
}

const DEFAULT_SIZES = [100, 1000, 5000, 20000];
const TIME = '/usr/bin/time';

/** Runs the benchmark with the section's command-line options. */
export async function benchSites(args: readonly string[] = []): Promise<void> {
  const sizes = listOption(args, '--sizes') ?? DEFAULT_SIZES;
  const runs = Number(option(args, '--runs') ?? 3);
  const nthread = option(args, '--nthread');
  const extra = nthread !== undefined ? ['--nthread', nthread] : [];
  const base = option(args, '--dir') ?? defaultBase();
  // Other processes' load changes wall times (not CPU times): say what it was.
  const loadAtStart = os.loadavg();
  process.stdout.write(`  load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')} on ${os.cpus().length} cores; sites in ${base}\n`);
  const startup = measureStartup(base, Math.max(runs, 5));
  process.stdout.write(`  start-up, one trivial object template: ${startup.wall.toFixed(3)} s wall, ${startup.cpu.toFixed(3)} s CPU, ${startup.rssMB.toFixed(0)} MB\n`);
  const results: SizeResult[] = [];
  for (const guests of sizes) {
    const result = measureSite(base, guests, guests >= 20000 ? 1 : runs, extra);
    results.push(result);
    process.stdout.write(row(result) + '\n');
  }
  process.stdout.write('\n' + table(results));
  writeResults({ node: process.version, cpus: os.cpus().length, memoryGB: Math.round(os.totalmem() / 2 ** 30), loadAverageAtStart: loadAtStart, loadAverageAtEnd: os.loadavg(), nthread: nthread ?? 'default', startup, sites: results });
}

/** /dev/shm when it exists and is writable, else the system's temporary directory. */
function defaultBase(): string {
  try {
    accessSync('/dev/shm', constants.W_OK);
    return '/dev/shm';
  } catch {
    return os.tmpdir();
  }
}

function option(args: readonly string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

function listOption(args: readonly string[], name: string): number[] | undefined {
  return option(args, name)?.split(',').map(Number);
}

function panfab(): string {
  return path.join(repoRoot(), 'bin', 'panfab.js');
}

/** Runs `panfab compile ARGS` in `cwd` and measures it; throws when it fails. */
function measure(cwd: string, args: readonly string[]): Measure {
  const report = path.join(os.tmpdir(), `panfab-bench-time-${process.pid}.txt`);
  const command = [process.execPath, panfab(), 'compile', ...args];
  const useTime = existsSync(TIME);
  const start = process.hrtime.bigint();
  const child = useTime
    ? spawnSync(TIME, ['-f', '%e %U %S %M', '-o', report, ...command], { cwd, encoding: 'utf8', maxBuffer: 1 << 28 })
    : spawnSync(command[0]!, command.slice(1), { cwd, encoding: 'utf8', maxBuffer: 1 << 28 });
  const wall = Number(process.hrtime.bigint() - start) / 1e9;
  if (child.status !== 0) throw new Error(`panfab compile failed (${child.status}): ${(child.stderr ?? '').slice(0, 2000)}`);
  if (!useTime) return { wall, cpu: NaN, rssMB: NaN };
  const [, user, sys, rssKB] = readFileSync(report, 'utf8').trim().split('\n').pop()!.split(' ').map(Number);
  rmSync(report, { force: true });
  return { wall, cpu: user! + sys!, rssMB: rssKB! / 1024 };
}

function medianOf(samples: readonly Measure[]): Measure {
  return { wall: median(samples.map((s) => s.wall)), cpu: median(samples.map((s) => s.cpu)), rssMB: median(samples.map((s) => s.rssMB)) };
}

function measureStartup(base: string, runs: number): Measure {
  const dir = mkdtempSync(path.join(base, 'panfab-bench-startup-'));
  try {
    writeFileSync(path.join(dir, 't.pan'), "object template t;\n'/a' = 1;\n");
    const samples = Array.from({ length: runs }, () => measure(dir, ['--no-cache', '--formats', 'json', 't.pan']));
    return medianOf(samples);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function measureSite(base: string, guests: number, runs: number, extra: readonly string[]): SizeResult {
  const dir = mkdtempSync(path.join(base, `panfab-bench-sites-${guests}-`));
  try {
    const site = generateSyntheticSite(dir, guests);
    const args = [...extra, '--include-path', 'templates:profiles', '--formats', 'json', '--output-dir', 'out', 'profiles'];
    const cold: Measure[] = [];
    const noChange: Measure[] = [];
    const oneChanged: Measure[] = [];
    for (let r = 0; r < runs; r++) {
      resetOutputs(site);
      cold.push(measure(dir, args));
      noChange.push(measure(dir, args));
      changeOneGuest(site, r);
      oneChanged.push(measure(dir, args));
    }
    checkOutputs(site);
    const c = medianOf(cold);
    return { guests, objects: site.objects.length, cold: c, profilesPerSecond: site.objects.length / c.wall, noChange: medianOf(noChange), oneChanged: medianOf(oneChanged) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function resetOutputs(site: GeneratedSite): void {
  rmSync(path.join(site.dir, 'out'), { recursive: true, force: true });
  rmSync(path.join(site.dir, '.panfab'), { recursive: true, force: true });
  mkdirSync(path.join(site.dir, 'out'));
}

/** Edits the guest in the middle of the site (a different value on every run). */
function changeOneGuest(site: GeneratedSite, generation: number): void {
  const name = site.guests[Math.floor(site.guests.length / 2)]!;
  const file = path.join(site.profilesDir, `${name}.pan`);
  writeFileSync(file, changedGuestText(readFileSync(file, 'utf8'), generation));
}

/** Every object has its JSON profile (the benchmark measures successful compiles only). */
function checkOutputs(site: GeneratedSite): void {
  const missing = site.objects.filter((o) => !existsSync(path.join(site.dir, 'out', `${o}.json`)));
  if (missing.length > 0) throw new Error(`${missing.length} profiles missing, e.g. ${missing[0]}`);
}

function row(r: SizeResult): string {
  return `  ${r.guests} guests (${r.objects} objects): cold ${r.cold.wall.toFixed(2)} s, no change ${r.noChange.wall.toFixed(2)} s, one changed ${r.oneChanged.wall.toFixed(2)} s`;
}

function table(results: readonly SizeResult[]): string {
  const head = ['guests', 'objects', 'cold wall s', 'cold CPU s', 'peak RSS MB', 'profiles/s', 'no-change s', 'no-change MB', 'one-changed s', 'one-changed MB'];
  const rows = results.map((r) => [
    String(r.guests),
    String(r.objects),
    r.cold.wall.toFixed(2),
    r.cold.cpu.toFixed(2),
    r.cold.rssMB.toFixed(0),
    r.profilesPerSecond.toFixed(0),
    r.noChange.wall.toFixed(3),
    r.noChange.rssMB.toFixed(0),
    r.oneChanged.wall.toFixed(3),
    r.oneChanged.rssMB.toFixed(0),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: readonly string[]): string => '  ' + cells.map((c, i) => c.padStart(widths[i]!)).join('  ') + '\n';
  return line(head) + line(widths.map((w) => '-'.repeat(w))) + rows.map(line).join('');
}

function writeResults(data: unknown): void {
  const dir = path.join(repoRoot(), 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'sites.json');
  writeFileSync(file, JSON.stringify({ measured: new Date().toISOString(), commit: gitHead(), ...(data as object) }, null, 2) + '\n');
  process.stdout.write(`\n  written to ${path.relative(process.cwd(), file)}\n`);
}

function gitHead(): string | null {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: repoRoot(), encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}
