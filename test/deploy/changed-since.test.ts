/**
 * `--changed-since` narrowing: dependency files, which objects a set of changed files affects,
 * and which plan entries stay.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { affectedObjects, dependencyPaths, narrowPlan, readDependencyFiles } from '../../src/deploy/changed-since.js';
import type { Plan, PlanEntry } from '../../src/deploy/plan.js';
import { canonical } from '../../src/site/include-graph.js';
import { cleanup, tempDir, writeTree } from './helpers.js';

let dir: string;
beforeEach(() => {
  dir = canonical(tempDir());
});
afterEach(() => cleanup(dir));

const url = (d: string) => pathToFileURL(d + path.sep).href;

describe('dependency files', () => {
  it('turns NAME TYPE LOCATION lines into file paths, skipping absent entries', () => {
    const site = path.join(dir, 'site');
    const text = `ce01 PAN ${url(path.join(site, 'hosts'))}\nroles/base PAN ${url(site)}\nold TPL ${url(site)}\nmotd TEXT ${url(site)}\nmissing ABSENT_SOURCE \n`;
    expect(dependencyPaths(text)).toEqual([path.join(site, 'hosts', 'ce01.pan'), path.join(site, 'roles', 'base.pan'), path.join(site, 'old.tpl'), path.join(site, 'motd')]);
  });

  it('reads every .dep file of the given directories, named after its object', async () => {
    writeTree(dir, { 'out/a.example.org.dep': `a.example.org PAN ${url(dir)}\n`, 'out/profiles/b.example.org.dep': `b.example.org PAN ${url(dir)}\n`, 'out/a.example.org.json': '{}' });
    const index = await readDependencyFiles([path.join(dir, 'out', 'profiles'), path.join(dir, 'out'), path.join(dir, 'missing')]);
    expect([...index.keys()].sort()).toEqual(['a.example.org', 'b.example.org']);
    expect(index.get('a.example.org')).toEqual([path.join(dir, 'a.example.org.pan')]);
  });
});

describe('affected objects', () => {
  const deps = new Map([
    ['a.example.org', ['/s/hosts/a.example.org.pan', '/s/roles/web.pan', '/s/lib/schema.pan']],
    ['b.example.org', ['/s/hosts/b.example.org.pan', '/s/roles/db.pan', '/s/lib/schema.pan']],
  ]);

  it('finds the objects that read a changed file', () => {
    const r = affectedObjects(new Set(['/s/roles/db.pan']), deps);
    expect(r.all === false && [...r.objects]).toEqual(['b.example.org']);
  });

  it('names a profile no object read (added or deleted since the build) by its file name', () => {
    const r = affectedObjects(new Set(['/s/hosts/gone.example.org.pan']), deps);
    expect(r.all === false && [...r.objects]).toEqual(['gone.example.org']);
  });

  it.each([['/s/templates/xl.cfg.njk'], ['/s/panfab.json'], ['/s/templates/snippets/part.txt'], ['/s/override.hbs']])('treats %s as affecting every host', (file) => {
    expect(affectedObjects(new Set([file]), deps)).toEqual({ all: true });
  });

  it('ignores other files no object read', () => {
    const r = affectedObjects(new Set(['/s/README.md', '/s/notes.txt']), deps);
    expect(r.all === false && r.objects.size).toBe(0);
  });
});

describe('narrowPlan', () => {
  const e = (path: string, owner: string, status: PlanEntry['status']): PlanEntry => ({ path, owner, status, kind: 'x', action: 'none' });
  const plan: Plan = {
    diagnostics: [],
    entries: [
      e('ks/a.example.org.ks', 'a.example.org', 'changed'),
      e('ks/b.example.org.ks', 'b.example.org', 'changed'),
      e('xen/a.example.org/g.example.org.cfg', 'g.example.org', 'added'),
      e('tftpboot/pxelinux.cfg/default', '', 'changed'),
      e('ks/c.example.org.ks', 'c.example.org', 'drifted'),
      e('ks/d.example.org.ks', 'd.example.org', 'conflict'),
      e('ks/notes', '', 'unmanaged'),
    ],
  };

  it('keeps the affected hosts, files under their directories, site-wide files, drift and conflicts', () => {
    const narrowed = narrowPlan(plan, { all: false, objects: new Set(['a.example.org']) });
    expect(narrowed.entries.map((x) => x.path)).toEqual(['ks/a.example.org.ks', 'xen/a.example.org/g.example.org.cfg', 'tftpboot/pxelinux.cfg/default', 'ks/c.example.org.ks', 'ks/d.example.org.ks']);
  });

  it('keeps everything when every host is affected', () => {
    expect(narrowPlan(plan, { all: true })).toBe(plan);
  });
});
