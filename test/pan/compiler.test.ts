/** The compiler API (compiler-api.ts): results per object, sorted, one error per failing object. */
import path from 'node:path';
import { compile } from '../../src/pan/compiler.js';
import type { CompileOptions } from '../../src/pan/compiler-api.js';
import { cleanup, writeTree } from './helpers.js';

afterAll(cleanup);

function options(dir: string, extra: Partial<CompileOptions> = {}): CompileOptions {
  return { includeDirs: [dir], maxIteration: 100, maxRecursion: 50, deprecation: 'off', ...extra };
}

describe('compile()', () => {
  test('results are sorted by object name and include objects reached through external paths', async () => {
    const dir = writeTree({
      zeta: "object template zeta;\n'/v' = value('beta:/v');",
      alpha: "object template alpha;\n'/v' = 1;",
      beta: "object template beta;\n'/v' = 2;",
    });
    const results = await compile({ files: [path.join(dir, 'zeta.pan'), path.join(dir, 'alpha.pan')], options: options(dir) });
    expect(results.map((r) => r.name)).toEqual(['alpha', 'beta', 'zeta']);
    expect(results.every((r) => r.profile !== undefined && r.diagnostics.length === 0)).toBe(true);
  });

  test('files that do not parse or check give one error each; non-object templates give no result', async () => {
    const dir = writeTree({ bad: "object template bad;\n'/a' = ;", ordinary: "template ordinary;\n'/a' = 1;", wrong: 'object template other;' });
    const files = ['bad.pan', 'ordinary.pan', 'wrong.pan'].map((f) => path.join(dir, f));
    const results = await compile({ files, options: options(dir) });
    expect(results.map((r) => [r.name, r.diagnostics.length, r.diagnostics[0]?.code])).toEqual([
      ['bad', 1, 'PF101'],
      ['wrong', 1, 'PF110'],
    ]);
  });

  test('an object template outside the include directories cannot be located', async () => {
    const dir = writeTree({ 'sub/t.pan': "object template t;\n'/a' = 1;" });
    const results = await compile({ files: [path.join(dir, 'sub/t.pan')], options: options(dir) });
    expect(results[0]!.diagnostics[0]!.message).toBe("cannot locate object template named 't'");
  });

  test('deprecation warnings are warnings, or errors when fatal', async () => {
    // (in a constant statement deprecated() is folded away at compile time, as in panc)
    const dir = writeTree({ t: "object template t;\n'/a' = { x = OBJECT; deprecated(0, 'old stuff'); };" });
    const file = path.join(dir, 't.pan');
    const on = await compile({ files: [file], options: options(dir, { deprecation: 'on' }) });
    expect(on[0]!.profile).toBeDefined();
    expect(on[0]!.diagnostics.map((d) => [d.code, d.severity, d.message])).toEqual([['PF221', 'warning', 'old stuff']]);
    const fatal = await compile({ files: [file], options: options(dir, { deprecation: 'fatal' }) });
    expect(fatal[0]!.diagnostics.map((d) => [d.code, d.message])).toEqual([['PF220', 'deprecation error: old stuff']]);
  });

  test('invalid initial data fails every object with a clear diagnostic', async () => {
    const dir = writeTree({ t: 'object template t;' });
    const results = await compile({ files: [path.join(dir, 't.pan')], options: options(dir, { initialData: 'list(1)' }) });
    expect(results[0]!.diagnostics[0]!.message).toBe('root element must be an nlist, not list');
  });

  test('compiling twice reuses checked templates and gives identical results', async () => {
    const dir = writeTree({ t: "object template t;\ninclude 'inc';", inc: "template inc;\n'/a' = list(1, 2);" });
    const req = { files: [path.join(dir, 't.pan')], options: options(dir) };
    const [a, b] = [await compile(req), await compile(req)];
    expect(b[0]!.profile).toEqual(a[0]!.profile);
    expect(b[0]!.dependencies).toEqual(a[0]!.dependencies);
  });
});
