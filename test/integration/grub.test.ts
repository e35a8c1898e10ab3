/**
 * GRUB's own parser (grub-script-check from grub-common) on every GRUB config generated for
 * the example site, plus broken samples proving the harness reports a syntax error.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { grubProblems, grubScriptCheck } from './run-tools.js';
import { generateExampleSite, type GeneratedSite } from './site-artifacts.js';
import { describeWithValidators } from './validators.js';

/** Broken configs and the line grub-script-check must name. */
const BROKEN_SAMPLES: readonly { name: string; text: string; line: number }[] = [
  {
    name: 'a stray closing brace after the entry',
    text: "set default=0\nmenuentry 'Install' {\n    linux /vmlinuz\n}\n}\n",
    line: 5,
  },
  { name: 'an unterminated quote in a title', text: "menuentry 'Install {\n    linux /vmlinuz\n}\n", line: 3 },
  { name: 'a missing closing brace', text: "menuentry 'Install' {\n    linux /vmlinuz\n", line: 2 },
];

describeWithValidators('GRUB configs pass grub-script-check', ['GRUB_SCRIPT_CHECK'], (tools) => {
  let generated: GeneratedSite;
  let scratch: string;
  beforeAll(async () => {
    scratch = mkdtempSync(path.join(tmpdir(), 'panfab-grub-'));
    generated = await generateExampleSite(path.join(scratch, 'site'));
  });
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  /** Per-machine GRUB configs and the site-wide local-boot fallback in GRUB's prefix directory. */
  const grubConfigs = () =>
    generated.artifacts.filter((artifact) => artifact.kind === 'grub' || (artifact.kind === 'default' && /(^|\/)grub\//.test(artifact.path)));

  test('the example site has GRUB configs', () => {
    expect(grubConfigs().length).toBeGreaterThan(0);
  });

  test('every generated GRUB config is accepted', () => {
    const rejected = grubConfigs()
      .map((artifact) => ({
        path: artifact.path,
        problems: grubProblems(grubScriptCheck(tools, path.join(generated.dir, artifact.path))),
      }))
      .filter((verdict) => verdict.problems.length > 0);
    expect(rejected).toEqual([]);
  });

  test('a generated config with a stray closing brace appended is rejected', () => {
    const [first] = grubConfigs();
    const file = path.join(scratch, 'appended-brace.cfg');
    writeFileSync(file, first.content + '}\n');
    const lines = first.content.split('\n').length;
    const result = grubScriptCheck(tools, file);
    expect(result.status).toBe(1);
    expect(result.stdout + result.stderr).toContain(`Syntax error at line ${lines}`);
  });

  test.each(BROKEN_SAMPLES)('a sample with $name is rejected at line $line', ({ text, line }) => {
    const file = path.join(scratch, 'broken.cfg');
    writeFileSync(file, text);
    const result = grubScriptCheck(tools, file);
    expect(grubProblems(result)).not.toEqual([]);
    expect(result.status).toBe(1);
    expect(result.stdout + result.stderr).toContain(`Syntax error at line ${line}\n`);
  });
});
