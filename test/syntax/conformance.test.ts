/**
 * The parser against panc's conformance suite: every `.pan` file parses without a diagnostic,
 * except the files of root tests that expect panc's ParseException; each of those tests gives a
 * parse-class diagnostic in the file and on the line panc reports (any line when panc reports
 * no position). A directory test's broken file may be a helper template, so the file is taken
 * from panc's message.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { codeInfo } from '../../src/diagnostics/codes.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { parseTemplate } from '../../src/syntax/parse.js';
import { CONFORMANCE_DIR, show } from '../grammar/helpers.js';

const PANC_DIR = path.join(CONFORMANCE_DIR, 'panc');
const PARSE_EXCEPTION = 'org.quattor.pan.parser.ParseException';

interface ManifestTest {
  test: string;
  suite: string;
  loadPath: string;
  expect: { class?: string | null };
  reference: { exceptions?: Array<{ class: string; message: string }> };
}

function panFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((n) => {
      const full = path.join(dir, n);
      return statSync(full).isDirectory() ? panFiles(full) : n.endsWith('.pan') ? [full] : [];
    });
}

/** Files (relative to panc/) belonging to a root test: its own file, or its whole directory. */
function filesOf(t: ManifestTest): string[] {
  const categoryDepth = t.suite === 'Dependency' ? 1 : 2;
  const isDirectoryTest = t.loadPath.split('/').length > categoryDepth;
  if (!isDirectoryTest) return [t.test];
  return panFiles(path.join(PANC_DIR, t.loadPath)).map((f) => path.relative(PANC_DIR, f).split(path.sep).join('/'));
}

/** The file and start line of panc's `parse error [FILE:L.C-L.C]` header (line undefined for `?`). */
function reportedLocation(t: ManifestTest): { file: string; line?: number } {
  const message = t.reference.exceptions?.[0]?.message ?? '';
  const m = /^parse error \[(.+?):(?:\?|(\d+)\.\d+-\d+\.\d+)\]/.exec(message);
  if (!m) throw new Error(`${t.test}: no position in panc's message: ${message}`);
  return m[2] === undefined ? { file: m[1]! } : { file: m[1]!, line: Number(m[2]) };
}

const parseDiagnostics = new Map<string, Diagnostic[]>();
function diagnosticsOf(relative: string): Diagnostic[] {
  let found = parseDiagnostics.get(relative);
  if (!found) {
    found = parseTemplate(readFileSync(path.join(PANC_DIR, relative), 'utf8'), relative).diagnostics;
    parseDiagnostics.set(relative, found);
  }
  return found;
}

const isParseClass = (d: Diagnostic) => codeInfo(d.code).panClass === 'Parse';

describe('conformance suite', () => {
  const manifest = JSON.parse(readFileSync(path.join(CONFORMANCE_DIR, 'manifest.json'), 'utf8')) as { tests: ManifestTest[] };
  const allFiles = panFiles(PANC_DIR).map((f) => path.relative(PANC_DIR, f).split(path.sep).join('/'));
  const parseTests = manifest.tests.filter((t) => t.expect.class === PARSE_EXCEPTION);
  const excluded = new Set(parseTests.flatMap(filesOf));

  it('every file of a root test (every .pan file) is covered by the manifest', () => {
    const covered = new Set(manifest.tests.flatMap(filesOf));
    expect(allFiles.filter((f) => !covered.has(f))).toEqual([]);
  });

  it('parses every file outside ParseException tests without a diagnostic', () => {
    const clean = allFiles.filter((f) => !excluded.has(f));
    const problems = clean.flatMap((f) => diagnosticsOf(f).map((d) => `${f}: ${show(d)}`));
    console.log(`conformance: ${clean.length - new Set(problems.map((p) => p.split(':')[0])).size} of ${allFiles.length} files parsed clean (${excluded.size} files belong to ParseException tests)`);
    expect(problems).toEqual([]);
    expect(clean.length).toBe(allFiles.length - excluded.size);
  });

  it('reports a parse error on the line panc reports for every ParseException test', () => {
    const unmatched: string[] = [];
    for (const t of parseTests) {
      const where = reportedLocation(t);
      const candidates = where.line === undefined ? filesOf(t) : [where.file];
      const hit = candidates.some((f) => diagnosticsOf(f).some((d) => isParseClass(d) && (where.line === undefined || d.span?.line === where.line)));
      if (!hit) unmatched.push(`${t.test} (panc: ${where.file}:${where.line ?? '?'}): ${candidates.flatMap((f) => diagnosticsOf(f).map(show)).join('; ') || 'no diagnostic'}`);
    }
    console.log(`conformance: ${parseTests.length - unmatched.length} of ${parseTests.length} ParseException tests matched`);
    expect(unmatched).toEqual([]);
    expect(parseTests.length).toBe(13);
  });
});
