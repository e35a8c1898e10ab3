/**
 * Loading checked templates for a compilation run: locating, parsing (Parse errors), checking
 * (Syntax errors), per-process caching of the checked form, and the conversions panc applies
 * when a template is loaded by another one (Syntax errors become Evaluation errors, the declared
 * name must match the requested one).
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { cachedCompile, PathPairMap, SourceReader, type SourceRead } from '../source/cache.js';
import type { FoundFile } from '../source/locate.js';
import { resolvePath } from '../source/plain-path.js';
import { compileTemplate, type CheckOptions } from './check/template.js';
import { PanError, asPanError, isSyntax } from './errors.js';
import type { CompiledTemplate } from './ir.js';

/** Converts a parser diagnostic into a PanError (Parse class, or System for overflowing literals). */
function parseError(d: Diagnostic): PanError {
  return new PanError(d.code, d.message, d.span);
}

/** A fresh copy of a cached error (errors are completed in place while they propagate). */
function copyError(e: PanError): PanError {
  const c = new PanError(e.code, e.message, e.span, e.frames);
  c.path = e.path;
  return c;
}

/** Loads checked templates; one per compilation run, sharing the per-process caches. */
export class TemplateLoader {
  private readonly reader: SourceReader;
  private readonly signature: string;

  /** `onSourceRead`: told of each file read (see SourceReader). */
  constructor(
    private readonly check: CheckOptions,
    onSourceRead?: (read: SourceRead) => void,
  ) {
    this.reader = new SourceReader(onSourceRead);
    this.signature = `${check.debugInclude?.source ?? ''}\u0000${check.debugExclude?.source ?? ''}`;
  }

  /** Loaded templates (or their errors), by absolute and display path. */
  private readonly loaded = new PathPairMap<CompiledTemplate | PanError>();

  /** The checked template in a file; throws its Parse/Syntax/Evaluation/System error. */
  load(file: Pick<FoundFile, 'absPath' | 'displayPath'>): CompiledTemplate {
    let result = this.loaded.get(file.absPath, file.displayPath);
    if (result === undefined) {
      try {
        result = this.loadUncached(file);
      } catch (e) {
        result = asPanError(e);
      }
      this.loaded.set(file.absPath, file.displayPath, result);
    }
    if (result instanceof PanError) throw copyError(result);
    return result;
  }

  private loadUncached(file: Pick<FoundFile, 'absPath' | 'displayPath'>): CompiledTemplate {
    let parsed;
    try {
      parsed = this.reader.parse(file.absPath, file.displayPath);
    } catch (e) {
      throw new PanError('PF900', `cannot read ${file.displayPath}: ${(e as Error).message}`);
    }
    if (parsed.ast === undefined) {
      const first = parsed.diagnostics.find((d) => d.severity === 'error') ?? parsed.diagnostics[0];
      throw first === undefined ? new PanError('PF106', 'missing template declaration') : parseError(first);
    }
    const ast = parsed.ast;
    const result = cachedCompile(parsed, this.signature, (): CompiledTemplate | PanError => {
      try {
        return compileTemplate(ast, resolvePath(file.absPath), this.check);
      } catch (e) {
        return asPanError(e);
      }
    });
    if (result instanceof PanError) throw copyError(result);
    return result;
  }

  /**
   * A template loaded on behalf of another template (include, create, external object):
   * Syntax errors are re-raised as Evaluation errors with the same message, and the declared
   * name must equal the requested one.
   */
  loadNamed(file: FoundFile, name: string): CompiledTemplate {
    let tpl: CompiledTemplate;
    try {
      tpl = this.load(file);
    } catch (e) {
      const err = asPanError(e);
      if (isSyntax(err)) throw new PanError('PF217', err.message, err.span);
      throw err;
    }
    if (tpl.name !== name) {
      throw new PanError('PF217', `misplaced or misnamed template; relative directory and name must match '${name}'`);
    }
    return tpl;
  }

  /**
   * Lets go of a template used once (an object template compiled on its own; see
   * SourceReader.release): a later load in this run parses and checks its text again.
   */
  release(file: Pick<FoundFile, 'absPath' | 'displayPath'>): void {
    this.loaded.delete(file.absPath, file.displayPath);
    this.reader.release(file.absPath, file.displayPath);
  }

  /** The text of a file, read once per run. */
  text(absPath: string): string {
    return this.reader.text(absPath);
  }
}
