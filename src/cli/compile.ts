/**
 * `panfab compile`: compiles object templates to profiles with panc's main options and writes
 * `<output-dir>/<object>.<suffix>` for each requested format. Diagnostics go to stderr in the
 * human format with a source excerpt. Exit 0 when every object compiled, 1 when any failed
 * (failed objects write nothing, the others still do), 2 on usage errors.
 */
import { readFileSync } from 'node:fs';
import { compareDiagnostics, DiagnosticError, diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { formatHuman, type SourceLookup } from '../diagnostics/format.js';
import type { CompileRequest, ObjectResult } from '../pan/compiler-api.js';
import type { OutputFormat } from '../output/formats.js';
import { isSuccessful, writeObjectOutputs } from '../output/write.js';
import { flag, parseArgs } from './argv.js';
import { COMPILE_OPTION_SPECS, COMPILE_USAGE, resolveCompileSettings } from './compile-options.js';
import { expandInputs } from './inputs.js';

export const summary = 'compile object templates to profiles (pan XML, JSON, text, dot, dep)';

/** Runs the verb with its arguments and returns the exit code. */
export async function run(argv: string[]): Promise<number> {
  const parsed = parseArgs(argv, COMPILE_OPTION_SPECS);
  if (!parsed.ok) return usageError(parsed.error);
  if (flag(parsed.args, 'help')) {
    process.stdout.write(COMPILE_USAGE);
    return 0;
  }
  const settings = resolveCompileSettings(parsed.args);
  if (!settings.ok) return usageError(settings.error);
  if (parsed.args.positionals.length === 0) return usageError('no object templates given');
  const inputs = expandInputs(parsed.args.positionals);
  if (inputs.missing.length > 0) return usageError(`no such file or directory: ${inputs.missing.join(', ')}`);
  if (inputs.files.length === 0) return usageError('no .pan files found in the given directories');

  const { compile } = await import('../pan/compiler.js');
  const request: CompileRequest = { files: inputs.files, options: settings.value.options };
  const results = await compileSafely(compile, request);
  const failed = await reportAndWrite(results, settings.value.formats, settings.value.outputDir, flag(parsed.args, 'quiet'));
  return failed ? 1 : 0;
}

function usageError(message: string): number {
  process.stderr.write(`panfab compile: ${message}\n(see 'panfab compile --help')\n`);
  return 2;
}

/** Calls the compiler; an exception becomes a failed pseudo-result carrying its diagnostic. */
async function compileSafely(
  compile: (r: CompileRequest) => Promise<ObjectResult[]>,
  request: CompileRequest,
): Promise<ObjectResult[]> {
  try {
    return await compile(request);
  } catch (err) {
    const d = err instanceof DiagnosticError ? err.diagnostic : diagnostic('PF901', `internal error: ${err instanceof Error ? err.message : String(err)}`);
    return [{ name: '', diagnostics: [d], dependencies: [] }];
  }
}

/**
 * Prints every object's diagnostics and writes the outputs of successful objects, in object
 * name order. Returns true if any object failed.
 */
async function reportAndWrite(results: readonly ObjectResult[], formats: readonly OutputFormat[], outputDir: string, quiet: boolean): Promise<boolean> {
  const sources = cachedSources();
  const color = process.stderr.isTTY === true && process.env.NO_COLOR === undefined;
  let failed = false;
  const ordered = [...results].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const result of ordered) {
    const diagnostics: Diagnostic[] = [...result.diagnostics];
    if (isSuccessful(result)) {
      try {
        await writeObjectOutputs(result, formats, outputDir);
      } catch (err) {
        if (!(err instanceof DiagnosticError)) throw err;
        diagnostics.push(err.diagnostic);
      }
    }
    if (!isSuccessful(result) || diagnostics.length > result.diagnostics.length) failed = true;
    for (const d of diagnostics.sort(compareDiagnostics)) {
      if (quiet && d.severity !== 'error') continue;
      process.stderr.write(formatHuman(d, { color, sources }) + '\n');
    }
  }
  return failed;
}

/** Reads source files once each, for excerpts. */
function cachedSources(): SourceLookup {
  const cache = new Map<string, string | undefined>();
  return (file) => {
    if (!cache.has(file)) {
      let text: string | undefined;
      try {
        text = readFileSync(file, 'utf8');
      } catch {
        text = undefined;
      }
      cache.set(file, text);
    }
    return cache.get(file);
  };
}
