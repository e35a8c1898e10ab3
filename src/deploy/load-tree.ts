/**
 * Reads a generated artifact tree from disk (`--from DIR`, e.g. a build's out/ directory) as a
 * generated set. Only the install-server roots are artifacts (`tftpboot/`, `ipxe/`, `ks/`, `www/`,
 * `xen/`); compiled profiles and other build outputs next to them are not. Kind and owner come
 * from the tree's own manifest (`.panfab/manifest.json`) when it has one, else from the path:
 * `ks/<fqdn>.ks`, `ipxe/<fqdn>.ipxe`, `xen/<dom0>/<guest>.cfg`, `pxelinux.cfg/`, `grub/`.
 */
import { lstat, readdir, readFile } from 'node:fs/promises';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { generatedFile, type GeneratedFile, type GeneratedSet } from './generated.js';
import { readManifestFile } from './manifest.js';
import { compareStrings, fileSpan, resolveIn } from './paths.js';

/** Top-level directories of an artifact tree that hold deployable files. */
export const ARTIFACT_ROOTS = ['ipxe', 'ks', 'tftpboot', 'www', 'xen'] as const;

export interface LoadedTree {
  readonly generated: GeneratedSet;
  /** Paths whose kind and owner were guessed from the path (the tree has no record of them). */
  readonly inferred: ReadonlySet<string>;
  readonly diagnostics: Diagnostic[];
}

/** Loads the artifact files under `dir`; diagnostics for a missing directory, links and read errors. */
export async function loadGeneratedTree(dir: string): Promise<LoadedTree> {
  const diagnostics: Diagnostic[] = [];
  const st = await lstat(dir).catch(() => undefined);
  if (!st?.isDirectory()) {
    return { generated: new Map(), inferred: new Set(), diagnostics: [diagnostic('PF613', `${dir} is not a directory of generated artifacts`, fileSpan(dir))] };
  }
  const index = await readManifestFile(dir);
  if (!index.ok) return { generated: new Map(), inferred: new Set(), diagnostics: index.diagnostics };
  const inferred = new Set<string>();
  const files: string[] = [];
  for (const top of ARTIFACT_ROOTS) await collect(dir, top, files, diagnostics);
  const generated = new Map<string, GeneratedFile>();
  for (const rel of files.sort(compareStrings)) {
    const abs = resolveIn(dir, rel);
    try {
      const [bytes, fst] = await Promise.all([readFile(abs), lstat(abs)]);
      const recorded = index.manifest?.files.get(rel);
      const meta = recorded ?? inferFromPath(rel);
      if (!recorded) inferred.add(rel);
      generated.set(rel, generatedFile({ content: bytes, kind: meta.kind, owner: meta.owner, mode: fst.mode & 0o777 }));
    } catch (err) {
      diagnostics.push(diagnostic('PF613', `cannot read ${abs}: ${(err as Error).message}`, fileSpan(abs)));
    }
  }
  return { generated, inferred, diagnostics };
}

async function collect(dir: string, rel: string, files: string[], diagnostics: Diagnostic[]): Promise<void> {
  const abs = resolveIn(dir, rel);
  const st = await lstat(abs).catch(() => undefined);
  if (!st) return;
  if (st.isSymbolicLink()) {
    diagnostics.push(diagnostic('PF613', `${abs} is a symbolic link; generated trees hold regular files only`, fileSpan(abs)));
  } else if (st.isDirectory()) {
    const names = (await readdir(abs)).filter((n) => !n.startsWith('.')).sort(compareStrings);
    for (const name of names) await collect(dir, `${rel}/${name}`, files, diagnostics);
  } else if (st.isFile()) {
    files.push(rel);
  } else {
    diagnostics.push(diagnostic('PF613', `${abs} is not a regular file`, fileSpan(abs)));
  }
}

/** Kind and owner suggested by an artifact path alone (owner empty when the name does not say). */
export function inferFromPath(rel: string): { kind: string; owner: string } {
  const parts = rel.split('/');
  const base = parts[parts.length - 1]!;
  const stem = (suffix: string) => base.slice(0, base.length - suffix.length);
  if (parts[0] === 'xen' && parts.length === 3 && base.endsWith('.cfg')) {
    return { kind: 'xl', owner: stem(base.endsWith('.install.cfg') ? '.install.cfg' : '.cfg') };
  }
  if ((parts[0] === 'ks' || (parts[0] === 'www' && parts[1] === 'ks')) && base.endsWith('.ks')) return { kind: 'kickstart', owner: stem('.ks') };
  if (parts[0] === 'ipxe') return { kind: 'ipxe', owner: base.endsWith('.ipxe') && base !== 'default.ipxe' ? stem('.ipxe') : '' };
  if (parts[0] === 'tftpboot' && parts[1] === 'pxelinux.cfg') return { kind: base === 'default' ? 'default' : 'pxelinux', owner: ownerOfBootFile(base) };
  if (parts[0] === 'tftpboot' && parts[1] === 'grub') return { kind: base === 'grub.cfg' ? 'default' : 'grub', owner: ownerOfBootFile(base) };
  return { kind: 'other', owner: '' };
}

/** Boot files named `<fqdn>.cfg` (AII style) name their host; MAC and hex-IP names do not. */
function ownerOfBootFile(base: string): string {
  return base.endsWith('.cfg') && base.includes('.') && !base.startsWith('grub.cfg') ? base.slice(0, -'.cfg'.length) : '';
}
