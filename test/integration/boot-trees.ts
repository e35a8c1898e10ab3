/**
 * Completes the TFTP directories the qemu boots serve — a copy of the generated tftpboot tree
 * plus the boot programs located in the Debian packages — and reads, from a generated menu, the texts its
 * boot loader must show. Only the test copy of the booted menu is changed, to send the boot
 * loader's console to the serial port.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Tools } from './validators.js';

/** `01-52-54-00-12-34-56` (pxelinux) or `grub.cfg-01-52-54-00-12-34-56` (GRUB) → `52:54:00:12:34:56`. */
export function macOfConfigName(fileName: string): string | undefined {
  const match = /(?:^|-)01-((?:[0-9a-f]{2}-){5}[0-9a-f]{2})$/.exec(fileName);
  return match ? match[1].replaceAll('-', ':') : undefined;
}

function valuesOf(content: string, pattern: RegExp): string[] {
  return content
    .split('\n')
    .map((line) => pattern.exec(line)?.[1]?.trim())
    .filter((text): text is string => text !== undefined && text !== '');
}

/** pxelinux: the MENU TITLE and every MENU LABEL (keywords are case-insensitive). */
export function pxelinuxMenuTexts(content: string): string[] {
  return valuesOf(content, /^\s*MENU\s+(?:TITLE|LABEL)\s+(.*)$/i);
}

/** GRUB: every menuentry title, single- or double-quoted. */
export function grubMenuTexts(content: string): string[] {
  return valuesOf(content, /^\s*menuentry\s+'([^']*)'/).concat(valuesOf(content, /^\s*menuentry\s+"([^"]*)"/));
}

/** iPXE: the `menu` title and the text of every `item`. */
export function ipxeMenuTexts(content: string): string[] {
  return valuesOf(content, /^\s*menu\s+(.*)$/).concat(valuesOf(content, /^\s*item\s+(?:--\S+\s+)*\S+\s+(.*)$/));
}

/** The UI module a pxelinux config loads (`UI menu.c32`), if any. */
function uiModule(content: string): string | undefined {
  return /^\s*UI\s+(\S+)/im.exec(content)?.[1];
}

/**
 * Turns `dir` (a copy of a generated tftpboot tree) into a pxelinux TFTP root: adds pxelinux.0,
 * ldlinux.c32, the UI module of `config` and its libraries, and puts `SERIAL 0 115200` first
 * in `config` (relative to `dir`).
 */
export function installPxelinux(tools: Pick<Tools, 'PXELINUX_0' | 'SYSLINUX_BIOS_MODULES'>, dir: string, config: string): void {
  copyFileSync(tools.PXELINUX_0, path.join(dir, 'pxelinux.0'));
  const content = readFileSync(path.join(dir, config), 'utf8');
  const modules = ['ldlinux.c32'];
  const ui = uiModule(content);
  if (ui !== undefined) modules.push(path.basename(ui), 'libutil.c32', 'libcom32.c32');
  for (const module of modules) copyFileSync(path.join(tools.SYSLINUX_BIOS_MODULES, module), path.join(dir, module));
  writeFileSync(path.join(dir, config), `SERIAL 0 115200\n${content}`);
}

/**
 * Turns `dir` (a copy of a generated tftpboot tree) into a GRUB BIOS TFTP root: `grub-mknetdir`
 * adds the i386-pc netboot image under `grub/` (the GRUB prefix of the generated layout), and
 * `config` first switches GRUB's terminal to the serial port. Returns the boot file name.
 */
export function installGrub(tools: Pick<Tools, 'GRUB_MKNETDIR' | 'GRUB_PC_MODULES'>, dir: string, config: string): string {
  mkdirSync(path.join(dir, 'grub'), { recursive: true });
  execFileSync(tools.GRUB_MKNETDIR, [`--net-directory=${dir}`, '--subdir=grub', '-d', tools.GRUB_PC_MODULES], { stdio: 'pipe' });
  const content = readFileSync(path.join(dir, config), 'utf8');
  const serial = 'serial --unit=0 --speed=115200\nterminal_input serial\nterminal_output serial\n';
  writeFileSync(path.join(dir, config), serial + content);
  return 'grub/i386-pc/core.0';
}
