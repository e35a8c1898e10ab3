/**
 * Runs the command-line validators on one file and turns their output into a list of problems
 * (empty = the file passed): grub-script-check for GRUB configs, `xl -N create` under the
 * preload shim for xl domain configs.
 */
import { spawnSync } from 'node:child_process';
import type { Tools } from './validators.js';

/** Exit status and output of one validator run. */
export interface ToolRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function run(command: string, args: readonly string[], env?: NodeJS.ProcessEnv): ToolRun {
  const result = spawnSync(command, args, { encoding: 'utf8', env: env ?? process.env, timeout: 30_000 });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** `grub-script-check FILE`. */
export function grubScriptCheck(tools: Pick<Tools, 'GRUB_SCRIPT_CHECK'>, file: string): ToolRun {
  return run(tools.GRUB_SCRIPT_CHECK, [file]);
}

/** Problems reported by grub-script-check: a non-zero exit or any output. */
export function grubProblems(result: ToolRun): string[] {
  const problems: string[] = [];
  if (result.status !== 0) problems.push(`exit status ${result.status}`);
  const output = (result.stdout + result.stderr).trim();
  if (output !== '') problems.push(output);
  return problems;
}

/** `LD_PRELOAD=shim xl -N create FILE`: the genuine xl parser, printing the domain config as JSON. */
export function xlDryRun(tools: Pick<Tools, 'XL' | 'XL_SHIM'>, file: string): ToolRun {
  return run(tools.XL, ['-N', 'create', file], { ...process.env, LD_PRELOAD: tools.XL_SHIM });
}

/**
 * Problems reported by xl: a non-zero exit, or stderr other than the single line
 * `Parsing config from FILE` (xl only warns, with exit 0, about bad vif items), or no JSON.
 */
export function xlProblems(result: ToolRun, file: string): string[] {
  const problems: string[] = [];
  if (result.status !== 0) problems.push(`exit status ${result.status}`);
  if (result.stderr !== `Parsing config from ${file}\n`) problems.push(`stderr: ${result.stderr.trim()}`);
  if (result.status === 0 && parseJson(result.stdout) === undefined) problems.push('stdout is not a JSON object');
  return problems;
}

function parseJson(text: string): unknown {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null ? value : undefined;
  } catch {
    return undefined;
  }
}

/** The parts of xl's JSON domain config the tests compare with the site model. */
export interface XlDomain {
  readonly c_info: { readonly type?: string; readonly name?: string; readonly uuid?: string };
  readonly b_info: {
    readonly max_vcpus?: number;
    readonly max_memkb?: number;
    readonly target_memkb?: number;
    readonly bootloader?: string;
    readonly bootloader_args?: readonly string[];
  };
  readonly disks?: readonly { readonly pdev_path?: string; readonly vdev?: string; readonly format?: string; readonly readwrite?: number }[];
  readonly nics?: readonly { readonly mac?: string; readonly bridge?: string; readonly ip?: string }[];
  readonly on_poweroff?: string;
  readonly on_reboot?: string;
  readonly on_crash?: string;
}

/** The domain config xl printed (call only after xlProblems found none). */
export function xlDomain(result: ToolRun): XlDomain {
  return JSON.parse(result.stdout) as XlDomain;
}
