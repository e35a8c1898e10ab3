/**
 * `panfab diff`: another name for `panfab plan` (see plan.ts).
 */
export { run } from './plan.js';

export const summary = 'the same as plan';
