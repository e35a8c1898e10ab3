/**
 * `panfab explain [options] OBJECT-FILE PATH`: compiles one object template and prints the
 * value at PATH followed by every statement that contributed to it (assignments to the path,
 * to its ancestors and to its descendants, and inserted type defaults), as template:line.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { formatHuman } from '../diagnostics/format.js';
import { compile } from '../pan/compiler.js';
import type { ObjectResult, ProvenanceEntry } from '../pan/compiler-api.js';
import { PanDict, PanList, kindOf, type Value } from '../pan/element.js';
import { parsePath, pathToString } from '../pan/path.js';
import { toPanString } from '../pan/tostring.js';
import { MISSING, getIn } from '../pan/tree.js';
import { parseArgs, flag } from './argv.js';
import { COMPILE_OPTION_SPECS, resolveCompileSettings } from './compile-options.js';

export const summary = 'show the value of a profile path and the statements that set it';

const USAGE = `usage: panfab explain [options] OBJECT-FILE PATH

Compiles OBJECT-FILE and prints the value at PATH (an absolute path such as
/system/network/hostname) and every template line that contributed to it.
Exit status: 0 on success, 1 if compilation fails or the path does not exist, 2 on usage errors.

options:
  --include-path DIRS          ':'-separated template directories (default: current directory)
  --max-iteration N, --max-recursion N, --initial-data DML, --deprecation-warnings MODE
                               as for 'panfab compile'
  -h, --help                   show this help
`;

/** Runs the verb. */
export async function run(argv: string[]): Promise<number> {
  const parsed = parseArgs(argv, COMPILE_OPTION_SPECS);
  if (!parsed.ok) return usage(parsed.error);
  if (flag(parsed.args, 'help')) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (parsed.args.positionals.length !== 2) return usage('expected OBJECT-FILE and PATH');
  const [file, pathText] = parsed.args.positionals as [string, string];
  const settings = resolveCompileSettings(parsed.args);
  if (!settings.ok) return usage(settings.error);
  let target;
  try {
    target = parsePath(pathText);
  } catch (e) {
    return usage(`invalid path '${pathText}': ${(e as Error).message}`);
  }
  if (target.kind !== 'absolute') return usage(`PATH must be absolute: ${pathText}`);
  const results = await compile({ files: [file], options: { ...settings.value.options, provenance: true } });
  const result = results.find((r) => r.file !== undefined && path.resolve(r.file) === path.resolve(file)) ?? results[0];
  if (result === undefined) {
    process.stderr.write(`panfab explain: ${file} is not an object template\n`);
    return 1;
  }
  if (result.profile === undefined) return reportErrors(result);
  const value = getIn(result.profile, target.terms, true);
  if (value === MISSING) {
    process.stderr.write(`panfab explain: ${pathToString(target)} does not exist in ${result.name}\n`);
    return 1;
  }
  process.stdout.write(`${pathToString(target)} = ${render(value, '')}\n`);
  process.stdout.write(contributions(result, pathToString(target)));
  return 0;
}

function usage(message: string): number {
  process.stderr.write(`panfab explain: ${message}\n(see 'panfab explain --help')\n`);
  return 2;
}

function reportErrors(result: ObjectResult): number {
  const sources = (f: string): string | undefined => {
    try {
      return readFileSync(f, 'utf8');
    } catch {
      return undefined;
    }
  };
  for (const d of result.diagnostics) process.stderr.write(formatHuman(d, { sources }) + '\n');
  return 1;
}

/** A readable rendering of a value: properties with their kind, resources indented. */
function render(v: Value, indent: string): string {
  if (v instanceof PanDict) {
    if (v.size === 0) return '{}  (nlist)';
    const inner = indent + '  ';
    return `(nlist)\n${v.keys().map((k) => `${inner}${k} = ${render(v.get(k), inner)}`).join('\n')}`;
  }
  if (v instanceof PanList) {
    if (v.size === 0) return '[]  (list)';
    const inner = indent + '  ';
    return `(list)\n${v.items.map((x, i) => `${inner}${i} = ${render(x, inner)}`).join('\n')}`;
  }
  const text = typeof v === 'string' ? `'${v}'` : toPanString(v);
  return `${text}  (${kindOf(v)})`;
}

function isWithin(p: string, ancestor: string): boolean {
  return ancestor === '/' || p === ancestor || p.startsWith(ancestor + '/');
}

function line(path: string, e: ProvenanceEntry): string {
  return `  ${e.template}:${e.span.line}  ${e.action}${path === '' ? '' : ` ${path}`}  [${e.span.file}:${e.span.line}.${e.span.col}]\n`;
}

/** Statements that wrote the path, an ancestor (whole value) or a descendant (part of it). */
function contributions(result: ObjectResult, target: string): string {
  const prov = result.provenance;
  if (prov === undefined || prov.size === 0) return 'no provenance recorded\n';
  const out: string[] = ['contributions:\n'];
  const paths = [...prov.keys()].sort();
  for (const p of paths) {
    if (!(isWithin(target, p) || isWithin(p, target))) continue;
    for (const e of prov.get(p)!) out.push(line(p === target ? '' : p, e));
  }
  if (out.length === 1) out.push('  (none recorded)\n');
  return out.join('');
}
