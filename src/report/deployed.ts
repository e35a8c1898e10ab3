/**
 * Reads what the report needs from a deployed tree: its deploy manifest (with deploy's
 * validating parser) and which managed machine files are missing from the tree or differ from
 * the manifest. A file counts as intact only when it is a regular file inside the tree (its real
 * path does not leave the tree) whose SHA-256 is the manifest's; with `trustUnchangedSince`, a
 * file not modified since then is taken to match without being read (as the install server's
 * validators do).
 */
import { createHash } from 'node:crypto';
import { lstatSync, readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { readManifestFile, type Manifest } from '../deploy/manifest.js';
import { resolveIn } from '../deploy/paths.js';
import type { DeployedFacts, OwnedFile } from './install-state.js';

/** The facts about a deployed tree, and why they are incomplete when they are. */
export interface DeployedRead {
  readonly facts: DeployedFacts;
  readonly diagnostics: Diagnostic[];
}

/** Reads the manifest of the tree at `root` and checks the files of its machines. */
export async function readDeployedTree(root: string, source: string): Promise<DeployedRead> {
  const read = await readManifestFile(root);
  if (!read.ok) return { facts: { source }, diagnostics: read.diagnostics };
  if (read.manifest === undefined) return { facts: { source }, diagnostics: [] };
  const files = manifestFiles(read.manifest);
  return { facts: { source, generator: read.manifest.generator, manifest: files, damaged: damagedFiles(root, files) }, diagnostics: [] };
}

/** The manifest's files as owned files. */
export function manifestFiles(manifest: Manifest): Map<string, OwnedFile> {
  const out = new Map<string, OwnedFile>();
  for (const [rel, e] of manifest.files) out.set(rel, { sha256: e.sha256, owner: e.owner });
  return out;
}

/**
 * Paths of machine-owned manifest files that are missing from the tree, not regular files
 * inside it, or whose content is not the manifest's.
 */
export function damagedFiles(root: string, files: ReadonlyMap<string, OwnedFile>, trustUnchangedSince?: number): Set<string> {
  const damaged = new Set<string>();
  let realRoot: string;
  try {
    realRoot = realpathSync(root);
  } catch {
    for (const [rel, f] of files) if (f.owner !== '') damaged.add(rel);
    return damaged;
  }
  for (const [rel, f] of files) {
    if (f.owner !== '' && !intact(realRoot, rel, f.sha256, trustUnchangedSince)) damaged.add(rel);
  }
  return damaged;
}

function intact(realRoot: string, rel: string, sha256: string, trustUnchangedSince: number | undefined): boolean {
  const abs = resolveIn(realRoot, rel);
  try {
    const st = lstatSync(abs);
    if (!st.isFile()) return false;
    const real = realpathSync(abs);
    if (real !== abs && !real.startsWith(realRoot + path.sep)) return false;
    if (trustUnchangedSince !== undefined && st.mtimeMs <= trustUnchangedSince) return true;
    return createHash('sha256').update(readFileSync(real)).digest('hex') === sha256;
  } catch {
    return false;
  }
}
