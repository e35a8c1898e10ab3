/**
 * panfab's own structural kickstart linter (docs/artifacts.md §5.4), run on every generated
 * kickstart: one command per line from the RHEL 9 command set, options known to each command,
 * positional argument counts, single-use commands used once, every `%section` closed by
 * exactly one `%end` with no other `%` line inside it, quoting balanced under the shell-with-
 * comments rule, and storage consistency (storage.ts). Diagnostics (PF520-PF530) point at the
 * line of the generated file.
 */
import type { DiagnosticCode } from '../../diagnostics/codes.js';
import { diagnostic, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { spanFromOffsets } from '../../diagnostics/span.js';
import { RHEL9_COMMANDS, RHEL9_SECTIONS, type CommandSpec } from './commands.js';
import { checkStorage, type StorageCommand } from './storage.js';
import { tokenizeLine } from './tokenize.js';

/** Names used in messages and spans. */
export interface LintSubject {
  /** The generated file's path in the artifact tree (the span's file). */
  readonly artifact: string;
  /** The template it was rendered from, when known. */
  readonly template?: string | undefined;
}

const STORAGE = new Set(['part', 'partition', 'logvol', 'raid', 'volgroup', 'btrfs', 'mount']);
const DIRECTIVES = new Set(['%include', '%ksappend']);

/** Lints one kickstart file. */
export function lintKickstart(text: string, subject: LintSubject): Diagnostic[] {
  return new Linter(text, subject).run();
}

class Linter {
  private readonly lines: string[];
  private readonly offsets: number[] = [];
  private readonly diagnostics: Diagnostic[] = [];
  private readonly groups = new Map<string, number>();
  private readonly storage: StorageCommand[] = [];

  constructor(
    private readonly text: string,
    private readonly subject: LintSubject,
  ) {
    this.lines = text.split('\n');
    let offset = 0;
    for (const l of this.lines) {
      this.offsets.push(offset);
      offset += l.length + 1;
    }
  }

  run(): Diagnostic[] {
    let section: { name: string; line: number } | undefined;
    this.lines.forEach((raw, index) => {
      const n = index + 1;
      const line = raw.trim();
      if (section !== undefined) {
        if (line === '%end') section = undefined;
        else if (line.startsWith('%')) this.report('PF524', n, `${line.split(/\s+/)[0]} inside the ${section.name} section begun on line ${section.line}; only %end may start with %`);
        else if (section.name === '%packages') this.packageLine(line, n);
        return;
      }
      if (line === '' || line.startsWith('#')) return;
      if (line.startsWith('%')) {
        section = this.sectionStart(line, n);
        return;
      }
      this.command(raw, n);
    });
    if (section !== undefined) this.report('PF523', section.line, `section ${section.name} is not closed by %end`);
    for (const p of checkStorage(this.storage)) this.report(p.code, p.line, p.message);
    return this.diagnostics;
  }

  /** A `%` line outside any section: a section header, %include/%ksappend, or a stray %end. */
  private sectionStart(line: string, n: number): { name: string; line: number } | undefined {
    const tokens = tokenizeLine(line);
    if (!tokens.ok) {
      this.report('PF525', n, tokens.reason);
      return undefined;
    }
    const [name, ...args] = tokens.words;
    if (name === '%end') {
      this.report('PF523', n, '%end without an open section');
      return undefined;
    }
    if (DIRECTIVES.has(name!)) {
      if (args.length !== 1) this.report('PF529', n, `${name} takes one file or URL`);
      return undefined;
    }
    const spec = RHEL9_SECTIONS.get(name!);
    if (spec === undefined) {
      this.report('PF523', n, `unknown section ${name}`);
      return { name: name!, line: n };
    }
    this.arguments(name!, spec, args, n);
    return { name: name!, line: n };
  }

  private packageLine(line: string, n: number): void {
    if (line === '' || line.startsWith('#')) return;
    const tokens = tokenizeLine(line);
    if (!tokens.ok) this.report('PF525', n, tokens.reason);
  }

  private command(raw: string, n: number): void {
    const tokens = tokenizeLine(raw);
    if (!tokens.ok) {
      this.report('PF525', n, tokens.reason);
      return;
    }
    if (tokens.words.length === 0) return;
    const [name, ...args] = tokens.words as [string, ...string[]];
    const spec = RHEL9_COMMANDS.get(name);
    if (spec === undefined) {
      this.report('PF520', n, `unknown kickstart command ${name}`);
      return;
    }
    if (spec.status === 'removed') {
      this.report('PF520', n, `${name} was removed in RHEL 9`);
      return;
    }
    if (spec.status === 'deprecated') this.report('PF521', n, `${name} is deprecated in RHEL 9`);
    if (spec.group !== undefined) {
      const previous = this.groups.get(spec.group);
      if (previous !== undefined) this.report('PF530', n, `${name} repeats the ${spec.group} setting of line ${previous}`);
      else this.groups.set(spec.group, n);
    }
    const parsed = this.arguments(name, spec, args, n);
    if (STORAGE.has(name) && parsed !== undefined) this.storage.push({ command: name, ...parsed, line: n });
  }

  /** Checks options and positional arguments against a spec; returns them when well-formed. */
  private arguments(
    name: string,
    spec: CommandSpec,
    args: readonly string[],
    n: number,
  ): { positional: string[]; options: Map<string, string | true> } | undefined {
    const positional: string[] = [];
    const options = new Map<string, string | true>();
    if (spec.raw === true) return { positional: [...args], options };
    let ok = true;
    for (let i = 0; i < args.length; i++) {
      const arg = args[i]!;
      if (!arg.startsWith('--')) {
        positional.push(arg);
        continue;
      }
      const eq = arg.indexOf('=');
      const option = eq < 0 ? arg : arg.slice(0, eq);
      const kind = spec.options.get(option);
      if (kind === undefined) {
        this.report('PF522', n, `${name} has no option ${option}`);
        ok = false;
        continue;
      }
      if (spec.deprecatedOptions?.has(option) === true) this.report('PF521', n, `${name} ${option} is deprecated in RHEL 9`);
      if (kind === 'flag' && eq >= 0) {
        this.report('PF529', n, `${name} ${option} takes no value`);
        ok = false;
      } else if (kind === 'value' && eq < 0) {
        const next = args[i + 1];
        if (next === undefined || next.startsWith('--')) {
          this.report('PF529', n, `${name} ${option} needs a value`);
          ok = false;
        } else {
          options.set(option, next);
          i++;
        }
      } else {
        options.set(option, eq < 0 ? true : arg.slice(eq + 1));
      }
    }
    const [min, max] = spec.positional;
    if (positional.length < min || positional.length > max) {
      const expected = min === max ? `${min}` : max === Number.POSITIVE_INFINITY ? `at least ${min}` : `${min} to ${max}`;
      this.report('PF529', n, `${name} takes ${expected} argument${min === 1 && max === 1 ? '' : 's'} besides options, found ${positional.length}`);
      ok = false;
    }
    return ok ? { positional, options } : undefined;
  }

  private report(code: DiagnosticCode, line: number, message: string): void {
    const start = this.offsets[line - 1] ?? 0;
    const end = start + (this.lines[line - 1]?.length ?? 0);
    const span = spanFromOffsets(this.subject.artifact, this.text, start, Math.max(end, start + 1));
    const from = this.subject.template === undefined ? '' : ` (rendered from ${this.subject.template})`;
    this.diagnostics.push(diagnostic(code, `${message}${from}`, span));
  }
}
