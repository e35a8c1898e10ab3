/**
 * `panfab lint` scenarios through the real binary: exit codes, the four output formats (SARIF
 * validated against the SARIF 2.1.0 schema), --warnings-as-errors, and --changed-since in a
 * temporary git repository where one structure template changes: exactly the profiles that
 * create it are compiled, the others reuse the last build.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import ajvDraft04 from 'ajv-draft-04';
import ajvFormats from 'ajv-formats';
import { ALL_OBJECTS, GUESTS, panfab, sandbox, snapshot, type Sandbox } from './site-helpers.js';

let box: Sandbox;

beforeEach(() => {
  box = sandbox();
});

afterEach(() => box.remove());

const breakMac = (b: Sandbox) => b.edit('site/hosts/wn02.example.org.pan', '00:16:3e:00:00:42', '00:16:3e:00:00:41');
/** An object template that is not a machine: the site model warns about it (PF404). */
const addNonMachine = (b: Sandbox) => b.write('site/hosts/extra.pan', "object template extra;\n'/software/note' = 'not a machine';\n");

describe('panfab lint: exit codes and the human format', () => {
  it('a clean site exits 0, prints a summary and writes nothing', () => {
    const r = panfab(['lint'], box.site);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('panfab lint: 13 object templates, 0 errors, 0 warnings\n');
    expect(snapshot(path.join(box.dir, 'out'))).toEqual({});
  });

  it('errors exit 1 with file:line:col, code, message and an excerpt', () => {
    breakMac(box);
    const r = panfab(['lint', 'site'], box.dir);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^site\/site\/roles\/guest.pan:15:1: PF412 MAC address 00:16:3e:00:00:41 is used by wn01.example.org eth0 and wn02.example.org eth0\n/);
    expect(r.stderr).toContain("15 | '/hardware/cards/nic/eth0' = dict('hwaddr', GUEST_MAC, 'boot', true);");
    expect(r.stderr).toMatch(/panfab lint: 13 object templates, 2 errors, 0 warnings\n$/);
  });

  it('warnings exit 0, or 1 with --warnings-as-errors', () => {
    addNonMachine(box);
    const plain = panfab(['lint'], box.site);
    expect(plain.stderr).toMatch(/PF404 warning: /);
    expect(plain.status).toBe(0);
    expect(panfab(['lint', '--warnings-as-errors'], box.site).status).toBe(1);
    const quiet = panfab(['lint', '--quiet'], box.site);
    expect(quiet.stderr).toBe('');
  });

  it('rejects an unknown format and unknown options with exit 2', () => {
    expect(panfab(['lint', '--format', 'xml'], box.site).status).toBe(2);
    expect(panfab(['lint', '--changed'], box.site).status).toBe(2);
  });
});

describe('panfab lint: machine-readable formats', () => {
  it('json lists the compiled objects, a summary and each diagnostic with the objects reporting it', () => {
    box.edit('site/roles/guest.pan', "'memory' = GUEST_MEMORY;", "'memory' = GUEST_MEMORY +;");
    const r = panfab(['lint', '--format', 'json'], box.site);
    expect(r.status).toBe(1);
    const doc = JSON.parse(r.stdout);
    expect(doc.compiled).toEqual(ALL_OBJECTS);
    expect(doc.summary).toEqual({ errors: 1, warnings: 0, infos: 0 });
    expect(doc.checks).toBe('not run: 10 of 13 profiles failed to compile');
    expect(doc.diagnostics).toHaveLength(1);
    expect(doc.diagnostics[0]).toMatchObject({ code: 'PF101', severity: 'error', span: { file: 'site/roles/guest.pan' }, objects: GUESTS });
  });

  it('sarif is valid SARIF 2.1.0 with URIs relative to the site root', () => {
    breakMac(box);
    addNonMachine(box);
    const r = panfab(['lint', '--format', 'sarif', 'site'], box.dir);
    expect(r.status).toBe(1);
    const sarif = JSON.parse(r.stdout);
    const require = createRequire(import.meta.url);
    const schemaFile = path.join(path.dirname(require.resolve('@microsoft/jest-sarif/package.json')), 'lib', 'schemas', 'sarif-2.1.0-rtm.5.json');
    const ajv = new ajvDraft04.default({ allErrors: true, strict: false, unicodeRegExp: false });
    ajvFormats.default(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync(schemaFile, 'utf8')));
    expect(validate(sarif) ? [] : validate.errors).toEqual([]);
    const results = sarif.runs[0].results;
    expect(results.map((x: { ruleId: string; level: string }) => `${x.ruleId} ${x.level}`)).toEqual(['PF404 warning', 'PF412 error', 'PF424 error']);
    expect(results[1].locations[0].physicalLocation.artifactLocation).toEqual({ uri: 'site/roles/guest.pan', uriBaseId: '%SRCROOT%' });
  });

  it('github prints one workflow annotation per diagnostic', () => {
    breakMac(box);
    const r = panfab(['lint', '--format', 'github'], box.site);
    expect(r.status).toBe(1);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^::error file=site\/roles\/guest.pan,line=15,col=1,endColumn=\d+,title=PF412 duplicate MAC address::MAC address 00%3A16|^::error file=site\/roles\/guest.pan,line=15,col=1,endColumn=\d+,title=PF412 duplicate MAC address::MAC address 00:16:3e:00:00:41 is used by/);
  });
});

describe('panfab lint --changed-since', () => {
  const git = (...args: string[]) => execFileSync('git', args, { cwd: box.dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

  beforeEach(() => {
    git('init', '-q', '-b', 'main');
    git('config', 'user.email', 'test@example.org');
    git('config', 'user.name', 'Test');
    box.write('../.gitignore', 'out/\n');
    git('add', '.');
    git('commit', '-q', '-m', 'site');
  });

  function lintJson(...args: string[]) {
    const r = panfab(['lint', '--format', 'json', '--changed-since', 'HEAD', ...args], box.site);
    return { ...r, doc: JSON.parse(r.stdout || '{}') };
  }

  it('compiles exactly the profiles that create a changed structure template', () => {
    expect(panfab(['build'], box.site).status).toBe(0);
    box.write('site/struct/lvm_disk.pan', box.read('site/struct/lvm_disk.pan') + '\n# changed\n');
    const r = lintJson();
    expect(r.status).toBe(0);
    expect(r.doc.compiled).toEqual(GUESTS);
    expect(r.doc.reused).toEqual(['wn10.example.org', 'xen01.example.org', 'xen02.example.org']);
    expect(r.doc.changedSince.affected.map((a: { because: string }) => a.because)).toEqual(GUESTS.map(() => 'site/struct/lvm_disk.pan'));
    expect(r.doc.checks).toBe('run');
    expect(r.stderr).toContain('panfab lint: compiled 10 of 13 object templates (3 skipped: not affected by changes since HEAD)\n');
  });

  it('a change to one object template compiles that profile only, and site checks still see the whole site', () => {
    expect(panfab(['build'], box.site).status).toBe(0);
    breakMac(box);
    const r = lintJson();
    expect(r.status).toBe(1);
    expect(r.doc.compiled).toEqual(['wn02.example.org']);
    expect(r.doc.diagnostics.map((d: { code: string }) => d.code)).toEqual(['PF412', 'PF424']);
    expect(r.stderr).toContain('compiled 1 of 13 object templates (12 skipped: not affected by changes since HEAD)');
  });

  it('with no change nothing is compiled; a committed change counts from an older revision', () => {
    expect(panfab(['build'], box.site).status).toBe(0);
    expect(lintJson().doc.compiled).toEqual([]);
    box.write('site/struct/interface.pan', box.read('site/struct/interface.pan') + '\n');
    git('commit', '-q', '-am', 'interface');
    const older = panfab(['lint', '--format', 'json', '--changed-since', 'HEAD~1'], box.site);
    expect(JSON.parse(older.stdout).changedSince.affected).toHaveLength(ALL_OBJECTS.length);
    // Since HEAD nothing changed, but out/ was built before the commit: nothing can be reused.
    const since = lintJson().doc;
    expect(since.changedSince.affected).toEqual([]);
    expect(since.compiled).toEqual(ALL_OBJECTS);
    expect(since.changedSince.unaffectedCompiled).toHaveLength(ALL_OBJECTS.length);
  });

  it('compiles unaffected profiles too when there is no previous build to reuse, and says so', () => {
    box.write('site/struct/lvm_disk.pan', box.read('site/struct/lvm_disk.pan') + '\n');
    const r = lintJson();
    expect(r.doc.compiled).toEqual(ALL_OBJECTS);
    expect(r.doc.changedSince.unaffectedCompiled).toEqual(['site/hosts/wn10.example.org.pan', 'site/hosts/xen01.example.org.pan', 'site/hosts/xen02.example.org.pan']);
    expect(r.stderr).toContain('compiled 13 of 13 object templates (0 skipped: not affected by changes since HEAD); 3 not affected but compiled: no current previous build in the output directory');
  });

  it('does not reuse a previous build whose inputs differ from the current files', () => {
    expect(panfab(['build'], box.site).status).toBe(0);
    // Edit a file xen01 depends on, commit it: git no longer sees a change since HEAD, but the
    // build in out/ was made from the old contents, so xen01 must not be reused.
    box.write('site/roles/xen_host.pan', box.read('site/roles/xen_host.pan') + '\n');
    git('commit', '-q', '-am', 'xen host role');
    const r = lintJson();
    expect(r.doc.compiled).toEqual(['xen01.example.org', 'xen02.example.org']);
  });

  it('a changed panfab.json affects every profile', () => {
    expect(panfab(['build'], box.site).status).toBe(0);
    box.edit('panfab.json', '"disabled": []', '"disabled": ["PF416"]');
    expect(lintJson().doc.compiled).toEqual(ALL_OBJECTS);
  });

  it('an unknown revision is an error (exit 1, PF704)', () => {
    const r = panfab(['lint', '--changed-since', 'no-such-rev'], box.site);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("PF704 unknown git revision 'no-such-rev'");
    rmSync(path.join(box.dir, '.git'), { recursive: true, force: true });
    expect(panfab(['lint', '--changed-since', 'HEAD'], box.site).stderr).toContain('PF704');
  });
});
