/**
 * The install server over a real socket (127.0.0.1:0) and real HTTP requests: every route,
 * content types, validators (ETag / If-None-Match / If-Modified-Since → 304), HEAD, 405 with
 * Allow, the access log, picking up changed files and a new manifest, and graceful shutdown.
 */
import { renameSync, utimesSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { REVALIDATE_MS } from '../../src/server/file-store.js';
import path from 'node:path';
import { DB_MAC, FILES, GENERATOR, MANAGED, WEB_MAC, makeTree, manifest, request, sha256, startServer, type Running, type Tree } from './tree.js';

let tree: Tree;
let srv: Running;

beforeEach(async () => {
  tree = makeTree();
  srv = await startServer(tree.root);
});

afterEach(async () => {
  await srv.server.stop();
  tree.remove();
});

const TEXT = 'text/plain; charset=utf-8';

describe('plain files', () => {
  test.each(FILES.map((f) => [f.path, f.content] as const))('%s is served byte for byte', async (rel, content) => {
    const r = await request(srv.port, '/' + rel);
    expect(r.status).toBe(200);
    expect(r.body.equals(Buffer.from(content))).toBe(true);
    expect(r.headers['content-length']).toBe(String(Buffer.byteLength(content)));
    expect(r.headers['etag']).toBe(`"${sha256(content)}"`);
    expect(r.headers['cache-control']).toBe('no-cache');
    expect(r.headers['last-modified']).toMatch(/GMT$/);
  });

  test('content types: boot configs, kickstarts, xl configs and iPXE are text; boot programs binary', async () => {
    const type = async (rel: string): Promise<string | undefined> => (await request(srv.port, '/' + rel)).headers['content-type'];
    expect(await type(`tftpboot/pxelinux.cfg/01-${WEB_MAC}`)).toBe(TEXT);
    expect(await type('tftpboot/pxelinux.cfg/default')).toBe(TEXT);
    expect(await type(`tftpboot/grub/grub.cfg-01-${WEB_MAC}`)).toBe(TEXT);
    expect(await type('ks/web01.example.org.ks')).toBe(TEXT);
    expect(await type('xen/dom0.example.org/web01.cfg')).toBe(TEXT);
    expect(await type('ipxe/web01.example.org.ipxe')).toBe(TEXT);
    expect(await type('tftpboot/pxelinux.0')).toBe('application/octet-stream');
    expect(await type('index.json')).toBe('application/json');
  });

  test('a symlink inside the tree (hex-IP name) serves its target', async () => {
    const r = await request(srv.port, '/tftpboot/pxelinux.cfg/C0A80105');
    expect(r.status).toBe(200);
    expect(r.body.toString()).toContain('inst.ks=');
  });

  test('missing files and directories are 404 and logged with the reason', async () => {
    expect((await request(srv.port, '/ks/nope.example.org.ks')).status).toBe(404);
    expect((await request(srv.port, '/tftpboot/pxelinux.cfg/')).status).toBe(404);
    expect((await request(srv.port, '/ks/web01.example.org.ks/x')).status).toBe(404);
    const log = await srv.logLines();
    expect(log[0]).toMatch(/^127\.0\.0\.1 - - \[\d\d\/\w{3}\/\d{4}:\d\d:\d\d:\d\d \+0000\] "GET \/ks\/nope\.example\.org\.ks HTTP\/1\.1" 404 10 [\d.]+ms refused="not found"$/);
    expect(log[1]).toContain('refused="not a regular file"');
    expect(log[2]).toMatch(/refused="not found \(a path component is a file\)"/);
  });

  test('a successful request is logged without a reason', async () => {
    await request(srv.port, '/ks/db01.example.org.ks');
    const [line] = await srv.logLines();
    expect(line).toMatch(/"GET \/ks\/db01\.example\.org\.ks HTTP\/1\.1" 200 \d+ [\d.]+ms$/);
  });
});

describe('lookup routes', () => {
  const webKs = FILES.find((f) => f.path === 'ks/web01.example.org.ks')!.content.toString();
  const dbKs = FILES.find((f) => f.path === 'ks/db01.example.org.ks')!.content.toString();
  const webIpxe = FILES.find((f) => f.path.endsWith('.ipxe'))!.content.toString();

  test('/ks/by-fqdn/<fqdn>, case-insensitive', async () => {
    expect((await request(srv.port, '/ks/by-fqdn/web01.example.org')).body.toString()).toBe(webKs);
    const upper = await request(srv.port, '/ks/by-fqdn/DB01.Example.ORG');
    expect(upper.status).toBe(200);
    expect(upper.body.toString()).toBe(dbKs);
    expect(upper.headers['content-type']).toBe(TEXT);
  });

  test.each([WEB_MAC, WEB_MAC.toUpperCase(), WEB_MAC.replace(/-/g, ':'), WEB_MAC.replace(/-/g, ''), '5254.0012.3456', `01-${WEB_MAC}`])(
    '/ks/by-mac/%s finds the host through its pxelinux file owner',
    async (mac) => {
      const r = await request(srv.port, `/ks/by-mac/${mac}`);
      expect(r.status).toBe(200);
      expect(r.body.toString()).toBe(webKs);
    },
  );

  test('/ks/by-mac for the other host, and unknown or malformed MACs and names', async () => {
    expect((await request(srv.port, `/ks/by-mac/${DB_MAC.toUpperCase()}`)).body.toString()).toBe(dbKs);
    expect((await request(srv.port, '/ks/by-mac/52-54-00-00-00-01')).status).toBe(404);
    expect((await request(srv.port, '/ks/by-mac/52-54-00-12-34')).status).toBe(404);
    expect((await request(srv.port, '/ks/by-mac/52:54-00:12-34:56')).status).toBe(404);
    expect((await request(srv.port, '/ks/by-fqdn/localhost')).status).toBe(404);
    expect((await request(srv.port, '/ks/by-fqdn/nohost.example.org')).status).toBe(404);
    const log = await srv.logLines();
    expect(log[1]).toContain('refused="no host boots from this MAC"');
    expect(log[2]).toContain('refused="not a MAC address"');
    expect(log[4]).toContain('refused="not a host name"');
    expect(log[5]).toContain('refused="no kickstart for this host"');
  });

  test('/ipxe/<fqdn> and /ipxe/<mac> serve the host script; exact file names still work', async () => {
    for (const key of ['web01.example.org', WEB_MAC, WEB_MAC.replace(/-/g, ':').toUpperCase(), 'web01.example.org.ipxe']) {
      const r = await request(srv.port, `/ipxe/${key}`);
      expect([key, r.status]).toEqual([key, 200]);
      expect(r.body.toString()).toBe(webIpxe);
      expect(r.headers['content-type']).toBe(TEXT);
    }
    expect((await request(srv.port, `/ipxe/${DB_MAC}`)).status).toBe(404);
  });

  test('/healthz reports the manifest generator version and file count', async () => {
    const r = await request(srv.port, '/healthz');
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe('application/json');
    expect(JSON.parse(r.body.toString())).toEqual({ status: 'ok', manifest: { status: 'ok', generator: GENERATOR, files: MANAGED.length } });
  });

  test('/healthz without a manifest, and with a broken one (503)', async () => {
    tree.write('.panfab/manifest.json', '{ not json');
    const broken = await request(srv.port, '/healthz');
    expect(broken.status).toBe(503);
    expect(JSON.parse(broken.body.toString())).toMatchObject({ status: 'degraded', manifest: { status: 'invalid' } });
    renameSync(path.join(tree.root, '.panfab', 'manifest.json'), path.join(tree.dir, 'm.json'));
    expect(JSON.parse((await request(srv.port, '/healthz')).body.toString())).toEqual({ status: 'ok', manifest: { status: 'absent' } });
  });

  test('/index.json and / list every managed artifact with kind, owner, sha256, size and URL', async () => {
    const r = await request(srv.port, '/index.json');
    expect(r.status).toBe(200);
    const index = JSON.parse(r.body.toString());
    expect(index.generator).toBe(GENERATOR);
    expect(index.count).toBe(MANAGED.length);
    const sorted = [...MANAGED].sort((a, b) => (a.path < b.path ? -1 : 1));
    expect(index.artifacts).toEqual(
      sorted.map((f) => ({ path: f.path, kind: f.kind, owner: f.owner ?? null, sha256: sha256(f.content), size: Buffer.byteLength(f.content), url: '/' + f.path })),
    );
    const slash = await request(srv.port, '/');
    expect(slash.body.equals(r.body)).toBe(true);
    for (const a of index.artifacts) expect((await request(srv.port, a.url)).status).toBe(200);
  });
});

describe('validators and methods', () => {
  const rel = '/ks/web01.example.org.ks';

  test('If-None-Match with the ETag (also weak, in a list, or *) gives 304 without a body', async () => {
    const first = await request(srv.port, rel);
    const etag = first.headers['etag']!;
    for (const inm of [etag, `W/${etag}`, `"other", ${etag}`, '*']) {
      const r = await request(srv.port, rel, { headers: { 'If-None-Match': inm } });
      expect([inm, r.status]).toEqual([inm, 304]);
      expect(r.body.length).toBe(0);
      expect(r.headers['etag']).toBe(etag);
    }
    expect((await request(srv.port, rel, { headers: { 'If-None-Match': '"other"' } })).status).toBe(200);
  });

  test('If-Modified-Since gives 304 when not modified, ignored when If-None-Match is present', async () => {
    const first = await request(srv.port, rel);
    const lm = first.headers['last-modified']!;
    expect((await request(srv.port, rel, { headers: { 'If-Modified-Since': lm } })).status).toBe(304);
    expect((await request(srv.port, rel, { headers: { 'If-Modified-Since': 'Thu, 01 Jan 1970 00:00:00 GMT' } })).status).toBe(200);
    expect((await request(srv.port, rel, { headers: { 'If-Modified-Since': lm, 'If-None-Match': '"x"' } })).status).toBe(200);
  });

  test('JSON routes carry an ETag and answer 304 too', async () => {
    const first = await request(srv.port, '/index.json');
    const r = await request(srv.port, '/index.json', { headers: { 'If-None-Match': first.headers['etag']! } });
    expect(r.status).toBe(304);
  });

  test('HEAD gives the GET headers and no body', async () => {
    const get = await request(srv.port, rel);
    const head = await request(srv.port, rel, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    for (const h of ['content-type', 'content-length', 'etag', 'last-modified', 'cache-control']) expect(head.headers[h]).toBe(get.headers[h]);
  });

  test.each(['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'TRACE'])('%s is 405 with Allow: GET, HEAD', async (method) => {
    const r = await request(srv.port, rel, { method });
    expect(r.status).toBe(405);
    expect(r.headers['allow']).toBe('GET, HEAD');
    const [line] = await srv.logLines();
    expect(line).toContain(`"${method} ${rel} HTTP/1.1" 405`);
    expect(line).toContain('refused="method not allowed"');
  });
});

describe('changes on disk', () => {
  test('a file replaced by rename (as deploy does) is served new at once, with a new ETag', async () => {
    const rel = 'ks/web01.example.org.ks';
    const before = await request(srv.port, '/' + rel);
    writeFileSync(path.join(tree.root, 'ks', '.panfab-tmp-x'), 'text\nreboot\n# v2\n');
    renameSync(path.join(tree.root, 'ks', '.panfab-tmp-x'), path.join(tree.root, rel));
    const after = await request(srv.port, '/' + rel);
    expect(after.body.toString()).toBe('text\nreboot\n# v2\n');
    expect(after.headers['etag']).not.toBe(before.headers['etag']);
    expect((await request(srv.port, '/' + rel, { headers: { 'If-None-Match': before.headers['etag']! } })).status).toBe(200);
  });

  test('an in-place edit with the same size is noticed through mtime', async () => {
    const rel = 'ks/db01.example.org.ks';
    await request(srv.port, '/' + rel);
    const full = path.join(tree.root, rel);
    writeFileSync(full, 'TEXT\nlang en_US.UTF-8\npoweroff\n');
    utimesSync(full, new Date(), new Date(Date.now() + 5000));
    expect((await request(srv.port, '/' + rel)).body.toString()).toBe('TEXT\nlang en_US.UTF-8\npoweroff\n');
  });

  test('a replaced parent directory, which no directory watch reports, is noticed by the periodic re-check', async () => {
    const rel = '/xen/dom0.example.org/web01.cfg';
    expect((await request(srv.port, rel)).body.toString()).toContain('"web01"');
    renameSync(path.join(tree.root, 'xen'), path.join(tree.dir, 'xen-old'));
    tree.write('xen/dom0.example.org/web01.cfg', 'name = "web01-new"\n');
    const deadline = Date.now() + REVALIDATE_MS + 5000;
    let body = '';
    while (Date.now() < deadline && !body.includes('web01-new')) {
      body = (await request(srv.port, rel)).body.toString();
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(body).toBe('name = "web01-new"\n');
  });

  test('a new manifest is picked up by the lookup routes and the index', async () => {
    const m = manifest() as { files: Record<string, { owner?: string }> };
    m.files[`tftpboot/pxelinux.cfg/01-${DB_MAC}`]!.owner = 'web01.example.org';
    tree.write('.panfab/manifest.json', JSON.stringify({ ...m, generator: 'panfab 0.2.0' }));
    const r = await request(srv.port, `/ks/by-mac/${DB_MAC}`);
    expect(r.body.toString()).toContain('reboot');
    expect(JSON.parse((await request(srv.port, '/index.json')).body.toString()).generator).toBe('panfab 0.2.0');
  });

  test('large files are streamed with the same validators', async () => {
    const big = Buffer.alloc(3 * 1024 * 1024 + 17, 0x5a);
    tree.write('tftpboot/el9/initrd.img', big);
    const r = await request(srv.port, '/tftpboot/el9/initrd.img');
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe('application/octet-stream');
    expect(r.headers['content-length']).toBe(String(big.length));
    expect(r.headers['etag']).toBe(`"${sha256(big)}"`);
    expect(r.body.equals(big)).toBe(true);
    expect((await request(srv.port, '/tftpboot/el9/initrd.img', { headers: { 'If-None-Match': r.headers['etag']! } })).status).toBe(304);
  });
});

describe('graceful shutdown', () => {
  test('stop() lets an in-flight request finish, then refuses new connections', async () => {
    const big = Buffer.alloc(8 * 1024 * 1024, 0x41);
    tree.write('tftpboot/big.img', big);
    let stopped: Promise<void> | undefined;
    const received = await new Promise<{ status: number; length: number; connection?: string }>((resolve, reject) => {
      const req = http.get({ host: '127.0.0.1', port: srv.port, path: '/tftpboot/big.img', agent: new http.Agent({ keepAlive: true }) }, (res) => {
        stopped = srv.server.stop();
        let length = 0;
        res.on('data', (c: Buffer) => (length += c.length));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, length, connection: res.headers['connection'] }));
      });
      req.on('error', reject);
    });
    expect(received).toMatchObject({ status: 200, length: big.length });
    await stopped;
    await expect(request(srv.port, '/healthz')).rejects.toThrow(/ECONNREFUSED/);
  });
});
