/**
 * Entry point of the writer thread of a threaded output sink (output-sink.ts): writes each
 * file it is sent through its temporary name, subtracts its size from the shared count of
 * pending bytes (waking the compiling thread if it waits), and on `end` replies with the files
 * that could not be written.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { writeThroughTemporary, type WriteFailure, type WriterReply, type WriterRequest } from './output-sink.js';

function serve(port: NonNullable<typeof parentPort>, pending: Int32Array): void {
  const made = new Set<string>();
  const failures: WriteFailure[] = [];
  port.on('message', (m: WriterRequest) => {
    if (m.kind === 'end') {
      port.postMessage({ kind: 'ended', failures } satisfies WriterReply);
      port.close();
      return;
    }
    try {
      writeThroughTemporary(m.target, m.temporary, m.data, made);
    } catch (err) {
      failures.push({ owner: m.owner, target: m.target, reason: err instanceof Error ? err.message : String(err) });
    }
    Atomics.sub(pending, 0, m.data.byteLength);
    Atomics.notify(pending, 0);
  });
}

if (parentPort !== null) serve(parentPort, new Int32Array((workerData as { pending: SharedArrayBuffer }).pending));
