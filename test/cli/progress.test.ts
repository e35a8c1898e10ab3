/** The progress line: when it is shown, what it says, how often it redraws, and that it is erased. */
import { ProgressLine, progressText, progressWanted } from '../../src/cli/progress.js';

function fakeStream(isTTY = true) {
  const writes: string[] = [];
  return { isTTY, writes, write: (t: string) => writes.push(t) };
}

describe('progress line', () => {
  it('is wanted on a terminal only, outside CI and without --quiet', () => {
    expect(progressWanted(fakeStream(true), {}, false)).toBe(true);
    expect(progressWanted(fakeStream(false), {}, false)).toBe(false);
    expect(progressWanted(fakeStream(true), { CI: 'true' }, false)).toBe(false);
    expect(progressWanted(fakeStream(true), { CI: '' }, false)).toBe(true);
    expect(progressWanted(fakeStream(true), {}, true)).toBe(false);
  });

  it('shows done/total, the rate and the time left', () => {
    expect(progressText('compiling', 0, 100, 0)).toBe('compiling 0/100 profiles');
    expect(progressText('compiling', 25, 100, 5)).toBe('compiling 25/100 profiles  5.0/s  ETA 15s');
    expect(progressText('compiling', 300, 10000, 10)).toBe('compiling 300/10000 profiles  30/s  ETA 5m24s');
    expect(progressText('compiling', 10, 100000, 10)).toBe('compiling 10/100000 profiles  1.0/s  ETA 27h46m');
    expect(progressText('compiling', 100, 100, 4)).toBe('compiling 100/100 profiles  25/s');
  });

  it('redraws one line at most every 100 ms, always at the end, and erases it when finished', () => {
    let now = 0;
    const stream = fakeStream();
    const line = new ProgressLine(stream, 'compiling', () => now);
    line.update(1, 4);
    now = 50;
    line.update(2, 4);
    now = 150;
    line.update(3, 4);
    now = 160;
    line.update(4, 4);
    line.finish();
    expect(stream.writes).toEqual([
      '\r\x1b[Kcompiling 1/4 profiles',
      '\r\x1b[Kcompiling 3/4 profiles  20/s  ETA 1s',
      '\r\x1b[Kcompiling 4/4 profiles  25/s',
      '\r\x1b[K',
    ]);
  });

  it('erases nothing when nothing was drawn', () => {
    const stream = fakeStream();
    new ProgressLine(stream, 'compiling').finish();
    expect(stream.writes).toEqual([]);
  });
});
