/**
 * Expands the template arguments of `compile`: plain files, directories (every `.pan` file
 * below them) and glob patterns (`*`, `?`, `[...]` within a path segment, `**` across
 * segments) that the shell did not expand. The result is sorted and free of duplicates, so
 * the order of arguments and of directory listings never changes the output.
 */
import { readdirSync, statSync, type Dirent } from 'node:fs';
import path from 'node:path';

export interface ExpandedInputs {
  readonly files: string[];
  /** Arguments that named nothing. */
  readonly missing: string[];
}

/** Expands template arguments into a sorted list of existing files. */
export function expandInputs(args: readonly string[]): ExpandedInputs {
  const files = new Set<string>();
  const missing: string[] = [];
  for (const arg of args) {
    const found = expandOne(arg);
    if (found.length === 0) missing.push(arg);
    for (const f of found) files.add(f);
  }
  return { files: [...files].sort(), missing };
}

function expandOne(arg: string): string[] {
  const kind = fileKind(arg);
  if (kind === 'file') return [arg];
  if (kind === 'directory') return panFilesUnder(arg);
  if (!/[*?[]/.test(arg)) return [];
  return globFiles(arg).flatMap((p) => (fileKind(p) === 'directory' ? panFilesUnder(p) : [p]));
}

function fileKind(p: string): 'file' | 'directory' | undefined {
  try {
    const s = statSync(p);
    return s.isDirectory() ? 'directory' : s.isFile() ? 'file' : undefined;
  } catch {
    return undefined;
  }
}

/** Every `.pan` file below a directory, skipping hidden entries. */
function panFilesUnder(dir: string): string[] {
  const out: string[] = [];
  // path.join(dir, name) for every entry, normalising `dir` once (names hold no separator).
  const base = path.normalize(dir);
  const prefix = base === '.' ? '' : base.endsWith(path.sep) ? base : base + path.sep;
  for (const entry of listEntries(dir)) {
    const name = entry.name;
    const full = prefix + name;
    // The listing tells files and directories apart; anything else (a link) needs a stat.
    const kind = entry.isFile() ? 'file' : entry.isDirectory() ? 'directory' : fileKind(full);
    if (kind === 'directory') out.push(...panFilesUnder(full));
    else if (kind === 'file' && name.endsWith('.pan')) out.push(full);
  }
  return out;
}

function listEntries(dir: string): Dirent[] {
  try {
    return readdirSync(dir, { withFileTypes: true })
      .filter((e) => !e.name.startsWith('.'))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch {
    return [];
  }
}

function listDir(dir: string): string[] {
  try {
    return readdirSync(dir).filter((n) => !n.startsWith('.')).sort();
  } catch {
    return [];
  }
}

/** Paths matching a glob pattern. */
function globFiles(pattern: string): string[] {
  const absolute = path.isAbsolute(pattern);
  const segments = pattern.split(/[\\/]+/).filter((s) => s.length > 0);
  const start = absolute ? path.parse(path.resolve(pattern)).root : '.';
  return matchSegments(start, segments).map((p) => (absolute ? p : path.relative('.', p) || '.'));
}

function matchSegments(base: string, segments: readonly string[]): string[] {
  if (segments.length === 0) return [base];
  const [head, ...rest] = segments as [string, ...string[]];
  if (head === '**') {
    const here = matchSegments(base, rest);
    const deeper = listDir(base)
      .filter((n) => fileKind(path.join(base, n)) === 'directory')
      .flatMap((n) => matchSegments(path.join(base, n), segments));
    return [...here, ...deeper];
  }
  if (!/[*?[]/.test(head)) {
    const next = path.join(base, head);
    return fileKind(next) === undefined ? [] : matchSegments(next, rest);
  }
  const re = segmentRegex(head);
  return listDir(base)
    .filter((n) => re.test(n))
    .flatMap((n) => matchSegments(path.join(base, n), rest));
}

/** A regex for one glob segment. */
function segmentRegex(glob: string): RegExp {
  let src = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*') src += '[^/]*';
    else if (c === '?') src += '[^/]';
    else if (c === '[') {
      const end = glob.indexOf(']', i + 2);
      if (end < 0) src += '\\[';
      else {
        const body = glob.slice(i + 1, end).replace(/^!/, '^').replace(/\\/g, '\\\\');
        src += `[${body}]`;
        i = end;
      }
    } else src += c.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(`^${src}$`);
}
