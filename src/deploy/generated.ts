/**
 * The generated side of a plan: the files a build wants in the deployed tree, as bytes with
 * their SHA-256, mode, artifact kind and owning host. Built from the renderers' artifact set or
 * from a tree on disk (load-tree.ts).
 */
import { createHash } from 'node:crypto';

/** Artifact kinds the renderers produce; manifests may carry other kinds written by later versions. */
export const ARTIFACT_KINDS = ['xl', 'pxelinux', 'grub', 'ipxe', 'pypxeboot', 'kickstart', 'default'] as const;
export type ArtifactKind = (typeof ARTIFACT_KINDS)[number];

/** One file the build wants deployed. */
export interface GeneratedFile {
  readonly bytes: Buffer;
  readonly sha256: string;
  /** Artifact kind (`xl`, `pxelinux`, ...); `other` when a tree on disk does not say. */
  readonly kind: string;
  /** FQDN of the host the file belongs to; empty for site-wide files. */
  readonly owner: string;
  /** Permission bits, e.g. 0o644. */
  readonly mode: number;
}

/** Relative POSIX path → generated file. */
export type GeneratedSet = ReadonlyMap<string, GeneratedFile>;

/** An artifact as the renderers describe it (content as text or bytes). */
export interface ArtifactLike {
  readonly content: string | Uint8Array;
  readonly kind: string;
  readonly owner: string;
  readonly mode: number;
}

/** Lower-case hex SHA-256 of some bytes. */
export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** A generated file from its content and metadata (text is encoded as UTF-8). */
export function generatedFile(artifact: ArtifactLike): GeneratedFile {
  const bytes = typeof artifact.content === 'string' ? Buffer.from(artifact.content, 'utf8') : Buffer.from(artifact.content);
  return { bytes, sha256: sha256(bytes), kind: artifact.kind, owner: artifact.owner, mode: artifact.mode & 0o7777 };
}

/** Converts a renderer artifact set (relative path → artifact) to a generated set, in path order. */
export function fromArtifactSet(artifacts: ReadonlyMap<string, ArtifactLike>): GeneratedSet {
  const out = new Map<string, GeneratedFile>();
  for (const rel of [...artifacts.keys()].sort()) out.set(rel, generatedFile(artifacts.get(rel)!));
  return out;
}
