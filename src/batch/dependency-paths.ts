/**
 * The paths whose state decides an outcome with a given dependency list, for the build cache:
 * each file used, the places earlier on the include path where the same name would have been
 * found first, and the places where an absent template or file was looked for. Computed once
 * per dependency (most dependencies are shared by many objects) with plain string joins where
 * the names allow it (see plain-path.ts).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Dependency } from '../pan/compiler-api.js';
import { joinName } from '../source/plain-path.js';

/** Where a load-path root sits among the include directories. */
interface RootPlace {
  readonly root: string;
  /** Index of the include directory holding the root; -1 when none does. */
  readonly served: number;
  /** The root relative to that include directory ('' for the directory itself). */
  readonly rel: string;
}

/** Computes dependency paths for one list of include directories. */
export class DependencyPaths {
  private readonly dirs: readonly string[];
  private readonly places = new Map<string, RootPlace>();

  constructor(includeDirs: readonly string[]) {
    this.dirs = includeDirs.map((d) => path.resolve(d));
  }

  /** The paths of one dependency, in the locator's probing order. */
  of(d: Dependency): string[] {
    const template = d.type === 'PAN' || d.type === 'TPL' || d.type === 'ABSENT_SOURCE';
    const out: string[] = [];
    const add = (base: string): void => {
      if (template) out.push(base + '.pan', base + '.tpl');
      else out.push(base);
    };
    if (d.type === 'ABSENT_SOURCE' || d.type === 'ABSENT_TEXT') {
      for (const dir of this.dirs) add(joinName(dir, d.name));
      return out;
    }
    const { root, served, rel } = this.place(d.location);
    const used = joinName(root, d.name) + (d.type === 'PAN' ? '.pan' : d.type === 'TPL' ? '.tpl' : '');
    // The places probed before the one used, in the locator's order (include directory, then
    // LOADPATH entry; .pan before .tpl).
    for (let j = 0; j <= served; j++) {
      add(joinName(this.dirs[j]!, d.name));
      if (rel !== '') add(joinName(path.join(this.dirs[j]!, rel), d.name));
    }
    const stop = out.indexOf(used);
    if (stop >= 0) out.length = stop;
    out.push(used);
    return out;
  }

  private place(location: string): RootPlace {
    let place = this.places.get(location);
    if (place === undefined) {
      const root = fileURLToPath(location).replace(/(?<=.)[\\/]+$/, '');
      const served = this.dirs.findIndex((dir) => root === dir || root.startsWith(dir + path.sep));
      place = { root, served, rel: served < 0 ? '' : path.relative(this.dirs[served]!, root) };
      this.places.set(location, place);
    }
    return place;
  }
}
