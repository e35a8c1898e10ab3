/**
 * Finds templates: first in the site's override directory, then in panfab's built-in
 * `templates/` directory, so a site file replaces the built-in template or snippet of the same
 * name. A main template is asked for without its engine extension (`kickstart/base.ks`) and
 * may be written for either engine — `.njk` (nunjucks) or `.hbs` (handlebars); both in one
 * directory is an error. Included files (snippets, partials) are named with their extension.
 * The prefix `builtin:` skips the override directory, so an override can extend the built-in
 * template it replaces. Files are read once per process.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export type EngineName = 'nunjucks' | 'handlebars';

const ENGINE_EXTENSIONS: Readonly<Record<EngineName, string>> = { nunjucks: '.njk', handlebars: '.hbs' };

/** A template file found by the resolver. */
export interface TemplateFile {
  /** Absolute path. */
  readonly file: string;
  /** Path shown in diagnostics: relative to the working directory when inside it. */
  readonly display: string;
  readonly engine: EngineName;
  readonly source: string;
  readonly builtin: boolean;
}

export type Resolution = { readonly ok: true; readonly template: TemplateFile } | { readonly ok: false; readonly message: string };

/** panfab's built-in templates directory (the repository's or package's `templates/`). */
export const BUILTIN_TEMPLATE_DIR = findBuiltinDir();

const BUILTIN_PREFIX = 'builtin:';
const sources = new Map<string, string | undefined>();
const byDisplay = new Map<string, string>();

/** Resolves template names against an override directory and the built-in directory. */
export class TemplateResolver {
  readonly overrideDir: string | undefined;
  private readonly memo = new Map<string, Resolution>();

  constructor(
    overrideDir: string | undefined,
    readonly builtinDir: string = BUILTIN_TEMPLATE_DIR,
  ) {
    this.overrideDir = overrideDir === undefined ? undefined : path.resolve(overrideDir);
  }

  /** A main template by logical name (no engine extension): `.njk` or `.hbs`, override first. */
  resolveMain(name: string): Resolution {
    return this.remember(`main:${name}`, () => this.findMain(name));
  }

  /** An included file by its full name, for one engine. */
  resolveInclude(name: string, engine: EngineName): Resolution {
    return this.remember(`${engine}:${name}`, () => this.findInclude(name, engine));
  }

  private remember(key: string, find: () => Resolution): Resolution {
    let found = this.memo.get(key);
    if (found === undefined) {
      found = find();
      this.memo.set(key, found);
    }
    return found;
  }

  private findMain(name: string): Resolution {
    const checked = this.checkName(name);
    if (typeof checked !== 'object') return { ok: false, message: checked };
    for (const dir of this.dirs(checked.builtinOnly)) {
      const found = (Object.keys(ENGINE_EXTENSIONS) as EngineName[])
        .map((engine) => this.load(dir, checked.name + ENGINE_EXTENSIONS[engine], engine))
        .filter((t): t is TemplateFile => t !== undefined);
      if (found.length > 1) {
        return { ok: false, message: `template ${checked.name} exists for both engines in ${displayPath(dir)}: ${found.map((t) => path.basename(t.file)).join(' and ')}` };
      }
      if (found.length === 1) return { ok: true, template: found[0]! };
    }
    return { ok: false, message: `template not found: ${name} (.njk or .hbs)` };
  }

  private findInclude(name: string, engine: EngineName): Resolution {
    const checked = this.checkName(name);
    if (typeof checked !== 'object') return { ok: false, message: checked };
    const file = checked.name.endsWith(ENGINE_EXTENSIONS[engine]) ? checked.name : checked.name + ENGINE_EXTENSIONS[engine];
    for (const dir of this.dirs(checked.builtinOnly)) {
      const found = this.load(dir, file, engine);
      if (found !== undefined) return { ok: true, template: found };
    }
    return { ok: false, message: `template not found: ${name}` };
  }

  private dirs(builtinOnly: boolean): string[] {
    return builtinOnly || this.overrideDir === undefined ? [this.builtinDir] : [this.overrideDir, this.builtinDir];
  }

  private checkName(name: string): { name: string; builtinOnly: boolean } | string {
    const builtinOnly = name.startsWith(BUILTIN_PREFIX);
    const bare = builtinOnly ? name.slice(BUILTIN_PREFIX.length) : name;
    const segments = bare.split('/');
    if (bare === '' || bare.startsWith('/') || segments.some((s) => s === '' || s === '.' || s === '..') || bare.includes('\\')) {
      return `invalid template name ${JSON.stringify(name)}: use a relative path without . or .. segments`;
    }
    return { name: bare, builtinOnly };
  }

  private load(dir: string, relative: string, engine: EngineName): TemplateFile | undefined {
    const file = path.join(dir, ...relative.split('/'));
    const source = readCached(file);
    if (source === undefined) return undefined;
    const display = displayPath(file);
    byDisplay.set(display, source);
    return { file, display, engine, source, builtin: dir === this.builtinDir };
  }
}

/** The source of a template file loaded in this process, by its display path. */
export function loadedSource(display: string): string | undefined {
  return byDisplay.get(display);
}

/** A path relative to the working directory when it lies inside it, else absolute (POSIX separators). */
export function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  const shown = relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
  return shown.split(path.sep).join('/');
}

function readCached(file: string): string | undefined {
  if (sources.has(file)) return sources.get(file);
  let source: string | undefined;
  try {
    source = existsSync(file) && statSync(file).isFile() ? readFileSync(file, 'utf8') : undefined;
  } catch {
    source = undefined;
  }
  sources.set(file, source);
  return source;
}

function findBuiltinDir(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(path.join(dir, 'package.json')) && existsSync(path.join(dir, 'templates'))) return path.join(dir, 'templates');
    const parent = path.dirname(dir);
    if (parent === dir) return path.resolve('templates');
    dir = parent;
  }
}
