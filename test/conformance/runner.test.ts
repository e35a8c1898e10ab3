/**
 * Discovery and the runner on a small hand-made suite, with a fake compiler standing in for
 * the evaluator (the runner only depends on the compile contract).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { discoverTests, ROOT_ELEMENT_DML } from '../../src/conformance/discovery.js';
import { harnessOptions, runTests, type CompileFn } from '../../src/conformance/runner.js';
import { diagnostic } from '../../src/diagnostics/diagnostic.js';
import type { CompileRequest, ObjectResult } from '../../src/pan/compiler-api.js';
import { PanDict } from '../../src/pan/element.js';
import { formatPanXml } from '../../src/output/xml.js';

let root: string;

function write(relative: string, text: string): void {
  const file = path.join(root, relative);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}

const okProfile = new PanDict(new Map([['result', 'OK']]));

/** Compiles by looking at the template text: `FAIL` fails, anything else yields okProfile. */
const fakeCompile: CompileFn = async (request: CompileRequest): Promise<ObjectResult[]> => {
  const file = request.files[0]!;
  const name = path.basename(file, '.pan');
  const { readFileSync } = await import('node:fs');
  const text = readFileSync(file, 'utf8');
  const span = { file, offset: 0, length: 1, line: 1, col: 1, endLine: 1, endCol: 5 };
  if (text.includes('FAIL')) return [{ name, file, diagnostics: [diagnostic('PF209', 'user-initiated error: too many', span)], dependencies: [] }];
  const profile = request.options.initialData === ROOT_ELEMENT_DML ? new PanDict(new Map([['root-element-test', 'OK']])) : okProfile;
  const dependencies = [{ name, type: 'PAN' as const, location: 'file:/x/' }, { name: 'inc', type: 'PAN' as const, location: 'file:/x/' }];
  return [{ name, file, profile, diagnostics: [], dependencies }];
};

beforeAll(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'panfab-suite-'));
  const xpathOk = `# @expect="/nlist[@name='profile']/string[@name='result']='OK'"\n`;
  write('panc/Functionality/alpha/a1.pan', `object template a1;\n${xpathOk}`);
  write('panc/Functionality/alpha/a2.pan', `object template a2;\n# @expect=org.quattor.pan.exceptions.EvaluationException ".*too many.*"\nFAIL\n`);
  write('panc/Functionality/alpha/a3.pan', `object template a3;\n# @expect=org.quattor.pan.exceptions.SyntaxException\nFAIL\n`);
  write('panc/Functionality/alpha/notes.txt', 'not a test');
  write('panc/Functionality/alpha/.hidden.pan', 'hidden');
  write('panc/Functionality/alpha/dirtest/dirtest.pan', `object template dirtest;\n${xpathOk}`);
  write('panc/Functionality/alpha/dirtest/helper.pan', 'template helper;');
  write('panc/Functionality/beta/b1.pan', `object template b1;\n# no expectation\n`);
  write('panc/RootElement/empty/e1.pan', `object template e1;\n# @expect="/nlist[@name='profile']/string[@name='root-element-test']='OK'"\n`);
  write('panc/Dependency/deps/deps.pan', 'object template deps;\n# dep: deps\n# dep: inc\n');
  write('panc/Dependency/wrong.pan', 'object template wrong;\n# dep: wrong\n# dep: other\n');
  write('reference-output/Functionality/alpha/a1.xml', formatPanXml(okProfile));
  write('reference-output/Functionality/alpha/dirtest/dirtest.xml', formatPanXml(okProfile).replace('OK', 'DIFFERENT'));
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('conformance test discovery', () => {
  it('finds root tests per suite in path order with their include directories', () => {
    const tests = discoverTests(path.join(root, 'panc'));
    expect(tests.map((t) => t.id)).toEqual([
      'Functionality/alpha/a1.pan',
      'Functionality/alpha/a2.pan',
      'Functionality/alpha/a3.pan',
      'Functionality/alpha/dirtest/dirtest.pan',
      'Functionality/beta/b1.pan',
      'RootElement/empty/e1.pan',
      'Dependency/deps/deps.pan',
      'Dependency/wrong.pan',
    ]);
    const dirtest = tests.find((t) => t.id.includes('dirtest'))!;
    expect(dirtest.includeDir).toBe(path.join(root, 'panc/Functionality/alpha/dirtest'));
    expect(tests[0]!.includeDir).toBe(path.join(root, 'panc/Functionality/alpha'));
    expect(tests.find((t) => t.suite === 'RootElement')!.rootElement).toBe(ROOT_ELEMENT_DML);
  });

  it('uses the harness compiler settings', () => {
    const [first] = discoverTests(path.join(root, 'panc'));
    expect(harnessOptions(first!)).toMatchObject({ maxIteration: 100, maxRecursion: 50, deprecation: 'on', includeDirs: [first!.includeDir] });
    expect(harnessOptions(first!).debugInclude).toBeUndefined();
  });
});

describe('conformance runner', () => {
  it('judges every test and compares passing XML with the reference output', async () => {
    const tests = discoverTests(path.join(root, 'panc'));
    const results = await runTests(tests, { compile: fakeCompile, referenceDir: path.join(root, 'reference-output') });
    const byId = Object.fromEntries(results.map((r) => [r.test, r]));
    expect(byId['Functionality/alpha/a1.pan']).toEqual({ test: 'Functionality/alpha/a1.pan', pass: true, identical: true });
    expect(byId['Functionality/alpha/a2.pan']).toEqual({ test: 'Functionality/alpha/a2.pan', pass: true });
    expect(byId['Functionality/alpha/a3.pan']!.reason).toMatch(/^expected SyntaxException but got EvaluationException \(PF209\)/);
    expect(byId['Functionality/alpha/dirtest/dirtest.pan']).toMatchObject({ pass: true, identical: false });
    expect(byId['Functionality/beta/b1.pan']!.reason).toBe('@expect not found in file');
    expect(byId['RootElement/empty/e1.pan']!.pass).toBe(true);
    expect(byId['Dependency/deps/deps.pan']!.pass).toBe(true);
    expect(byId['Dependency/wrong.pan']!.reason).toBe('dependencies differ: missing [other], unexpected [inc]');
  });

  it('turns an exception thrown by the compiler into a failed test', async () => {
    const [first] = discoverTests(path.join(root, 'panc'));
    const throwing: CompileFn = async () => {
      throw new Error('kaboom');
    };
    const [result] = await runTests([first!], { compile: throwing });
    expect(result).toMatchObject({ pass: false });
    expect(result!.reason).toContain('internal error: kaboom');
  });
});
