// Bundles `panfab compile` and its worker thread from the build output (dist/) into
// dist/bundle/: one module graph instead of about a hundred modules to resolve and load cuts
// the command's start-up. bin/panfab.js uses the bundle for `compile` only while it is at
// least as new as the build output; every other verb runs from dist/src.
import { build } from 'esbuild';

await build({
  entryPoints: { compile: 'dist/src/cli/compile.js', worker: 'dist/src/batch/worker.js' },
  outdir: 'dist/bundle',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
});
