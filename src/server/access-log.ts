/**
 * The install server's access log: one line per request in a Common-Log-like format,
 *
 *   127.0.0.1 - - [25/Nov/2025:18:58:00 +0000] "GET /ks/web01.example.org.ks HTTP/1.1" 200 1234 0.210ms
 *
 * followed by ` refused="<reason>"` when the request was refused (bad path, hidden file,
 * method not allowed, malformed request) or not found. Everything taken from the request is
 * escaped so that a crafted path cannot forge log lines. Lines are buffered and written when
 * FLUSH_BYTES have accumulated or `flushMs` after the first buffered line (0: at the end of the
 * event-loop turn), so that a busy server writes a few large chunks rather than one per request.
 */
import type { Writable } from 'node:stream';

/** Buffered bytes that trigger a write. */
export const FLUSH_BYTES = 64 * 1024;
/** Default longest delay of a buffered line (ms). */
export const DEFAULT_FLUSH_MS = 50;

/** What the log records about one request. */
export interface AccessRecord {
  readonly remote: string;
  readonly method: string;
  readonly target: string;
  readonly httpVersion: string;
  readonly status: number;
  /** Body bytes sent (0 for HEAD, 304 and refusals without a body). */
  readonly bytes: number;
  readonly durationMs: number;
  /** Why the request was refused or not served, if it was. */
  readonly reason?: string;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** An access log writing to a stream (or nowhere when the stream is null). */
export class AccessLog {
  private pending: string[] = [];
  private pendingBytes = 0;
  private timer: NodeJS.Timeout | NodeJS.Immediate | undefined;
  private stampSecond = -1;
  private stamp = '';

  constructor(
    private readonly out: Writable | null,
    private readonly flushMs: number = DEFAULT_FLUSH_MS,
  ) {}

  /** Records one request. */
  record(r: AccessRecord): void {
    if (this.out === null) return;
    const line =
      `${escapeField(r.remote)} - - [${this.timestamp()}] "${escapeField(r.method)} ${escapeField(r.target)} HTTP/${escapeField(r.httpVersion)}" ` +
      `${r.status} ${r.bytes} ${r.durationMs.toFixed(3)}ms` +
      (r.reason === undefined ? '' : ` refused="${escapeField(r.reason, true)}"`);
    this.pending.push(line);
    this.pendingBytes += line.length + 1;
    if (this.pendingBytes >= FLUSH_BYTES) this.flush();
    else if (this.timer === undefined) this.timer = this.flushMs > 0 ? setTimeout(() => this.flush(), this.flushMs).unref() : setImmediate(() => this.flush());
  }

  /** Writes buffered lines now. */
  flush(): void {
    if (this.timer !== undefined) {
      clearTimeout(this.timer as NodeJS.Timeout);
      clearImmediate(this.timer as NodeJS.Immediate);
      this.timer = undefined;
    }
    if (this.out === null || this.pending.length === 0) return;
    const text = this.pending.join('\n') + '\n';
    this.pending = [];
    this.pendingBytes = 0;
    this.out.write(text);
  }

  /** `dd/Mon/yyyy:HH:MM:SS +0000`, recomputed at most once per second. */
  private timestamp(): string {
    const now = Date.now();
    const second = Math.floor(now / 1000);
    if (second !== this.stampSecond) {
      const d = new Date(second * 1000);
      this.stampSecond = second;
      this.stamp = `${pad(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000`;
    }
    return this.stamp;
  }
}

/**
 * Escapes quotes, backslashes, controls, non-ASCII and (unless `spaces`) blanks, so that a field
 * stays on one line and the line stays parseable.
 */
export function escapeField(text: string, spaces = false): string {
  if ((spaces ? /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/ : /^[\x21\x23-\x5b\x5d-\x7e]*$/).test(text)) return text;
  const lowest = spaces ? 0x20 : 0x21;
  let out = '';
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (ch === '"' || ch === '\\') out += '\\' + ch;
    else if (c < lowest || c > 0x7e) out += c <= 0xff ? `\\x${c.toString(16).padStart(2, '0')}` : `\\u{${c.toString(16)}}`;
    else out += ch;
  }
  return out;
}

function pad(n: number): string {
  return n < 10 ? '0' + n : String(n);
}
