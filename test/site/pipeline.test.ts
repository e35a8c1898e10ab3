/**
 * The site pipeline in-process: states, the example site end to end, de-duplication of
 * diagnostics, and the build state: a reused previous build gives the same model and the same
 * check results as compiling again, and is refused as soon as any input differs.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync, appendFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { encodeJson } from '../../src/pan/builtins/json.js';
import { buildSite } from '../../src/site/build.js';
import { runChecks } from '../../src/checks/index.js';
import { ReusableBuild } from '../../src/site/build-state.js';
import { loadSiteConfig, type SiteConfig } from '../../src/site/config.js';
import { siteJson, stageBuildOutputs, writeBuildOutputs } from '../../src/site/outputs.js';
import { checkOptions, PipelineState, runSitePipeline } from '../../src/site/pipeline.js';

const repoRoot = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
let dir: string;
let config: SiteConfig;

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'panfab-pipeline-'));
  cpSync(path.join(repoRoot, 'profiles'), dir, { recursive: true });
  config = loadSiteConfig({ siteDir: dir, flags: new Map([['output-dir', path.join(dir, 'out')]]) }).config!;
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('site pipeline', () => {
  it('states are ordered Loaded < Compiled < Modelled < Checked < Written', () => {
    expect([PipelineState.Loaded, PipelineState.Compiled, PipelineState.Modelled, PipelineState.Checked, PipelineState.Rendered, PipelineState.Written]).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('runs the example site to Checked without diagnostics', async () => {
    const run = await runSitePipeline({ config });
    expect(run.state).toBe(PipelineState.Checked);
    expect(run.diagnostics).toEqual([]);
    expect(run.compiled).toHaveLength(13);
    expect(run.site!.hosts.map((h) => h.fqdn)).toEqual(['xen01.example.org', 'xen02.example.org']);
    expect(run.objectFiles.every((f) => f.endsWith('.pan') && !path.isAbsolute(f))).toBe(true);
  });

  it('reports progress for every object template', async () => {
    const seen: Array<[number, number]> = [];
    await runSitePipeline({ config, onProgress: (done, total) => seen.push([done, total]) });
    expect(seen).toHaveLength(13);
    expect(seen[12]).toEqual([13, 13]);
  });

  it('stops at Loaded when no object template matches', async () => {
    const run = await runSitePipeline({ config: { ...config, objects: [path.join(dir, 'nothing/*.pan')] } });
    expect(run.state).toBe(PipelineState.Loaded);
    expect(run.diagnostics.map((d) => d.code)).toEqual(['PF705']);
  });

  it('lists an error shared by several objects once, naming them, and skips the site checks', async () => {
    appendFileSync(path.join(dir, 'site/roles/physical.pan'), "'/system/broken' = UNDEFINED_VARIABLE;\n");
    const run = await runSitePipeline({ config });
    expect(run.state).toBe(PipelineState.Modelled);
    expect(run.checksSkipped).toBe('1 of 13 profiles failed to compile');
    expect(run.diagnostics).toHaveLength(1);
    expect(run.reportedBy.get(run.diagnostics[0]!)).toEqual(['wn10.example.org']);
    writeFileSync(path.join(dir, 'site/struct/interface.pan'), "structure template struct/interface;\n'netmask' = ;\n");
    const all = await runSitePipeline({ config });
    expect(all.diagnostics.map((d) => d.code)).toEqual(['PF101']);
    expect(all.reportedBy.get(all.diagnostics[0]!)).toEqual(all.compiled);
    expect(all.diagnostics[0]!.message).toMatch(/ \(affects 13 profiles: bdii01.example.org, ce01.example.org, mon01.example.org, se01.example.org, ui01.example.org and 8 more\)$/);
  });

  it('maps the site checks options from the configuration', () => {
    expect(checkOptions(config)).toEqual({
      disabled: [],
      overcommitMemoryRatio: 1,
      installServer: { baseUrl: 'http://install.example.org', bootFiles: ['el9/vmlinuz', 'el9/initrd.img'] },
    });
  });
});

describe('build state', () => {
  async function buildOnce() {
    const run = await runSitePipeline({ config });
    await writeBuildOutputs(config.outputDir, stageBuildOutputs(run, process.cwd()));
    return run;
  }

  const reusable = (settings: string) => ReusableBuild.load({ root: dir, cwd: process.cwd(), outputDir: config.outputDir, includeDirs: config.includeDirs.map((d) => path.relative(process.cwd(), d)), settings });

  it('reused profiles give the same model and check results as compiling again', async () => {
    const fresh = await buildOnce();
    const previous = reusable(fresh.settings)!;
    expect(previous).toBeDefined();
    const reused = fresh.objectFiles.map((f) => previous.reuse(f)!);
    expect(reused.every((r) => r !== undefined)).toBe(true);
    expect(reused.map((r) => r.name)).toEqual(fresh.results.map((r) => r.name));
    reused.forEach((r, i) => expect(encodeJson(r.profile!)).toBe(encodeJson(fresh.results[i]!.profile!)));
    const a = buildSite(fresh.results);
    const b = buildSite(reused);
    expect(siteJson(b.site, dir, process.cwd())).toBe(siteJson(a.site, dir, process.cwd()));
    expect(b.diagnostics).toEqual(a.diagnostics);
    const guest = a.site.guests[0]!;
    expect(b.site.origin(guest.ref)).toEqual(a.site.origin(guest.ref));
    expect(runChecks(b.site, checkOptions(config))).toEqual(runChecks(a.site, checkOptions(config)));
  });

  it('is refused when a dependency or the settings differ, or when a new file would shadow a dependency', async () => {
    const fresh = await buildOnce();
    const ce01 = fresh.objectFiles.find((f) => f.endsWith('ce01.example.org.pan'))!;
    const xen01 = fresh.objectFiles.find((f) => f.endsWith('xen01.example.org.pan'))!;
    expect(reusable('other settings')).toBeUndefined();
    appendFileSync(path.join(dir, 'site/struct/lvm_disk.pan'), '\n');
    expect(reusable(fresh.settings)!.reuse(ce01)).toBeUndefined();
    expect(reusable(fresh.settings)!.reuse(xen01)).toBeDefined();
    cpSync(path.join(dir, 'site/roles'), path.join(dir, 'site/hosts/roles'), { recursive: true });
    expect(reusable(fresh.settings)!.reuse(xen01)).toBeUndefined();
  });

  it('is refused when the profile file was edited', async () => {
    const fresh = await buildOnce();
    const wn10 = fresh.objectFiles.find((f) => f.endsWith('wn10.example.org.pan'))!;
    expect(reusable(fresh.settings)!.reuse(wn10)).toBeDefined();
    appendFileSync(path.join(config.outputDir, 'profiles', 'wn10.example.org.json'), ' ');
    expect(reusable(fresh.settings)!.reuse(wn10)).toBeUndefined();
  });
});
