/**
 * The registry of pure built-in functions, by name. Built-ins that need the evaluator's
 * context (value, exists, create, append, ...) are implemented by the evaluator itself.
 */
import { CONVERT_BUILTINS } from './convert.js';
import { FORMAT_BUILTINS } from './format.js';
import { JSON_BUILTINS } from './json.js';
import { NET_BUILTINS } from './net.js';
import { NUMBER_BUILTINS } from './numbers.js';
import type { PureBuiltin } from './registry-types.js';
import { RESOURCE_BUILTINS } from './resources.js';
import { STRING_BUILTINS } from './strings.js';

function registry(...groups: (readonly PureBuiltin[])[]): ReadonlyMap<string, PureBuiltin> {
  const map = new Map<string, PureBuiltin>();
  for (const b of groups.flat()) {
    if (map.has(b.name)) throw new Error(`duplicate built-in ${b.name}`);
    map.set(b.name, b);
  }
  return map;
}

/** Every pure built-in by name. */
export const PURE_BUILTINS: ReadonlyMap<string, PureBuiltin> = registry(
  RESOURCE_BUILTINS,
  STRING_BUILTINS,
  FORMAT_BUILTINS,
  JSON_BUILTINS,
  CONVERT_BUILTINS,
  NUMBER_BUILTINS,
  NET_BUILTINS,
);
