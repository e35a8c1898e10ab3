/**
 * SARIF output: validated against the SARIF 2.1.0 JSON schema (the copy shipped in the
 * @microsoft/jest-sarif package, read from node_modules, no network), and checked for
 * rules, levels, relative URIs, regions and related locations.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import ajvDraft04 from 'ajv-draft-04';
import ajvFormats from 'ajv-formats';
import { allCodes } from '../../src/diagnostics/codes.js';
import { diagnostic, type Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { formatSarif, toSarif } from '../../src/diagnostics/sarif.js';
import { spanFromOffsets } from '../../src/diagnostics/span.js';

const require = createRequire(import.meta.url);
const schemaFile = path.join(path.dirname(require.resolve('@microsoft/jest-sarif/package.json')), 'lib', 'schemas', 'sarif-2.1.0-rtm.5.json');

function validator() {
  // The schema's `language` pattern is not a valid regular expression under the u flag.
  // Both packages are CommonJS modules whose `default` export is the class / plugin.
  const ajv = new ajvDraft04.default({ allErrors: true, strict: false, unicodeRegExp: false });
  ajvFormats.default(ajv);
  return ajv.compile(JSON.parse(readFileSync(schemaFile, 'utf8')));
}
const validate = validator();

const siteRoot = path.resolve('/srv/site');
const text = "object template a;\n'/x' = 1 +;\n'/y' = 'two\nlines';\n";
const inFile = (offset: number, length: number, file = 'site/hosts/a.pan') => spanFromOffsets(file, text, offset, offset + length);

const sample: Diagnostic[] = [
  diagnostic('PF101', "unexpected ';'", inFile(text.indexOf(';', 20), 1)),
  diagnostic('PF412', 'MAC 00:16:3e:00:00:31 is used by two guests', inFile(text.indexOf("'two"), 10), {
    related: [{ message: 'also set here', span: inFile(0, 6, 'site/hosts/b.pan') }],
    path: '/hardware/cards/nic/eth0/hwaddr',
  }),
  diagnostic('PF221', 'deprecated', inFile(text.length, 0)),
  diagnostic('PF901', 'no location at all'),
  diagnostic('PF404', 'outside the site root', inFile(0, 6, '/elsewhere/x.pan'), { severity: 'info' }),
];

function run0(sarif: Record<string, unknown>): any {
  return (sarif.runs as any[])[0];
}

describe('SARIF output', () => {
  it('is valid against the SARIF 2.1.0 schema', () => {
    const sarif = JSON.parse(formatSarif(sample, { siteRoot, baseDir: siteRoot, toolVersion: '0.1.0' }));
    const ok = validate(sarif);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('an empty run is valid too', () => {
    expect(validate(toSarif([], { siteRoot, toolVersion: '0.1.0' }))).toBe(true);
  });

  it('the schema rejects a broken log (the validator is live)', () => {
    const sarif = toSarif(sample, { siteRoot, baseDir: siteRoot, toolVersion: '0.1.0' });
    run0(sarif).results[0].level = 'fatal';
    expect(validate(sarif)).toBe(false);
  });

  it('lists every catalogue code as a rule and points results at their rule', () => {
    const run = run0(toSarif(sample, { siteRoot, baseDir: siteRoot, toolVersion: '0.1.0' }));
    const ids = run.tool.driver.rules.map((r: { id: string }) => r.id);
    expect(ids).toEqual(allCodes().map(([c]) => c));
    for (const r of run.results) expect(run.tool.driver.rules[r.ruleIndex].id).toBe(r.ruleId);
    expect(run.tool.driver.rules.find((r: any) => r.id === 'PF412')).toMatchObject({
      name: 'DuplicateMacAddress',
      shortDescription: { text: 'duplicate MAC address' },
      defaultConfiguration: { level: 'error' },
    });
  });

  it('writes relative URIs, regions with an exclusive end column, related locations and levels', () => {
    const run = run0(toSarif(sample, { siteRoot, baseDir: siteRoot, toolVersion: '0.1.0' }));
    const [syntax, mac, warning, bare, outside] = run.results;
    expect(syntax.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'site/hosts/a.pan', uriBaseId: '%SRCROOT%' },
      region: { startLine: 2, startColumn: 11, endLine: 2, endColumn: 12 },
    });
    expect(mac.locations[0].physicalLocation.region).toEqual({ startLine: 3, startColumn: 8, endLine: 4, endColumn: 6 });
    expect(mac.relatedLocations).toEqual([
      {
        id: 0,
        physicalLocation: {
          artifactLocation: { uri: 'site/hosts/b.pan', uriBaseId: '%SRCROOT%' },
          region: { startLine: 1, startColumn: 1, endLine: 1, endColumn: 7 },
        },
        message: { text: 'also set here' },
      },
    ]);
    expect(mac.properties).toEqual({ profilePath: '/hardware/cards/nic/eth0/hwaddr' });
    expect(warning.level).toBe('warning');
    expect(warning.locations[0].physicalLocation.region.endColumn).toBe(warning.locations[0].physicalLocation.region.startColumn);
    expect(bare.locations).toBeUndefined();
    expect(outside.level).toBe('note');
    expect(outside.locations[0].physicalLocation.artifactLocation.uri).toMatch(/^file:\/\/.*\/elsewhere\/x\.pan$/);
    expect(run.originalUriBaseIds['%SRCROOT%'].uri).toMatch(/^file:\/\/.*\/srv\/site\/$/);
  });

  it('resolves relative span files against the base directory', () => {
    const d = diagnostic('PF101', 'x', inFile(0, 1, 'profiles/site/hosts/a.pan'));
    const run = run0(toSarif([d], { siteRoot: path.join(siteRoot, 'profiles'), baseDir: siteRoot, toolVersion: '0' }));
    expect(run.results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('site/hosts/a.pan');
  });
});
