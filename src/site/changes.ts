/**
 * The files changed since a git revision, for `--changed-since REV`: everything
 * `git diff REV` reports (commits since REV plus staged and unstaged edits, deletions and both
 * sides of a rename) and the untracked files git does not ignore. Paths are canonical absolute
 * paths (symbolic links resolved), comparable with the include graph's.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { canonical } from './include-graph.js';

export type ChangedFiles = { ok: true; files: ReadonlySet<string>; revision: string } | { ok: false; diagnostic: Diagnostic };

/** Lists the files changed since `revision` in the git work tree containing `dir`. */
export function changedSince(dir: string, revision: string): ChangedFiles {
  try {
    const top = canonical(git(dir, ['rev-parse', '--show-toplevel']).trim());
    const commit = resolveRevision(top, revision);
    if (commit === undefined) return { ok: false, diagnostic: diagnostic('PF704', `unknown git revision '${revision}'`) };
    const tracked = git(top, ['diff', '--name-only', '--no-renames', '-z', commit, '--']);
    const untracked = git(top, ['ls-files', '--others', '--exclude-standard', '--full-name', '-z']);
    const names = [...tracked.split('\0'), ...untracked.split('\0')].filter((n) => n.length > 0);
    return { ok: true, files: new Set(names.map((n) => path.join(top, n))), revision: commit };
  } catch (err) {
    return { ok: false, diagnostic: diagnostic('PF704', `cannot list the files changed since '${revision}': ${reason(err)}`) };
  }
}

/** The commit a revision names, or undefined when it names none. */
function resolveRevision(top: string, revision: string): string | undefined {
  try {
    return git(top, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${revision}^{commit}`]).trim();
  } catch {
    return undefined;
  }
}

function git(cwd: string, args: readonly string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 256 * 1024 * 1024 });
}

/** The first line git printed on stderr, or the error message. */
function reason(err: unknown): string {
  const stderr = (err as { stderr?: unknown }).stderr;
  const text = typeof stderr === 'string' && stderr.trim() !== '' ? stderr.trim() : err instanceof Error ? err.message : String(err);
  const first = text.split('\n')[0]!.replace(/^fatal: /, '');
  return first === '' ? 'not a git revision' : first;
}
