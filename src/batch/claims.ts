/**
 * A claim table shared by the threads of one batch compile: one slot per requested file (in
 * sorted order) in shared memory. Every thread walks the whole list and builds the files whose
 * slot it is first to take, so the threads work like one queue: a thread that starts late or
 * meets slow files simply claims fewer. Which thread builds a file never changes its outputs
 * (objects are independent; those linked by external paths are compiled again together, see
 * pool.ts), so the outputs do not depend on the claiming.
 */

/** A claim table for `count` files, to pass to every thread of the batch. */
export function claimTable(count: number): SharedArrayBuffer {
  return new SharedArrayBuffer(Math.max(1, count) * Int32Array.BYTES_PER_ELEMENT);
}

/** The claim function of one thread: true when this thread is the first to claim file `index`. */
export function claimer(table: SharedArrayBuffer): (index: number) => boolean {
  const slots = new Int32Array(table);
  return (index) => Atomics.compareExchange(slots, index, 0, 1) === 0;
}
