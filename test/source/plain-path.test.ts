/** Plain-name path joins give exactly what path.join gives, for plain and other names and bases. */
import path from 'node:path';
import { hasPlainSegments, isPlainName, isResolvedPath, joinBelow, joinName, prefixBelow, resolvePath } from '../../src/source/plain-path.js';

const NAMES = ['a', 'site/hosts/node01', 'a.b/c-d+e', '.hidden', 'a/./b', 'a/../b', '../a', 'a//b', 'a/', '/abs', '', '.', '..'];
const NORMALISED_BASES = ['/', '/work/site', '.', 'rel/dir', '/work/site/'];
const ANY_DIRS = [...NORMALISED_BASES, './out', 'out/', 'a/../out', '/x//y/', ''];

describe('plain-path', () => {
  it('tells plain names from names path.join would rewrite', () => {
    expect(NAMES.filter(hasPlainSegments)).toEqual(['a', 'site/hosts/node01', 'a.b/c-d+e', '.hidden']);
    expect(isPlainName('a/b')).toBe(path.sep === '/');
  });

  it('joins a name below a normalised base as path.join does', () => {
    for (const base of NORMALISED_BASES) for (const name of NAMES) expect([base, name, joinName(base, name)]).toEqual([base, name, path.join(base, name)]);
  });

  it('joins a name below any directory as path.join does, the prefix computed once per directory', () => {
    for (const dir of ANY_DIRS) {
      for (const name of NAMES) expect([dir, name, joinBelow(dir, name)]).toEqual([dir, name, path.join(dir, name)]);
      if (path.sep === '/') expect(prefixBelow(dir) + 'x').toBe(path.join(dir, 'x'));
    }
  });

  it('resolves paths as path.resolve does, and leaves resolved absolute paths as they are', () => {
    const paths = ['/', '/work/site/a.pan', '/work//site', '/work/./a', '/work/../a', '/work/site/', 'rel/a.pan', '', '.', '/.hidden/a'];
    for (const p of paths) expect([p, resolvePath(p)]).toEqual([p, path.resolve(p)]);
    for (const p of paths) if (isResolvedPath(p)) expect(path.resolve(p)).toBe(p);
    expect(paths.filter(isResolvedPath)).toEqual(path.sep === '/' ? ['/work/site/a.pan', '/.hidden/a'] : []);
  });
});
