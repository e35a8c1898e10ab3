/**
 * The Pan compiler's entry point (contract in compiler-api.ts): compiles the requested object
 * templates and every other object reached through external paths — build, defaults,
 * validation stages 1 and 2 — and returns one result per object, sorted by name. Each failing
 * object reports exactly one error.
 */
import path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { compileExpr } from './check/expr.js';
import { preEvaluate } from './check/preeval.js';
import { DEFAULT_COMPILE_OPTIONS, type CompileOptions, type CompileRequest, type Dependency, type ObjectResult } from './compiler-api.js';
import { PanDict, kindOf } from './element.js';
import { PanError, asPanError } from './errors.js';
import { copyValue, freeze } from './protect.js';
import { sortedDependencies } from './context.js';
import { Session, type ObjectState } from './session.js';
import { parseTemplate } from '../syntax/parse.js';
import type { FoundFile } from '../source/locate.js';

/** Compiles object templates given as files. */
export async function compile(request: CompileRequest): Promise<ObjectResult[]> {
  const session = openSession(request);
  if (session instanceof PanError) return request.files.map((f) => failedFile(f, session));
  const results: ObjectResult[] = [];
  const requested: ObjectState[] = [];
  const files = [...request.files].sort();
  for (const [i, file] of files.entries()) {
    if (request.claim !== undefined && !request.claim(i)) continue;
    const outcome = requestFile(session, requestedFile(file));
    if (outcome instanceof PanError) results.push(failedFile(file, outcome));
    else if (outcome !== undefined) requested.push(outcome);
    request.onFileBuilt?.(i + 1, files.length);
  }
  for (const st of requested) session.validate2(st);
  const done = new Set<string>();
  let pending = [...session.objects.values()];
  while (pending.length > 0) {
    for (const st of pending) {
      if (done.has(st.name)) continue;
      done.add(st.name);
      results.push(objectResult(session, st));
    }
    pending = [...session.objects.values()].filter((st) => !done.has(st.name));
  }
  return results.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/**
 * Compiles object templates given as files one at a time: each requested object's result (and
 * those of the objects it read, once each) is handed to `onResult` as soon as the object is
 * validated, and the object is then released, so memory does not grow with the number of
 * objects. For an object that reads no other object, and that compiles, the result equals
 * `compile`'s; objects linked through external paths (`result.objects`) may have been built
 * in another order than `compile` builds them (which matters only for reference cycles), and
 * failed objects may miss dependencies: callers that need `compile`'s exact results compile
 * those files again with `compile`.
 */
export async function compileEach(request: CompileRequest, onResult: (result: ObjectResult) => void): Promise<void> {
  const files = [...request.files].sort();
  const session = openSession(request);
  if (session instanceof PanError) {
    for (const f of files) onResult(failedFile(f, session));
    return;
  }
  const emitted = new Set<string>();
  const emit = (st: ObjectState): void => {
    if (emitted.has(st.name)) return;
    emitted.add(st.name);
    onResult(objectResult(session, st));
  };
  for (const [i, file] of files.entries()) {
    if (request.claim !== undefined && !request.claim(i)) continue;
    const ref = requestedFile(file);
    const outcome = requestFile(session, ref);
    if (outcome instanceof PanError) onResult(failedFile(file, outcome));
    else if (outcome !== undefined) {
      session.validate2(outcome);
      const reached = session.reachable(outcome);
      for (const st of reached) emit(st);
      for (const st of reached) session.objects.delete(st.name);
    }
    // A requested object template is not needed again unless another object reads it (then it
    // is parsed again from the same text): let it go with its object.
    if (outcome !== undefined) session.loader.release(ref);
    request.onFileBuilt?.(i + 1, files.length);
  }
  for (const st of [...session.objects.values()].sort((a, b) => cmp(a.name, b.name))) emit(st);
}

/** The session of a request, or the error every requested file then fails with (bad initial data). */
function openSession(request: CompileRequest): Session | PanError {
  const options: CompileOptions = { ...DEFAULT_COMPILE_OPTIONS, ...request.options };
  let initial: PanDict;
  try {
    initial = initialRoot(options.initialData);
  } catch (e) {
    return asPanError(e);
  }
  return new Session(options, () => copyValue(initial), request.onSourceRead);
}

/** A requested file as the loader knows it. */
type RequestedFile = Pick<FoundFile, 'absPath' | 'displayPath'>;

/** Compiles a requested file; returns the built object, nothing for non-object templates, or the error. */
function requestFile(session: Session, file: RequestedFile): ObjectState | PanError | undefined {
  let tpl;
  try {
    tpl = session.loader.load(file);
  } catch (e) {
    return asPanError(e);
  }
  if (tpl.kind !== 'object') return undefined;
  return session.buildObject(tpl.name);
}

function requestedFile(file: string): RequestedFile {
  return { absPath: path.resolve(file), displayPath: file };
}

function failedFile(file: string, error: PanError): ObjectResult {
  const name = path.basename(file).replace(/\.(pan|tpl)$/, '');
  return { name, file, diagnostics: [error.toDiagnostic()], dependencies: [] };
}

function objectResult(session: Session, st: ObjectState): ObjectResult {
  const failure = st.status === 'built' ? session.validate2(st) : st.error ?? null;
  const diagnostics: Diagnostic[] = [...st.warnings];
  if (failure !== null) diagnostics.unshift(failure.toDiagnostic());
  const result: { -readonly [K in keyof ObjectResult]: ObjectResult[K] } = {
    name: st.name,
    diagnostics,
    dependencies: dependenciesOf(session, st),
  };
  if (st.file !== undefined) result.file = st.file;
  if (st.build !== undefined && st.build.objectDependencies.size > 0) result.objects = [...st.build.objectDependencies].sort();
  if (failure === null && st.build !== undefined) {
    result.profile = st.build.root;
    if (st.build.provenance !== undefined) result.provenance = st.build.provenance;
  }
  return result;
}

/** The `.dep` entries of an object: its own and those of every object it reached, sorted. */
function dependenciesOf(session: Session, st: ObjectState): Dependency[] {
  const reached = session.reachable(st);
  if (reached.length === 1) return sortedDependencies(reached[0]!.build?.dependencies ?? NO_DEPENDENCIES);
  const all = new Map<string, Dependency>();
  for (const o of reached) {
    for (const [k, d] of o.build?.dependencies ?? []) all.set(k, d);
  }
  return sortedDependencies(all);
}

const NO_DEPENDENCIES: ReadonlyMap<string, Dependency> = new Map();

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Evaluates the initial-data DML (panc `--initial-data`) to the root dict every build starts from. */
function initialRoot(initialData: string | undefined): PanDict {
  if (initialData === undefined) return freeze(new PanDict());
  const text = `unique template panfab_initial_data;\nvariable PANFAB_INITIAL_DATA = ${initialData};\n`;
  const parsed = parseTemplate(text, '<initial-data>');
  const stmt = parsed.ast?.statements[0];
  if (stmt === undefined || stmt.kind !== 'Variable') {
    throw new PanError('PF701', `syntax error when evaluating root element: ${parsed.diagnostics[0]?.message ?? initialData}`);
  }
  const pre = preEvaluate(compileExpr(stmt.value, { restricted: false, debugEnabled: false }));
  if (!pre.ok) throw new PanError('PF701', `syntax error when evaluating root element: ${pre.error.message}`);
  if (!(pre.value instanceof PanDict)) {
    throw new PanError('PF701', `root element must be an nlist, not ${kindOf(pre.value)}`);
  }
  return pre.value;
}
