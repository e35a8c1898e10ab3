/** The default thread count: the machine's cores, but no more than one thread per MIN_FILES_PER_THREAD files. */
import os from 'node:os';
import { defaultThreads, MIN_FILES_PER_THREAD } from '../../src/batch/threads.js';

const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;

describe('defaultThreads', () => {
  it('compiles small batches in one thread', () => {
    expect(defaultThreads(1)).toBe(1);
    expect(defaultThreads(MIN_FILES_PER_THREAD - 1)).toBe(1);
  });

  it('adds a thread per MIN_FILES_PER_THREAD files, up to the cores', () => {
    expect(defaultThreads(2 * MIN_FILES_PER_THREAD)).toBe(Math.min(cores, 2));
    expect(defaultThreads(1000 * MIN_FILES_PER_THREAD)).toBe(cores);
  });
});
