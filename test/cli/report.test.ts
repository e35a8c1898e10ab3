/**
 * `panfab report` scenarios through the real binary on a copy of the example site: the page is
 * written (and nothing else), JSON on stdout matches the site model, install states follow a
 * deploy, a changed template and a hand edit in the deployed tree, `--from` reuses a build's
 * report data, a broken site still gets a report listing its errors, usage errors exit 2.
 */
import { appendFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { ReportData } from '../../src/report/types.js';
import { GUESTS, HOSTS, panfab, sandbox, snapshot, type Sandbox } from './site-helpers.js';

let box: Sandbox;
const out = () => path.join(box.dir, 'out');
const deployed = () => path.join(box.dir, 'deployed');

beforeEach(() => {
  box = sandbox();
});

afterEach(() => box.remove());

function reportJson(args: readonly string[] = []): ReportData {
  const r = panfab(['report', '--format', 'json', ...args], box.site);
  expect([r.status, r.stderr]).toEqual([0, '']);
  return JSON.parse(r.stdout) as ReportData;
}

function installOf(data: ReportData): Record<string, string> {
  const guests = data.hosts.flatMap((h) => h.guests);
  return Object.fromEntries(guests.map((g) => [g.fqdn, g.install.state]));
}

describe('panfab report', () => {
  it('writes out/report/index.html and nothing else, deterministically', () => {
    const r = panfab(['report'], box.site);
    expect(r.stderr).toBe('panfab report: wrote ../out/report/index.html (2 Xen hosts, 10 guests; 0 errors, 0 warnings)\n');
    expect(r.status).toBe(0);
    const first = snapshot(out());
    expect(Object.keys(first)).toEqual(['report/index.html']);
    expect(first['report/index.html']).toMatch(/^<!DOCTYPE html>/);
    expect(panfab(['report', 'site', '--quiet'], box.dir)).toMatchObject({ status: 0, stderr: '' });
    expect(snapshot(out())).toEqual(first);
  });

  it('--format json prints the report data: hosts, guests and install states unknown before any deploy', () => {
    const data = reportJson();
    expect(data.format).toBe(1);
    expect(data.hosts.map((h) => h.fqdn)).toEqual(HOSTS);
    expect(data.hosts.flatMap((h) => h.guests.map((g) => g.fqdn)).sort()).toEqual(GUESTS);
    expect(data.deployment).toEqual({ source: '../deployed' });
    expect(new Set(Object.values(installOf(data)))).toEqual(new Set(['unknown']));
    expect(data.hosts[0]!.guests[0]!.install.detail).toBe('no deploy manifest in ../deployed');
    expect(data.hosts[0]!.file).toBe('site/hosts/xen01.example.org.pan');
  });

  it('install states follow a deploy, a changed template and a hand edit in the deployed tree', () => {
    expect(panfab(['deploy', '--quiet'], box.site).status).toBe(0);
    const afterDeploy = reportJson();
    expect(afterDeploy.summary.install).toEqual({ deployed: 10, pending: 0, unknown: 0 });
    expect(afterDeploy.deployment?.generator).toMatch(/^panfab /);

    box.edit('site/hosts/ce01.example.org.pan', 'GUEST_MEMORY = 4096', 'GUEST_MEMORY = 6144');
    const changed = reportJson();
    const ce01 = changed.hosts.flatMap((h) => h.guests).find((g) => g.fqdn === 'ce01.example.org')!;
    expect(ce01.install.state).toBe('pending');
    expect(ce01.install.detail).toMatch(/changed since the last deploy/);
    expect(changed.summary.install).toEqual({ deployed: 9, pending: 1, unknown: 0 });

    appendFileSync(path.join(deployed(), 'ks', 'wn01.example.org.ks'), '# edited by hand\n');
    const edited = reportJson();
    const wn01 = edited.hosts.flatMap((h) => h.guests).find((g) => g.fqdn === 'wn01.example.org')!;
    expect(wn01.install).toEqual({ state: 'pending', detail: expect.stringMatching(/missing or edited in the deployed tree/) });
  });

  it('--from takes the report data of a build; --deployed adds install states', () => {
    expect(panfab(['build', '--quiet'], box.site).status).toBe(0);
    const built = readFileSync(path.join(out(), 'report', 'index.html'), 'utf8');
    expect(built).toContain('Install states unknown: no deployed tree consulted.');
    expect(panfab(['deploy', '--quiet', '--from', out()], box.site).status).toBe(0);
    const r = panfab(['report', '--from', '../out', '--deployed', '../deployed', '--output', '../page.html'], box.site);
    expect(r.status).toBe(0);
    const page = readFileSync(path.join(box.dir, 'page.html'), 'utf8');
    expect(page).toContain('10 deployed, 0 pending, 0 unknown.');
    const data = JSON.parse(panfab(['report', '--from', '../out', '--format', 'json'], box.site).stdout) as ReportData;
    expect(data.deployment).toBeUndefined();
    expect(data.summary.guests).toBe(10);
  });

  it('reports a site with errors, listing them with the host they concern', () => {
    box.edit('site/hosts/ce01.example.org.pan', "GUEST_HOST = 'xen01.example.org'", "GUEST_HOST = 'xen09.example.org'");
    const r = panfab(['report', '--output', '../page.html'], box.site);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('PF414');
    expect(r.stderr).toMatch(/panfab report: wrote \.\.\/page\.html \(2 Xen hosts, 10 guests; 2 errors, 0 warnings\)\n$/);
    const page = readFileSync(path.join(box.dir, 'page.html'), 'utf8');
    expect(page).toContain('Guests on no Xen host of the site (1)');
    expect(page).toMatch(/<tr id="diag-\d+" class="sev-error" data-code="PF414"/);
  });

  it.each([
    [['--format', 'xml'], /unknown format 'xml'/],
    [['--no-such-flag'], /no-such-flag/],
  ])('usage error %j exits 2', (args, message) => {
    const r = panfab(['report', ...args], box.site);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
  });

  it('--from a directory without report data is an error', () => {
    const r = panfab(['report', '--from', '../nowhere'], box.site);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/cannot read the report data of a build at .*nowhere\/report\/site-report\.json/);
  });
});
