/**
 * `--changed-since` narrowing: which object templates a set of changed files affects (through
 * the site's include graph), changes that affect every host, and which plan entries stay.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { affectedBy, narrowPlan, ownersOf } from '../../src/deploy/changed-since.js';
import type { Plan, PlanEntry } from '../../src/deploy/plan.js';
import { loadSiteConfig, type SiteConfig } from '../../src/site/config.js';
import { canonical } from '../../src/site/include-graph.js';
import { cleanup, tempDir, writeTree } from './helpers.js';

let dir: string;
let config: SiteConfig;

beforeEach(() => {
  dir = canonical(tempDir());
  writeTree(dir, {
    'site/hosts/a.example.org.pan': "object template a.example.org;\ninclude 'roles/web';\n",
    'site/hosts/b.example.org.pan': "object template b.example.org;\n'/x' = 1;\n",
    'site/roles/web.pan': "template roles/web;\n'/web' = true;\n",
    'templates/kickstart/ks.cfg.njk': 'text\n',
    'README.md': 'site\n',
  });
  mkdirSync(path.join(dir, 'lib'));
  const loaded = loadSiteConfig({ siteDir: dir, cwd: dir });
  if (!loaded.config) throw new Error(JSON.stringify(loaded.diagnostics));
  config = loaded.config;
});
afterEach(() => cleanup(dir));

const at = (rel: string) => path.join(dir, rel);
const objectsOf = (changed: string[]) => {
  const r = affectedBy(config, new Set(changed.map(at)));
  return r.all ? 'all' : [...r.objects].sort();
};

describe('affected objects', () => {
  it('finds the objects that include a changed template', () => {
    expect(objectsOf(['site/roles/web.pan'])).toEqual(['a.example.org']);
  });

  it('finds an object whose own file changed', () => {
    expect(objectsOf(['site/hosts/b.example.org.pan'])).toEqual(['b.example.org']);
  });

  it('names a profile deleted since the revision by its file name', () => {
    expect(objectsOf(['site/hosts/gone.example.org.pan'])).toEqual(['gone.example.org']);
  });

  it('ignores files no object reads', () => {
    expect(objectsOf(['README.md', 'site/unused.txt'])).toEqual([]);
  });

  it.each([['templates/kickstart/ks.cfg.njk'], ['templates/new-snippet.txt'], ['panfab.json'], ['elsewhere/override.hbs']])('treats %s as affecting every host', (rel) => {
    const r = affectedBy(config, new Set([at(rel)]));
    expect(r).toEqual({ all: true, because: at(rel) });
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
    expect(ownersOf(narrowed)).toEqual(['a.example.org', 'c.example.org', 'd.example.org', 'g.example.org']);
  });

  it('keeps everything when every host is affected', () => {
    expect(narrowPlan(plan, { all: true, because: 'x' })).toBe(plan);
  });
});
