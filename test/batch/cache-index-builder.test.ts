/**
 * Assembly of the build cache's index: this run's entries appended to the previous index,
 * examined file states updated in place, records whose time cannot vouch for their hash
 * marked to be hashed again, and a request's objects linked to this run's entries.
 */
import { IndexBuilder, type BuilderStates } from '../../src/batch/cache-index-builder.js';
import { FORMAT_VERSION, StoredIndex, type IndexData } from '../../src/batch/cache-index.js';
import type { FileRecord } from '../../src/batch/file-state.js';
import type { ObjectOutcome } from '../../src/batch/job.js';
import type { Dependency } from '../../src/pan/compiler-api.js';

const WRITTEN = 1_000_000;

/** A previous index of one object `a` (file /s/a.pan, depending on /t/x.pan) and a racy record /t/y.pan. */
function previous(): StoredIndex {
  const data: IndexData = {
    version: FORMAT_VERSION,
    written: WRITTEN,
    files: { path: ['/s/a.pan', '/t/x.pan', '/t/y.pan'], size: [10, 20, 30], mtime: [1000, 2000, WRITTEN - 10], hash: ['ha', 'hx', 'hy'] },
    dependencies: { name: ['a', 'x', 'y'], type: ['PAN', 'PAN', 'PAN'], location: ['file:///s/', 'file:///t/', 'file:///t/'], files: [0, 1, 2], end: [1, 2, 3] },
    objects: { name: ['a'], file: ['s/a.pan'], deps: [0, 1, 2], depsEnd: [3], outputSuffix: ['json'], outputSize: [5], outputMtime: [3000], outputsEnd: [1], diagnostics: {}, reads: {} },
    requests: { file: [0], objects: [0], end: [1] },
  };
  return new StoredIndex(data);
}

/** File states where only the given records were examined; dependencies resolve to /s/NAME.pan. */
function states(examined: FileRecord[]): BuilderStates {
  const byPath = new Map(examined.map((r) => [r[0], r]));
  const state = (p: string): FileRecord => {
    let r = byPath.get(p);
    if (r === undefined) byPath.set(p, (r = [p, 1, 1, `h-${p}`]));
    return r;
  };
  return {
    filesOf: (d: Dependency) => [state(`/s/${d.name}.pan`)],
    examined: (p) => byPath.get(p),
    state,
  };
}

function outcome(name: string, deps: string[]): ObjectOutcome {
  return { name, file: `s/${name}.pan`, ok: true, diagnostics: [], dependencies: deps.map((d) => ({ name: d, type: 'PAN', location: 'file:///s/' })), objects: [], outputs: [] };
}

describe('IndexBuilder', () => {
  it('appends new entries, updates examined records and distrusts unexamined racy ones', () => {
    const builder = new IndexBuilder(previous(), states([['/t/x.pan', 21, 2100, 'hx2']]));
    builder.addObject(outcome('b', ['b', 'x']), [{ suffix: 'json', size: 7, mtimeMs: 4000 }]);
    builder.addRequest(['/s/b.pan', 1, 1, 'hb'], ['b']);
    const next = new StoredIndex(builder.data());
    expect(next.data.objects.name).toEqual(['a', 'b']);
    expect(next.fileRecord(next.data.files.path.indexOf('/t/x.pan'))).toEqual(['/t/x.pan', 21, 2100, 'hx2']);
    // Old enough: kept as it was. Racy at the previous writing: hashed again next time.
    expect(next.fileRecord(0)).toEqual(['/s/a.pan', 10, 1000, 'ha']);
    expect(next.fileRecord(2)).toEqual(['/t/y.pan', -1, WRITTEN - 10, 'hy']);
    const b = next.request('/s/b.pan')!;
    expect(next.requestObjects(b).map((o) => next.objectName(o))).toEqual(['b']);
    expect(next.outcome(next.requestObjects(b)[0]!).dependencies.map((d) => d.name)).toEqual(['b', 'x']);
    expect(next.request('/s/a.pan')).toBe(0);
  });

  it('lets a file\'s new request supersede its old one', () => {
    const builder = new IndexBuilder(previous(), states([]));
    builder.addObject(outcome('a', ['a']), []);
    builder.addRequest(['/s/a.pan', 11, 1100, 'ha2'], ['a']);
    const next = new StoredIndex(builder.data());
    const r = next.request('/s/a.pan')!;
    expect(r).toBe(1);
    expect(next.objectDependencies(next.requestObjects(r)[0]!).map((d) => next.dependency(d).name)).toEqual(['a']);
  });

  it('writes a first index with its requests linked to the entries', () => {
    const builder = new IndexBuilder(undefined, states([]));
    builder.addObject(outcome('a', ['a']), [{ suffix: 'json', size: 3, mtimeMs: 9 }]);
    builder.addRequest(['/s/a.pan', 1, 1, 'h'], ['a']);
    const next = new StoredIndex(builder.data());
    expect(next.outputs(next.requestObjects(next.request('/s/a.pan')!)[0]!)).toEqual([{ suffix: 'json', size: 3, mtimeMs: 9 }]);
  });
});
