/**
 * The example site's report in a real browser: headless Chromium (Debian's `chromium` package,
 * driven by playwright-core, see bench/chromium.ts) opens the page `panfab report` writes, from
 * file://. Each host's bars (the numbers behind them, the meter values and the drawn segment
 * widths) and guest count must match the site model; the search box must filter hosts and
 * guests; the page must make no request and raise no error. Screenshots go to
 * test-output/report/. Without chromium the suite is skipped, unless the CI variable is set,
 * where that is a failure.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { findChromium, launchChromium, type Browser } from '../../bench/chromium.js';
import type { Host, Site } from '../../src/site/model.js';
import { panfab, sandbox, type Sandbox } from '../cli/site-helpers.js';
import { checkSite, compileExampleSite } from '../site/helpers.js';
import { inCi, REPO_ROOT } from './validators.js';

const CHROMIUM = findChromium();
const SHOTS = path.join(REPO_ROOT, 'test-output', 'report');
const suite = CHROMIUM !== undefined || inCi() ? describe : describe.skip;
if (CHROMIUM === undefined && !inCi()) {
  process.stderr.write('report-browser: skipped: chromium is not installed (apt-get install -y chromium)\n');
}

let box: Sandbox | undefined;
let site: Site;
let browser: Browser | undefined;
let page: Page;
const requests: string[] = [];
const errors: string[] = [];

suite('the example site report in headless Chromium', () => {
  beforeAll(async () => {
    if (CHROMIUM === undefined) throw new Error('chromium is not installed but CI is set: install it with apt-get install -y chromium (.ci/install-validators does)');
    box = sandbox();
    const r = panfab(['report', '--quiet', '--output', '../report/index.html'], box.site);
    expect([r.status, r.stderr]).toEqual([0, '']);
    site = (await checkSite(compileExampleSite())).build.site;
    browser = await launchChromium(CHROMIUM);
    await browser.context.route('**/*', (route) => {
      const url = route.request().url();
      if (!url.startsWith('file:')) requests.push(url);
      return url.startsWith('file:') ? route.continue() : route.abort();
    });
    page = browser.context.pages()[0] ?? (await browser.context.newPage());
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(pathToFileURL(path.join(box.dir, 'report', 'index.html')).href);
    await page.waitForSelector('html[data-ready]', { state: 'attached' });
    mkdirSync(SHOTS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    box?.remove();
  });

  it('shows every Xen host with bars and guest counts that match the site model', async () => {
    expect(await page.locator('section.host').count()).toBe(site.hosts.length);
    for (const host of site.hosts) {
      const expected = usage(site, host);
      const section = page.locator(`section.host[data-host="${host.fqdn}"]`);
      const attrs = await section.evaluate((el) => ({ ...(el as HTMLElement).dataset }));
      expect(attrs).toMatchObject({
        guestCount: String(expected.guests),
        memUsed: String(expected.memUsed),
        memCapacity: String(host.ramMb),
        memDom0: String(host.dom0MemoryMb),
        vcpuUsed: String(expected.vcpuUsed),
        vcpuCapacity: String(host.cpuCores * host.vcpuRatio),
      });
      const memory = section.locator('[data-usage="memory"] [role="meter"]');
      expect(await memory.getAttribute('aria-valuenow')).toBe(String(expected.memUsed));
      expect(await memory.getAttribute('aria-valuemax')).toBe(String(host.ramMb));
      const drawn = await memory.evaluate((bar) => {
        const width = bar.getBoundingClientRect().width;
        const part = (sel: string) => bar.querySelector(sel)!.getBoundingClientRect().width / width;
        return { dom0: part('.dom0'), guests: part('.guests') };
      });
      expect(drawn.dom0).toBeCloseTo(host.dom0MemoryMb / host.ramMb, 1);
      expect(drawn.guests).toBeCloseTo((expected.memUsed - host.dom0MemoryMb) / host.ramMb, 1);
      const cpu = section.locator('[data-usage="vcpus"] [role="meter"]');
      expect(await cpu.getAttribute('aria-valuenow')).toBe(String(expected.vcpuUsed));
      const label = await section.locator('[data-usage="memory"] .label').textContent();
      expect(label).toContain(`(${Math.round((expected.memUsed / host.ramMb) * 100)}%)`);
      expect(await section.locator('tr[data-guest]:visible').count()).toBe(expected.guests);
      expect(await section.locator('tr[data-guest]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-guest')))).toEqual(host.guests);
    }
    await page.screenshot({ path: path.join(SHOTS, 'example-report.png'), fullPage: true });
  });

  it('filters hosts and guests with the search box', async () => {
    const search = page.locator('#search');
    const status = () => page.locator('#search-status').textContent();
    const visibleGuests = () => page.locator('tr[data-guest]:visible').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-guest')));
    const visibleHosts = () => page.locator('section.host:visible').evaluateAll((s) => s.map((e) => e.getAttribute('data-host')));

    const pygrub = site.guests.filter((g) => g.bootMode === 'pygrub');
    await search.fill('pygrub');
    expect(await poll(status, (t) => (t ?? '') !== '')).toContain(`${pygrub.length} of ${site.guests.length} guests`);
    expect((await visibleGuests()).sort()).toEqual(pygrub.map((g) => g.fqdn).sort());
    expect(await visibleHosts()).toEqual(site.hosts.filter((h) => pygrub.some((g) => g.host === h.fqdn)).map((h) => h.fqdn));
    await page.screenshot({ path: path.join(SHOTS, 'example-report-search.png'), fullPage: true });

    const second = site.hosts[1]!;
    await search.fill(second.hostname);
    expect(await poll(visibleHosts, (hosts) => hosts.length === 1 && hosts[0] === second.fqdn)).toEqual([second.fqdn]);
    expect(await visibleGuests()).toEqual(second.guests);

    await search.fill('no-such-machine-anywhere');
    expect(await poll(visibleHosts, (hosts) => hosts.length === 0)).toEqual([]);
    expect(await status()).toContain(`0 of ${site.hosts.length} hosts`);

    await search.fill('');
    expect((await poll(visibleGuests, (g) => g.length === site.guests.length)).length).toBe(site.guests.length);
    expect(await status()).toBe('');
  });

  it('made no request beyond its own file and raised no error', () => {
    expect(requests).toEqual([]);
    expect(errors).toEqual([]);
  });
});

/** What the model says a host's bars and guest count are (memory counts maxmem, as PF415 does). */
function usage(site: Site, host: Host): { guests: number; memUsed: number; vcpuUsed: number } {
  const guests = site.guests.filter((g) => g.host.toLowerCase() === host.fqdn.toLowerCase());
  return {
    guests: guests.length,
    memUsed: guests.reduce((sum, g) => sum + g.maxmemMb, host.dom0MemoryMb),
    vcpuUsed: guests.reduce((sum, g) => sum + g.vcpus, host.dom0Vcpus),
  };
}

/** Re-reads `read` until `done` holds for its value (the search box filters after a short delay), for at most 5 s. */
async function poll<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  const until = Date.now() + 5000;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > until) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
