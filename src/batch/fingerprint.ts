/**
 * A fingerprint of the compiler build in use, part of every build-cache key: a hash of the
 * names, sizes and modification times of the modules of the front end, evaluator and output
 * writers, next to this module (the build output, or the sources when run from them), or of
 * the bundle's chunks when it runs bundled (dist/bundle/). A
 * rebuilt or upgraded compiler therefore never reuses outputs of another build.
 */
import { createHash } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

/** The fingerprint of the compiler modules (computed once per process). */
export function compilerFingerprint(): string {
  if (cached !== undefined) return cached;
  const here = path.dirname(fileURLToPath(import.meta.url));
  const hash = createHash('sha1');
  if (path.basename(here) === 'bundle') {
    // Bundled (dist/bundle/): the bundle's chunks are the whole compiler.
    addTree(hash, here, '.');
  } else {
    const root = path.resolve(here, '..', '..');
    for (const dir of ['grammar', 'src/syntax', 'src/source', 'src/pan', 'src/output', 'src/batch']) addTree(hash, root, dir);
  }
  cached = hash.digest('hex');
  return cached;
}

function addTree(hash: ReturnType<typeof createHash>, root: string, rel: string): void {
  let entries;
  try {
    entries = readdirSync(path.join(root, rel), { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const child = `${rel}/${e.name}`;
    if (e.isDirectory()) addTree(hash, root, child);
    else if (/\.(js|cjs|ts)$/.test(e.name)) {
      const st = statSync(path.join(root, child));
      hash.update(`${child}\u0000${st.size}\u0000${st.mtimeMs}\u0000`);
    }
  }
}
