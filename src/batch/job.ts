/**
 * What a batch compile hands between the command, the worker threads and the build cache: the
 * job (compiler options, output formats and directory) and, for each object, its outcome —
 * everything `compile` prints and records once the outputs are on disk, without the profile.
 * Both are plain data, so they cross thread boundaries by structured clone.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { CompileOptions, Dependency, SourceRead } from '../pan/compiler-api.js';

/** A compile job: what every thread compiling the requested files uses. */
export interface CompileJob {
  readonly options: CompileOptions;
  /** Output format keys, as `parseFormats` returned them. */
  readonly formatKeys: readonly string[];
  /** Absolute output directory. */
  readonly outputDir: string;
  /** Report the state of every source file read (for the build cache). */
  readonly recordSources?: boolean;
}

/** What one thread (or one run) of a batch compile reports. */
export interface BatchReport {
  readonly outcomes: ObjectOutcome[];
  /** The source files read, as read (when the job records sources); a file may appear more than once. */
  readonly sources: SourceRead[];
}

/** One output file written for an object. */
export interface WrittenOutput {
  /** File suffix of the format (`json`, `xml.gz`, ...). */
  readonly suffix: string;
  /** Size of what was written. */
  readonly size: number;
  /** Modification time of the file written, when the writer reported it. */
  readonly mtimeMs?: number;
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
