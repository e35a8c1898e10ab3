/**
 * Helpers of the per-rule tests: run the checks over a fixture case and pick one rule's
 * diagnostics, and confirm that the example site and the clean fixture site have none.
 */
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import type { DiagnosticCode } from '../../src/diagnostics/codes.js';
import type { CheckOptions } from '../../src/checks/index.js';
import { checkSite, codes, compileExampleSite, compileFixtureSite } from '../site/helpers.js';

/** The outcome of the checks over one fixture case. */
export interface RuleCase {
  /** The diagnostics of the rule under test. */
  readonly found: Diagnostic[];
  /** The codes of every diagnostic of the case (model and checks). */
  readonly allCodes: string[];
}

/** Checks fixture case `name` and keeps the diagnostics with `code`. */
export async function ruleCase(name: string, code: DiagnosticCode, options: CheckOptions = {}): Promise<RuleCase> {
  const { build, diagnostics } = await checkSite(compileFixtureSite(name), options);
  const all = [...build.diagnostics, ...diagnostics];
  return { found: diagnostics.filter((d) => d.code === code), allCodes: codes(all) };
}

/** The diagnostics with `code` over the example site and over the clean fixture site. */
export async function onCleanSites(code: DiagnosticCode, options: CheckOptions = {}): Promise<Diagnostic[]> {
  const example = await checkSite(compileExampleSite(), options);
  const base = await checkSite(compileFixtureSite('base'), options);
  return [...example.diagnostics, ...base.diagnostics].filter((d) => d.code === code);
}
