/**
 * The public contract of the Pan compiler (evaluator): what goes in, what comes out.
 * Implemented by src/pan/compiler.ts; used by the CLI verbs, the output writers, the
 * conformance runner and, later, the site model.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Span } from '../diagnostics/span.js';
import type { SourceRead } from '../source/cache.js';
import type { PanDict, Value } from './element.js';

export type { SourceRead };

export interface CompileOptions {
  /** Ordered include directories (panc `--include-path`). Default: the current directory. */
  readonly includeDirs: readonly string[];
  /** Loop iteration limit per while/for execution; <= 0 means unlimited. panc default 10000. */
  readonly maxIteration: number;
  /** Call-depth limit (includes + function calls + create()); <= 0 means unlimited. panc default 50. */
  readonly maxRecursion: number;
  /** DML text evaluated to the root dict every profile starts from (panc `--initial-data`). */
  readonly initialData?: string;
  /** Deprecation warnings: off, on (warnings), fatal (errors). */
  readonly deprecation: 'off' | 'on' | 'fatal';
  /** debug()/traceback() are enabled for templates whose name matches include and not exclude. */
  readonly debugInclude?: RegExp;
  readonly debugExclude?: RegExp;
  /** Record, for every path, the statements that wrote it (see Provenance). Default true. */
  readonly provenance?: boolean;
}

/** Defaults matching panc's command line. */
export const DEFAULT_COMPILE_OPTIONS: CompileOptions = {
  includeDirs: ['.'],
  maxIteration: 10000,
  maxRecursion: 50,
  deprecation: 'off',
  provenance: true,
};

/** One line of a `.dep` file. */
export interface Dependency {
  readonly name: string;
  readonly type: 'PAN' | 'TPL' | 'TEXT' | 'ABSENT_SOURCE' | 'ABSENT_TEXT';
  /** `file:` URI of the load-path root that served the file; empty for absent entries. */
  readonly location: string;
}

/** One write to a profile path: which statement set it, in which template. */
export interface ProvenanceEntry {
  readonly template: string;
  readonly span: Span;
  /** What happened: an assignment, a default value inserted from a type, a deletion. */
  readonly action: 'assign' | 'default' | 'delete' | 'initial';
}

/** For each path (e.g. `/system/network/hostname`), its writes in execution order (last = final value). */
export type Provenance = ReadonlyMap<string, readonly ProvenanceEntry[]>;

/** The outcome of compiling one object template. */
export interface ObjectResult {
  /** Object template name (e.g. `site/hosts/node01`). */
  readonly name: string;
  /** Source file of the object template, when found. */
  readonly file?: string;
  /**
   * The validated profile; undefined when compilation failed. Read-only: sub-trees may be shared
   * with other results and with cached template constants (copy before modifying).
   */
  readonly profile?: PanDict;
  /** Errors and warnings of this object (an object that fails has at least one error). */
  readonly diagnostics: readonly Diagnostic[];
  /** Sorted as panc writes them: by name, then type, then location. */
  readonly dependencies: readonly Dependency[];
  readonly provenance?: Provenance;
  /** Other objects this one read through external paths (directly), sorted; absent when none. */
  readonly objects?: readonly string[];
}

/** A request to compile object templates given as file paths. */
export interface CompileRequest {
  readonly files: readonly string[];
  readonly options: CompileOptions;
  /** Called after each requested file has been built, with the count so far and the total (progress displays). */
  readonly onFileBuilt?: (done: number, total: number) => void;
  /**
   * Asked before each requested file (by its index in the sorted list) whether this run is to
   * build it; files it declines are skipped. Lets several threads share one list, each
   * building the files it claims first (see src/batch/claims.ts).
   */
  readonly claim?: (index: number) => boolean;
  /** Told of each source file the run reads (once per file), as it read it (see SourceRead). */
  readonly onSourceRead?: (read: SourceRead) => void;
}

/** Reads one value of a compiled profile by absolute path (used by `explain` and the site model). */
export type ProfileLookup = (profile: PanDict, path: string) => Value;
