/**
 * Reads the expectation annotations of a conformance test template (panc's TestUtils rules):
 * only whole lines count; `# @expect="XPATH"` or `# @expect=CLASS ["REGEX"]` (the last
 * `@expect` line wins), `# @format=KEY`, and, for the Dependency suite, `# dep: NAME` lines.
 */

/** What a test expects of the compilation of its root template. */
export type Expectation =
  | { readonly kind: 'xpath'; readonly xpath: string }
  | { readonly kind: 'exception'; readonly className: string; readonly regex?: string }
  | { readonly kind: 'missing' };

export interface TestAnnotations {
  readonly expect: Expectation;
  /** Output format key from `@format` (default `pan`; unknown keys also mean `pan`). */
  readonly format: string;
  /** Names from `# dep:` lines, sorted and without duplicates. */
  readonly dependencies: readonly string[];
}

// Java's \s is ASCII whitespace; \w is [a-zA-Z_0-9].
const S = '[ \\t\\n\\x0B\\f\\r]';
const EXCEPTION_LINE = new RegExp(`^#${S}*@expect${S}*=${S}*([\\w.]+)(?:${S}*"(.*)")?${S}*$`);
const XPATH_LINE = new RegExp(`^#${S}*@expect${S}*=${S}*"(.*)"${S}*$`);
const FORMAT_LINE = new RegExp(`^#${S}*@format${S}*=${S}*([\\w.]+)${S}*$`);
const DEPENDENCY_LINE = new RegExp(`^#${S}*dep:${S}*([\\w.]+)${S}*$`);

/** Format keys the reference harness knows; any other `@format` value falls back to `pan`. */
const HARNESS_FORMATS = new Set(['pan', 'pan.gz', 'xml', 'xml.gz', 'json', 'json.gz', 'dot', 'null']);

/** Splits text into lines as Java's BufferedReader.readLine does (\n, \r or \r\n). */
export function javaLines(text: string): string[] {
  const lines = text.split(/\r\n|\r|\n/);
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** Parses the annotations of a test template's source text. */
export function parseAnnotations(text: string): TestAnnotations {
  let expect: Expectation = { kind: 'missing' };
  let format = 'pan';
  const dependencies = new Set<string>();
  for (const line of javaLines(text)) {
    const ex = EXCEPTION_LINE.exec(line);
    if (ex) expect = ex[2] === undefined ? { kind: 'exception', className: ex[1]! } : { kind: 'exception', className: ex[1]!, regex: ex[2] };
    const xp = XPATH_LINE.exec(line);
    if (xp) expect = { kind: 'xpath', xpath: xp[1]! };
    const fm = FORMAT_LINE.exec(line);
    if (fm) format = fm[1]!;
    const dep = DEPENDENCY_LINE.exec(line);
    if (dep) dependencies.add(dep[1]!);
  }
  const known = HARNESS_FORMATS.has(format.toLowerCase()) ? format.toLowerCase() : 'pan';
  return { expect, format: known, dependencies: [...dependencies].sort() };
}
