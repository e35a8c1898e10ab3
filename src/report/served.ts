/**
 * The site report as the install server shows it at `/`: rendered from the report data the
 * deployed tree carries (`report/site-report.json`, written by a build and deployed with the
 * other artifacts) with install states taken from the tree itself — each machine's files in its
 * deploy manifest, present and unchanged in the tree (a file not modified since the manifest was
 * written is trusted, as for the server's validators). The page is memoised per report data,
 * manifest and install states, and re-checked at most every `RECHECK_MS` so hand edits show.
 */
import { createHash } from 'node:crypto';
import type { ManifestState } from '../server/manifest.js';
import { withInstallStates } from './data.js';
import { damagedFiles } from './deployed.js';
import { renderReportHtml } from './html.js';
import type { OwnedFile } from './install-state.js';
import { REPORT_DATA_PATH } from './site-run.js';
import { REPORT_FORMAT, type ReportData } from './types.js';

/** How long a rendered page is reused before the tree is checked again (ms). */
export const RECHECK_MS = 2000;

/** The report data file as the server's file store found it. */
export interface ReportDataFile {
  /** Strong validator of its content (changes with the content). */
  readonly etag: string;
  read(): Promise<Buffer>;
}

/** A rendered page and its validator. */
export interface ServedPage {
  readonly body: Buffer;
  readonly etag: string;
}

/** Renders and memoises the report page of one served tree. */
export class ServedReport {
  private data: { etag: string; value: ReportData | undefined } | undefined;
  private page: { key: string; checkedAt: number; page: ServedPage | undefined } | undefined;

  constructor(
    private readonly root: string,
    /** Looks up `report/site-report.json` in the tree; undefined when it has none. */
    private readonly lookup: (relative: string) => Promise<ReportDataFile | undefined>,
    private readonly now: () => number = Date.now,
  ) {}

  /** The page for the tree's current state; undefined when the tree carries no usable report data. */
  async current(manifest: ManifestState): Promise<ServedPage | undefined> {
    const file = await this.lookup(REPORT_DATA_PATH);
    if (file === undefined) return undefined;
    const stamp = manifest.status === 'ok' ? manifest.stamp : manifest.status;
    const key = `${file.etag}\n${stamp}`;
    const memo = this.page;
    if (memo !== undefined && memo.key === key && this.now() - memo.checkedAt < RECHECK_MS) return memo.page;
    const data = await this.reportData(file);
    const page = data === undefined ? undefined : render(data, this.root, manifest);
    this.page = { key, checkedAt: this.now(), page };
    return page;
  }

  private async reportData(file: ReportDataFile): Promise<ReportData | undefined> {
    if (this.data?.etag === file.etag) return this.data.value;
    let value: ReportData | undefined;
    try {
      const parsed = JSON.parse((await file.read()).toString('utf8')) as ReportData;
      value = parsed !== null && typeof parsed === 'object' && parsed.format === REPORT_FORMAT ? parsed : undefined;
    } catch {
      value = undefined;
    }
    this.data = { etag: file.etag, value };
    return value;
  }
}

/** The page with install states from the served tree; undefined when the data cannot be rendered. */
function render(data: ReportData, root: string, state: ManifestState): ServedPage | undefined {
  const source = 'the served tree';
  let facts;
  if (state.status === 'ok') {
    const files = new Map<string, OwnedFile>(state.manifest.entries.map((e) => [e.path, { sha256: e.sha256, owner: e.owner ?? '' }]));
    facts = { source, generator: state.manifest.generator, manifest: files, damaged: damagedFiles(root, files, state.manifestMtimeMs) };
  } else {
    facts = { source };
  }
  try {
    const body = Buffer.from(renderReportHtml(withInstallStates(data, facts)), 'utf8');
    return { body, etag: `"${createHash('sha256').update(body).digest('hex')}"` };
  } catch {
    return undefined;
  }
}
