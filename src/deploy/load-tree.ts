/**
 * Reads a generated artifact tree from disk (`--from DIR`, e.g. a build's out/ directory) as a
 * generated set. Only the install-server roots are artifacts (`tftpboot/`, `ipxe/`, `ks/`, `www/`,
 * `xen/`); compiled profiles and other build outputs next to them are not. Kind and owner come
 * from the tree's own manifest (`.panfab/manifest.json`) when it has one, else from the site
 * model `build` writes beside the artifacts (`site.json`, see site-owners.ts), else from the path:
 * `ks/<fqdn>.ks`, `ipxe/<fqdn>.ipxe`, `xen/<dom0>/<guest>.cfg` (a short guest name is taken to be
 * in its Xen host's domain), `pxelinux.cfg/`, `grub/`.
 * Files are read with synchronous calls (much faster than thread-pool round trips for thousands
 * of small files).
 */
import { lstatSync, readdirSync, readFileSync, type Stats } from 'node:fs';
import { DEFAULT_ARTIFACT_ROOTS } from '../artifacts/types.js';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { generatedFile, type GeneratedFile, type GeneratedSet } from './generated.js';
import { readManifestFile } from './manifest.js';
import { compareStrings, fileSpan, resolveIn } from './paths.js';
import { readSiteOwners } from './site-owners.js';

/** Top-level directories of an artifact tree that hold deployable files (the renderers' defaults and `www/`). */
export const ARTIFACT_ROOTS: readonly string[] = [...new Set([...DEFAULT_ARTIFACT_ROOTS, 'www'])].sort(compareStrings);

export interface LoadedTree {
  readonly generated: GeneratedSet;
  /** Paths whose kind and owner were guessed from the path (the tree has no record of them). */
  readonly inferred: ReadonlySet<string>;
  readonly diagnostics: Diagnostic[];
}

/** Loads the artifact files under `dir`; diagnostics for a missing directory, links and read errors. */
export async function loadGeneratedTree(dir: string): Promise<LoadedTree> {
  const diagnostics: Diagnostic[] = [];
  if (!statOrUndefined(dir)?.isDirectory()) {
    return { generated: new Map(), inferred: new Set(), diagnostics: [diagnostic('PF613', `${dir} is not a directory of generated artifacts`, fileSpan(dir))] };
  }
  const index = await readManifestFile(dir);
  if (!index.ok) return { generated: new Map(), inferred: new Set(), diagnostics: index.diagnostics };
  const inferred = new Set<string>();
  const model = readSiteOwners(dir);
  const files: string[] = [];
  for (const top of ARTIFACT_ROOTS) collect(dir, top, files, diagnostics);
  const generated = new Map<string, GeneratedFile>();
  for (const rel of files.sort(compareStrings)) {
    const abs = resolveIn(dir, rel);
    try {
      const fst = lstatSync(abs);
      const bytes = readFileSync(abs);
      const known = index.manifest?.files.get(rel) ?? model?.describe(rel);
      const meta = known ?? inferFromPath(rel);
      if (!known) inferred.add(rel);
      generated.set(rel, generatedFile({ content: bytes, kind: meta.kind, owner: meta.owner, mode: fst.mode & 0o777 }));
    } catch (err) {
      diagnostics.push(diagnostic('PF613', `cannot read ${abs}: ${(err as Error).message}`, fileSpan(abs)));
    }
  }
  return { generated, inferred, diagnostics };
}

function collect(dir: string, rel: string, files: string[], diagnostics: Diagnostic[]): void {
  const abs = resolveIn(dir, rel);
  const st = statOrUndefined(abs);
  if (!st) return;
  if (st.isSymbolicLink()) {
    diagnostics.push(diagnostic('PF613', `${abs} is a symbolic link; generated trees hold regular files only`, fileSpan(abs)));
  } else if (st.isDirectory()) {
    let names: string[];
    try {
      names = readdirSync(abs).filter((n) => !n.startsWith('.')).sort(compareStrings);
    } catch (err) {
      diagnostics.push(diagnostic('PF613', `cannot read ${abs}: ${(err as Error).message}`, fileSpan(abs)));
      return;
    }
    for (const name of names) collect(dir, `${rel}/${name}`, files, diagnostics);
  } else if (st.isFile()) {
    files.push(rel);
  } else {
    diagnostics.push(diagnostic('PF613', `${abs} is not a regular file`, fileSpan(abs)));
  }
}

function statOrUndefined(file: string): Stats | undefined {
  try {
    return lstatSync(file);
  } catch {
    return undefined;
  }
}

/** Kind and owner suggested by an artifact path alone (owner empty when the name does not say). */
export function inferFromPath(rel: string): { kind: string; owner: string } {
  const parts = rel.split('/');
  const base = parts[parts.length - 1]!;
  const stem = (suffix: string) => base.slice(0, base.length - suffix.length);
  if (parts[0] === 'xen' && parts.length === 3 && base.endsWith('.cfg')) {
    return { kind: 'xl', owner: guestOwner(stem(base.endsWith('.install.cfg') ? '.install.cfg' : '.cfg'), parts[1]!) };
  }
  if ((parts[0] === 'ks' || (parts[0] === 'www' && parts[1] === 'ks')) && base.endsWith('.ks')) return { kind: 'kickstart', owner: stem('.ks') };
  if (parts[0] === 'ipxe') return base === 'default.ipxe' ? { kind: 'default', owner: '' } : { kind: 'ipxe', owner: base.endsWith('.ipxe') ? stem('.ipxe') : '' };
  if (parts[0] === 'tftpboot' && parts[1] === 'pxelinux.cfg') return { kind: base === 'default' ? 'default' : 'pxelinux', owner: ownerOfBootFile(base) };
  if (parts[0] === 'tftpboot' && parts[1] === 'grub') return { kind: base === 'grub.cfg' ? 'default' : 'grub', owner: ownerOfBootFile(base) };
  if (parts[0] === 'report') return { kind: 'report', owner: '' };
  return { kind: 'other', owner: '' };
}

/** A guest's domain name as its FQDN: a short name is taken to be in its Xen host's domain. */
function guestOwner(name: string, dom0: string): string {
  const dot = dom0.indexOf('.');
  return name.includes('.') || dot < 0 ? name : name + dom0.slice(dot);
}

/** Boot files named `<fqdn>.cfg` (AII style) name their host; MAC and hex-IP names do not. */
function ownerOfBootFile(base: string): string {
  return base.endsWith('.cfg') && base.includes('.') && !base.startsWith('grub.cfg') ? base.slice(0, -'.cfg'.length) : '';
}
