/**
 * What a batch compile hands between the command, the worker threads and the build cache: the
 * job (compiler options, output formats and directory) and, for each object, its outcome —
 * everything `compile` prints and records once the outputs are on disk, without the profile.
 * Both are plain data, so they cross thread boundaries by structured clone.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { CompileOptions, Dependency } from '../pan/compiler-api.js';

/** A compile job: what every thread compiling the requested files uses. */
export interface CompileJob {
  readonly options: CompileOptions;
  /** Output format keys, as `parseFormats` returned them. */
  readonly formatKeys: readonly string[];
  /** Absolute output directory. */
  readonly outputDir: string;
}

/** One output file written for an object. */
export interface WrittenOutput {
  /** File suffix of the format (`json`, `xml.gz`, ...). */
  readonly suffix: string;
  /** Content hash (sha1, hex) and size of what was written. */
  readonly hash: string;
  readonly size: number;
}

/** The outcome of one object: the diagnostics to print, its dependencies and its outputs. */
export interface ObjectOutcome {
  readonly name: string;
  readonly file?: string;
  /** True when the profile validated and every output was written. */
  readonly ok: boolean;
  /** The compiler's diagnostics and any output-writing error, as printed. */
  readonly diagnostics: readonly Diagnostic[];
  readonly dependencies: readonly Dependency[];
  /** Objects read through external paths (directly), sorted. */
  readonly objects: readonly string[];
  /** Outputs written (empty for a failed object). */
  readonly outputs: readonly WrittenOutput[];
}

/** Orders outcomes (and anything named) by name, as panc lists objects. */
export function byName<T extends { readonly name: string }>(a: T, b: T): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}
