/**
 * One bad profile value usually reaches many files — a boot label set in a shared template is
 * printed into the pxelinux, GRUB and iPXE files of every machine that includes it. The
 * diagnostics of such repeats (same code, same profile statement, same path, same reason)
 * are merged into one that lists the machines and the files not written, and keeps each
 * distinct template line as a related span.
 */
import type { Diagnostic, RelatedSpan } from '../diagnostics/diagnostic.js';

/** What a diagnostic says about one profile value. */
export interface ValueNote {
  /** The object template (machine) the value belongs to. */
  readonly object: string;
  /** The message without the machine and file: `<what> at <path>: <reason>`. */
  readonly head: string;
  /** The file that was not written. */
  readonly artifact: string;
}

const notes = new WeakMap<Diagnostic, ValueNote>();

/** Records what a diagnostic is about, so that repeats can be merged. */
export function noteValue(d: Diagnostic, note: ValueNote): Diagnostic {
  notes.set(d, note);
  return d;
}

const SHOWN = 4;

/** Merges repeated value diagnostics; others are kept as they are, in their order. */
export function mergeRepeats(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const groups = new Map<string, Diagnostic[]>();
  const out: (Diagnostic | string)[] = [];
  for (const d of diagnostics) {
    const note = notes.get(d);
    if (note === undefined) {
      out.push(d);
      continue;
    }
    const s = d.span;
    const key = [d.code, d.path ?? '', s ? `${s.file}:${s.offset}:${s.length}` : '', note.head].join('\u0000');
    const group = groups.get(key);
    if (group === undefined) {
      groups.set(key, [d]);
      out.push(key);
    } else {
      group.push(d);
    }
  }
  return out.map((entry) => (typeof entry === 'string' ? merged(groups.get(entry)!) : entry));
}

function merged(group: readonly Diagnostic[]): Diagnostic {
  const first = group[0]!;
  if (group.length === 1) return first;
  const head = notes.get(first)!.head;
  const objects = unique(group.map((d) => notes.get(d)!.object));
  const files = unique(group.map((d) => notes.get(d)!.artifact));
  const related: RelatedSpan[] = [];
  const seen = new Set<string>();
  for (const r of group.flatMap((d) => d.related ?? [])) {
    const key = `${r.span.file}:${r.span.offset}`;
    if (!seen.has(key)) {
      seen.add(key);
      related.push(r);
    }
  }
  const message = `${head}; in ${list(objects, 'profile')}; not written: ${list(files, 'file')}`;
  const d: { -readonly [K in keyof Diagnostic]: Diagnostic[K] } = { ...first, message };
  if (related.length > 0) d.related = related;
  else delete d.related;
  return d;
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)].sort();
}

function list(names: readonly string[], noun: string): string {
  if (names.length === 1) return `${noun} ${names[0]}`;
  const shown = names.slice(0, SHOWN).join(', ');
  const more = names.length > SHOWN ? ` and ${names.length - SHOWN} more` : '';
  return `${names.length} ${noun}s: ${shown}${more}`;
}
