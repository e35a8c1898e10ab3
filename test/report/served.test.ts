/**
 * The site report through the install server: a deployed copy of the example site serves the
 * page at `/` and `/report` (HTML, install states from the served tree), a hand edit in the tree
 * shows as pending once the memo expires, and unusable report data gives no page.
 */
import { appendFileSync } from 'node:fs';
import path from 'node:path';
import { ServedReport, RECHECK_MS, type ReportDataFile } from '../../src/report/served.js';
import { createInstallServer, type InstallServer } from '../../src/server/server.js';
import { panfab, sandbox, type Sandbox } from '../cli/site-helpers.js';

let box: Sandbox;
let server: InstallServer;
let base: string;

beforeAll(async () => {
  box = sandbox();
  expect(panfab(['deploy', '--quiet'], box.site).status).toBe(0);
  server = createInstallServer({ root: path.join(box.dir, 'deployed'), port: 0, log: null });
  base = await server.start();
});

afterAll(async () => {
  await server.stop();
  box.remove();
});

describe('the install server shows the site report', () => {
  it('at / and /report, as HTML with install states from the served tree', async () => {
    const slash = await fetch(`${base}/`);
    expect(slash.status).toBe(200);
    expect(slash.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const page = await slash.text();
    expect(page).toContain('Install states from the served tree (manifest written by panfab');
    expect(page).toContain('10 deployed, 0 pending, 0 unknown.');
    expect(page).toContain('data-host="xen01.example.org"');
    const report = await fetch(`${base}/report`);
    expect(await report.text()).toBe(page);
    expect(report.headers.get('etag')).toBe(slash.headers.get('etag'));
    expect((await fetch(`${base}/index.json`)).headers.get('content-type')).toBe('application/json');
  });

  it('shows a file edited by hand in the tree as pending', async () => {
    appendFileSync(path.join(box.dir, 'deployed', 'ks', 'ce01.example.org.ks'), '# edited\n');
    await new Promise((resolve) => setTimeout(resolve, RECHECK_MS + 100));
    const page = await (await fetch(`${base}/`)).text();
    expect(page).toContain('9 deployed, 1 pending, 0 unknown.');
  });
});

describe('ServedReport', () => {
  const file = (text: string, etag = `"${text.length}"`): ReportDataFile => ({ etag, read: async () => Buffer.from(text) });

  it('gives no page without report data, or with data of another format', async () => {
    const none = new ServedReport('/nonexistent', async () => undefined);
    expect(await none.current({ status: 'absent' })).toBeUndefined();
    const other = new ServedReport('/nonexistent', async () => file('{"format":99}'));
    expect(await other.current({ status: 'absent' })).toBeUndefined();
    const broken = new ServedReport('/nonexistent', async () => file('{ not json'));
    expect(await broken.current({ status: 'absent' })).toBeUndefined();
  });

  it('reuses the page until the data, the manifest or the re-check time changes', async () => {
    let now = 0;
    let reads = 0;
    const data = JSON.stringify({ format: 1, title: 't', summary: { hosts: 0, guests: 0, unplaced: 0, plain: 0, memoryMb: { capacity: 0, used: 0 }, vcpus: { capacity: 0, used: 0 }, diagnostics: { error: 0, warning: 0, info: 0 }, install: { deployed: 0, pending: 0, unknown: 0 } }, hosts: [], unplaced: [], plain: [], diagnostics: [] });
    const served = new ServedReport('/nonexistent', async () => ({ etag: '"d"', read: async () => (reads++, Buffer.from(data)) }), () => now);
    const first = await served.current({ status: 'absent' });
    expect(first?.body.toString()).toContain('Install states from the served tree (no deploy manifest)');
    expect(await served.current({ status: 'absent' })).toBe(first);
    now = RECHECK_MS + 1;
    expect(await served.current({ status: 'absent' })).toEqual(first);
    expect(reads).toBe(1);
  });

  it('does not crash on report data with unusable values', async () => {
    const bad = new ServedReport('/nonexistent', async () => file(JSON.stringify({ format: 1, hosts: 'x' })));
    expect(await bad.current({ status: 'absent' })).toBeUndefined();
  });
});
