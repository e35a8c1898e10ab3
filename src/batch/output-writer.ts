/**
 * Entry point of the writer thread of a threaded output sink (output-sink.ts): writes each
 * file of each batch it is sent through its temporary name, subtracts the batch's size from
 * the shared count of pending bytes (waking the compiling thread if it waits), and on `end`
 * replies with the files that could not be written and the modification times of the others.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { writeThroughTemporary, type WriteFailure, type WriterReply, type WriterRequest } from './output-sink.js';

function serve(port: NonNullable<typeof parentPort>, pending: Int32Array): void {
  const made = new Set<string>();
  const failures: WriteFailure[] = [];
  const written: Array<string | number> = [];
  port.on('message', (m: WriterRequest) => {
    if (m.kind === 'end') {
      port.postMessage({ kind: 'ended', failures, written } satisfies WriterReply);
      port.close();
      return;
    }
    for (const f of m.files) {
      try {
        written.push(f.target, writeThroughTemporary(f.target, f.temporary, new Uint8Array(m.buffer, f.start, f.end - f.start), made));
      } catch (err) {
        failures.push({ owner: f.owner, target: f.target, reason: err instanceof Error ? err.message : String(err) });
      }
    }
    Atomics.sub(pending, 0, m.buffer.byteLength);
    Atomics.notify(pending, 0);
  });
}

if (parentPort !== null) serve(parentPort, new Int32Array((workerData as { pending: SharedArrayBuffer }).pending));
