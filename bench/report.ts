/**
 * Site report benchmark: a generated site model of 250 Xen hosts with 5,000 guests (and 200
 * physical machines; every host over-committed, so 250 diagnostics) goes through the site
 * checks, the report data and the HTML renderer; headless Chromium then opens the page from
 * file:// and the page's own clock says when it was rendered and ready (its script has run and
 * the next frame is painted), with first contentful paint and the load event. Also a search
 * from keystroke to filtered page. Prints numbers only; skipped without chromium.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { runChecks } from '../src/checks/index.js';
import { buildReportData } from '../src/report/data.js';
import { renderReportHtml } from '../src/report/html.js';
import { benchSiteModel } from './artifacts.js';
import { findChromium, launchChromium } from './chromium.js';
import { median } from './timing.js';

const SIZE = { hosts: 250, guests: 5000, plain: 200 };
const RUNS = 5;

/** What the page reports about its own loading, in ms since navigation start. */
interface PageTimes {
  readonly ready: number;
  readonly firstContentfulPaint: number;
  readonly load: number;
}

// Evaluated in the page: waits for the ready marker and the next painted frame.
const MEASURE = `new Promise((resolve) => {
  const done = () => requestAnimationFrame(() => setTimeout(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    const fcp = performance.getEntriesByName('first-contentful-paint')[0];
    resolve({ ready: performance.now(), firstContentfulPaint: fcp ? fcp.startTime : NaN, load: nav ? nav.loadEventEnd : NaN });
  }, 0));
  if (document.documentElement.hasAttribute('data-ready')) done();
  else new MutationObserver((_, o) => { if (document.documentElement.hasAttribute('data-ready')) { o.disconnect(); done(); } })
    .observe(document.documentElement, { attributes: true });
})`;

function ms(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** Runs the report benchmark. */
export async function benchReport(): Promise<void> {
  const site = benchSiteModel(SIZE);
  let t = process.hrtime.bigint();
  const diagnostics = runChecks(site, {});
  const checksMs = ms(t);
  t = process.hrtime.bigint();
  const data = buildReportData({ site, diagnostics });
  const dataMs = ms(t);
  t = process.hrtime.bigint();
  const html = renderReportHtml(data);
  const htmlMs = ms(t);
  const line = (label: string, value: string): void => void process.stdout.write(`  ${label.padEnd(44)} ${value}\n`);
  line('site', `${SIZE.hosts} Xen hosts, ${SIZE.guests} guests, ${SIZE.plain} physical machines, ${diagnostics.length} diagnostics`);
  line('site checks', `${checksMs.toFixed(0)} ms`);
  line('report data', `${dataMs.toFixed(0)} ms`);
  line('HTML page', `${htmlMs.toFixed(0)} ms, ${(Buffer.byteLength(html) / 1e6).toFixed(2)} MB`);

  const chromium = findChromium();
  if (chromium === undefined) {
    line('browser', 'skipped: chromium is not installed (apt-get install -y chromium)');
    return;
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'panfab-report-bench-'));
  const file = path.join(dir, 'index.html');
  writeFileSync(file, html);
  const browser = await launchChromium(chromium);
  try {
    const samples: PageTimes[] = [];
    const searches: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const page = await browser.context.newPage();
      await page.goto(pathToFileURL(file).href, { waitUntil: 'commit' });
      samples.push((await page.evaluate(MEASURE)) as PageTimes);
      searches.push(await timeSearch(page));
      await page.close();
    }
    const med = (f: (s: PageTimes) => number): string => `${median(samples.map(f)).toFixed(0)} ms`;
    line(`in Chromium, median of ${RUNS}: rendered and ready`, med((s) => s.ready));
    line('  first contentful paint', med((s) => s.firstContentfulPaint));
    line('  load event', med((s) => s.load));
    line('  search "vm0042" keystroke to filtered page', `${median(searches).toFixed(0)} ms (120 ms of it debounce)`);
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Types a query and measures, in the page, until the filter has run and the frame is painted. */
async function timeSearch(page: import('playwright-core').Page): Promise<number> {
  return (await page.evaluate(`new Promise((resolve) => {
    const input = document.getElementById('search');
    const status = document.getElementById('search-status');
    const start = performance.now();
    new MutationObserver((_, o) => { o.disconnect(); requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - start), 0)); })
      .observe(status, { childList: true, characterData: true, subtree: true });
    input.value = 'vm0042';
    input.dispatchEvent(new Event('input'));
  })`)) as number;
}
