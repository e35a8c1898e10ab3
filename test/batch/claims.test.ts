/**
 * The claim table: each index is claimed once, by whichever claimer asks first, across
 * threads too (the table is shared memory).
 */
import { Worker } from 'node:worker_threads';
import { claimer, claimTable } from '../../src/batch/claims.js';

describe('claim table', () => {
  it('grants each index once', () => {
    const table = claimTable(4);
    const a = claimer(table);
    const b = claimer(table);
    expect([a(0), b(0), b(1), a(1), a(3)]).toEqual([true, false, true, false, true]);
    expect([b(2), a(2), b(3)]).toEqual([true, false, false]);
  });

  it('grants every index exactly once between two threads claiming at the same time', async () => {
    const count = 20000;
    const table = claimTable(count);
    // The other thread claims through the same shared memory (the same compare-and-exchange).
    const other = new Worker(
      `const { workerData, parentPort } = require('node:worker_threads');
       const slots = new Int32Array(workerData);
       let n = 0;
       for (let i = 0; i < slots.length; i++) if (Atomics.compareExchange(slots, i, 0, 1) === 0) n++;
       parentPort.postMessage(n);`,
      { eval: true, workerData: table },
    );
    const theirs = new Promise<number>((resolve) => other.once('message', resolve));
    const claim = claimer(table);
    let mine = 0;
    for (let i = 0; i < count; i++) if (claim(i)) mine++;
    expect(mine + (await theirs)).toBe(count);
  });
});
