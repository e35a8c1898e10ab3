/**
 * The static include graph and changed-file detection behind `--changed-since`: which
 * references count, how they resolve through the include path (shadowing, deletions, text
 * files), conservative treatment of dynamic references, and git's view of changed files.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseTemplate } from '../../src/syntax/parse.js';
import { changedSince } from '../../src/site/changes.js';
import { canonical, IncludeGraph } from '../../src/site/include-graph.js';
import { scanReferences } from '../../src/site/template-refs.js';

function refs(body: string, kind = 'template t') {
  const parsed = parseTemplate(`${kind};\n${body}\n`, 't.pan');
  expect(parsed.diagnostics).toEqual([]);
  const r = scanReferences(parsed.ast!);
  return { templates: r.templates, texts: r.texts, dynamic: r.dynamic?.reason };
}

describe('static references of a template', () => {
  it.each([
    ["include 'a/b';", { templates: ['a/b'] }],
    ["include if (X) 'one' else 'two';", { templates: ['one', 'two'] }],
    ['include null;', { templates: [] }],
    ["include { 'x'; };", { templates: ['x'] }],
    ["'/d' = create('struct/disk', 'size', 3);", { templates: ['struct/disk'] }],
    ["'/t' = file_contents('motd.txt');", { texts: ['motd.txt'] }],
    ["'/t' = if (file_exists('a.conf')) 1 else 2;", { texts: ['a.conf'] }],
    ["'/v' = value('other.example.org:/system/x');", { templates: ['other.example.org'] }],
    ["'/v' = value('/system/x');", {}],
    ["'/v' = exists('some/template');", { templates: ['some/template'] }],
    ["'/v' = exists(X);", {}],
    ["'/v' = exists(SELF['host']);", {}],
    ["'/v' = value('/system/' + X);", {}],
    ["function f = { include_me = create('s/one'); include_me; };", { templates: ['s/one'] }],
    ["type t = string with exists('a:/b');", { templates: ['a'] }],
  ])('%s', (body, expected) => {
    expect(refs(body)).toEqual({ templates: [], texts: [], dynamic: undefined, ...expected });
  });

  it.each([
    ["include 'roles/' + ROLE;", 'include with a computed template name'],
    ["'/d' = create(NAME);", 'create() with a computed template name'],
    ["'/t' = file_contents(NAME);", 'file_contents() with a computed file name'],
    ["'/v' = value(HOST + ':/x');", 'value() with a computed path that may name another object'],
    ["variable LOADPATH = list('extra');", 'sets LOADPATH'],
    ['type t = long*;', 'link type (its values may name other objects)'],
  ])('%s is dynamic', (body, reason) => {
    expect(refs(body).dynamic).toBe(reason);
  });
});

describe('include graph', () => {
  let dir: string;
  const includeDirs = () => ['hosts', 'site', 'lib'].map((d) => path.join(dir, d));

  function write(relative: string, text: string): string {
    const file = path.join(dir, relative);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
    return file;
  }

  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'panfab-graph-'));
    write('hosts/a.pan', "object template a;\ninclude 'roles/guest';\n");
    write('hosts/b.pan', "object template b;\ninclude 'roles/physical';\n");
    write('hosts/c.pan', "object template c;\ninclude 'roles/' + 'guest';\n");
    write('site/roles/guest.pan', "template roles/guest;\ninclude 'panfab/schema';\n'/d' = create('struct/disk');\n'/motd' = file_contents('motd.txt');\n");
    write('site/roles/physical.pan', "template roles/physical;\ninclude 'panfab/schema';\n");
    write('site/struct/disk.pan', "structure template struct/disk;\n'size' = 1;\n");
    write('site/motd.txt', 'hello\n');
    write('lib/panfab/schema.pan', 'declaration template panfab/schema;\n');
    write('README.md', 'not a template\n');
  });

  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  function affected(...changed: string[]): string[] {
    const graph = new IncludeGraph(includeDirs());
    const set = new Set(changed.map((c) => canonical(path.join(dir, c))));
    return ['a', 'b', 'c'].filter((o) => graph.impact(path.join(dir, 'hosts', `${o}.pan`), set).affected);
  }

  it('a structure template affects only the objects that create it (and dynamic ones)', () => {
    expect(affected('site/struct/disk.pan')).toEqual(['a', 'c']);
  });

  it('a text file read by file_contents counts', () => {
    expect(affected('site/motd.txt')).toEqual(['a', 'c']);
  });

  it('a shared declaration template affects every object that reaches it', () => {
    expect(affected('lib/panfab/schema.pan')).toEqual(['a', 'b', 'c']);
  });

  it('an object template affects itself only (and dynamic ones)', () => {
    expect(affected('hosts/b.pan')).toEqual(['b', 'c']);
  });

  it('a new file that shadows a template on the include path counts, as does a deleted one', () => {
    write('hosts/roles/physical.pan', 'template roles/physical;\n');
    expect(affected('hosts/roles/physical.pan')).toEqual(['b', 'c']);
    unlinkSync(path.join(dir, 'hosts/roles/physical.pan'));
    unlinkSync(path.join(dir, 'site/roles/physical.pan'));
    expect(affected('site/roles/physical.pan')).toEqual(['b', 'c']);
  });

  it('a .pan file wins over a .tpl file; adding the .tpl later in the path changes nothing', () => {
    expect(affected('site/roles/guest.tpl')).toEqual(['c']);
    expect(affected('lib/roles/guest.pan')).toEqual(['c']);
  });

  it('files outside the include path affect nothing, even dynamic objects', () => {
    expect(affected('README.md')).toEqual([]);
    expect(affected()).toEqual([]);
  });

  it('says why an object is affected, and when conservatively', () => {
    const graph = new IncludeGraph(includeDirs());
    const changed = new Set([canonical(path.join(dir, 'site/struct/disk.pan'))]);
    expect(graph.impact(path.join(dir, 'hosts/a.pan'), changed)).toEqual({ affected: true, changedFile: [...changed][0] });
    expect(graph.impact(path.join(dir, 'hosts/c.pan'), changed)).toMatchObject({ affected: true, conservative: expect.stringContaining('include with a computed template name (line 2)') });
  });

  it('a template that does not parse makes its objects conservative', () => {
    write('site/roles/physical.pan', 'template roles/physical;\n"/x" = ;\n');
    expect(affected('site/struct/disk.pan')).toEqual(['a', 'b', 'c']);
  });
});

describe('changed files from git', () => {
  let dir: string;
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'panfab-git-'));
    git('init', '-q', '-b', 'main');
    git('config', 'user.email', 'test@example.org');
    git('config', 'user.name', 'Test');
    for (const f of ['a.pan', 'b.pan', 'c.pan', 'sub/d.pan']) {
      mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
      writeFileSync(path.join(dir, f), `template ${f};\n`);
    }
    writeFileSync(path.join(dir, '.gitignore'), 'ignored.pan\n');
    git('add', '.');
    git('commit', '-q', '-m', 'base');
  });

  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('lists committed, staged, unstaged, deleted and untracked changes, not ignored files', () => {
    writeFileSync(path.join(dir, 'a.pan'), 'changed and committed\n');
    git('commit', '-q', '-am', 'second');
    writeFileSync(path.join(dir, 'b.pan'), 'staged\n');
    git('add', 'b.pan');
    unlinkSync(path.join(dir, 'sub/d.pan'));
    writeFileSync(path.join(dir, 'new.pan'), 'untracked\n');
    writeFileSync(path.join(dir, 'ignored.pan'), 'ignored\n');
    const result = changedSince(path.join(dir, 'sub'), 'HEAD~1');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const rel = [...result.files].map((f) => path.relative(canonical(dir), f)).sort();
    expect(rel).toEqual(['a.pan', 'b.pan', 'new.pan', 'sub/d.pan']);
  });

  it('reports an unknown revision and a directory outside git as PF704', () => {
    const bad = changedSince(dir, 'no-such-branch');
    expect(bad).toMatchObject({ ok: false, diagnostic: { code: 'PF704', message: "unknown git revision 'no-such-branch'" } });
    const outside = mkdtempSync(path.join(os.tmpdir(), 'panfab-nogit-'));
    try {
      const r = changedSince(outside, 'HEAD');
      expect(r).toMatchObject({ ok: false, diagnostic: { code: 'PF704' } });
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });
});
