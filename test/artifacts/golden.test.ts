/**
 * Golden files for every artifact of the example site (profiles/site), rendered as `panfab
 * build` renders them: fixtures/artifacts/example/<path> holds each file, MANIFEST its kind,
 * owner and mode. Run with UPDATE_GOLDEN=1 to rewrite them (then review the diff).
 */
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { renderArtifacts } from '../../src/artifacts/index.js';
import type { ArtifactSet } from '../../src/artifacts/types.js';
import { lintKickstart } from '../../src/artifacts/kslint/index.js';
import { lintXl } from '../../src/artifacts/xl-lint.js';
import { FIXTURES_DIR, expectGolden, updatingGolden } from '../golden.js';
import { exampleSite } from './example-site.js';

const GOLDEN = 'artifacts/example';
const OPTIONS = { installServer: 'http://install.example.org' };

let artifacts: ArtifactSet;

beforeAll(async () => {
  const { site } = await exampleSite();
  const result = renderArtifacts(site, OPTIONS);
  expect(result.diagnostics).toEqual([]);
  artifacts = result.artifacts;
  if (updatingGolden()) rmSync(path.join(FIXTURES_DIR, GOLDEN), { recursive: true, force: true });
});

function goldenFiles(dir: string, base = ''): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).sort().flatMap((name) => {
    const rel = base === '' ? name : `${base}/${name}`;
    return statSync(path.join(dir, name)).isDirectory() ? goldenFiles(path.join(dir, name), rel) : [rel];
  });
}

test('every artifact matches its golden file', () => {
  for (const [file, artifact] of artifacts) expectGolden(`${GOLDEN}/${file}`, artifact.content);
});

test('the manifest of kinds, owners and modes matches', () => {
  const lines = [...artifacts].map(([file, a]) => `${file} ${a.kind} ${a.owner === '' ? '-' : a.owner} ${a.mode.toString(8)}`);
  expectGolden(`${GOLDEN}.manifest`, lines.join('\n') + '\n');
});

test('no golden file is left without an artifact', () => {
  if (updatingGolden()) return;
  expect(goldenFiles(path.join(FIXTURES_DIR, GOLDEN))).toEqual([...artifacts.keys()]);
});

test('the artifact set covers every kind and is sorted by path', () => {
  const paths = [...artifacts.keys()];
  expect(paths).toEqual([...paths].sort());
  expect(new Set([...artifacts.values()].map((a) => a.kind))).toEqual(new Set(['xl', 'pxelinux', 'grub', 'ipxe', 'pypxeboot', 'kickstart', 'default']));
});

test('every file is LF-terminated text without carriage returns, tabs or timestamps', () => {
  for (const [file, a] of artifacts) {
    expect([file, a.content.endsWith('\n')]).toEqual([file, true]);
    expect([file, /[\r\t]/.test(a.content)]).toEqual([file, false]);
    expect([file, /\b20\d\d-\d\d-\d\d\b/.test(a.content)]).toEqual([file, false]);
  }
});

test('the generated kickstarts pass the linter and the xl configs the structural check', () => {
  for (const [file, a] of artifacts) {
    if (a.kind === 'kickstart') expect(lintKickstart(a.content, { artifact: file })).toEqual([]);
    if (a.kind === 'xl') expect(lintXl(a.content)).toEqual([]);
  }
});

test('rendering is deterministic', async () => {
  const { site } = await exampleSite();
  const again = renderArtifacts(site, OPTIONS).artifacts;
  expect([...again.entries()]).toEqual([...artifacts.entries()]);
});
