/**
 * The artifacts stage: renders, from the typed site model, every file an installation server
 * and the Xen hosts need (docs/artifacts.md §4.4) — xl domain configs, pxelinux / GRUB / iPXE
 * network-boot files, pypxeboot files for PV guests, kickstart files and the local-boot
 * defaults — through the built-in templates or a site's overrides.
 *
 * The result is deterministic: the same site and options give the same bytes, in a map sorted
 * by path. Profile values reach a file only through per-format escapers; a value that would
 * change a file's structure is rejected with a diagnostic naming its profile path and the
 * template line. A file with any error is left out; callers write nothing when there are
 * errors.
 */
import { statSync } from 'node:fs';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Host, Machine, Site } from '../site/model.js';
import { sortDiagnostics } from '../site/order.js';
import { renderDefaultMenus } from './default-menu.js';
import { enginesFor } from './engines/index.js';
import { renderInstall } from './install.js';
import { mergeRepeats } from './merge.js';
import { ArtifactRun } from './run.js';
import { resolveArtifactOptions, type ArtifactOptions, type ArtifactSet } from './types.js';
import { renderGuestDomains } from './xl.js';

export type { Artifact, ArtifactKind, ArtifactOptions, ArtifactSet } from './types.js';
export { ARTIFACT_KINDS } from './types.js';

/** Renders all artifacts of a site. */
export function renderArtifacts(site: Site, options: ArtifactOptions = {}): { artifacts: ArtifactSet; diagnostics: Diagnostic[] } {
  const resolved = resolveArtifactOptions(options);
  if (resolved.templateDir !== undefined && !isDirectory(resolved.templateDir)) {
    return { artifacts: new Map(), diagnostics: [diagnostic('PF514', `template directory ${resolved.templateDir} does not exist`)] };
  }
  const run = new ArtifactRun(site, resolved, enginesFor(resolved.templateDir));
  const hosts = new Map<string, Host>(site.hosts.map((h) => [h.fqdn, h]));
  for (const guest of site.guests) {
    guarded(run, guest, () => {
      renderGuestDomains(run, guest, hosts);
      renderInstall(run, guest);
    });
  }
  for (const machine of [...site.hosts, ...site.plain]) guarded(run, machine, () => renderInstall(run, machine));
  renderDefaultMenus(run);
  return { artifacts: run.result(), diagnostics: sortDiagnostics(mergeRepeats(run.diagnostics)) };
}

/** Runs one machine's renderers; an unexpected exception becomes an internal-error diagnostic for that machine. */
function guarded(run: ArtifactRun, m: Machine, render: () => void): void {
  try {
    render();
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    run.diagnostics.push(diagnostic('PF901', `internal error while rendering the artifacts of ${m.fqdn}: ${reason}`));
  }
}

function isDirectory(dir: string): boolean {
  try {
    return statSync(dir).isDirectory();
  } catch {
    return false;
  }
}
