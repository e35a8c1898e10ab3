/**
 * Whole-site benchmark: the example site's templates with a generated fleet (Xen hosts with
 * ten guests each, on a /16 network), run through the site pipeline in-process: a full build
 * (compile, model, checks, outputs rendered and written), a full lint with warm caches, and
 * `lint --changed-since` after a structure template that only guests create has changed
 * (in a temporary git repository). Prints objects per second and seconds. Prints numbers only.
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadSiteConfig } from '../src/site/config.js';
import { stageBuildOutputs, writeBuildOutputs } from '../src/site/outputs.js';
import { runSitePipeline, type SiteRun } from '../src/site/pipeline.js';
import { repoRoot } from './timing.js';

const GUESTS_PER_HOST = 10;

function hex(n: number, width: number): string {
  return n.toString(16).padStart(width, '0');
}

/** The example site with `hosts` generated Xen hosts and their guests instead of its own hosts. */
export function generateSite(hosts: number): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'panfab-bench-site-'));
  cpSync(path.join(repoRoot(), 'profiles'), dir, { recursive: true });
  rmSync(path.join(dir, 'site', 'hosts'), { recursive: true });
  mkdirSync(path.join(dir, 'site', 'hosts'));
  const siteConfig = path.join(dir, 'site', 'config', 'site.pan');
  const text = readFileSync(siteConfig, 'utf8').replace("'192.0.2.1'", "'10.0.0.1'").replace("SITE_NETMASK = '255.255.255.0'", "SITE_NETMASK = '255.255.0.0'");
  writeFileSync(siteConfig, text);
  writeFileSync(path.join(dir, 'panfab.json'), JSON.stringify({ outputDir: 'out', installServer: { baseUrl: 'http://install.example.org' } }));
  for (let h = 0; h < hosts; h++) {
    const host = `xen${String(h).padStart(4, '0')}.example.org`;
    writeFileSync(path.join(dir, 'site', 'hosts', `${host}.pan`), `object template ${host};
variable XEN_HOST_IP = '10.0.${h >> 7}.${(h & 127) + 1}';
variable XEN_HOST_PRIVATE_IP = '10.10.${h >> 7}.${(h & 127) + 1}';
variable XEN_HOST_MACS = list('a0:36:9f:${hex(h >> 8, 2)}:${hex(h & 255, 2)}:01', 'a0:36:9f:${hex(h >> 8, 2)}:${hex(h & 255, 2)}:02');
variable HOST_CORES = 32;
variable HOST_RAM_MB = 131072;
include 'roles/xen_host';
`);
    for (let g = 0; g < GUESTS_PER_HOST; g++) {
      const n = h * GUESTS_PER_HOST + g;
      const guest = `vm${String(n).padStart(5, '0')}.example.org`;
      writeFileSync(path.join(dir, 'site', 'hosts', `${guest}.pan`), `object template ${guest};
variable GUEST_HOST = '${host}';
variable GUEST_TYPE = 'pv';
variable GUEST_BOOT = 'direct-kernel';
variable GUEST_MEMORY = 4096;
variable GUEST_VCPUS = 2;
variable GUEST_IP = '10.0.${100 + (n >> 7)}.${(n & 127) + 1}';
variable GUEST_MAC = '00:16:3e:${hex(n >> 16, 2)}:${hex((n >> 8) & 255, 2)}:${hex(n & 255, 2)}';
variable GUEST_UUID = '6f1c2b3a-0c4d-4e5f-8a9b-${hex(n, 12)}';
variable GUEST_DISK_GB = 40;
include 'roles/guest';
include 'services/wn';
`);
    }
  }
  return dir;
}

async function timed(f: () => Promise<SiteRun>): Promise<{ run: SiteRun; seconds: number }> {
  const start = process.hrtime.bigint();
  const run = await f();
  return { run, seconds: Number(process.hrtime.bigint() - start) / 1e9 };
}

function line(label: string, objects: number, seconds: number): void {
  process.stdout.write(`  ${label.padEnd(44)} ${(objects / seconds).toFixed(0).padStart(8)} objects/s ${seconds.toFixed(2).padStart(8)} s\n`);
}

function failIfErrors(run: SiteRun): void {
  const errors = run.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new Error(`benchmark site has ${errors.length} errors, first: ${errors[0]!.code} ${errors[0]!.message}`);
}

/** Runs the site benchmark. */
export async function benchSite(): Promise<void> {
  const hosts = 40;
  const dir = generateSite(hosts);
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  const previousDir = process.cwd();
  process.chdir(dir);
  try {
    const { config } = loadSiteConfig({ siteDir: dir, cwd: dir });
    if (config === undefined) throw new Error('benchmark site configuration is invalid');
    const objects = hosts * (GUESTS_PER_HOST + 1);
    const build = await timed(async () => {
      const run = await runSitePipeline({ config });
      failIfErrors(run);
      await writeBuildOutputs(config.outputDir, stageBuildOutputs(run, dir));
      return run;
    });
    line(`build, cold (${objects} objects)`, objects, build.seconds);
    const lint = await timed(() => runSitePipeline({ config }));
    failIfErrors(lint.run);
    line('lint, warm caches', objects, lint.seconds);
    git('init', '-q');
    writeFileSync(path.join(dir, '.gitignore'), 'out/\n');
    git('add', '.');
    git('-c', 'user.name=bench', '-c', 'user.email=bench@example.org', 'commit', '-q', '-m', 'site');
    appendFileSync(path.join(dir, 'site', 'struct', 'lvm_disk.pan'), '\n');
    const changed = await timed(() => runSitePipeline({ config, changedSince: 'HEAD' }));
    failIfErrors(changed.run);
    line(`lint --changed-since (${changed.run.compiled.length} compiled, ${changed.run.reused.length} reused)`, objects, changed.seconds);
  } finally {
    process.chdir(previousDir);
    rmSync(dir, { recursive: true, force: true });
  }
}
