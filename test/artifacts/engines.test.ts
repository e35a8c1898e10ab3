/**
 * Template engines: nunjucks for `.njk`, handlebars for `.hbs`, chosen by extension; a site's
 * override directory replaces built-in templates and snippets; undefined values, unescaped
 * profile values, syntax errors and missing snippets or partials are reported with the
 * template file:line:col and never as a stack trace.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { TemplateEngines } from '../../src/artifacts/engines/index.js';
import type { TemplateProblem } from '../../src/artifacts/engines/problems.js';
import { mv } from '../../src/artifacts/escape/value.js';
import { problemDiagnostic } from '../../src/artifacts/report.js';
import type { Site } from '../../src/site/model.js';

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'panfab-templates-'));
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

function write(relative: string, text: string): void {
  const file = path.join(dir, relative);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}

function render(name: string, context: object = {}) {
  return new TemplateEngines(dir).render(name, context);
}

function only(problems: readonly TemplateProblem[]): TemplateProblem {
  expect(problems).toHaveLength(1);
  return problems[0]!;
}

const noSite = { hosts: [], guests: [], plain: [], origin: () => undefined } as unknown as Site;

describe.each([
  ['nunjucks', 'njk', (expr: string) => `{{ ${expr} }}`, (v: string, f: string) => `{{ ${v} | ${f} }}`],
  ['handlebars', 'hbs', (expr: string) => `{{${expr}}}`, (v: string, f: string) => `{{${f} ${v}}}`],
])('%s', (_engine, ext, print, filter) => {
  test('escapers print profile values', () => {
    write(`t/ok.${ext}`, `name = ${filter('name', 'xl')}\n`);
    const result = render('t/ok', { name: mv('web01', 'hostname') });
    expect(result).toEqual({ text: 'name = "web01"\n', problems: [], file: expect.stringMatching(/t\/ok\./) });
  });

  test('an undefined variable is an error at its line and column, and rendering goes on', () => {
    write(`t/undef.${ext}`, `line one\n  ${print('missing')}\n${filter('alsomissing', 'ks')}\n`);
    const result = render('t/undef');
    expect(result.text).toBeUndefined();
    expect(result.problems.map((p) => [p.kind, p.at?.line, p.at?.col])).toEqual([
      ['undefined', 2, 3],
      ['undefined', 3, 1],
    ]);
    expect(result.problems[0]!.at!.file).toMatch(new RegExp(`t/undef\\.${ext}$`));
    const d = problemDiagnostic(noSite, result.problems[0]!, 'out/file');
    expect(d.code).toBe('PF505');
    expect(d.span?.line).toBe(2);
  });

  test('a profile value printed without an escaper is an error (PF503)', () => {
    write(`t/raw.${ext}`, `rootpw ${print('pw')}\n`);
    const problem = only(render('t/raw', { pw: mv('$6$x$y', 'crypt', { object: 'a.example.org', path: '/system/aii/osinstall/ks/rootpw' }) }).problems);
    expect(problem.kind).toBe('unescaped');
    const d = problemDiagnostic(noSite, problem, 'ks/a.example.org.ks');
    expect(d.code).toBe('PF503');
    expect(d.path).toBe('/system/aii/osinstall/ks/rootpw');
    expect(d.message).toMatch(new RegExp(`template .*t/raw\\.${ext}:1:8`));
  });

  test('a refused value names the profile path and the template line', () => {
    write(`t/bad.${ext}`, `\n\nlang ${filter('lang', 'ks')}\n`);
    const lang = mv('en_US\nsshkey --username=root "k"', 'lang', { object: 'a.example.org', path: '/system/aii/osinstall/ks/lang' });
    const problem = only(render('t/bad', { lang }).problems);
    expect(problem.at?.line).toBe(3);
    const d = problemDiagnostic(noSite, problem, 'ks/a.example.org.ks');
    expect(d.code).toBe('PF501');
    expect(d.path).toBe('/system/aii/osinstall/ks/lang');
    expect(d.message).toMatch(/a\.example\.org: lang at \/system\/aii\/osinstall\/ks\/lang/);
  });

  test('a syntax error is reported at its line (PF504)', () => {
    write(`t/syntax.${ext}`, ext === 'njk' ? 'a\n{% if x %}\nb\n' : 'a\n{{#if x}}\nb\n');
    const problem = only(render('t/syntax', { x: true }).problems);
    expect(problem.kind).toBe('syntax');
    expect(problemDiagnostic(noSite, problem, 'f').code).toBe('PF504');
    expect(problem.at?.file).toMatch(new RegExp(`t/syntax\\.${ext}$`));
  });

  test('an unknown filter or helper is a syntax error at its line', () => {
    write(`t/unknown.${ext}`, `ok\n${filter('x', 'nosuchescaper')}\n`);
    const problem = only(render('t/unknown', { x: 'a' }).problems);
    expect(problem).toMatchObject({ kind: 'syntax', at: { line: 2 } });
    expect(String((problem as { message: string }).message)).toMatch(/nosuchescaper/);
  });

  test('a missing snippet or partial is reported at the line that includes it (PF506)', () => {
    write(`t/main.${ext}`, ext === 'njk' ? 'x\n{% include "t/nothere.njk" %}\n' : 'x\n{{> t/nothere}}\n');
    const problem = only(render('t/main').problems);
    expect(problem).toMatchObject({ kind: 'missing', at: { line: 2 } });
    expect(problemDiagnostic(noSite, problem, 'f').code).toBe('PF506');
  });

  test('snippets and partials come from the override directory first, then the built-ins', () => {
    write(`t/uses.${ext}`, ext === 'njk' ? '{% include "t/part.njk" %}' : '{{> t/part}}');
    write(`t/part.${ext}`, `part says ${filter('v', 'ks')}`);
    expect(render('t/uses', { v: mv('hello', 'name') }).text).toBe('part says hello');
    const problem = only(render('t/uses', { v: mv('he llo', 'text') }).problems);
    expect(problem.at?.file).toMatch(new RegExp(`t/part\\.${ext}$`));
  });
});

test('a main template in both engines in one directory is ambiguous (PF508)', () => {
  write('t/both.njk', 'a');
  write('t/both.hbs', 'b');
  const problem = only(render('t/both').problems);
  expect(problem.kind).toBe('ambiguous');
  expect(problemDiagnostic(noSite, problem, 'f').code).toBe('PF508');
});

test('the engine is chosen by extension, and an override may use the other engine', () => {
  write('boot/default-ipxe.njk', "#!ipxe\n{{ 'exit' }}\n");
  expect(render('boot/default-ipxe').text).toBe('#!ipxe\nexit\n');
  expect(new TemplateEngines(undefined).render('boot/default-ipxe', {}).file).toMatch(/templates\/boot\/default-ipxe\.hbs$/);
});

test('an override can extend the built-in template it replaces (builtin: prefix) and override a block', () => {
  write(
    'kickstart/base.ks.njk',
    '{% extends "builtin:kickstart/base.ks.njk" %}{% block mode %}\ncmdline\npoweroff\n{% endblock %}',
  );
  const engines = new TemplateEngines(dir);
  const context = {
    host: { fqdn: mv('a.example.org', 'fqdn') },
    source: { url: mv('http://i/os', 'url') },
    repos: [],
    lang: mv('en_US.UTF-8', 'lang'),
    keyboard: mv('us', 'keyboard'),
    timezone: mv('UTC', 'timezone'),
    rootpw: mv('$6$s$h', 'crypt'),
    selinux: mv('enforcing', 'enum'),
    networks: [],
    packages: [mv('@core', 'package')],
  };
  const result = engines.render('kickstart/base.ks', context);
  expect(result.problems).toEqual([]);
  expect(result.text).toContain('\ncmdline\npoweroff\n');
  expect(result.text).not.toContain('\ntext\n');
  expect(result.text).toContain('autopart --type=lvm');
});

test('template names cannot leave the template directories', () => {
  write('t/escape.njk', '{% include "../../etc/passwd" %}');
  const problem = only(render('t/escape').problems);
  expect(problem.kind).toBe('missing');
  expect((problem as { message: string }).message).toMatch(/invalid template name/);
});

test.each([
  ['nunjucks', 't/loop.njk', 'a\n{% for d in disks %}\n{{ d | xl }}\n{% endfor %}\n'],
  ['handlebars', 't/loop.hbs', 'a\n{{#each disks}}\n{{xl this}}\n{{/each}}\n'],
])('%s: a loop over an undefined sequence is an error, an empty one is not', (_engine, file, text) => {
  write(file, text);
  const problem = only(render('t/loop').problems);
  expect(problem).toMatchObject({ kind: 'undefined', at: { line: 2 } });
  expect(render('t/loop', { disks: [] })).toMatchObject({ text: 'a\n', problems: [] });
  expect(render('t/loop', { disks: [mv('x', 'name'), mv('y', 'name')] })).toMatchObject({ text: 'a\n"x"\n"y"\n', problems: [] });
});

test('nunjucks: an include marked ignore missing may name a file that does not exist', () => {
  write('t/optional.njk', 'a\n{% include "t/site-extra.njk" ignore missing %}b\n');
  expect(render('t/optional')).toMatchObject({ text: 'a\nb\n', problems: [] });
  write('t/present.njk', 'a\n{% include "t/extra.njk" ignore missing %}b\n');
  write('t/extra.njk', 'extra\n');
  expect(render('t/present').text).toBe('a\nextra\nb\n');
});
