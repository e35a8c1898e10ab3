/**
 * Diagnostics of the artifacts stage. A problem with a profile value names the model path and
 * has, as its span, the statement that set the value (site.origin); when the value went
 * through a template, the template file:line:col is a related span and is named in the
 * message. Template problems without a profile value (syntax, missing snippet, undefined
 * variable) have the template position as their span.
 */
import { diagnostic, hasErrors, type Diagnostic, type RelatedSpan } from '../diagnostics/diagnostic.js';
import type { DiagnosticCode } from '../diagnostics/codes.js';
import { spanFromOffsets, type Span } from '../diagnostics/span.js';
import type { ModelRef, Site } from '../site/model.js';
import type { TemplateLocation, TemplateProblem } from './engines/problems.js';
import { loadedSource } from './engines/resolver.js';
import { ModelValue, showRaw } from './escape/value.js';
import { noteValue } from './merge.js';

/** The diagnostics gathered while preparing and rendering one artifact (or one machine's artifacts). */
export class Issues {
  readonly diagnostics: Diagnostic[] = [];

  constructor(
    readonly site: Site,
    /** What is being produced, for messages (an artifact path or a machine's FQDN). */
    readonly subject: string,
  ) {}

  /** A problem with a model value (or with the machine, when `ref` is absent). */
  model(code: DiagnosticCode, message: string, ref?: ModelRef): void {
    const span = ref === undefined ? undefined : this.site.origin(ref);
    const where = ref === undefined ? '' : `${ref.object}: ${ref.path}: `;
    const d = diagnostic(code, `${where}${message} (${this.subject} not written)`, span, ref === undefined ? {} : { path: ref.path });
    this.diagnostics.push(ref === undefined ? d : noteValue(d, { object: ref.object, head: `${ref.path}: ${message}`, artifact: this.subject }));
  }

  /** A profile value refused by its whitelist before any template printed it. */
  value(code: DiagnosticCode, what: string, raw: unknown, reason: string, ref: ModelRef | undefined): void {
    const head = `${what}${ref === undefined ? '' : ` at ${ref.path}`}: ${showRaw(raw)} ${reason}`;
    const span = ref === undefined ? undefined : this.site.origin(ref);
    const d = diagnostic(code, `${ref === undefined ? '' : `${ref.object}: `}${head}; ${this.subject} not written`, span, ref === undefined ? {} : { path: ref.path });
    this.diagnostics.push(ref === undefined ? d : noteValue(d, { object: ref.object, head, artifact: this.subject }));
  }

  /** Adds the diagnostics of a template problem. */
  template(problem: TemplateProblem): void {
    this.diagnostics.push(problemDiagnostic(this.site, problem, this.subject));
  }

  /** Adds diagnostics found by a check of the generated text. */
  add(diagnostics: readonly Diagnostic[]): void {
    this.diagnostics.push(...diagnostics);
  }

  get failed(): boolean {
    return hasErrors(this.diagnostics);
  }
}

/** Converts a template problem to a diagnostic. */
export function problemDiagnostic(site: Site, problem: TemplateProblem, subject: string): Diagnostic {
  const at = problem.at;
  const atSpan = at === undefined ? undefined : templateSpan(at);
  const where = at === undefined ? '' : ` (template ${at.file}:${at.line}:${at.col})`;
  switch (problem.kind) {
    case 'rejected': {
      const value = problem.rejected.value;
      return valueDiagnostic(site, problem.rejected.code, problem.rejected.reason, value, atSpan, where, subject);
    }
    case 'unescaped':
      return valueDiagnostic(
        site,
        'PF503',
        `is printed without an escaper; use one of the escaping filters or helpers`,
        problem.value,
        atSpan,
        where,
        subject,
      );
    case 'undefined':
      return diagnostic('PF505', `undefined value in template: ${problem.what}${where}; ${subject} not written`, atSpan);
    case 'syntax':
      return diagnostic('PF504', `${problem.message}${where}; ${subject} not written`, atSpan);
    case 'missing':
      return diagnostic('PF506', `${problem.message}${where}; ${subject} not written`, atSpan);
    case 'ambiguous':
      return diagnostic('PF508', `${problem.message}; ${subject} not written`, atSpan);
    case 'runtime':
      return diagnostic('PF507', `${problem.message}${where}; ${subject} not written`, atSpan);
  }
}

function valueDiagnostic(
  site: Site,
  code: DiagnosticCode,
  reason: string,
  value: ModelValue | undefined,
  atSpan: Span | undefined,
  where: string,
  artifact: string,
): Diagnostic {
  const ref = value === undefined ? undefined : ModelValue.ref(value);
  const what = value === undefined ? 'value' : ModelValue.what(value);
  const origin = ref === undefined ? undefined : site.origin(ref);
  const subject = ref === undefined ? `${what}` : `${ref.object}: ${what} at ${ref.path}`;
  const related: RelatedSpan[] = origin !== undefined && atSpan !== undefined ? [{ message: 'printed by this template line', span: atSpan }] : [];
  const extra: { related: RelatedSpan[]; path?: string } = { related };
  if (ref !== undefined) extra.path = ref.path;
  const d = diagnostic(code, `${subject}: ${reason}${where}; ${artifact} not written`, origin ?? atSpan, extra);
  return ref === undefined ? d : noteValue(d, { object: ref.object, head: `${what} at ${ref.path}: ${reason}`, artifact });
}

/** A span for a template position (the rest of its line), from the loaded template source. */
export function templateSpan(at: TemplateLocation): Span {
  const source = loadedSource(at.file);
  if (source === undefined) {
    return { file: at.file, offset: 0, length: 0, line: at.line, col: at.col, endLine: at.line, endCol: at.col };
  }
  const lines = source.split('\n');
  let offset = 0;
  for (let i = 0; i < at.line - 1 && i < lines.length; i++) offset += lines[i]!.length + 1;
  const lineText = lines[at.line - 1] ?? '';
  const start = offset + Math.min(at.col - 1, lineText.length);
  const end = Math.max(start + 1, offset + lineText.length);
  return spanFromOffsets(at.file, source, start, end);
}
