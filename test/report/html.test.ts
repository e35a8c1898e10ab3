/**
 * The report page: self-contained (no external resource), the embedded data escaped so no value
 * ends its script element and parsing it gives the data back, hostile names and messages shown
 * as text, host sections with the numbers behind their bars, deterministic output, and guest
 * tables collapsed on a large site.
 */
import { benchSiteModel } from '../../bench/artifacts.js';
import { diagnostic } from '../../src/diagnostics/diagnostic.js';
import { buildReportData } from '../../src/report/data.js';
import { escapeHtml, formatNumber, jsonForScript } from '../../src/report/html-escape.js';
import { renderReportHtml } from '../../src/report/html.js';
import type { ReportData } from '../../src/report/types.js';
import type { Guest, Site } from '../../src/site/model.js';
import { checkSite, compileExampleSite } from '../site/helpers.js';

const HOSTILE = '</script><script>alert(1)</script><!--';
const ATTRIBUTE = '"><img src=x onerror=alert(2)>';

/** The embedded report data, parsed. */
function embedded(html: string): unknown {
  const open = '<script type="application/json" id="report-data">';
  const start = html.indexOf(open);
  expect(start).toBeGreaterThan(0);
  const end = html.indexOf('</script>', start);
  return JSON.parse(html.slice(start + open.length, end));
}

/** A small site whose names and messages try to break out of the page. */
function hostileSite(): { site: Site; data: ReportData } {
  const base = benchSiteModel({ hosts: 1, guests: 2, plain: 1 });
  const guests: Guest[] = base.guests.map((g, i) => (i === 0 ? { ...g, services: [{ name: HOSTILE, ref: g.ref }], vifs: g.vifs.map((v) => ({ ...v, bridge: ATTRIBUTE })) } : g));
  const site = { ...base, guests };
  const d = diagnostic('PF415', `memory: ${HOSTILE} ${ATTRIBUTE}`, undefined, { objects: [guests[0]!.object] });
  return { site, data: buildReportData({ site, diagnostics: [d], title: `report ${HOSTILE}` }) };
}

describe('escaping', () => {
  it('escapes text and attribute values', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });

  it('embeds JSON without <, > or & and with line separators escaped, parsing back to the same value', () => {
    const value = { s: `${HOSTILE} & \u2028\u2029 ${ATTRIBUTE}` };
    const text = jsonForScript(value);
    expect(text).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(text)).toEqual(value);
  });

  it('keeps hostile names and messages inside the data element and as text', () => {
    const { data } = hostileSite();
    const html = renderReportHtml(data);
    expect(html.match(/<script\b/g)).toHaveLength(2);
    expect(html.match(/<\/script>/g)).toHaveLength(2);
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<!--');
    expect(html).toContain('&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(embedded(html)).toEqual(JSON.parse(JSON.stringify(data)));
  });

  it('escapes values of the wrong type in data read from disk', () => {
    const { data } = hostileSite();
    const host = data.hosts[0]!;
    const tampered = { ...data, hosts: [{ ...host, memory: { ...host.memory, used: ATTRIBUTE as unknown as number } }] };
    const html = renderReportHtml(tampered as ReportData);
    expect(html).not.toContain('<img');
    expect(html).toContain(`data-mem-used="${escapeHtml(ATTRIBUTE)}"`);
  });
});

describe('the page', () => {
  it('is self-contained: no external scripts, styles, images or fetches', async () => {
    const { build, diagnostics } = await checkSite(compileExampleSite());
    const html = renderReportHtml(buildReportData({ site: build.site, diagnostics }));
    expect(html).not.toMatch(/\bsrc=/);
    expect(html).not.toMatch(/<link\b/);
    expect(html).not.toMatch(/https?:\/\/(?!install\.example\.org)/);
    expect(html).not.toMatch(/\b(fetch|XMLHttpRequest|import)\s*\(/);
    expect(html).not.toMatch(/url\(/);
  });

  it('gives each host section the numbers behind its bars and its guest count', async () => {
    const { build, diagnostics } = await checkSite(compileExampleSite());
    const data = buildReportData({ site: build.site, diagnostics });
    const html = renderReportHtml(data);
    for (const h of data.hosts) {
      const open = new RegExp(`<section class="host" id="host-${h.fqdn.replace(/\./g, '\\.')}"[^>]*>`).exec(html)?.[0];
      expect(open).toBeDefined();
      expect(open).toContain(`data-guest-count="${h.guests.length}"`);
      expect(open).toContain(`data-mem-used="${h.memory.used}"`);
      expect(open).toContain(`data-mem-capacity="${h.memory.capacity}"`);
      expect(open).toContain(`data-vcpu-used="${h.vcpus.used}"`);
      expect(open).toContain(`data-vcpu-capacity="${h.vcpus.capacity}"`);
      expect(html).toContain(`Memory: ${formatNumber(h.memory.used)} of ${formatNumber(h.memory.capacity)} MB`);
    }
    expect(html.match(/<tr data-guest=/g)).toHaveLength(data.summary.guests);
  });

  it('is deterministic: the same data gives the same bytes, with no date in them', async () => {
    const { build, diagnostics } = await checkSite(compileExampleSite());
    const first = renderReportHtml(buildReportData({ site: build.site, diagnostics }));
    const again = await checkSite(compileExampleSite());
    expect(renderReportHtml(buildReportData({ site: again.build.site, diagnostics: again.diagnostics }))).toBe(first);
    expect(first).not.toMatch(/\b20\d\d-\d\d-\d\d/);
  });

  it('marks over-committed hosts and collapses guest tables on a large site', () => {
    const site = benchSiteModel({ hosts: 10, guests: 400, plain: 0 });
    const html = renderReportHtml(buildReportData({ site, diagnostics: [] }));
    expect(html.match(/<details(?: open)?/g)).toHaveLength(10);
    expect(html).not.toContain('<details open');
    expect(html).toContain('class="bar over"');
    expect(html).toContain('over capacity by');
    expect(html.match(/<tr data-guest=/g)).toHaveLength(400);
  });
});
