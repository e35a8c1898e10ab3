/**
 * Headless Chromium for the report benchmark and the browser test: Debian's `chromium` binary
 * driven by playwright-core, always started with the same flags and a new, empty profile
 * directory (removed on close).
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

/** The flags every browser run uses. */
export const CHROMIUM_FLAGS: readonly string[] = [
  '--no-sandbox',
  '--headless',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Debian's chromium binary, or undefined when it is not installed. */
export function findChromium(): string | undefined {
  return ['/usr/bin/chromium', '/usr/lib/chromium/chromium'].find((p) => existsSync(p));
}

/** A running browser with its own profile directory. */
export interface Browser {
  readonly context: BrowserContext;
  close(): Promise<void>;
}

/** Starts headless Chromium from `executablePath` with a new empty user data directory. */
export async function launchChromium(executablePath: string, viewport = { width: 1280, height: 900 }): Promise<Browser> {
  const userDataDir = mkdtempSync(path.join(os.tmpdir(), 'panfab-chromium-'));
  try {
    const context = await chromium.launchPersistentContext(userDataDir, { executablePath, args: [...CHROMIUM_FLAGS], headless: true, viewport });
    return {
      context,
      close: async () => {
        await context.close();
        rmSync(userDataDir, { recursive: true, force: true });
      },
    };
  } catch (err) {
    rmSync(userDataDir, { recursive: true, force: true });
    throw err;
  }
}
