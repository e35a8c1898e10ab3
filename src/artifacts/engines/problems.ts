/**
 * What can go wrong while a template renders, recorded with the template file:line:col where
 * it happened: a value an escaper refused, a profile value printed without an escaper, an
 * undefined variable, or a template that does not parse, is missing or fails at run time.
 * Rendering is synchronous, so the engines record into the collector of the render in
 * progress (a stack, for renders started from inside a render) and keep going where they can.
 */
import type { ModelValue, Rejected } from '../escape/value.js';

/** A position in a template file (1-based line and column). */
export interface TemplateLocation {
  /** The template file as shown to users (relative to the working directory when inside it). */
  readonly file: string;
  readonly line: number;
  readonly col: number;
}

export type TemplateProblem =
  | { readonly kind: 'rejected'; readonly rejected: Rejected; readonly at?: TemplateLocation }
  | { readonly kind: 'unescaped'; readonly value: ModelValue; readonly at?: TemplateLocation }
  | { readonly kind: 'undefined'; readonly what: string; readonly at?: TemplateLocation }
  | {
      readonly kind: 'syntax' | 'missing' | 'runtime' | 'ambiguous';
      readonly message: string;
      readonly at?: TemplateLocation;
    };

const stack: TemplateProblem[][] = [];

/** Runs `render` with a fresh collector and returns its result with the problems recorded. */
export function collectProblems<T>(render: () => T): { result: T | undefined; problems: TemplateProblem[] } {
  const problems: TemplateProblem[] = [];
  stack.push(problems);
  try {
    return { result: render(), problems };
  } finally {
    stack.pop();
  }
}

/** Records a problem in the render in progress; outside a render it is an internal error. */
export function recordProblem(problem: TemplateProblem): void {
  const current = stack[stack.length - 1];
  if (current === undefined) throw new Error(`template problem outside a render: ${problem.kind}`);
  current.push(problem);
}
