/**
 * Site configuration: defaults, discovery, panfab.json validation with positions, flags over
 * the file, path resolution, and the example site's own panfab.json.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadSiteConfig, discoverSiteRoot } from '../../src/site/config.js';
import { CONFIG_FIELDS } from '../../src/site/config-fields.js';

const repoRoot = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'panfab-config-'));
  for (const d of ['site/hosts', 'site', 'lib']) mkdirSync(path.join(dir, d), { recursive: true });
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

function writeConfig(text: string): void {
  writeFileSync(path.join(dir, 'panfab.json'), text);
}

function load(flags: Record<string, string> = {}, siteDir: string | undefined = dir, cwd = dir) {
  return loadSiteConfig({ siteDir, flags: new Map(Object.entries(flags)), cwd });
}

/** `code file:line:col message` of each diagnostic. */
function described(flags: Record<string, string> = {}): string[] {
  return load(flags).diagnostics.map((d) => `${d.code} ${d.span ? `${d.span.file}:${d.span.line}:${d.span.col}` : '-'} ${d.message}`);
}

describe('defaults (no panfab.json)', () => {
  it('use the conventional layout under the site directory', () => {
    const { config, diagnostics } = load();
    expect(diagnostics).toEqual([]);
    expect(config).toMatchObject({
      root: dir,
      includeDirs: [path.join(dir, 'site/hosts'), path.join(dir, 'site'), path.join(dir, 'lib')],
      objects: [path.join(dir, 'site/hosts/**/*.pan')],
      outputDir: path.join(dir, 'out'),
      deployedDir: path.join(dir, 'deployed'),
      artifacts: ['xen', 'pxelinux', 'grub', 'ipxe', 'kickstart'],
      checks: { disabled: [] },
    });
    expect(config!.configFile).toBeUndefined();
    expect(config!.installServer).toBeUndefined();
  });

  it('say when the directory is not a site at all', () => {
    const empty = path.join(dir, 'site', 'hosts');
    expect(loadSiteConfig({ cwd: empty }).diagnostics.map((d) => d.message)).toEqual([
      '. is not a site directory: no panfab.json in it or above, and none of the default include directories (site/hosts, site, lib) exists; give the site directory as an argument or create panfab.json',
    ]);
  });

  it('report a missing default include directory without a span', () => {
    rmSync(path.join(dir, 'lib'), { recursive: true });
    const [d] = load().diagnostics;
    expect(d).toMatchObject({ code: 'PF702' });
    expect(d!.span).toBeUndefined();
    expect(d!.message).toContain('include directory lib does not exist');
  });

  it('a missing site directory is PF702', () => {
    expect(load({}, 'no-such-dir').diagnostics.map((d) => d.code)).toEqual(['PF702']);
  });
});

describe('site discovery', () => {
  it('finds panfab.json in the working directory or above it when no site directory is given', () => {
    writeConfig('{}');
    const deep = path.join(dir, 'site', 'hosts');
    expect(discoverSiteRoot(deep)).toBe(dir);
    expect(load({}, undefined, deep).config!.root).toBe(dir);
  });

  it('uses the given directory as is', () => {
    writeConfig('{}');
    expect(load({}, 'site', dir).diagnostics.map((d) => d.message)).toEqual([
      'site is not a site directory: no panfab.json in it, and none of the default include directories (site/hosts, site, lib) exists; give the site directory as an argument or create panfab.json',
    ]);
  });
});

describe('panfab.json validation', () => {
  it('reports unknown keys at the key, with the known keys', () => {
    writeConfig('{\n  "includePath": ["lib"],\n  "outptuDir": "out"\n}\n');
    const [d] = described();
    expect(d).toMatch(/^PF703 panfab.json:3:3 unknown key 'outptuDir' in panfab.json \(known: includePath, objects, outputDir,/);
  });

  it('reports unknown keys inside groups with their dotted name', () => {
    writeConfig('{ "checks": { "overcommitMemoryRatio": 1.5, "cpuRatio": 2 } }');
    expect(described()).toEqual([expect.stringMatching(/^PF703 panfab.json:1:45 unknown key 'checks.cpuRatio' .*known: overcommitMemoryRatio, overcommitVcpuRatio, disabled/)]);
  });

  it.each([
    ['{ "outputDir": 3 }', "PF701 panfab.json:1:16 'outputDir' must be a string, not a number"],
    ['{ "includePath": "site" }', "PF701 panfab.json:1:18 'includePath' must be an array of strings, not a string"],
    ['{ "includePath": ["site",\n    true] }', "PF701 panfab.json:2:5 'includePath' entries must be strings, not a boolean"],
    ['{ "objects": [] }', "PF701 panfab.json:1:14 'objects' must name at least one entry"],
    ['{ "checks": [] }', "PF701 panfab.json:1:13 'checks' must be an object, not an array"],
    ['{ "checks": { "overcommitVcpuRatio": "4" } }', "PF701 panfab.json:1:38 'checks.overcommitVcpuRatio' must be a number, not a string"],
    ['{ "checks": { "overcommitMemoryRatio": 0 } }', "PF701 panfab.json:1:40 'checks.overcommitMemoryRatio' must be a positive number"],
    ['{ "checks": { "disabled": ["PF412", "PF999"] } }', "PF701 panfab.json:1:37 'checks.disabled': unknown diagnostic code 'PF999'"],
    ['{ "artifacts": ["xen", "floppy"] }', "PF701 panfab.json:1:24 'artifacts': unknown artifact kind (known: xen, pxelinux, grub, ipxe, kickstart) 'floppy'"],
    ['{ "installServer": { "baseUrl": "ftp://x" } }', "PF701 panfab.json:1:33 'installServer.baseUrl' must be an http:// or https:// URL, not 'ftp://x'"],
    ['{ "installServer": { "bootFiles": ["k"] } }', "PF701 panfab.json:1:35 'installServer.bootFiles' needs 'installServer.baseUrl'"],
    ['{ "outputDir": "a", "outputDir": "b" }', "PF701 panfab.json:1:21 'outputDir' is given twice"],
    ['[1]', 'PF701 panfab.json:1:1 panfab.json must hold a JSON object, not an array'],
    ['{ "outputDir": "out", }', "PF701 panfab.json:1:23 invalid JSON: expected a property name in double quotes"],
    ['{ "outputDir": \'out\' }', "PF701 panfab.json:1:16 invalid JSON: unexpected character '''"],
    ['{\n  "outputDir": "out"\n', "PF701 panfab.json:3:1 invalid JSON: unexpected end of file"],
    ['{ "a": "\\x" }', 'PF701 panfab.json:1:9 invalid JSON: invalid escape sequence'],
  ])('%s', (text, expected) => {
    writeConfig(text);
    expect(described()).toEqual([expected]);
  });

  it('reports every problem, not only the first', () => {
    writeConfig('{ "outputDir": 1, "deployedDir": 2, "colour": true }');
    expect(described().map((d) => d.slice(0, 22))).toEqual(['PF701 panfab.json:1:16', 'PF701 panfab.json:1:34', 'PF703 panfab.json:1:37']);
  });

  it('accepts $schema and resolves file paths against the site root', () => {
    writeConfig(JSON.stringify({
      $schema: './panfab.schema.json',
      includePath: ['lib'],
      objects: ['site/hosts/*.pan'],
      outputDir: '../build',
      installServer: { baseUrl: 'http://install.example.org/', bootFiles: ['el9/vmlinuz'] },
      checks: { overcommitMemoryRatio: 1.25, overcommitVcpuRatio: 4, disabled: ['PF416'] },
      artifacts: ['kickstart'],
    }));
    const { config, diagnostics } = load({}, dir, os.tmpdir());
    expect(diagnostics).toEqual([]);
    expect(config).toMatchObject({
      configFile: path.join(dir, 'panfab.json'),
      includeDirs: [path.join(dir, 'lib')],
      objects: [path.join(dir, 'site/hosts/*.pan')],
      outputDir: path.resolve(dir, '../build'),
      installServer: { baseUrl: 'http://install.example.org/', bootFiles: ['el9/vmlinuz'] },
      checks: { overcommitMemoryRatio: 1.25, overcommitVcpuRatio: 4, disabled: ['PF416'] },
      artifacts: ['kickstart'],
    });
  });

  it('points a missing include directory at the includePath value', () => {
    writeConfig('{\n  "includePath": ["lib", "nope"]\n}');
    expect(described()).toEqual([expect.stringMatching(/^PF702 panfab.json:2:18 include directory nope does not exist/)]);
  });
});

describe('flags', () => {
  it('every key has a flag', () => {
    expect(new Set(CONFIG_FIELDS.map((f) => f.flag)).size).toBe(CONFIG_FIELDS.length);
  });

  it('override panfab.json and resolve against the working directory', () => {
    writeConfig('{ "outputDir": "from-file", "checks": { "disabled": ["PF412"] } }');
    const cwd = path.join(dir, 'site');
    const { config, diagnostics } = load({
      'output-dir': 'from-flag',
      'include-path': 'hosts:.:../lib',
      'disable-checks': 'PF416,PF415',
      'overcommit-memory-ratio': '1.5',
      'install-server-url': 'https://boot.example.org',
      'boot-files': 'a/vmlinuz,a/initrd.img',
    }, dir, cwd);
    expect(diagnostics).toEqual([]);
    expect(config).toMatchObject({
      outputDir: path.join(cwd, 'from-flag'),
      includeDirs: [path.join(cwd, 'hosts'), cwd, path.join(dir, 'lib')],
      checks: { disabled: ['PF416', 'PF415'], overcommitMemoryRatio: 1.5 },
      installServer: { baseUrl: 'https://boot.example.org', bootFiles: ['a/vmlinuz', 'a/initrd.img'] },
    });
  });

  it.each([
    [{ 'overcommit-memory-ratio': 'lots' }, "PF700 - --overcommit-memory-ratio: 'checks.overcommitMemoryRatio' must be a positive number"],
    [{ artifacts: 'xen,tape' }, "PF700 - --artifacts: 'artifacts': unknown artifact kind (known: xen, pxelinux, grub, ipxe, kickstart) 'tape'"],
    [{ 'install-server-url': 'install.example.org' }, "PF700 - --install-server-url: 'installServer.baseUrl' must be an http:// or https:// URL, not 'install.example.org'"],
  ])('bad value %j is a usage error', (flags, expected) => {
    expect(described(flags)).toEqual([expected]);
  });
});

describe('the example site', () => {
  it('profiles/panfab.json is valid and names existing directories', () => {
    const { config, diagnostics } = loadSiteConfig({ siteDir: 'profiles', cwd: repoRoot });
    expect(diagnostics).toEqual([]);
    const root = path.join(repoRoot, 'profiles');
    expect(config!.includeDirs).toEqual(['site/hosts', 'site', 'lib'].map((d) => path.join(root, d)));
    expect(config!.outputDir).toBe(path.join(repoRoot, 'out'));
    expect(config!.installServer?.baseUrl).toBe('http://install.example.org');
  });
});
