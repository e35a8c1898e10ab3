/**
 * The site report of a pipeline run: its data from the run's model and diagnostics (source
 * files named relative to the site root, ratios from the site checks' configuration), and the
 * two report files a build adds to the artifact tree — `report/site-report.json` (the data,
 * which a deployed tree carries for the install server) and `report/index.html` (the page).
 * Both are site-wide files of kind `report`; a build's report knows no deployed tree, so its
 * install states are `unknown` (`panfab report` and the install server fill them in).
 */
import path from 'node:path';
import type { Artifact } from '../artifacts/types.js';
import { sha256 } from '../deploy/generated.js';
import { checkOptions, type SiteRun } from '../site/pipeline.js';
import { buildReportData, type DeployedFacts, type OwnedFile } from './data.js';
import { renderReportHtml } from './html.js';
import type { ReportData } from './types.js';

/** Where the report files go in an artifact tree (and so in a deployed tree). */
export const REPORT_DATA_PATH = 'report/site-report.json';
export const REPORT_PAGE_PATH = 'report/index.html';

/** The report data of a run that has a site model. */
export function reportDataForRun(run: SiteRun, cwd: string, deployed?: DeployedFacts): ReportData | undefined {
  if (run.site === undefined) return undefined;
  const root = run.config.root;
  const options = checkOptions(run.config);
  return buildReportData({
    site: run.site,
    diagnostics: run.diagnostics,
    reportedBy: run.reportedBy,
    ...(deployed !== undefined ? { deployed } : {}),
    ...(deployed !== undefined && run.artifacts !== undefined ? { generated: generatedFiles(run.artifacts) } : {}),
    fileName: (file) => path.relative(root, path.resolve(cwd, file)).split(path.sep).join('/'),
    ...(options.overcommitMemoryRatio !== undefined ? { memoryRatio: options.overcommitMemoryRatio } : {}),
    ...(options.overcommitVcpuRatio !== undefined ? { vcpuRatio: options.overcommitVcpuRatio } : {}),
    title: `Site report: ${path.basename(root)}`,
  });
}

/** Digest and owner of every machine file of an artifact set (report files excluded). */
export function generatedFiles(artifacts: ReadonlyMap<string, Pick<Artifact, 'content' | 'owner' | 'kind'>>): Map<string, OwnedFile> {
  const out = new Map<string, OwnedFile>();
  for (const [rel, a] of artifacts) {
    if (a.kind === 'report') continue;
    out.set(rel, { sha256: sha256(Buffer.from(a.content, 'utf8')), owner: a.owner });
  }
  return out;
}

/** The report files of a run, as artifacts (none without a site model). */
export function reportArtifacts(run: SiteRun, cwd: string): Map<string, Artifact> {
  const data = reportDataForRun(run, cwd);
  const out = new Map<string, Artifact>();
  if (data === undefined) return out;
  out.set(REPORT_PAGE_PATH, { content: renderReportHtml(data), kind: 'report', owner: '', mode: 0o644 });
  out.set(REPORT_DATA_PATH, { content: JSON.stringify(data) + '\n', kind: 'report', owner: '', mode: 0o644 });
  return out;
}
