/**
 * The compiler's results on several threads (used by the site pipeline) equal one `compile`
 * call over all files: same objects in the same order, same profiles (as PanDict/PanList
 * trees), diagnostics, dependencies and provenance — with objects that read each other, a
 * reference cycle and a failing object in the site. Progress counts every requested file.
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { withPlainSpans } from '../../grammar/line-index.js';
import { generateSyntheticSite } from '../../bench/site-generator.js';
import { compileResults } from '../../src/batch/result-pool.js';
import { compile } from '../../src/pan/compiler.js';
import { DEFAULT_COMPILE_OPTIONS, type CompileOptions, type ObjectResult } from '../../src/pan/compiler-api.js';
import { PanDict } from '../../src/pan/element.js';
import { encodeJson } from '../../src/pan/builtins/json.js';

let dir: string;
let files: string[];
let options: CompileOptions;

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'panfab-results-'));
  const site = generateSyntheticSite(dir, 40, 11);
  const extra = (name: string, text: string): void => writeFileSync(path.join(site.profilesDir, `${name}.pan`), text);
  extra('ref-a', "object template ref-a;\n'/x' = value('ref-b:/y');\n");
  extra('ref-b', "object template ref-b;\n'/y' = 2;\n");
  extra('cycle-1', "object template cycle-1;\n'/x' = value('cycle-2:/x');\n");
  extra('cycle-2', "object template cycle-2;\n'/x' = value('cycle-1:/x');\n");
  extra('broken', "object template broken;\n'/x' = NO_SUCH_VARIABLE;\n");
  files = readdirSync(site.profilesDir).map((f) => path.join(site.profilesDir, f)).sort();
  options = { ...DEFAULT_COMPILE_OPTIONS, includeDirs: [site.templatesDir, site.profilesDir], provenance: true };
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Everything a result says, in comparable form (spans as plain objects, as workers send them). */
function summary(r: ObjectResult): unknown {
  return withPlainSpans({
    name: r.name,
    file: r.file,
    profile: r.profile === undefined ? undefined : encodeJson(r.profile),
    diagnostics: r.diagnostics,
    dependencies: r.dependencies,
    provenance: r.provenance === undefined ? undefined : [...r.provenance],
    objects: r.objects,
  });
}

describe('compileResults', () => {
  it('gives the results of one compile call, whatever the thread count', async () => {
    const one = await compile({ files, options });
    expect(one.some((r) => r.name === 'broken' && r.profile === undefined)).toBe(true);
    for (const threads of [2, 3]) {
      let progress = 0;
      const many = await compileResults(files, options, threads, (done, total) => {
        expect(total).toBe(files.length);
        progress = done;
      });
      expect(progress).toBe(files.length);
      expect(many.map(summary)).toEqual(one.map(summary));
      for (const r of many) if (r.profile !== undefined) expect(r.profile).toBeInstanceOf(PanDict);
    }
  });
});
