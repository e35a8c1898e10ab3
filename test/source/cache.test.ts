/** Per-process source caches: a file version is parsed and checked once; reads can be reported. */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PathPairMap, SourceReader, cachedCompile } from '../../src/source/cache.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'panfab-cache-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('source caches', () => {
  test('the same content is parsed once across readers; changed content is parsed again', () => {
    const file = path.join(dir, 'a.pan');
    writeFileSync(file, "object template a;\n'/x' = 1;\n");
    const first = new SourceReader().parse(file, file);
    const second = new SourceReader().parse(file, file);
    expect(second).toBe(first);
    expect(first.ast?.name).toBe('a');
    writeFileSync(file, "object template a;\n'/x' = 2;\n");
    const third = new SourceReader().parse(file, file);
    expect(third).not.toBe(first);
  });

  test('one reader reads a file once (a consistent snapshot)', () => {
    const file = path.join(dir, 'b.pan');
    writeFileSync(file, 'object template b;\n');
    const reader = new SourceReader();
    const before = reader.parse(file, file);
    writeFileSync(file, 'object template b;\n# changed\n');
    expect(reader.parse(file, file)).toBe(before);
  });

  test('a reader reports each file once, with its state before the read and the hash of what it read', () => {
    const file = path.join(dir, 'r.pan');
    const text = "object template r;\n'/name' = 'caf\u00e9';\n";
    writeFileSync(file, text);
    const reads: unknown[] = [];
    const reader = new SourceReader((r) => reads.push(r));
    reader.parse(file, file);
    reader.text(file);
    const st = statSync(file);
    const sha1 = createHash('sha1').update(Buffer.from(text, 'utf8')).digest('hex');
    expect(reads).toEqual([{ path: file, size: st.size, mtimeMs: st.mtimeMs, sha1 }]);
  });

  test('a released file is parsed again from the text the reader read, not from the disk', () => {
    const file = path.join(dir, 'released.pan');
    writeFileSync(file, "object template released;\n'/x' = 1;\n");
    const reader = new SourceReader();
    const first = reader.parse(file, file);
    writeFileSync(file, "object template changed;\n'/x' = 2;\n");
    reader.release(file, file);
    const again = reader.parse(file, file);
    expect(again).not.toBe(first);
    expect(again.ast?.name).toBe('released');
    expect(new SourceReader().parse(file, file).ast?.name).toBe('changed');
  });

  test('a reported read hashes the bytes of the file, whatever its size or encoding', () => {
    const big = path.join(dir, 'big.pan');
    const bigText = `object template big;\n'/x' = '${'y'.repeat(200_000)}';\n`;
    writeFileSync(big, bigText);
    const latin1 = path.join(dir, 'latin1.pan');
    const latin1Bytes = Buffer.from("object template latin1;\n'/x' = 'caf\u00e9';\n", 'latin1');
    writeFileSync(latin1, latin1Bytes);
    const reads: Array<{ path: string; size: number; sha1: string }> = [];
    const reader = new SourceReader((r) => reads.push(r));
    expect(reader.text(big)).toBe(bigText);
    expect(reader.text(latin1)).toBe(latin1Bytes.toString('utf8'));
    const sha1 = (bytes: Buffer): string => createHash('sha1').update(bytes).digest('hex');
    expect(reads.map((r) => [r.path, r.size, r.sha1])).toEqual([
      [big, Buffer.byteLength(bigText), sha1(Buffer.from(bigText, 'utf8'))],
      [latin1, latin1Bytes.length, sha1(latin1Bytes)],
    ]);
  });

  test('reading a directory or a missing file throws the file system error and reports nothing', () => {
    const reads: unknown[] = [];
    const reader = new SourceReader((r) => reads.push(r));
    expect(() => reader.text(dir)).toThrow(/EISDIR/);
    expect(() => reader.text(path.join(dir, 'missing.pan'))).toThrow(/ENOENT/);
    expect(reads).toEqual([]);
  });

  test('parse errors are returned as diagnostics', () => {
    const file = path.join(dir, 'c.pan');
    writeFileSync(file, "object template c;\n'/x' = ;\n");
    const parsed = new SourceReader().parse(file, file);
    expect(parsed.ast).toBeUndefined();
    expect(parsed.diagnostics.length).toBeGreaterThan(0);
  });

  test('compiled forms are computed once per file version and signature', () => {
    const file = path.join(dir, 'd.pan');
    writeFileSync(file, 'object template d;\n');
    const parsed = new SourceReader().parse(file, file);
    let calls = 0;
    const build = () => ++calls;
    expect(cachedCompile(parsed, 'sig', build)).toBe(1);
    expect(cachedCompile(parsed, 'sig', build)).toBe(1);
    expect(cachedCompile(parsed, 'other', build)).toBe(2);
    expect(cachedCompile(parsed, 'third', build)).toBe(3);
    expect(['sig', 'other', 'third', 'other', 'sig'].map((sig) => cachedCompile(parsed, sig, build))).toEqual([1, 2, 3, 2, 1]);
  });

  test('a new version of a file gets its own compiled forms', () => {
    const file = path.join(dir, 'e.pan');
    writeFileSync(file, 'object template e;\n');
    const before = new SourceReader().parse(file, file);
    expect(cachedCompile(before, 'sig', () => 'old')).toBe('old');
    writeFileSync(file, "object template e;\n'/x' = 1;\n");
    const after = new SourceReader().parse(file, file);
    expect(after).not.toBe(before);
    expect(cachedCompile(after, 'sig', () => 'new')).toBe('new');
    expect(cachedCompile(new SourceReader().parse(file, file), 'sig', () => 'again')).toBe('new');
  });

  test('the same file under another display path is parsed for that path', () => {
    const file = path.join(dir, 'f.pan');
    writeFileSync(file, 'object template f;\n');
    const reader = new SourceReader();
    const a = reader.parse(file, 'one/f.pan');
    const b = reader.parse(file, 'two/f.pan');
    expect(b).not.toBe(a);
    expect(a.ast?.span.file).toBe('one/f.pan');
    expect(b.ast?.span.file).toBe('two/f.pan');
    expect(new SourceReader().parse(file, 'one/f.pan')).toBe(a);
    const c = reader.parse(file, 'three/f.pan');
    expect([reader.parse(file, 'one/f.pan'), reader.parse(file, 'two/f.pan'), reader.parse(file, 'three/f.pan')]).toEqual([a, b, c]);
    expect(c.ast?.span.file).toBe('three/f.pan');
  });
});

describe('PathPairMap', () => {
  test('keeps a value per pair of paths, one or more display paths per absolute path', () => {
    const map = new PathPairMap<number>();
    map.set('/a.pan', 'a.pan', 1);
    map.set('/a.pan', 'x/a.pan', 2);
    map.set('/a.pan', 'y/a.pan', 3);
    map.set('/b.pan', 'a.pan', 4);
    expect([map.get('/a.pan', 'a.pan'), map.get('/a.pan', 'x/a.pan'), map.get('/a.pan', 'y/a.pan'), map.get('/b.pan', 'a.pan')]).toEqual([1, 2, 3, 4]);
    expect([map.get('/a.pan', 'z/a.pan'), map.get('/b.pan', 'x/a.pan'), map.get('/c.pan', 'a.pan')]).toEqual([undefined, undefined, undefined]);
    expect(map.size).toBe(4);
    map.set('/a.pan', 'a.pan', 5);
    map.set('/a.pan', 'y/a.pan', 6);
    expect([map.size, map.get('/a.pan', 'a.pan'), map.get('/a.pan', 'y/a.pan')]).toEqual([4, 5, 6]);
    map.clear();
    expect([map.size, map.get('/a.pan', 'a.pan')]).toEqual([0, undefined]);
  });
});
