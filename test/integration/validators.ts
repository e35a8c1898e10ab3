/**
 * Locates the real artifact validators (Debian packages installed by .ci/install-validators)
 * for the integration tests, and decides whether a validator suite runs, is skipped (tools
 * absent on a developer machine) or fails (tools absent while the CI variable is set).
 *
 * Paths come from test-output/validators.env when .ci/install-validators wrote it, otherwise
 * from the package database (`dpkg -L`). The xl preload shim is the one in the build directory
 * the CI script uses, rebuilt with gcc when it is missing or older than its source.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The file .ci/install-validators writes (KEY=VALUE lines). */
export const ENV_FILE = path.join(REPO_ROOT, 'test-output', 'validators.env');
const BUILD_DIR = path.join(REPO_ROOT, 'test-output', 'validators');
const SHIM_SOURCE = path.join(REPO_ROOT, 'test', 'integration', 'xlshim', 'xlshim.c');

/** Names of the located tools, as written in the env file. */
export type ToolKey =
  | 'GRUB_SCRIPT_CHECK'
  | 'GRUB_MKNETDIR'
  | 'GRUB_PC_MODULES'
  | 'XL'
  | 'XL_SHIM'
  | 'QEMU'
  | 'IPXE_E1000_ROM'
  | 'PXELINUX_0'
  | 'SYSLINUX_BIOS_MODULES';

/** Absolute paths of the tools a suite asked for. */
export type Tools = Readonly<Record<ToolKey, string>>;

/** Where each tool lives: a file of a Debian package (or its directory, for module dirs). */
interface PackageFile {
  readonly pkg: string;
  readonly pattern: RegExp;
  readonly parentDir?: boolean;
}

const PACKAGE_FILES: Readonly<Record<Exclude<ToolKey, 'XL_SHIM'>, PackageFile>> = {
  GRUB_SCRIPT_CHECK: { pkg: 'grub-common', pattern: /\/bin\/grub-script-check$/ },
  GRUB_MKNETDIR: { pkg: 'grub-common', pattern: /\/bin\/grub-mknetdir$/ },
  GRUB_PC_MODULES: { pkg: 'grub-pc-bin', pattern: /\/i386-pc$/ },
  XL: { pkg: 'xen-utils-4.17', pattern: /\/bin\/xl$/ },
  QEMU: { pkg: 'qemu-system-x86', pattern: /\/bin\/qemu-system-x86_64$/ },
  IPXE_E1000_ROM: { pkg: 'ipxe-qemu', pattern: /\/efi-e1000\.rom$/ },
  PXELINUX_0: { pkg: 'pxelinux', pattern: /\/pxelinux\.0$/ },
  SYSLINUX_BIOS_MODULES: { pkg: 'syslinux-common', pattern: /\/modules\/bios\/ldlinux\.c32$/, parentDir: true },
};

/** True when the CI variable is set: missing validators are then a failure, not a skip. */
export function inCi(): boolean {
  const value = process.env.CI ?? '';
  return value !== '' && value !== '0' && value.toLowerCase() !== 'false';
}

function readEnvFile(): Map<string, string> {
  const values = new Map<string, string>();
  if (!existsSync(ENV_FILE)) return values;
  for (const line of readFileSync(ENV_FILE, 'utf8').split('\n')) {
    const eq = line.indexOf('=');
    if (eq > 0) values.set(line.slice(0, eq), line.slice(eq + 1));
  }
  return values;
}

function fromPackage(spec: PackageFile): string | undefined {
  const listing = spawnSync('dpkg', ['-L', spec.pkg], { encoding: 'utf8' });
  if (listing.status !== 0) return undefined;
  const file = listing.stdout.split('\n').find((line) => spec.pattern.test(line));
  if (file === undefined) return undefined;
  return spec.parentDir ? path.dirname(file) : file;
}

/** Builds the xl shim into the build directory unless an up-to-date build is there. */
function buildShim(): string | undefined {
  const output = path.join(BUILD_DIR, 'xlshim.so');
  if (existsSync(output) && statSync(output).mtimeMs >= statSync(SHIM_SOURCE).mtimeMs) return output;
  mkdirSync(BUILD_DIR, { recursive: true });
  try {
    execFileSync('gcc', ['-shared', '-fPIC', '-O2', '-Wall', '-Wextra', '-Werror', '-o', output, SHIM_SOURCE], {
      stdio: 'pipe',
    });
    return output;
  } catch {
    return undefined;
  }
}

function locate(key: ToolKey, env: Map<string, string>): string | undefined {
  if (key === 'XL_SHIM') return buildShim();
  const recorded = env.get(key);
  if (recorded !== undefined && existsSync(recorded)) return recorded;
  return fromPackage(PACKAGE_FILES[key]);
}

/** The tools that were found, and the names of those that were not. */
export interface ToolSearch {
  readonly found: Partial<Record<ToolKey, string>>;
  readonly missing: readonly string[];
}

/** Looks up the given tools (env file first, then dpkg; the shim is built when needed). */
export function findTools(keys: readonly ToolKey[]): ToolSearch {
  const env = readEnvFile();
  const found: Partial<Record<ToolKey, string>> = {};
  const missing: string[] = [];
  for (const key of keys) {
    const file = locate(key, env);
    if (file === undefined) missing.push(key === 'XL_SHIM' ? 'xl shim (gcc)' : `${key} (${PACKAGE_FILES[key].pkg})`);
    else found[key] = file;
  }
  return { found, missing };
}

/**
 * Declares a describe block that needs the given validators. When they are all found, `body`
 * receives their paths. When some are missing, the block is skipped with a message naming them,
 * or — with the CI variable set — contains one failing test.
 */
export function describeWithValidators(title: string, keys: readonly ToolKey[], body: (tools: Tools) => void): void {
  const { found, missing } = findTools(keys);
  if (missing.length === 0) {
    describe(title, () => body(found as Tools));
    return;
  }
  const reason = `validators not installed: ${missing.join(', ')} — run .ci/install-validators`;
  if (inCi()) {
    describe(title, () => {
      test('has its validators installed (CI is set)', () => {
        throw new Error(`${reason}; with CI set, missing validators fail the run`);
      });
    });
    return;
  }
  console.warn(`SKIPPED ${title}: ${reason} (set CI=1 to make this a failure)`);
  describe.skip(`${title} [SKIPPED: ${reason}]`, () => {
    test('needs its validators', () => undefined);
  });
}
