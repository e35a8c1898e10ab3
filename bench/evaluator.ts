/**
 * Evaluator benchmark: a generated site (a schema of record types bound to the root, 40
 * component templates with functions, loops and prefixes, one object template per host) is
 * compiled in-process; prints objects per second for a first run (templates parsed and checked)
 * and for later runs (per-process caches warm). Prints numbers only.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { compile } from '../src/pan/compiler.js';
import { median } from './timing.js';

const COMPONENTS = 40;

function write(root: string, rel: string, text: string): void {
  const file = path.join(root, rel);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}

function schema(): string {
  const lines = ['declaration template lib/schema;'];
  for (let i = 0; i < COMPONENTS; i++) {
    lines.push(`type rec_${i} = { 'name' : string 'port' : long(1..65535) = ${1000 + i} 'enabled' : boolean = true 'opts' ? string{} 'list' ? long[] };`);
  }
  lines.push(`type comps = { ${Array.from({ length: COMPONENTS }, (_, i) => `'c${i}' ? rec_${i}`).join(' ')} };`);
  lines.push("type host_t = extensible { 'components' ? comps 'network' : dict 'system' : dict };", "bind '/' = host_t;");
  return lines.join('\n') + '\n';
}

function component(i: number): string {
  return `unique template lib/c${i};
include 'lib/functions';
prefix '/components/c${i}';
'name' = 'component${i}-' + pad(${i}, 4);
'opts' = merge_opts(dict('a', 'x', 'b', 'y'), dict('c', OBJECT));
'list' = { l = list(); for (j = 0; j < 20; j = j + 1) l[j] = j * ${i}; l; };
'enabled' ?= true;
`;
}

/** Writes the site into a new directory; returns it. */
function generateSite(hosts: number): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'panfab-bench-eval-'));
  write(root, 'lib/schema.pan', schema());
  write(root, 'lib/functions.pan', `declaration template lib/functions;
function pad = { s = to_string(ARGV[0]); while (length(s) < ARGV[1]) s = '0' + s; s; };
function merge_opts = { r = dict(); foreach (k; v; ARGV[0]) r[k] = v; foreach (k; v; ARGV[1]) r[k] = v; r; };
`);
  for (let i = 0; i < COMPONENTS; i++) write(root, `lib/c${i}.pan`, component(i));
  const includes = Array.from({ length: COMPONENTS }, (_, i) => `include 'lib/c${i}';`).join('\n');
  write(root, 'lib/base.pan', `template lib/base;
include 'lib/schema';
'/system/packages' = { d = dict(); foreach (i; n; list('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h')) d[n] = dict('version', '1.' + to_string(i)); d; };
${includes}
`);
  for (let h = 0; h < hosts; h++) {
    const name = `node${String(h).padStart(4, '0')}`;
    write(root, `hosts/${name}.pan`, `object template ${name};
variable IP = '10.0.${h >> 8}.${h & 255}';
include 'lib/base';
'/network/hostname' = OBJECT;
'/network/interfaces/eth0' = dict('ip', IP, 'mask', '255.255.255.0');
`);
  }
  return root;
}

async function timeRun(root: string, files: string[]): Promise<number> {
  const start = process.hrtime.bigint();
  const results = await compile({
    files,
    options: { includeDirs: [path.join(root, 'hosts'), root], maxIteration: 10000, maxRecursion: 50, deprecation: 'off' },
  });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const failed = results.filter((r) => r.profile === undefined).length;
  if (failed > 0) throw new Error(`${failed} benchmark objects failed to compile`);
  return seconds;
}

/** Runs the evaluator benchmark. */
export async function benchEvaluator(): Promise<void> {
  const hosts = 500;
  const root = generateSite(hosts);
  try {
    const files = readdirSync(path.join(root, 'hosts')).sort().map((f) => path.join(root, 'hosts', f));
    const first = await timeRun(root, files);
    process.stdout.write(`  ${'first run (parse + check + build)'.padEnd(38)} ${(hosts / first).toFixed(0).padStart(8)} objects/s\n`);
    const warm: number[] = [];
    for (let i = 0; i < 3; i++) warm.push(await timeRun(root, files));
    process.stdout.write(`  ${'warm caches (build + validate)'.padEnd(38)} ${(hosts / median(warm)).toFixed(0).padStart(8)} objects/s\n`);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
