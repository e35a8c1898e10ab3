#!/usr/bin/env node
// Entry point of the panfab command: runs the compiled CLI. `compile` runs from the bundle of
// dist/bundle/ (faster start-up, see scripts/bundle.mjs) when that is at least as new as the
// build output; everything else, and compile without a current bundle, from dist/src.
import { statSync } from 'node:fs';

const args = process.argv.slice(2);

function mtime(relative) {
  try {
    return statSync(new URL(relative, import.meta.url)).mtimeMs;
  } catch {
    return -1;
  }
}

const bundled = args[0] === 'compile' && mtime('../dist/bundle/compile.js') >= mtime('../dist/src/cli/main.js');
const running = bundled
  ? import('../dist/bundle/compile.js').then((m) => m.run(args.slice(1)))
  : import('../dist/src/cli/main.js').then((m) => m.main(args));

running.then(
  (code) => { process.exitCode = code; },
  (err) => { process.stderr.write(`panfab: internal error: ${err && err.stack ? err.stack : err}\n`); process.exitCode = 70; },
);
