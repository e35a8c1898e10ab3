/**
 * One headless network boot under qemu (software emulation): qemu's user-mode network serves
 * DHCP and a read-only TFTP directory, with `restrict=on` so the guest reaches nothing outside
 * the qemu process. The serial console goes to a log file that is polled for marker texts until
 * a deadline; the qemu process is always killed and reaped before the call returns.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

/** What to boot and what to look for. */
export interface BootRequest {
  readonly qemu: string;
  /** Directory served by qemu's TFTP server. */
  readonly tftpDir: string;
  /** Network boot program (or iPXE script), relative to tftpDir. */
  readonly bootfile: string;
  /** NIC MAC (colon form); qemu's default is 52:54:00:12:34:56. */
  readonly mac?: string;
  /** Mirror all BIOS text output (SeaBIOS, iPXE, boot loaders) to the serial port. */
  readonly mirrorScreen?: boolean;
  /** Serial log file (created by qemu). */
  readonly serialLog: string;
  /** Texts that must all appear for success. */
  readonly expect: readonly string[];
  /** Texts whose appearance ends the boot as a failure. */
  readonly failOn: readonly string[];
  readonly deadlineMs: number;
}

/** How the boot ended and what the serial console showed (terminal escapes removed). */
export interface BootOutcome {
  readonly result: 'found' | 'failure-text' | 'deadline' | 'qemu-exited';
  /** The failure text seen, for `failure-text`. */
  readonly failure?: string;
  readonly console: string;
  readonly qemuStderr: string;
  readonly elapsedMs: number;
}

/** Removes cursor movement, colour, character-set and SO/SI/backspace/CR control sequences. */
export function stripTerminal(raw: string): string {
  return raw
    .replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '')
    .replace(/\x1b[()][0-9A-Za-z]/g, '')
    .replace(/\x1b%[@G8]/g, '')
    .replace(/\x1b[A-Za-z=>]/g, '')
    .replace(/[\x08\x0e\x0f\r]/g, '');
}

function qemuArgs(request: BootRequest): string[] {
  const nic = request.mac === undefined ? 'e1000,netdev=n0' : `e1000,netdev=n0,mac=${request.mac}`;
  return [
    '-M', request.mirrorScreen ? 'pc,graphics=off' : 'pc',
    '-accel', 'tcg', '-m', '256',
    '-display', 'none', '-monitor', 'none',
    '-serial', `file:${request.serialLog}`,
    '-boot', 'n', '-no-reboot',
    '-netdev', `user,id=n0,restrict=on,tftp=${request.tftpDir},bootfile=${request.bootfile}`,
    '-device', nic,
  ];
}

function readConsole(file: string): string {
  return existsSync(file) ? stripTerminal(readFileSync(file, 'latin1')) : '';
}

const POLL_MS = 200;

/** Boots qemu, polls the serial log every 200 ms, and kills qemu when an outcome is known. */
export async function bootAndWatch(request: BootRequest): Promise<BootOutcome> {
  const started = Date.now();
  const child = spawn(request.qemu, qemuArgs(request), { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.once('error', (error) => {
      stderr += String(error);
      resolve();
    });
  });
  let running = true;
  void exited.then(() => (running = false));
  const finish = (result: BootOutcome['result'], text: string, failure?: string): BootOutcome => ({
    result, failure, console: text, qemuStderr: stderr, elapsedMs: Date.now() - started,
  });
  try {
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      const text = readConsole(request.serialLog);
      const failure = request.failOn.find((marker) => text.includes(marker));
      if (failure !== undefined) return finish('failure-text', text, failure);
      if (request.expect.every((marker) => text.includes(marker))) return finish('found', text);
      if (!running) return finish('qemu-exited', text);
      if (Date.now() - started > request.deadlineMs) return finish('deadline', text);
    }
  } finally {
    await stop(child.pid, () => running, exited);
  }
}

/** SIGTERM, then SIGKILL after 3 s; resolves once the process has exited. */
async function stop(pid: number | undefined, isRunning: () => boolean, exited: Promise<void>): Promise<void> {
  if (pid === undefined || !isRunning()) return exited;
  process.kill(pid, 'SIGTERM');
  const timer = setTimeout(() => {
    if (isRunning()) process.kill(pid, 'SIGKILL');
  }, 3000);
  await exited;
  clearTimeout(timer);
}
