/**
 * Fault injection: `panfab deploy` runs as a child process over a tree of a few thousand files and
 * is killed with SIGKILL at random (seeded) moments. After each kill, every managed file must be
 * byte-equal to its version before the deploy or its version after (absence counts as a version
 * for added and removed files), unmanaged files must be untouched, and the only other files may
 * be temporary files the install server refuses to serve. The next deploy must then exit 0 and
 * leave a tree whose plan is empty. Rounds alternate between two versions of the site, so every
 * round rewrites most files, adds some and removes some.
 *
 * The trees live on a memory file system when the machine has one: a killed process leaves the
 * page cache intact, so what is tested (the order of temp file, rename, journal and manifest) is
 * the same, while the run time no longer depends on the disk's flush latency. The deploy still
 * calls fsync on every file and directory.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { run as deployCli } from '../../src/cli/deploy.js';
import { hasChanges } from '../../src/deploy/plan.js';
import { preparePlan } from '../../src/deploy/session.js';
import { loadGeneratedTree } from '../../src/deploy/load-tree.js';
import { PENDING_PATH } from '../../src/deploy/manifest.js';
import { checkRequestTarget } from '../../src/server/paths.js';
import { REPO_ROOT } from '../grammar/helpers.js';
import { cleanup, memoryTempBase, readTree, tempDir, writeTree } from './helpers.js';
import { seededRandom } from '../../bench/random.js';

const BIN = path.join(REPO_ROOT, 'bin', 'panfab.js');
const HOSTS = 700;
const SEED = 0x5eed_2026;
const KILLS = 20;
const MAX_ROUNDS = 36;

type Tree = Record<string, string>;

/** Three files per host (pxelinux, kickstart, xl), contents of varied length. */
function siteVersion(version: number, random: () => number, hosts: readonly number[]): Tree {
  const files: Tree = {};
  for (const h of hosts) {
    const fqdn = `node${String(h).padStart(4, '0')}.example.org`;
    const mac = `52-54-00-${(h >> 8).toString(16).padStart(2, '0')}-${(h & 255).toString(16).padStart(2, '0')}-01`;
    const filler = (n: number) => Array.from({ length: n }, (_, i) => `# v${version} line ${i} of ${fqdn}`).join('\n') + '\n';
    files[`tftpboot/pxelinux.cfg/01-${mac}`] = `DEFAULT install\nLABEL install\n  KERNEL vmlinuz\n  APPEND ks=http://ks/${fqdn}.ks v=${version}\n${filler(Math.floor(random() * 8))}`;
    files[`ks/${fqdn}.ks`] = `text\nurl --url http://mirror/el9\n${filler(10 + Math.floor(random() * 80))}`;
    files[`xen/dom${h % 16}.example.org/${fqdn}.cfg`] = `name = "${fqdn}"\nmemory = ${1024 * (1 + (h % 4))}\n${filler(Math.floor(random() * 20))}`;
  }
  return files;
}

/** The new version changes about 80% of the files, drops 5% of the hosts and adds as many. */
function nextVersion(old: Tree, random: () => number, added: readonly number[], dropped: ReadonlySet<string>): Tree {
  const next: Tree = {};
  for (const [rel, text] of Object.entries(old)) {
    if ([...dropped].some((host) => rel.includes(host))) continue;
    next[rel] = random() < 0.8 ? text.replace(/^text\n|^DEFAULT install\n|^name = /, (m) => `${m}# changed\n`) + '# v2\n' : text;
  }
  return { ...next, ...siteVersion(2, random, added) };
}

const UNMANAGED: Tree = { 'tftpboot/pxelinux.0': '\u007fELF not really\n', 'ks/README': 'kickstarts live here\n', 'xen/notes.txt': 'do not touch\n' };

function ensureBuilt(): void {
  const built = path.join(REPO_ROOT, 'dist', 'src', 'cli', 'deploy.js');
  const sources = [...readdirSync(path.join(REPO_ROOT, 'src', 'deploy')).map((f) => path.join(REPO_ROOT, 'src', 'deploy', f)), ...['deploy.ts', 'deploy-common.ts', 'generated-input.ts', 'main.ts'].map((f) => path.join(REPO_ROOT, 'src', 'cli', f))];
  const stale = !existsSync(built) || sources.some((s) => statSync(s).mtimeMs > statSync(built).mtimeMs);
  if (stale) {
    execFileSync(process.execPath, [path.join(REPO_ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json', '--noEmitOnError', 'false'], { cwd: REPO_ROOT, stdio: 'ignore' });
  }
}

interface ChildRun {
  readonly killed: boolean;
  /** Milliseconds from start to exit. */
  readonly ms: number;
  /** Milliseconds from start until the deploy's journal was first seen, if it was. */
  readonly journalMs?: number;
}

/** When to kill: a delay after the start, or a delay after the journal appears (the writing phase). */
type KillAt = { readonly afterStartMs: number } | { readonly afterJournalMs: number };

/**
 * Runs `panfab deploy` as a child and kills it with SIGKILL at `killAt` (if still running). The
 * journal is polled for, to time the writing phase and to kill within it.
 */
function deployChild(from: string, to: string, killAt?: KillAt): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const child = spawn(process.execPath, [BIN, 'deploy', '--from', from, '--to', to, '--quiet'], { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
    let stderr = '';
    let journalMs: number | undefined;
    const timers: NodeJS.Timeout[] = [];
    const killAfter = (ms: number) => timers.push(setTimeout(() => child.kill('SIGKILL'), ms));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    if (killAt && 'afterStartMs' in killAt) killAfter(killAt.afterStartMs);
    const poll = setInterval(() => {
      if (journalMs !== undefined || !existsSync(path.join(to, PENDING_PATH))) return;
      journalMs = Date.now() - started;
      clearInterval(poll);
      if (killAt && 'afterJournalMs' in killAt) killAfter(killAt.afterJournalMs);
    }, 2);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      for (const t of timers) clearTimeout(t);
      clearInterval(poll);
      if (signal === null && code !== 0) return reject(new Error(`deploy exited ${code}: ${stderr}`));
      resolve({ killed: signal === 'SIGKILL', ms: Date.now() - started, ...(journalMs !== undefined ? { journalMs } : {}) });
    });
  });
}

/** Checks the state a killed deploy left; returns how many changed files had reached the target. */
function checkKilledState(deployed: string, before: Tree, after: Tree): number {
  const onDisk = readTree(deployed);
  let reached = 0;
  for (const rel of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const actual = onDisk[rel];
    if (actual !== before[rel] && actual !== after[rel]) throw new Error(`${rel} is neither its old nor its new version`);
    if (before[rel] !== after[rel] && actual === after[rel]) reached++;
  }
  for (const [rel, text] of Object.entries(onDisk)) {
    if (rel in before || rel in after) continue;
    if (UNMANAGED[rel] !== undefined) {
      expect(text).toBe(UNMANAGED[rel]);
      continue;
    }
    expect(path.posix.basename(rel)).toMatch(/^\.panfab-tmp-/);
    expect(checkRequestTarget('/' + rel).ok).toBe(false);
  }
  for (const name of readdirSync(path.join(deployed, '.panfab'))) expect(name).toMatch(/^(manifest\.json|pending\.json|lock|\.panfab-tmp-.*)$/);
  return reached;
}

describe('deploy killed with SIGKILL at random moments', () => {
  let dir: string;
  beforeAll(() => ensureBuilt());
  beforeEach(() => {
    dir = tempDir('panfab-fault-', memoryTempBase());
  });
  afterEach(() => cleanup(dir));

  it('leaves every managed file old or new and converges on the next deploy', async () => {
    const random = seededRandom(SEED);
    const hosts = Array.from({ length: HOSTS }, (_, i) => i);
    const dropped = new Set(hosts.filter((h) => h % 20 === 7).map((h) => `node${String(h).padStart(4, '0')}.`));
    const v1 = siteVersion(1, random, hosts);
    const v2 = nextVersion(v1, random, Array.from({ length: dropped.size }, (_, i) => HOSTS + i), dropped);
    const outs = [path.join(dir, 'v1'), path.join(dir, 'v2')];
    writeTree(outs[0]!, v1);
    writeTree(outs[1]!, v2);
    const versions = [v1, v2];
    const deployed = path.join(dir, 'deployed');
    writeTree(deployed, UNMANAGED);
    const unmanagedInode = statSync(path.join(deployed, 'ks/README')).ino;
    expect(Object.keys(v1).length).toBeGreaterThanOrEqual(2000);

    const first = await deployChild(outs[0]!, deployed);
    expect(readTree(deployed)).toEqual({ ...v1, ...UNMANAGED });
    expect(first.journalMs).toBeDefined();
    let timing = { ms: first.ms, journalMs: first.journalMs! };
    const inputs = await Promise.all(outs.map(async (o) => ({ generated: (await loadGeneratedTree(o)).generated })));
    const startedAt = Date.now();
    const stats = { rounds: 0, kills: 0, whileWriting: 0 };
    let current = 0;
    while (stats.kills < KILLS && stats.rounds < MAX_ROUNDS) {
      const target = 1 - current;
      // Every other kill anywhere in a deploy's life (start-up, lock, plan, writes, commit), the
      // others within its writing phase (after the journal appears), where a kill hurts most.
      // The windows are the durations of the latest deploy that ran to its end.
      const killAt: KillAt = stats.rounds % 2 === 0 ? { afterStartMs: Math.floor(random() * timing.ms) } : { afterJournalMs: Math.floor(random() * (timing.ms - timing.journalMs)) };
      const killed = await deployChild(outs[target]!, deployed, killAt);
      if (!killed.killed && killed.journalMs !== undefined) timing = { ms: killed.ms, journalMs: killed.journalMs };
      const reached = checkKilledState(deployed, versions[current]!, versions[target]!);
      const changed = Object.keys({ ...versions[current], ...versions[target] }).filter((rel) => versions[current]![rel] !== versions[target]![rel]).length;
      stats.rounds++;
      if (killed.killed) stats.kills++;
      if (killed.killed && (existsSync(path.join(deployed, PENDING_PATH)) || (reached > 0 && reached < changed))) stats.whileWriting++;
      // The next deploy converges: exit 0, the target version exactly, an empty plan.
      expect(await deployCli(['--from', outs[target]!, '--to', deployed, '--quiet'])).toBe(0);
      expect(readTree(deployed)).toEqual({ ...versions[target], ...UNMANAGED });
      expect(readdirSync(path.join(deployed, '.panfab'))).toEqual(['manifest.json']);
      expect(hasChanges((await preparePlan(deployed, inputs[target]!)).plan)).toBe(false);
      current = target;
    }
    const seconds = (Date.now() - startedAt) / 1000;
    process.stdout.write(
      `fault injection: ${Object.keys(v1).length} -> ${Object.keys(v2).length} files, full deploy ${first.ms} ms (journal at ${first.journalMs} ms), ` +
        `${stats.kills} kills in ${stats.rounds} rounds, ${stats.whileWriting} while writing, ${seconds.toFixed(1)} s\n`,
    );
    expect(stats.kills).toBeGreaterThanOrEqual(20);
    expect(stats.whileWriting).toBeGreaterThanOrEqual(5);
    expect(statSync(path.join(deployed, 'ks/README')).ino).toBe(unmanagedInode);
  });
});
