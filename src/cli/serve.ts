/**
 * `panfab serve`: runs the read-only HTTP install server over a deployed tree until SIGINT or
 * SIGTERM, then shuts down gracefully (in-flight requests finish) and exits 0.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import type { Writable } from 'node:stream';
import { createInstallServer } from '../server/server.js';
import { flag, parseArgs, stringOption, type OptionSpec } from './argv.js';

export const summary = 'serve a deployed tree over HTTP (kickstarts, boot files, index)';

const USAGE = `usage: panfab serve --root DIR [options]

Serves the deployed tree DIR read-only over HTTP: every file at its relative path, plus
  /healthz  /index.json  /ks/by-fqdn/<fqdn>  /ks/by-mac/<mac>  /ipxe/<mac or fqdn>
  /  and  /report: the site report page, when the tree carries one (else / is /index.json)
Runs until SIGINT or SIGTERM, then finishes in-flight requests and exits 0.

options:
  --root DIR            deployed tree to serve (required)
  --host ADDR           address to bind (default 127.0.0.1)
  --port N              port to bind (default 8080; 0 picks a free port)
  --access-log FILE|-   append the access log to FILE, or write it to stdout with '-'
                        (default: stderr)
  --quiet               no access log (the start-up line with the URL is still printed)
  -h, --help            show this help
`;

const SPECS: readonly OptionSpec[] = [
  { name: 'root', value: true },
  { name: 'host', value: true },
  { name: 'port', value: true, aliases: ['p'] },
  { name: 'access-log', value: true },
  { name: 'quiet', value: false, aliases: ['q'] },
  { name: 'help', value: false, aliases: ['h'] },
];

/** Runs the verb; resolves with the exit code once the server has stopped. */
export async function run(argv: string[]): Promise<number> {
  const parsed = parseArgs(argv, SPECS);
  if (!parsed.ok) return usage(parsed.error);
  const args = parsed.args;
  if (flag(args, 'help')) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (args.positionals.length > 0) return usage(`unexpected argument '${args.positionals[0]}'`);
  const root = stringOption(args, 'root');
  if (root === undefined) return usage('--root DIR is required');
  const portText = stringOption(args, 'port') ?? '8080';
  if (!/^\d{1,5}$/.test(portText) || Number(portText) > 65535) return usage(`invalid port '${portText}'`);
  const quiet = flag(args, 'quiet');
  const logTarget = stringOption(args, 'access-log');
  let log: Writable | null = null;
  if (!quiet) {
    try {
      log = await openLog(logTarget);
    } catch (e) {
      process.stderr.write(`panfab serve: cannot open access log ${logTarget}: ${(e as Error).message}\n`);
      return 1;
    }
  }
  const server = createInstallServer({ root, host: stringOption(args, 'host') ?? '127.0.0.1', port: Number(portText), log });
  let url: string;
  try {
    url = await server.start();
  } catch (e) {
    process.stderr.write(`panfab serve: cannot serve ${root}: ${(e as Error).message}\n`);
    return 1;
  }
  process.stdout.write(`panfab serve: serving ${root} at ${url}/\n`);
  await waitForSignal();
  await server.stop();
  if (log !== null && log !== process.stdout && log !== process.stderr) await closeStream(log as WriteStream);
  return 0;
}

async function openLog(target: string | undefined): Promise<Writable> {
  if (target === undefined) return process.stderr;
  if (target === '-') return process.stdout;
  const stream = createWriteStream(target, { flags: 'a' });
  await new Promise<void>((resolve, reject) => {
    stream.once('open', () => resolve());
    stream.once('error', reject);
  });
  stream.on('error', (e) => process.stderr.write(`panfab serve: access log: ${e.message}\n`));
  return stream;
}

function waitForSignal(): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      process.off('SIGINT', done);
      process.off('SIGTERM', done);
      resolve();
    };
    process.on('SIGINT', done);
    process.on('SIGTERM', done);
  });
}

function closeStream(stream: WriteStream): Promise<void> {
  return new Promise((resolve) => stream.end(() => resolve()));
}

function usage(message: string): number {
  process.stderr.write(`panfab serve: ${message}\n(see 'panfab serve --help')\n`);
  return 2;
}
