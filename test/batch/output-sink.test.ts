/**
 * Output sinks: both write every file through a temporary file renamed into place, leave no
 * temporary behind, replace existing files, report the files they could not write with the
 * object they belong to and the modification time of the others. The threaded sink runs the compiled writer (dist/, built by
 * `npm test`), and bounds the bytes waiting for it.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { synchronousSink, temporaryName, threadedSink, type OutputSink } from '../../src/batch/output-sink.js';

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'panfab-sink-'));
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);

describe.each([
  ['synchronous', synchronousSink],
  ['threaded', threadedSink],
])('%s sink', (_name, make: () => OutputSink) => {
  it('writes files, creating directories and replacing what was there, without leftovers', async () => {
    mkdirSync(path.join(dir, 'out'));
    writeFileSync(path.join(dir, 'out', 'a.json'), 'old');
    const sink = make();
    for (let i = 0; i < 200; i++) sink.write(`o${i}`, path.join(dir, 'out', i % 2 === 0 ? 'even' : 'odd', `o${i}.json`), bytes(`{"n": ${i}}`));
    sink.write('a', path.join(dir, 'out', 'a.json'), bytes('new'));
    const report = await sink.finish();
    expect(report.failures).toEqual([]);
    expect(report.written.size).toBe(201);
    expect(report.written.get(path.join(dir, 'out', 'odd', 'o7.json'))).toBe(statSync(path.join(dir, 'out', 'odd', 'o7.json')).mtimeMs);
    expect(readFileSync(path.join(dir, 'out', 'a.json'), 'utf8')).toBe('new');
    expect(readFileSync(path.join(dir, 'out', 'odd', 'o7.json'), 'utf8')).toBe('{"n": 7}');
    expect(readdirSync(path.join(dir, 'out', 'even')).sort()).toEqual(Array.from({ length: 100 }, (_, i) => `o${2 * i}.json`).sort());
    expect(readdirSync(path.join(dir, 'out', 'odd')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('reports each file it cannot write with its object, and writes the others', async () => {
    writeFileSync(path.join(dir, 'blocker'), 'a file where a directory is needed');
    const sink = make();
    sink.write('good', path.join(dir, 'good.json'), bytes('1'));
    sink.write('bad', path.join(dir, 'blocker', 'bad.json'), bytes('2'));
    const { failures, written } = await sink.finish();
    expect([...written.keys()]).toEqual([path.join(dir, 'good.json')]);
    expect(failures.map((f) => [f.owner, f.target])).toEqual([['bad', path.join(dir, 'blocker', 'bad.json')]]);
    expect(failures[0]!.reason).toMatch(/ENOTDIR|EEXIST/);
    expect(readFileSync(path.join(dir, 'good.json'), 'utf8')).toBe('1');
    expect(readdirSync(dir).sort()).toEqual(['blocker', 'good.json']);
  });
});

describe('threaded sink', () => {
  it('keeps the caller\'s buffer intact (it sends a copy) and writes more than its pending bound in total', async () => {
    const sink = threadedSink();
    const big = new Uint8Array(8 * 1024 * 1024).fill(65);
    for (let i = 0; i < 12; i++) sink.write(`b${i}`, path.join(dir, `b${i}.bin`), big);
    expect(big.byteLength).toBe(8 * 1024 * 1024);
    expect((await sink.finish()).failures).toEqual([]);
    expect(readFileSync(path.join(dir, 'b11.bin')).equals(Buffer.from(big))).toBe(true);
  });
});

describe('temporaryName', () => {
  it('is the path.join of the target directory and a hidden name unique per process, thread and file', () => {
    for (const target of ['a.json', './a.json', 'out/a.json', '/a', 'x/../y.json', '../a.json', 'a//b', 'a/b/', '/dev/x/y.json']) {
      const name = temporaryName(target, 3);
      const counter = /\.(\d+)\.tmp$/.exec(name)![1];
      expect(name).toBe(path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.3.${counter}.tmp`));
    }
    expect(temporaryName('out/a.json')).not.toBe(temporaryName('out/a.json'));
  });
});
