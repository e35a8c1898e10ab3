/**
 * Install states of the report (pure): compares, per machine, the files a build generates for
 * it with the deploy manifest of a deployed tree and with what the tree holds. Files are
 * matched by path and owner (the machine's FQDN, case-insensitively); contents by SHA-256.
 */
import type { ReportInstall } from './types.js';

/** A file of a generated set or of a manifest: its digest and owning machine. */
export interface OwnedFile {
  readonly sha256: string;
  /** FQDN of the owning machine; empty for site-wide files. */
  readonly owner: string;
}

/** What is known about a deployed tree. */
export interface DeployedFacts {
  /** The tree, as the caller names it. */
  readonly source: string;
  /** `panfab <version>` that wrote the manifest. */
  readonly generator?: string;
  /** The manifest's files; absent when the tree has no manifest. */
  readonly manifest?: ReadonlyMap<string, OwnedFile>;
  /** Manifest paths whose file in the tree is missing or differs from the manifest (when checked). */
  readonly damaged?: ReadonlySet<string>;
}

/** Computes install states for machines, given what is deployed and, optionally, what is generated. */
export class InstallStates {
  private readonly manifestByOwner: Map<string, string[]>;
  private readonly generatedByOwner: Map<string, string[]>;

  constructor(
    private readonly deployed: DeployedFacts | undefined,
    private readonly generated: ReadonlyMap<string, OwnedFile> | undefined,
  ) {
    this.manifestByOwner = byOwner(deployed?.manifest);
    this.generatedByOwner = byOwner(generated);
  }

  /** The install state of the machine with this FQDN. */
  of(fqdn: string): ReportInstall {
    const manifest = this.deployed?.manifest;
    if (this.deployed === undefined) return { state: 'unknown', detail: 'no deployed tree consulted' };
    if (manifest === undefined) return { state: 'unknown', detail: `no deploy manifest in ${this.deployed.source}` };
    const owner = fqdn.toLowerCase();
    const recorded = this.manifestByOwner.get(owner) ?? [];
    if (this.generated === undefined) return this.fromManifestOnly(recorded);
    const wanted = this.generatedByOwner.get(owner) ?? [];
    if (wanted.length === 0) return { state: 'unknown', detail: 'no files are generated for it' };
    let missing = 0;
    let changed = 0;
    let damaged = 0;
    for (const rel of wanted) {
      const entry = manifest.get(rel);
      if (entry === undefined) missing++;
      else if (entry.sha256 !== this.generated.get(rel)!.sha256) changed++;
      else if (this.deployed.damaged?.has(rel)) damaged++;
    }
    const wantedSet = new Set(wanted);
    const stale = recorded.filter((rel) => !wantedSet.has(rel)).length;
    return summarise(wanted.length, { missing, changed, damaged, stale });
  }

  private fromManifestOnly(recorded: readonly string[]): ReportInstall {
    if (recorded.length === 0) return { state: 'pending', detail: 'no files of it in the deploy manifest' };
    const damaged = recorded.filter((rel) => this.deployed?.damaged?.has(rel)).length;
    return summarise(recorded.length, { missing: 0, changed: 0, damaged, stale: 0 });
  }
}

interface Problems {
  /** Generated files not in the manifest. */
  readonly missing: number;
  /** Generated files whose content differs from the manifest's. */
  readonly changed: number;
  /** Files missing from the tree or edited there since the deploy. */
  readonly damaged: number;
  /** Files in the manifest that are no longer generated. */
  readonly stale: number;
}

function summarise(total: number, p: Problems): ReportInstall {
  const parts: string[] = [];
  if (p.missing > 0) parts.push(`${p.missing} of ${files(total)} not deployed yet`);
  if (p.changed > 0) parts.push(`${p.changed} of ${files(total)} changed since the last deploy`);
  if (p.damaged > 0) parts.push(`${p.damaged} of ${files(total)} missing or edited in the deployed tree`);
  if (p.stale > 0) parts.push(`${files(p.stale)} no longer generated`);
  if (parts.length === 0) return { state: 'deployed', detail: `${files(total)} deployed` };
  return { state: 'pending', detail: parts.join('; ') };
}

function files(n: number): string {
  return `${n} file${n === 1 ? '' : 's'}`;
}

function byOwner(files: ReadonlyMap<string, OwnedFile> | undefined): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [rel, f] of files ?? []) {
    if (f.owner === '') continue;
    const owner = f.owner.toLowerCase();
    const list = out.get(owner);
    if (list === undefined) out.set(owner, [rel]);
    else list.push(rel);
  }
  return out;
}
