/**
 * Headless network boots under qemu (TCG, user-mode network with restrict=on, qemu's built-in
 * DHCP and TFTP): the NIC gets the MAC of a generated per-MAC config, so the real boot loader
 * must find that file by its own search order and show our menu on the serial console.
 * pxelinux, GRUB (BIOS) and iPXE each boot once; a pxelinux boot with the menu stored under a
 * wrong name proves the harness reports a menu that is not found.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { grubMenuTexts, installGrub, installPxelinux, ipxeMenuTexts, macOfConfigName, pxelinuxMenuTexts } from './boot-trees.js';
import { bootAndWatch, type BootOutcome } from './qemu-boot.js';
import { generateExampleSite, type GeneratedArtifact, type GeneratedSite } from './site-artifacts.js';
import { describeWithValidators } from './validators.js';

const DEADLINE_MS = 30_000;
const PXELINUX_FAILURES = ['Unable to locate configuration file', 'failed: No such file or directory', 'boot:'];
const GRUB_FAILURES = ['error:'];
const IPXE_FAILURES = ['command not found', 'No such file or directory'];

/** A readable summary of a boot that did not show what was expected. */
function explain(outcome: BootOutcome): string {
  return `${outcome.result}${outcome.failure ? ` (${outcome.failure})` : ''} after ${outcome.elapsedMs} ms; ` +
    `qemu stderr: ${outcome.qemuStderr.trim() || '(none)'}; console:\n${outcome.console.slice(-2000)}`;
}

describeWithValidators('generated boot menus under qemu', ['QEMU', 'IPXE_E1000_ROM', 'PXELINUX_0', 'SYSLINUX_BIOS_MODULES'], (tools) => {
  let generated: GeneratedSite;
  let scratch: string;
  beforeAll(async () => {
    scratch = mkdtempSync(path.join(tmpdir(), 'panfab-boot-'));
    generated = await generateExampleSite(path.join(scratch, 'site'));
  });
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  const tftpboot = () => path.join(generated.dir, 'tftpboot');
  /** The first generated config of a kind that is named by MAC and shows a menu. */
  const firstMenu = (kind: string, texts: (content: string) => string[]): GeneratedArtifact => {
    const found = generated.artifacts.find(
      (artifact) => artifact.kind === kind && macOfConfigName(path.basename(artifact.path)) !== undefined && texts(artifact.content).length > 0,
    );
    if (found === undefined) throw new Error(`the example site has no MAC-named ${kind} config with a menu`);
    return found;
  };
  /** The menu texts, checked to tell this config apart from the others its boot loader could pick (same directory). */
  const distinctTexts = (menu: GeneratedArtifact, texts: (content: string) => string[]): string[] => {
    const expected = texts(menu.content);
    const lookalikes = generated.artifacts.filter(
      (other) =>
        other.path !== menu.path &&
        path.posix.dirname(other.path) === path.posix.dirname(menu.path) &&
        expected.every((text) => other.content.includes(text)),
    );
    expect(lookalikes.map((other) => other.path)).toEqual([]);
    return expected;
  };
  const boot = (name: string, request: Omit<Parameters<typeof bootAndWatch>[0], 'qemu' | 'serialLog' | 'deadlineMs'>) =>
    bootAndWatch({ ...request, qemu: tools.QEMU, serialLog: path.join(scratch, `${name}.serial.log`), deadlineMs: DEADLINE_MS });

  test('pxelinux finds a generated 01-<mac> file by the NIC MAC and shows its menu', async () => {
    const menu = firstMenu('pxelinux', pxelinuxMenuTexts);
    const config = path.relative('tftpboot', menu.path);
    const dir = path.join(scratch, 'pxelinux');
    cpSync(tftpboot(), dir, { recursive: true });
    installPxelinux(tools, dir, config);
    const outcome = await boot('pxelinux', {
      tftpDir: dir, bootfile: 'pxelinux.0', mac: macOfConfigName(path.basename(config)),
      expect: distinctTexts(menu, pxelinuxMenuTexts), failOn: PXELINUX_FAILURES,
    });
    expect({ result: outcome.result, detail: outcome.result === 'found' ? '' : explain(outcome) }).toEqual({ result: 'found', detail: '' });
  });

  test('a menu stored without the 01- prefix is not found (negative control)', async () => {
    const menu = firstMenu('pxelinux', pxelinuxMenuTexts);
    const config = path.relative('tftpboot', menu.path);
    const dir = path.join(scratch, 'pxelinux-misnamed');
    mkdirSync(path.join(dir, 'pxelinux.cfg'), { recursive: true });
    cpSync(path.join(tftpboot(), config), path.join(dir, config));
    installPxelinux(tools, dir, config);
    renameSync(path.join(dir, config), path.join(dir, 'pxelinux.cfg', path.basename(config).slice('01-'.length)));
    const outcome = await boot('pxelinux-misnamed', {
      tftpDir: dir, bootfile: 'pxelinux.0', mac: macOfConfigName(path.basename(config)), mirrorScreen: true,
      expect: pxelinuxMenuTexts(menu.content), failOn: PXELINUX_FAILURES,
    });
    expect([outcome.result, outcome.failure]).toEqual(['failure-text', 'Unable to locate configuration file']);
  });

  describeWithValidators('GRUB (BIOS netboot image)', ['GRUB_MKNETDIR', 'GRUB_PC_MODULES'], (grub) => {
    test('GRUB finds a generated grub.cfg-01-<mac> file by the NIC MAC and shows its entries', async () => {
      const menu = firstMenu('grub', grubMenuTexts);
      const config = path.relative('tftpboot', menu.path);
      const dir = path.join(scratch, 'grub');
      cpSync(tftpboot(), dir, { recursive: true });
      const bootfile = installGrub(grub, dir, config);
      const outcome = await boot('grub', {
        tftpDir: dir, bootfile, mac: macOfConfigName(path.basename(config)),
        expect: distinctTexts(menu, grubMenuTexts), failOn: GRUB_FAILURES,
      });
      expect({ result: outcome.result, detail: outcome.result === 'found' ? '' : explain(outcome) }).toEqual({ result: 'found', detail: '' });
    });
  });

  test("the NIC's iPXE ROM runs a generated iPXE script and shows its menu", async () => {
    const script = generated.artifacts.find((artifact) => artifact.kind === 'ipxe' && ipxeMenuTexts(artifact.content).length > 0);
    if (script === undefined) throw new Error('the example site has no iPXE script with a menu');
    const dir = path.join(scratch, 'ipxe');
    mkdirSync(dir, { recursive: true });
    cpSync(path.join(generated.dir, script.path), path.join(dir, path.basename(script.path)));
    expect(readFileSync(path.join(dir, path.basename(script.path)), 'utf8')).toBe(script.content);
    const outcome = await boot('ipxe', {
      tftpDir: dir, bootfile: path.basename(script.path), mirrorScreen: true,
      expect: distinctTexts(script, ipxeMenuTexts), failOn: IPXE_FAILURES,
    });
    expect({ result: outcome.result, detail: outcome.result === 'found' ? '' : explain(outcome) }).toEqual({ result: 'found', detail: '' });
  });
});
