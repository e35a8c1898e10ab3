/**
 * The read-only HTTP install server over a deployed tree (node:http). GET and HEAD only (405
 * with Allow otherwise, CONNECT included); every request target is checked by paths.ts before
 * any file-system access, resolved by routes.ts, and served from the file store with strong
 * ETags. Malformed requests rejected by the HTTP parser get a 400 too. Every request, refused
 * ones with their reason, goes to the access log. `stop()` shuts down gracefully: it stops
 * accepting, lets in-flight requests finish (closing their connections afterwards) and drops
 * whatever is still open after a grace period.
 */
import { promises as fsp } from 'node:fs';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import type { Stats } from 'node:fs';
import type { Writable } from 'node:stream';
import { AccessLog } from './access-log.js';
import { FileStore, type ServedFile } from './file-store.js';
import { ManifestStore } from './manifest.js';
import { checkRequestTarget } from './paths.js';
import { ALLOWED_METHODS, fileRepresentation, sendError, sendRepresentation } from './respond.js';
import { resolveRoute, type RouteContext } from './routes.js';
import { ServedReport, type ReportDataFile } from '../report/served.js';

/** Options of {@link createInstallServer}. */
export interface InstallServerOptions {
  /** The deployed tree to serve. */
  readonly root: string;
  /** Address to bind (default 127.0.0.1). */
  readonly host?: string;
  /** Port to bind (default 8080; 0 picks a free port). */
  readonly port?: number;
  /** Access-log stream; null or absent logs nothing. */
  readonly log?: Writable | null;
  /** Longest delay before a buffered access-log line is written (ms; default 50, 0 = end of the event-loop turn). */
  readonly logFlushMs?: number;
  /** How long `stop()` waits for in-flight requests before closing their connections (ms). */
  readonly shutdownGraceMs?: number;
}

/** A running (or startable) install server. */
export interface InstallServer {
  /** Binds and listens; resolves with the bound URL (`http://host:port`). */
  start(): Promise<string>;
  /** Graceful shutdown; resolves when every connection is closed. */
  stop(): Promise<void>;
  /** The bound URL while listening. */
  readonly url: string | undefined;
}

/** Creates an install server for a deployed tree. */
export function createInstallServer(options: InstallServerOptions): InstallServer {
  return new Server(options);
}

class Server implements InstallServer {
  private readonly http: http.Server;
  private readonly log: AccessLog;
  private files: FileStore | undefined;
  private manifests: ManifestStore | undefined;
  private routes: RouteContext | undefined;
  private stopping = false;
  private stopped: Promise<void> | undefined;
  /** Request handlers not yet finished, and who waits for none to be left. */
  private running = 0;
  private onIdle: (() => void) | undefined;
  private bound: string | undefined;

  constructor(private readonly options: InstallServerOptions) {
    this.log = new AccessLog(options.log ?? null, options.logFlushMs);
    this.http = http.createServer({ noDelay: true }, (req, res) => this.onRequest(req, res));
    this.http.on('connect', (req: IncomingMessage, socket: Socket) => this.onConnect(req, socket));
    this.http.on('clientError', (err: NodeJS.ErrnoException & { rawPacket?: Buffer }, socket: Socket) => this.onClientError(err, socket));
  }

  get url(): string | undefined {
    return this.bound;
  }

  async start(): Promise<string> {
    const root = await fsp.realpath(this.options.root);
    if (!(await fsp.stat(root)).isDirectory()) throw new Error(`${this.options.root} is not a directory`);
    const manifests = new ManifestStore(root);
    this.manifests = manifests;
    this.files = new FileStore(root, (relative, st) => manifestDigest(manifests, relative, st));
    const report = new ServedReport(root, (relative) => this.reportFile(relative));
    this.routes = { root, manifest: () => manifests.current(), memo: {}, report: async () => report.current(await manifests.current()) };
    await new Promise<void>((resolve, reject) => {
      this.http.once('error', reject);
      this.http.listen(this.options.port ?? 8080, this.options.host ?? '127.0.0.1', () => {
        this.http.off('error', reject);
        resolve();
      });
    });
    const addr = this.http.address() as AddressInfo;
    const host = addr.family === 'IPv6' ? `[${addr.address}]` : addr.address;
    this.bound = `http://${host}:${addr.port}`;
    return this.bound;
  }

  stop(): Promise<void> {
    if (this.stopped === undefined && this.http.listening) this.stopped = this.shutDown();
    return this.stopped ?? Promise.resolve();
  }

  private async shutDown(): Promise<void> {
    this.stopping = true;
    const closed = new Promise<void>((resolve) => this.http.close(() => resolve()));
    this.http.closeIdleConnections();
    const timer = setTimeout(() => this.http.closeAllConnections(), this.options.shutdownGraceMs ?? 10_000);
    await closed;
    await this.handlersSettled();
    clearTimeout(timer);
    this.files?.close();
    this.manifests?.close();
    this.log.flush();
    this.bound = undefined;
  }

  /** Resolves once no request handler is running (a client may close its connection while its request is still being looked up). */
  private handlersSettled(): Promise<void> {
    return this.running === 0 ? Promise.resolve() : new Promise((resolve) => (this.onIdle = resolve));
  }

  private onRequest(req: IncomingMessage, res: ServerResponse): void {
    const started = performance.now();
    void req.socket.remoteAddress; // resolved now: the socket may be gone when the line is logged
    this.running++;
    void this.handleSafely(req, res, started);
  }

  private async handleSafely(req: IncomingMessage, res: ServerResponse, started: number): Promise<void> {
    try {
      await this.handle(req, res, started);
    } catch {
      const bytes = res.headersSent ? 0 : sendError(req, res, 500, true);
      if (res.headersSent && !res.writableEnded) res.destroy();
      this.record(req, 500, bytes, started, 'internal error');
    } finally {
      if (--this.running === 0) this.onIdle?.();
    }
  }

  private async handle(req: IncomingMessage, res: ServerResponse, started: number): Promise<void> {
    if (req.httpVersionMajor !== 1) return this.refuse(req, res, 400, 'unsupported HTTP version', started);
    if (req.method !== 'GET' && req.method !== 'HEAD') return this.refuse(req, res, 405, 'method not allowed', started);
    const checked = checkRequestTarget(req.url ?? '');
    if (!checked.ok) return this.refuse(req, res, checked.status, checked.reason, started);
    const route = await resolveRoute(checked.segments, this.routes!);
    if (route.type === 'missing') return this.refuse(req, res, 404, route.reason, started);
    if (route.type === 'json') {
      const bytes = sendRepresentation(req, res, { status: route.status, contentType: route.contentType ?? 'application/json', etag: route.etag, size: route.body.length, body: route.body }, this.stopping);
      return this.record(req, res.statusCode, bytes, started, route.status === 200 ? undefined : 'service unavailable');
    }
    let reason = 'not found';
    for (const candidate of route.candidates) {
      const found = await this.files!.lookup(candidate);
      if (found.ok) return this.serveFile(req, res, found.file, started);
      reason = found.reason;
    }
    return this.refuse(req, res, 404, route.notFound ?? reason, started);
  }

  /** A file of the tree for the site report, through the file store's checks. */
  private async reportFile(relative: string): Promise<ReportDataFile | undefined> {
    const found = await this.files!.lookup(relative);
    if (!found.ok) return undefined;
    const file = found.file;
    return { etag: file.etag, read: async () => file.body ?? (await fsp.readFile(file.realPath)) };
  }

  private async serveFile(req: IncomingMessage, res: ServerResponse, file: ServedFile, started: number): Promise<void> {
    const bytes = sendRepresentation(req, res, fileRepresentation(file), this.stopping);
    if (bytes >= 0) return this.record(req, res.statusCode, bytes, started);
    const stream = await this.files!.stream(file);
    stream.on('error', () => res.destroy());
    res.on('close', () => {
      stream.destroy();
      this.record(req, 200, res.writableFinished ? file.size : 0, started, res.writableFinished ? undefined : 'transfer aborted');
    });
    stream.pipe(res);
  }

  private refuse(req: IncomingMessage, res: ServerResponse, status: number, reason: string, started: number): void {
    const bytes = sendError(req, res, status, this.stopping);
    this.record(req, status, bytes, started, reason);
  }

  private record(req: IncomingMessage, status: number, bytes: number, started: number, reason?: string): void {
    this.log.record({
      remote: req.socket.remoteAddress ?? '-',
      method: req.method ?? '-',
      target: req.url ?? '-',
      httpVersion: req.httpVersion,
      status,
      bytes,
      durationMs: performance.now() - started,
      reason,
    });
  }

  private onConnect(req: IncomingMessage, socket: Socket): void {
    socket.on('error', () => socket.destroy());
    socket.end(`HTTP/1.1 405 Method Not Allowed\r\nAllow: ${ALLOWED_METHODS}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`);
    this.record(req, 405, 0, performance.now(), 'method not allowed');
  }

  private onClientError(err: NodeJS.ErrnoException & { rawPacket?: Buffer }, socket: Socket): void {
    if (err.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const firstLine = (err.rawPacket?.toString('latin1') ?? '').split(/\r?\n/, 1)[0]!.slice(0, 200);
    const [method = '-', target = '-'] = firstLine.split(' ');
    this.log.record({
      remote: socket.remoteAddress ?? '-',
      method,
      target,
      httpVersion: '1.1',
      status: 400,
      bytes: 0,
      durationMs: 0,
      reason: `malformed request (${err.code ?? 'parse error'})`,
    });
    socket.end('HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
  }
}

/** The manifest's SHA-256 for a file, trusted only if the file is not newer than the manifest. */
async function manifestDigest(manifests: ManifestStore, relative: string, st: Stats): Promise<string | undefined> {
  const state = await manifests.current();
  if (state.status !== 'ok') return undefined;
  const entry = state.manifest.byPath.get(relative);
  return entry !== undefined && st.mtimeMs <= state.manifestMtimeMs ? entry.sha256 : undefined;
}
