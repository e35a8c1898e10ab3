// Bundles `panfab compile` (with its worker code) from the build output (dist/) into one
// CommonJS file, dist/bundle/compile.cjs, then compiles a small generated site with it and
// saves V8's code cache of what ran to dist/bundle/compile.cache. bin/panfab.js loads the
// bundle through src/batch/bundle-loader.ts: start-up then neither resolves about a hundred
// modules nor parses and compiles them again. Every other verb runs from dist/src. The output
// writer thread of compile (src/batch/output-writer.ts) gets its own small bundle,
// dist/bundle/output-writer.cjs, so that starting it does not load the compiler.
import { build } from 'esbuild';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const chevrotainBundle = path.join(root, 'node_modules', 'chevrotain', 'lib', 'chevrotain.mjs');

/** grammar/chevrotain.ts loads chevrotain with a top-level await; bundled, it is a static import. */
const staticChevrotain = {
  name: 'static-chevrotain',
  setup(b) {
    b.onResolve({ filter: /(^|\/)chevrotain\.js$/ }, (args) =>
      path.resolve(args.resolveDir, args.path).endsWith(path.join('grammar', 'chevrotain.js')) ? { path: 'chevrotain', namespace: 'static-chevrotain' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'static-chevrotain' }, () => ({
      contents: `export { createToken, createSyntaxDiagramsCode, Lexer, EmbeddedActionsParser, EOF, tokenMatcher } from ${JSON.stringify(chevrotainBundle)};`,
      resolveDir: root,
    }));
  },
};

rmSync(path.join(root, 'dist', 'bundle'), { recursive: true, force: true });
await build({
  entryPoints: {
    compile: path.join(root, 'dist', 'src', 'batch', 'bundle-entry.js'),
    'output-writer': path.join(root, 'dist', 'src', 'batch', 'output-writer.js'),
  },
  outdir: path.join(root, 'dist', 'bundle'),
  outExtension: { '.js': '.cjs' },
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  plugins: [staticChevrotain],
  define: { 'import.meta.url': '__bundleUrl' },
  banner: { js: 'const __bundleUrl = require("node:url").pathToFileURL(__filename).href;' },
  logLevel: 'warning',
});

// Warm-up: a small site using what real sites use (types, functions, create(), includes).
const site = mkdtempSync(path.join(os.tmpdir(), 'panfab-bundle-'));
try {
  const write = (rel, text) => {
    mkdirSync(path.dirname(path.join(site, rel)), { recursive: true });
    writeFileSync(path.join(site, rel), text);
  };
  write('lib/schema.pan', "declaration template schema;\nfunction ok = match(ARGV[0], '^[a-z]+$');\ntype name = string with ok(SELF);\ntype host = { 'name' : name 'ram' : long(1..) = 1024 'disks' : string[] };\nbind '/' = host;\n");
  write('lib/disk.pan', "structure template disk;\n'size' = 10;\n");
  write('lib/base.pan', "unique template base;\ninclude 'schema';\nvariable SIZE ?= 2;\n'/disks' = { l = list(); foreach (i; v; list('a', 'b')) l[length(l)] = v + to_string(SIZE); l; };\n");
  for (const n of ['alpha', 'beta']) write(`site/${n}.pan`, `object template ${n};\ninclude 'base';\n'/name' = '${n}';\n`);
  mkdirSync(path.join(site, 'out'));
  const { loadCompileBundle } = await import(pathToFileURL(path.join(root, 'dist', 'src', 'batch', 'bundle-loader.js')).href);
  const bundle = loadCompileBundle();
  if (bundle === undefined) throw new Error('the bundle was not found after building it');
  const cwd = process.cwd();
  process.chdir(site);
  try {
    const code = await bundle.run(['--no-cache', '--nthread', '1', '--include-path', 'lib:site', '--formats', 'json,pan,dep', '--output-dir', 'out', 'site']);
    if (code !== 0) throw new Error(`the warm-up compile failed (exit ${code})`);
  } finally {
    process.chdir(cwd);
  }
  bundle.saveCodeCache();
} finally {
  rmSync(site, { recursive: true, force: true });
}
