/**
 * `panfab plan` / `panfab diff` scenarios: usage errors, exit codes with and without
 * --detailed-exitcode, the human and JSON reports, errors, --quiet and --changed-since.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { jest } from '@jest/globals';
import { run as deploy } from '../../src/cli/deploy.js';
import { run as diff } from '../../src/cli/diff.js';
import { run as plan } from '../../src/cli/plan.js';
import { canonical } from '../../src/site/include-graph.js';
import { cleanup, tempDir, writeTree } from '../deploy/helpers.js';

let dir: string;
let out: string;
let deployed: string;
let stdout: string;
let stderr: string;

beforeEach(() => {
  dir = canonical(tempDir('panfab-plan-'));
  out = path.join(dir, 'out');
  deployed = path.join(dir, 'deployed');
  stdout = '';
  stderr = '';
  jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += chunk.toString();
    return true;
  });
  jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    if (!/^\((node:\d+|Use `node)/.test(chunk.toString())) stderr += chunk.toString();
    return true;
  });
});

afterEach(() => {
  jest.restoreAllMocks();
  cleanup(dir);
});

const V1 = { 'ks/a.example.org.ks': 'text\nreboot\n', 'xen/xen01.example.org/a.example.org.cfg': 'name = "a"\n' };
const V2 = { 'ks/a.example.org.ks': 'text\npoweroff\n', 'xen/xen01.example.org/a.example.org.cfg': 'name = "a"\n' };

async function deployed1(): Promise<void> {
  writeTree(out, V1);
  expect(await deploy(['--from', out, '--to', deployed, '--quiet'])).toBe(0);
  stdout = '';
  stderr = '';
}

describe('panfab plan: usage', () => {
  it.each([
    [['--no-such-option']],
    [['--from', 'o', '--deployed', 'd', '--format', 'yaml']],
    [['--from', 'o', '--deployed', 'd', '--color', 'sometimes']],
    [['--from', 'o', '--deployed', 'd', 'site1', 'site2']],
  ])('%j is a usage error (exit 1, never 2)', async (args) => {
    expect(await plan(args)).toBe(1);
    expect(stderr).toMatch(/^panfab plan: .*\n\(see 'panfab plan --help'\)\n$/);
    expect(stdout).toBe('');
  });

  it('prints its help', async () => {
    expect(await plan(['--help'])).toBe(0);
    expect(stdout).toMatch(/^usage: panfab plan \[options\] \[SITE-DIR\]/);
    expect(stdout).toContain('--detailed-exitcode');
    expect(stdout).toContain('--deployed-dir VALUE');
  });

  it('takes the deployed tree from the site configuration when none is named', async () => {
    await deployed1();
    writeFileSync(path.join(dir, 'panfab.json'), JSON.stringify({ deployedDir: 'deployed', includePath: ['.'] }));
    expect(await plan(['--from', out, '--detailed-exitcode', dir])).toBe(0);
    expect(stdout).toContain(`Plan for ${deployed}:`);
  });

  it('reports a directory that is not a site (exit 1)', async () => {
    expect(await plan(['--from', out, path.join(dir, 'nowhere')])).toBe(1);
    expect(stderr).toContain('PF702');
  });
});

describe('panfab plan: exit codes', () => {
  it('exits 0 with or without changes, and 2 for changes only with --detailed-exitcode', async () => {
    writeTree(out, V1);
    expect(await plan(['--from', out, '--deployed', deployed])).toBe(0);
    expect(await plan(['--from', out, '--deployed', deployed, '--detailed-exitcode'])).toBe(2);
  });

  it('exits 0 with --detailed-exitcode when the deployed tree is up to date', async () => {
    await deployed1();
    expect(await plan(['--from', out, '--deployed', deployed, '--detailed-exitcode'])).toBe(0);
    expect(stdout).toContain('— no changes');
  });

  it('counts drift as a change', async () => {
    await deployed1();
    writeFileSync(path.join(deployed, 'ks/a.example.org.ks'), 'by hand\n');
    expect(await plan(['--from', out, '--deployed', deployed, '--detailed-exitcode'])).toBe(2);
    expect(stdout).toContain('! ks/a.example.org.ks (drifted: edited)');
  });

  it('does not count unmanaged files as changes', async () => {
    await deployed1();
    writeTree(deployed, { 'tftpboot/pxelinux.0': 'loader' });
    expect(await plan(['--from', out, '--deployed', deployed, '--detailed-exitcode'])).toBe(0);
    expect(stdout).toContain('? tftpboot/pxelinux.0');
  });

  it('exits 1 on errors, even with --detailed-exitcode', async () => {
    await deployed1();
    writeFileSync(path.join(deployed, '.panfab/manifest.json'), '{}');
    expect(await plan(['--from', out, '--deployed', deployed, '--detailed-exitcode'])).toBe(1);
    expect(stderr).toContain('PF602');
    expect(await plan(['--from', path.join(dir, 'missing'), '--deployed', deployed, '--detailed-exitcode'])).toBe(1);
    expect(stderr).toContain('PF613');
  });
});

describe('panfab plan: reports', () => {
  it('prints the summary and unified diffs grouped by host, then kind', async () => {
    await deployed1();
    writeTree(out, V2);
    expect(await plan(['--from', out, '--deployed', deployed, '--color', 'never'])).toBe(0);
    expect(stdout).toBe(
      `Plan for ${deployed}: 0 to add, 1 to change, 0 to remove, 0 drifted, 0 unmanaged, 1 unchanged\n\n` +
        'a.example.org\n  kickstart\n    ~ ks/a.example.org.ks (changed)\n' +
        '      --- a/ks/a.example.org.ks\n      +++ b/ks/a.example.org.ks\n      @@ -1,2 +1,2 @@\n       text\n      -reboot\n      +poweroff\n',
    );
    expect(stderr).toBe('');
  });

  it('colours the report with --color always', async () => {
    await deployed1();
    writeTree(out, V2);
    await plan(['--from', out, '--deployed', deployed, '--color', 'always']);
    expect(stdout).toContain('\x1b[32m+poweroff\x1b[0m');
  });

  it('writes a JSON document with --format json', async () => {
    await deployed1();
    writeTree(out, V2);
    expect(await plan(['--from', out, '--deployed', deployed, '--format', 'json', '--detailed-exitcode'])).toBe(2);
    const doc = JSON.parse(stdout);
    expect(doc).toMatchObject({ root: deployed, changes: true, summary: { changed: 1, unchanged: 1 }, diagnostics: [] });
    expect(doc.entries).toEqual([expect.objectContaining({ path: 'ks/a.example.org.ks', status: 'changed', action: 'write', owner: 'a.example.org', kind: 'kickstart', diff: expect.stringContaining('+poweroff') })]);
  });

  it('writes errors as JSON with --format json', async () => {
    writeTree(out, V1);
    mkdirSync(path.join(deployed, '.panfab'), { recursive: true });
    writeFileSync(path.join(deployed, '.panfab/manifest.json'), 'nonsense');
    expect(await plan(['--from', out, '--deployed', deployed, '--format', 'json'])).toBe(1);
    expect(JSON.parse(stdout).diagnostics.map((d: { code: string }) => d.code)).toEqual(['PF602']);
  });

  it('prints nothing with --quiet', async () => {
    writeTree(out, V1);
    expect(await plan(['--from', out, '--deployed', deployed, '--quiet', '--detailed-exitcode'])).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe('');
  });

  it('warns that a missing deployed directory means a first deploy', async () => {
    writeTree(out, V1);
    await plan(['--from', out, '--deployed', deployed, '--no-diff']);
    expect(stderr).toContain(`PF612 warning: ${deployed} does not exist yet`);
    expect(stdout).toContain('2 to add');
    expect(stdout).not.toContain('@@');
  });

  it('is also available as diff', async () => {
    await deployed1();
    writeTree(out, V2);
    expect(await diff(['--from', out, '--deployed', deployed, '--detailed-exitcode', '--quiet'])).toBe(2);
  });
});

describe('panfab plan --changed-since', () => {
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.org', ...args], { cwd: dir, stdio: 'pipe' });

  it('keeps only the hosts a git change affects', async () => {
    writeTree(dir, {
      'site/hosts/a.example.org.pan': "object template a.example.org;\ninclude 'roles/web';\n",
      'site/hosts/b.example.org.pan': "object template b.example.org;\n",
      'site/roles/web.pan': 'template roles/web;\n',
      'out/ks/a.example.org.ks': 'a1\n',
      'out/ks/b.example.org.ks': 'b1\n',
    });
    mkdirSync(path.join(dir, 'lib'));
    git('init', '-q');
    git('add', '.');
    git('commit', '-qm', 'site');
    writeFileSync(path.join(dir, 'site/roles/web.pan'), "template roles/web;\n'/web' = true;\n");
    expect(await plan(['--from', out, '--deployed', deployed, '--changed-since', 'HEAD', '--no-diff', '--detailed-exitcode', dir])).toBe(2);
    expect(stdout).toContain('changes since HEAD affect 1 host: a.example.org\n');
    expect(stdout).toContain('+ ks/a.example.org.ks (added)');
    expect(stdout).not.toContain('b.example.org');
    stdout = '';
    expect(await plan(['--from', out, '--deployed', deployed, '--changed-since', 'no-such-rev', dir])).toBe(1);
    expect(stderr).toMatch(/unknown git revision 'no-such-rev'/);
  });
});
