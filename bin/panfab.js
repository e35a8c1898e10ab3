#!/usr/bin/env node
// Entry point of the panfab command: runs the compiled CLI. `compile` runs from its bundle
// (faster start-up, see scripts/bundle.mjs and src/batch/bundle-loader.ts) when that is at
// least as new as the build output; everything else, and compile without a current bundle,
// from dist/src.
const args = process.argv.slice(2);

async function start() {
  if (args[0] === 'compile') {
    const { loadCompileBundle } = await import('../dist/src/batch/bundle-loader.js');
    const bundle = loadCompileBundle();
    if (bundle !== undefined) return bundle.run(args.slice(1));
  }
  const { main } = await import('../dist/src/cli/main.js');
  return main(args);
}

start().then(
  (code) => { process.exitCode = code; },
  (err) => { process.stderr.write(`panfab: internal error: ${err && err.stack ? err.stack : err}\n`); process.exitCode = 70; },
);
