/**
 * Where a model value comes from: the span of the statement that last wrote a profile path,
 * from the compiler's provenance. A value written as part of a larger structure (e.g. a NIC's
 * `hwaddr` inside `'/hardware/cards/nic/eth0' = dict(...)`) has no entry of its own; its
 * nearest ancestor path with provenance names the statement instead.
 */
import type { Span } from '../diagnostics/span.js';
import type { ObjectResult, Provenance } from '../pan/compiler-api.js';
import type { ModelRef } from './model.js';

/** Provenance of every compiled object, looked up by object name. */
export class OriginIndex {
  private readonly byObject = new Map<string, Provenance>();

  constructor(results: readonly ObjectResult[]) {
    for (const r of results) if (r.provenance !== undefined) this.byObject.set(r.name, r.provenance);
  }

  /** Span of the last write to `ref.path` or to its nearest ancestor that has provenance. */
  origin(ref: ModelRef): Span | undefined {
    const provenance = this.byObject.get(ref.object);
    if (provenance === undefined) return undefined;
    for (let path = ref.path; path.length > 1; path = parentPath(path)) {
      const writes = provenance.get(path);
      if (writes !== undefined && writes.length > 0) return writes[writes.length - 1]!.span;
    }
    return undefined;
  }
}

/** `/a/b/c` → `/a/b`; `/a` → `/`. */
function parentPath(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash <= 0 ? '/' : path.slice(0, slash);
}
