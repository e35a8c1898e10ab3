/**
 * Entry point of the CommonJS bundle of `panfab compile` (built by scripts/bundle.mjs, loaded
 * by bundle-loader.ts): the verb's `run`, and the worker code, which starts by itself when the
 * bundle is loaded in a worker thread.
 */
export { run } from '../cli/compile.js';
import './worker.js';
