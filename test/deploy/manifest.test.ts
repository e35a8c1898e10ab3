/**
 * The deploy manifest: stable serialization, round trip, validation of every field with a
 * position, refusal of paths outside the tree, atomic writing.
 */
import { readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { MANIFEST_PATH, parseManifest, readManifestFile, serializeManifest, writeManifestFile, type Manifest, type ManifestEntry } from '../../src/deploy/manifest.js';
import { cleanup, tempDir } from './helpers.js';

const SHA_A = 'a'.repeat(64);
const SHA_B = 'b'.repeat(64);

function manifest(files: Record<string, Partial<ManifestEntry>>): Manifest {
  const map = new Map<string, ManifestEntry>();
  for (const [rel, e] of Object.entries(files)) map.set(rel, { sha256: SHA_A, mode: 0o644, kind: 'xl', owner: 'a.example.org', generator: 'panfab 0.1.0', ...e });
  return { generator: 'panfab 0.1.0', files: map };
}

function entryText(rel: string, body: Record<string, unknown>): string {
  return `{"format": 1, "generator": "panfab 0.1.0", "files": {\n${JSON.stringify(rel)}: ${JSON.stringify(body)}\n}}`;
}

const GOOD_BODY = { sha256: SHA_A, mode: '0644', kind: 'xl', owner: 'a.example.org', generator: 'panfab 0.1.0' };

describe('manifest serialization', () => {
  it('writes sorted paths, one line per file, octal modes and a final newline', () => {
    const text = serializeManifest(manifest({ 'xen/h/b.cfg': { sha256: SHA_B, mode: 0o600 }, 'ks/a.ks': { kind: 'kickstart' } }));
    expect(text).toBe(
      '{\n  "format": 1,\n  "generator": "panfab 0.1.0",\n  "files": {\n' +
        `    "ks/a.ks": {"sha256":"${SHA_A}","mode":"0644","kind":"kickstart","owner":"a.example.org","generator":"panfab 0.1.0"},\n` +
        `    "xen/h/b.cfg": {"sha256":"${SHA_B}","mode":"0600","kind":"xl","owner":"a.example.org","generator":"panfab 0.1.0"}\n` +
        '  }\n}\n',
    );
  });

  it('round-trips through parseManifest', () => {
    const m = manifest({ 'a/b': {}, 'c': { mode: 0o755, owner: '' } });
    const parsed = parseManifest(serializeManifest(m), 'm.json');
    expect(parsed.ok && parsed.manifest).toEqual(m);
  });

  it('writes an empty manifest as an empty files object', () => {
    const text = serializeManifest({ generator: 'panfab 0.1.0', files: new Map() });
    expect(JSON.parse(text)).toEqual({ format: 1, generator: 'panfab 0.1.0', files: {} });
  });
});

describe('manifest validation (PF602)', () => {
  it.each([
    ['a relative path with ..', '../etc/passwd', GOOD_BODY, /unusable path: the path has a '\.\.' segment/],
    ['an absolute path', '/etc/passwd', GOOD_BODY, /the path is absolute/],
    ['the bookkeeping directory', '.panfab/manifest.json', GOOD_BODY, /reserved/],
    ['a temporary name', 'ks/.panfab-tmp-1-x', GOOD_BODY, /temporary-file prefix/],
    ['a short hash', 'ks/a.ks', { ...GOOD_BODY, sha256: 'abc' }, /'sha256' must be 64/],
    ['an upper-case hash', 'ks/a.ks', { ...GOOD_BODY, sha256: 'A'.repeat(64) }, /'sha256' must be 64/],
    ['a numeric mode', 'ks/a.ks', { ...GOOD_BODY, mode: 420 }, /'mode' must be an octal string/],
    ['a missing owner', 'ks/a.ks', { ...GOOD_BODY, owner: undefined }, /'owner' must be a string/],
    ['an empty kind', 'ks/a.ks', { ...GOOD_BODY, kind: '' }, /'kind' must not be empty/],
  ])('refuses %s', (_what, rel, body, message) => {
    const r = parseManifest(entryText(rel, body), 'deployed/.panfab/manifest.json');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.diagnostics).toHaveLength(1);
    const d = r.diagnostics[0]!;
    expect(d.code).toBe('PF602');
    expect(d.message).toMatch(message);
    expect(d.span).toMatchObject({ file: 'deployed/.panfab/manifest.json', line: 2, col: 1 });
  });

  it('reports invalid JSON at the position the parser gives', () => {
    const r = parseManifest('{\n  "format": 1,\n  "files": {,}\n}', 'm.json');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.diagnostics[0]!.message).toMatch(/not valid JSON/);
    expect(r.diagnostics[0]!.span).toMatchObject({ line: 3, col: 13 });
  });

  it('refuses an unknown format version, naming the one it reads', () => {
    const r = parseManifest('{"format": 2, "generator": "x", "files": {}}', 'm.json');
    expect(!r.ok && r.diagnostics[0]!.message).toMatch(/unsupported manifest format 2 \(this panfab reads format 1\)/);
  });

  it.each([
    ['[]', /not a JSON object/],
    ['{"format": 1, "files": {}}', /'generator' must be a string/],
    ['{"format": 1, "generator": "g", "files": []}', /'files' must be an object/],
  ])('refuses the document %s', (text, message) => {
    const r = parseManifest(text, 'm.json');
    expect(!r.ok && r.diagnostics[0]!.message).toMatch(message);
  });

  it('reports every bad entry, each at its own line', () => {
    const text = `{"format": 1, "generator": "g", "files": {\n"a": {"sha256": "x"},\n"b": ${JSON.stringify(GOOD_BODY)},\n"c": 3\n}}`;
    const r = parseManifest(text, 'm.json');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.diagnostics.map((d) => [d.span?.line, d.message.slice(0, 26)])).toEqual([
      [2, 'invalid manifest: entry "a'],
      [4, 'invalid manifest: entry "c'],
    ]);
  });
});

describe('manifest files', () => {
  let dir: string;
  beforeEach(() => {
    dir = tempDir();
  });
  afterEach(() => cleanup(dir));

  it('reads an absent manifest as undefined', async () => {
    expect(await readManifestFile(dir)).toEqual({ ok: true, manifest: undefined });
  });

  it('writes atomically (no temporary file left) and reads back what it wrote', async () => {
    mkdirSync(path.join(dir, '.panfab'));
    const m = manifest({ 'ks/a.ks': {} });
    await writeManifestFile(dir, m);
    expect(readdirSync(path.join(dir, '.panfab'))).toEqual(['manifest.json']);
    expect(await readManifestFile(dir)).toEqual({ ok: true, manifest: m });
  });

  it('gives the diagnostics of a damaged manifest on disk', async () => {
    mkdirSync(path.join(dir, '.panfab'));
    writeFileSync(path.join(dir, MANIFEST_PATH), 'garbage');
    const r = await readManifestFile(dir);
    expect(!r.ok && r.diagnostics.map((d) => d.code)).toEqual(['PF602']);
    expect(readFileSync(path.join(dir, MANIFEST_PATH), 'utf8')).toBe('garbage');
  });
});
