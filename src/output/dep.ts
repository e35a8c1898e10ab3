/**
 * The `dep` dependency file (panc's DepFormatter): one `NAME TYPE LOCATION` line per
 * dependency, in the order the compiler sorted them (name, type, location). Absent entries
 * have an empty location, so their line ends with a space, as panc writes it.
 */
import type { Dependency } from '../pan/compiler-api.js';

/** Renders the dependency list of an object. */
export function formatDependencies(dependencies: readonly Dependency[]): string {
  return dependencies.map((d) => `${d.name} ${d.type} ${d.location}\n`).join('');
}
