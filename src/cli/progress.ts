/**
 * A single updating progress line on a terminal: `compiling 120/1000 profiles  35.2/s  ETA 25s`.
 * Shown only when stderr is a TTY, the `CI` environment variable is unset and `--quiet` was not
 * given; redrawn at most ten times a second; erased when the work is done, so the diagnostics
 * and the summary that follow start on a clean line.
 */

/** The part of a stream the display needs. */
export interface ProgressStream {
  readonly isTTY?: boolean;
  write(text: string): unknown;
}

/** Whether progress should be shown on `stream`. */
export function progressWanted(stream: ProgressStream, env: NodeJS.ProcessEnv, quiet: boolean): boolean {
  return stream.isTTY === true && (env.CI === undefined || env.CI === '') && !quiet;
}

const REDRAW_MS = 100;

/** One progress line; `update` may be called as often as wanted. */
export class ProgressLine {
  private start: number | undefined;
  private lastDraw = -Infinity;
  private drawn = false;

  constructor(
    private readonly stream: ProgressStream,
    private readonly label: string,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Reports `done` of `total` items finished. */
  update(done: number, total: number): void {
    const t = this.now();
    this.start ??= t;
    if (done < total && t - this.lastDraw < REDRAW_MS) return;
    this.lastDraw = t;
    this.stream.write(`\r\x1b[K${progressText(this.label, done, total, (t - this.start) / 1000)}`);
    this.drawn = true;
  }

  /** Erases the line if anything was drawn. */
  finish(): void {
    if (this.drawn) this.stream.write('\r\x1b[K');
    this.drawn = false;
  }
}

/** The text of the line: counts, rate and estimated time left (once a rate is known). */
export function progressText(label: string, done: number, total: number, elapsedSeconds: number): string {
  const parts = [`${label} ${done}/${total} profiles`];
  if (elapsedSeconds > 0 && done > 0) {
    const rate = done / elapsedSeconds;
    parts.push(`${rate >= 10 ? rate.toFixed(0) : rate.toFixed(1)}/s`);
    if (done < total) parts.push(`ETA ${duration((total - done) / rate)}`);
  }
  return parts.join('  ');
}

function duration(seconds: number): string {
  const s = Math.ceil(seconds);
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  return m < 60 ? `${m}m${String(s % 60).padStart(2, '0')}s` : `${Math.floor(m / 60)}h${String(m % 60).padStart(2, '0')}m`;
}
