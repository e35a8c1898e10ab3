/**
 * Templates loaded for include/create are remembered for the run by name and load path
 * (session.ts): each build still records its own dependencies, and a different LOADPATH finds
 * a different template.
 */
import path from 'node:path';
import { compile } from '../../src/pan/compiler.js';
import { DEFAULT_COMPILE_OPTIONS, type ObjectResult } from '../../src/pan/compiler-api.js';
import { at, cleanup, writeTree } from './helpers.js';

afterAll(cleanup);

async function compileAll(files: Record<string, string>, names: string[]): Promise<Map<string, ObjectResult>> {
  const dir = writeTree(files);
  const results = await compile({
    files: names.map((n) => path.join(dir, `${n}.pan`)),
    options: { ...DEFAULT_COMPILE_OPTIONS, includeDirs: [dir] },
  });
  return new Map(results.map((r) => [r.name, r]));
}

describe('templates loaded for include', () => {
  const files = {
    one: "object template one;\nvariable LOADPATH = list('site');\ninclude 'x';\ninclude 'y';\n",
    two: "object template two;\nvariable LOADPATH = list('other');\ninclude 'x';\n",
    three: "object template three;\nvariable LOADPATH = list('site');\ninclude 'x';\n",
    four: "object template four;\ninclude 'y';\n",
    'site/x': "template x;\n'/from' = 'site';\n",
    'other/x': "template x;\n'/from' = 'other';\n",
    y: "template y;\n'/y' = true;\n",
  };

  it('depend on the load path of the build', async () => {
    const results = await compileAll(files, ['one', 'two', 'three', 'four']);
    expect(at(results.get('one')!.profile!, '/from')).toBe('site');
    expect(at(results.get('two')!.profile!, '/from')).toBe('other');
    expect(at(results.get('three')!.profile!, '/from')).toBe('site');
  });

  it('are dependencies of every build that includes them', async () => {
    const results = await compileAll(files, ['one', 'two', 'three', 'four']);
    const where = (n: string) => results.get(n)!.dependencies.map((d) => `${d.name} ${/\/(site|other)\/$/.exec(d.location)?.[1] ?? 'top'}`);
    expect(where('one')).toEqual(['one top', 'x site', 'y top']);
    expect(where('two')).toEqual(['two top', 'x other']);
    expect(where('three')).toEqual(['three top', 'x site']);
    expect(where('four')).toEqual(['four top', 'y top']);
  });
});
