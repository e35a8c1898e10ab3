/**
 * The artifacts stage's contract: what renderArtifacts (index.ts) takes and returns. An artifact
 * is one file of the installation-server tree (docs/artifacts.md §4.4), keyed by its relative
 * POSIX path; the set is sorted by path so its iteration order never depends on rendering order.
 */

/** The kinds of generated files. */
export const ARTIFACT_KINDS = ['xl', 'pxelinux', 'grub', 'ipxe', 'pypxeboot', 'kickstart', 'default'] as const;
/** A renderer's kind, or `report`: the site report files the site pipeline adds (src/report/). */
export type ArtifactKind = (typeof ARTIFACT_KINDS)[number] | 'report';

/** One generated file. */
export interface Artifact {
  /** UTF-8 text: LF line ends, final newline, no timestamps. */
  readonly content: string;
  readonly kind: ArtifactKind;
  /** FQDN of the machine the file belongs to; empty for site-wide files (the local-boot defaults). */
  readonly owner: string;
  /** Permission bits, e.g. 0o644. */
  readonly mode: number;
}

/** Relative POSIX path → artifact, iterated in path order. */
export type ArtifactSet = ReadonlyMap<string, Artifact>;

/** How to render a site's artifacts. Every field has a default (DEFAULT_ARTIFACT_OPTIONS). */
export interface ArtifactOptions {
  /**
   * Base URL the install server serves the artifact tree at (e.g. `http://install.example.org`).
   * When set, iPXE scripts fetch kernels and initrds over HTTP from `<base>/<tftpRoot>/…`;
   * otherwise from `tftp://${next-server}/…`.
   */
  readonly installServer?: string;
  /** Site template directory: a file there replaces the built-in template or snippet of the same name. */
  readonly templateDir?: string;
  /** Kinds to build; default all of ARTIFACT_KINDS. */
  readonly kinds?: readonly ArtifactKind[];
  /** Directory of the TFTP tree in the artifact set (pxelinux.cfg/, grub/). Default `tftpboot`. */
  readonly tftpRoot?: string;
  /** Directory of the HTTP tree (ks/, ipxe/); default the root of the set. */
  readonly httpRoot?: string;
  /** Also write per-host pxelinux and GRUB files under their hex-IP names (AII's lookup). Default false. */
  readonly hexIpNames?: boolean;
  /** Path of pypxeboot on the Xen hosts. Default `/usr/bin/pypxeboot`. */
  readonly pypxeboot?: string;
  /**
   * Directory on the Xen hosts holding install kernels for direct-kernel boots; a boot entry's
   * kernel and initrd paths (relative to the TFTP root) are taken relative to it.
   * Default `/var/lib/xen/boot`.
   */
  readonly dom0BootDir?: string;
}

/** The options with every default filled in. */
export interface ResolvedArtifactOptions {
  readonly installServer?: string;
  readonly templateDir?: string;
  readonly kinds: ReadonlySet<ArtifactKind>;
  readonly tftpRoot: string;
  readonly httpRoot: string;
  readonly hexIpNames: boolean;
  readonly pypxeboot: string;
  readonly dom0BootDir: string;
}

export const DEFAULT_ARTIFACT_OPTIONS = {
  tftpRoot: 'tftpboot',
  httpRoot: '',
  hexIpNames: false,
  pypxeboot: '/usr/bin/pypxeboot',
  dom0BootDir: '/var/lib/xen/boot',
} as const;

/** The top-level directories of an artifact tree rendered with the default roots (and the site report's). */
export const DEFAULT_ARTIFACT_ROOTS: readonly string[] = ['ipxe', 'ks', 'report', DEFAULT_ARTIFACT_OPTIONS.tftpRoot, 'xen'];

/** Fills in defaults; the caller's values win. */
export function resolveArtifactOptions(options: ArtifactOptions): ResolvedArtifactOptions {
  const resolved: { -readonly [K in keyof ResolvedArtifactOptions]: ResolvedArtifactOptions[K] } = {
    kinds: new Set(options.kinds ?? ARTIFACT_KINDS),
    tftpRoot: trimSlashes(options.tftpRoot ?? DEFAULT_ARTIFACT_OPTIONS.tftpRoot),
    httpRoot: trimSlashes(options.httpRoot ?? DEFAULT_ARTIFACT_OPTIONS.httpRoot),
    hexIpNames: options.hexIpNames ?? DEFAULT_ARTIFACT_OPTIONS.hexIpNames,
    pypxeboot: options.pypxeboot ?? DEFAULT_ARTIFACT_OPTIONS.pypxeboot,
    dom0BootDir: options.dom0BootDir ?? DEFAULT_ARTIFACT_OPTIONS.dom0BootDir,
  };
  if (options.installServer !== undefined) resolved.installServer = options.installServer.replace(/\/+$/, '');
  if (options.templateDir !== undefined) resolved.templateDir = options.templateDir;
  return resolved;
}

function trimSlashes(dir: string): string {
  return dir.replace(/^\/+|\/+$/g, '');
}
