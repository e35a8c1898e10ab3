/**
 * One rendering run: the site, the options, the engines, and the artifacts and diagnostics
 * gathered so far. Each artifact is produced by a job — build the template's view (which may
 * already find problems), render the template, check the text — and is kept only when none of
 * these steps reported an error. Two jobs writing one path is an error (PF509) and neither
 * file is kept.
 */
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Site } from '../site/model.js';
import type { TemplateEngines } from './engines/index.js';
import { ArtifactPaths } from './naming.js';
import { Issues } from './report.js';
import type { Artifact, ArtifactKind, ResolvedArtifactOptions } from './types.js';

/** What a job produces besides its text. */
export interface JobSpec {
  readonly path: string;
  readonly kind: ArtifactKind;
  readonly owner: string;
  /** Main template name without engine extension, e.g. `xen/domain.cfg`. */
  readonly template: string;
  /** Builds the template's context; returns undefined (after reporting to `issues`) when it cannot. */
  readonly view: (issues: Issues) => object | undefined;
  /** Checks the rendered text (e.g. the kickstart linter); returns diagnostics. */
  readonly check?: (text: string, templateFile: string | undefined) => readonly Diagnostic[];
  /** Further paths that receive the same content (hex-IP copies). */
  readonly aliases?: readonly string[];
  readonly mode?: number;
}

export class ArtifactRun {
  readonly paths: ArtifactPaths;
  readonly diagnostics: Diagnostic[] = [];
  private readonly artifacts = new Map<string, Artifact>();
  private readonly claimed = new Map<string, string>();
  private readonly conflicts = new Set<string>();

  constructor(
    readonly site: Site,
    readonly options: ResolvedArtifactOptions,
    readonly engines: TemplateEngines,
  ) {
    this.paths = new ArtifactPaths(options);
  }

  /** True when artifacts of `kind` are to be built. */
  wants(kind: ArtifactKind): boolean {
    return this.options.kinds.has(kind);
  }

  /** A collector for problems found before any job (e.g. a name that cannot form a path). */
  issues(subject: string): Issues {
    return new Issues(this.site, subject);
  }

  /** Keeps the diagnostics of an Issues collector. */
  report(issues: Issues): void {
    this.diagnostics.push(...issues.diagnostics);
  }

  /** Runs one job and keeps its artifact (and aliases) when it has no errors. */
  run(job: JobSpec): void {
    const issues = new Issues(this.site, job.path);
    const view = job.view(issues);
    if (view !== undefined && !issues.failed) {
      const rendered = this.engines.render(job.template, view);
      for (const problem of rendered.problems) issues.template(problem);
      if (rendered.text !== undefined && !issues.failed) {
        if (job.check !== undefined) issues.add(job.check(rendered.text, rendered.file));
        if (!issues.failed) {
          const artifact: Artifact = { content: rendered.text, kind: job.kind, owner: job.owner, mode: job.mode ?? 0o644 };
          for (const path of [job.path, ...(job.aliases ?? [])]) this.keep(path, artifact);
        }
      }
    }
    this.report(issues);
  }

  /** The artifacts kept, sorted by path. */
  result(): Map<string, Artifact> {
    const sorted = new Map<string, Artifact>();
    for (const path of [...this.artifacts.keys()].sort()) {
      if (!this.conflicts.has(path)) sorted.set(path, this.artifacts.get(path)!);
    }
    return sorted;
  }

  private keep(path: string, artifact: Artifact): void {
    const previous = this.claimed.get(path);
    if (previous !== undefined) {
      if (!this.conflicts.has(path)) {
        const owners = previous === artifact.owner ? `${previous} (twice)` : `${previous} and ${artifact.owner}`;
        this.diagnostics.push(diagnostic('PF509', `${path} is generated for ${owners}; neither is written`, undefined, { path }));
      }
      this.conflicts.add(path);
      return;
    }
    this.claimed.set(path, artifact.owner);
    this.artifacts.set(path, artifact);
  }
}
