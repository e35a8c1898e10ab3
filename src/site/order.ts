/**
 * Deterministic orders for the site model and its diagnostics, so output never depends on the
 * order in which profiles were compiled or rules were run.
 */
import { compareDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Machine } from './model.js';

/** Compares strings by UTF-16 code units (locale-independent). */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Orders machines by FQDN (case-insensitive), then object template name. */
export function byFqdn(a: Machine, b: Machine): number {
  return compareText(a.fqdn.toLowerCase(), b.fqdn.toLowerCase()) || compareText(a.object, b.object);
}

/** Sorts diagnostics by file, position and code, then message and path for a total order. */
export function sortDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics.sort(
    (a, b) => compareDiagnostics(a, b) || compareText(a.message, b.message) || compareText(a.path ?? '', b.path ?? ''),
  );
}
