/** runChecks: the rule list, disabling rules, deterministic order, clean sites. */
import { codeInfo } from '../../src/diagnostics/codes.js';
import { SITE_CHECKS, runChecks } from '../../src/checks/index.js';
import { buildSite } from '../../src/site/build.js';
import { TEST_OPTIONS, checkSite, compileExampleSite, compileFixtureSite } from '../site/helpers.js';

describe('runChecks', () => {
  test('one rule per code, in code order, with the catalogue severity and title', () => {
    const ruleCodes = SITE_CHECKS.map((c) => c.code);
    expect(new Set(ruleCodes).size).toBe(ruleCodes.length);
    expect([...ruleCodes].sort()).toEqual(ruleCodes);
    for (const check of SITE_CHECKS) {
      expect(check.code >= 'PF410' && check.code < 'PF500').toBe(true);
      expect(check.severity).toBe(codeInfo(check.code).severity);
      expect(check.title).toBe(codeInfo(check.code).title);
    }
  });

  test('the example site and the clean fixture site have no model diagnostics and pass every rule', async () => {
    for (const results of [compileExampleSite(), compileFixtureSite('base')]) {
      const { build, diagnostics } = await checkSite(results);
      expect(build.diagnostics).toEqual([]);
      expect(diagnostics).toEqual([]);
    }
  });

  test('disabled rules do not run', async () => {
    const { build } = await checkSite(compileFixtureSite('duplicate-mac'));
    expect(runChecks(build.site, TEST_OPTIONS).map((d) => d.code)).toEqual(['PF412', 'PF424']);
    expect(runChecks(build.site, { ...TEST_OPTIONS, disabled: ['PF424'] }).map((d) => d.code)).toEqual(['PF412']);
  });

  test('diagnostics do not depend on the order of the compiled profiles', async () => {
    const results = await compileFixtureSite('duplicate-ip');
    const forward = runChecks(buildSite(results).site, TEST_OPTIONS);
    const backward = runChecks(buildSite([...results].reverse()).site, TEST_OPTIONS);
    expect(backward).toEqual(forward);
    expect(forward.length).toBeGreaterThan(0);
  });
});
