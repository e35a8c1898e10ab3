/**
 * The artifact options of a site configuration (panfab.json): the install server's base URL,
 * the template override directory (optional: the conventional `templates/` directory is used
 * only when it exists), and the kinds to build. Configuration kinds name what a site turns on —
 * `xen` (xl domain configs), `pxelinux` (which includes pypxeboot's files, published under
 * `pxelinux.cfg/`), `grub`, `ipxe`, `kickstart` — and the local-boot defaults of the enabled
 * boot loaders always come along.
 */
import { statSync } from 'node:fs';
import type { SiteConfig } from '../site/config.js';
import type { ArtifactKind, ArtifactOptions } from './types.js';

const KINDS_OF: Readonly<Record<string, readonly ArtifactKind[]>> = {
  xen: ['xl'],
  xl: ['xl'],
  pxelinux: ['pxelinux', 'pypxeboot'],
  pypxeboot: ['pypxeboot'],
  grub: ['grub'],
  ipxe: ['ipxe'],
  kickstart: ['kickstart'],
};

/** The artifact kinds for the configuration's kind names (unknown names select nothing). */
export function artifactKinds(names: readonly string[]): ArtifactKind[] {
  const kinds = new Set<ArtifactKind>(['default']);
  for (const name of names) for (const kind of KINDS_OF[name] ?? []) kinds.add(kind);
  return [...kinds].sort();
}

/** renderArtifacts options for a site configuration. */
export function artifactOptionsFor(config: Pick<SiteConfig, 'artifacts' | 'templateDir' | 'installServer'>): ArtifactOptions {
  const options: { -readonly [K in keyof ArtifactOptions]: ArtifactOptions[K] } = { kinds: artifactKinds(config.artifacts) };
  if (config.installServer !== undefined) options.installServer = config.installServer.baseUrl;
  if (isDirectory(config.templateDir)) options.templateDir = config.templateDir;
  return options;
}

function isDirectory(dir: string): boolean {
  try {
    return statSync(dir).isDirectory();
  } catch {
    return false;
  }
}
