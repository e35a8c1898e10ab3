/**
 * Per-process caches of template sources: file text, parsed AST and the checked (compiled) form,
 * keyed by absolute path, display path and content hash, so each template is parsed and checked
 * once per process however many objects use it. Within one compilation run each file is read at
 * most once (`SourceReader`), so a run sees a consistent snapshot.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { TemplateFile } from '../../grammar/ast.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { parseTemplate } from '../syntax/parse.js';

/** A parsed file (AST when there is no error). */
export interface ParsedSource {
  readonly ast: TemplateFile | undefined;
  readonly diagnostics: readonly Diagnostic[];
  /** Cache key of this version of the file (absolute path, display path, content hash). */
  readonly key: string;
}

const MAX_ENTRIES = 100_000;
const parsed = new Map<string, ParsedSource>();
/** Compiled forms by parse key and option signature; the value type belongs to the caller. */
const compiled = new Map<string, unknown>();

function remember<V>(map: Map<string, V>, key: string, value: V): V {
  if (map.size >= MAX_ENTRIES) map.clear();
  map.set(key, value);
  return value;
}

/** Reads source files once per run and parses each version once per process. */
export class SourceReader {
  private readonly texts = new Map<string, string>();

  /** The text of a file (read once per reader). Throws the file system error. */
  text(absPath: string): string {
    let t = this.texts.get(absPath);
    if (t === undefined) {
      t = readFileSync(absPath, 'utf8');
      this.texts.set(absPath, t);
    }
    return t;
  }

  private readonly parses = new Map<string, ParsedSource>();

  /** The parsed form of a template file. */
  parse(absPath: string, displayPath: string): ParsedSource {
    const local = `${absPath}\u0000${displayPath}`;
    const known = this.parses.get(local);
    if (known !== undefined) return known;
    const result = this.parseVersion(absPath, displayPath);
    this.parses.set(local, result);
    return result;
  }

  private parseVersion(absPath: string, displayPath: string): ParsedSource {
    const text = this.text(absPath);
    const hash = createHash('sha1').update(text).digest('hex');
    const key = `${absPath}\u0000${displayPath}\u0000${hash}`;
    const hit = parsed.get(key);
    if (hit !== undefined) return hit;
    const result = parseTemplate(text, displayPath);
    return remember(parsed, key, { ast: result.ast, diagnostics: result.diagnostics, key });
  }
}

/** The cached compiled form for a parsed file and option signature, computing it once. */
export function cachedCompile<T>(source: ParsedSource, signature: string, build: () => T): T {
  const key = `${source.key}\u0000${signature}`;
  if (compiled.has(key)) return compiled.get(key) as T;
  return remember(compiled, key, build() as unknown) as T;
}
