/** Template and text file lookup on the load path (§3.5). */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SourceLocator, rootUri } from '../../src/source/locate.js';

let base: string;

beforeAll(() => {
  base = mkdtempSync(path.join(os.tmpdir(), 'panfab-locate-'));
  for (const f of ['d1/a.tpl', 'd1/b.pan', 'd2/a.pan', 'd2/sub/c.pan', 'd2/b.tpl', 'd2/data.txt', 'd1/sub/data.txt']) {
    mkdirSync(path.dirname(path.join(base, f)), { recursive: true });
    writeFileSync(path.join(base, f), '');
  }
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('SourceLocator', () => {
  test('include directories in order, .pan before .tpl in each directory', () => {
    const loc = new SourceLocator([path.join(base, 'd1'), path.join(base, 'd2')]);
    expect(loc.findTemplate('a', [''])?.absPath).toBe(path.join(base, 'd1/a.tpl'));
    expect(loc.findTemplate('a', [''])?.type).toBe('TPL');
    expect(loc.findTemplate('b', [''])?.absPath).toBe(path.join(base, 'd1/b.pan'));
    expect(loc.findTemplate('zz', [''])).toBeUndefined();
  });

  test('LOADPATH entries are searched after the directory itself; the root is the directory used', () => {
    const loc = new SourceLocator([path.join(base, 'd2')]);
    const c = loc.findTemplate('c', ['', 'sub']);
    expect(c?.absPath).toBe(path.join(base, 'd2/sub/c.pan'));
    expect(c?.root).toBe(path.join(base, 'd2/sub'));
    expect(loc.findTemplate('c', [''])).toBeUndefined();
  });

  test('text files use the plain name', () => {
    const loc = new SourceLocator([path.join(base, 'd1'), path.join(base, 'd2')]);
    expect(loc.findText('data.txt', [''])?.absPath).toBe(path.join(base, 'd2/data.txt'));
    expect(loc.findText('data.txt', ['', 'sub'])?.absPath).toBe(path.join(base, 'd1/sub/data.txt'));
    expect(loc.findText('none.txt', [''])).toBeUndefined();
  });

  test('display paths keep the include directory as given', () => {
    const rel = path.relative(process.cwd(), path.join(base, 'd2'));
    const loc = new SourceLocator([rel]);
    expect(loc.findTemplate('a', [''])?.displayPath).toBe(path.join(rel, 'a.pan'));
  });

  test('paths are those path.join writes, for plain and other names and any form of directory', () => {
    const rel = path.relative(process.cwd(), path.join(base, 'd2'));
    const forms = [rel, `${rel}/`, `./${rel}`, path.join(base, 'd2'), `${path.join(base, 'd2')}//`, `${rel}/../d2`];
    const names = ['a', 'sub/c', 'sub//c', './sub/c', 'sub/../a', 'x/../sub/c'];
    for (const dir of forms) {
      const loc = new SourceLocator([dir]);
      for (const name of names) {
        const found = loc.findTemplate(name, ['']);
        const expected = name.endsWith('a') ? 'a.pan' : 'sub/c.pan';
        expect([dir, name, found?.absPath, found?.displayPath, found?.root]).toEqual([
          dir,
          name,
          path.join(base, 'd2', expected),
          path.join(dir, '', name) + '.pan',
          path.join(path.resolve(dir), ''),
        ]);
      }
      expect(loc.findTemplate('c', ['', 'sub/'])?.displayPath).toBe(path.join(dir, 'sub/', 'c') + '.pan');
      expect(loc.findText('sub', [''])?.type).toBe('TEXT');
      expect(loc.findText('sub/nothing', [''])).toBeUndefined();
      expect(loc.findTemplate('nothing/c', [''])).toBeUndefined();
    }
  });

  test('root URIs are file: URIs of directories', () => {
    expect(rootUri('/a/b')).toBe('file:/a/b/');
  });
});
