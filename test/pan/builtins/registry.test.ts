import { PURE_BUILTINS } from '../../../src/pan/builtins/index.js';

const EXPECTED = [
  'list', 'dict', 'nlist', 'merge', 'splice', 'clone', 'length', 'key', 'index',
  'substr', 'to_uppercase', 'to_lowercase', 'replace', 'split', 'match', 'matches', 'join', 'escape', 'unescape',
  'base64_encode', 'base64_decode', 'digest', 'format', 'json_encode', 'json_decode',
  'to_string', 'to_long', 'to_double', 'to_boolean', 'max', 'min', 'ip4_to_long', 'long_to_ip4',
];

const EVALUATOR_BUILTINS = [
  'value', 'exists', 'path_exists', 'if_exists', 'is_string', 'create', 'append', 'prepend', 'delete', 'first', 'next',
  'error', 'debug', 'traceback', 'deprecated', 'return', 'is_valid', 'file_contents', 'file_exists', 'substitute',
];

describe('PURE_BUILTINS', () => {
  it('registers exactly the pure built-ins under their own names', () => {
    expect([...PURE_BUILTINS.keys()].sort()).toEqual([...EXPECTED].sort());
    for (const [name, b] of PURE_BUILTINS) expect(b.name).toBe(name);
  });

  it('leaves context-dependent built-ins to the evaluator', () => {
    for (const name of EVALUATOR_BUILTINS) expect(PURE_BUILTINS.has(name)).toBe(false);
  });

  it('gives every bounded built-in a consistent arity and panc message', () => {
    for (const b of PURE_BUILTINS.values()) {
      expect(b.minArgs).toBeLessThanOrEqual(b.maxArgs);
      const bounded = b.minArgs > 0 || b.maxArgs !== Infinity;
      if (bounded) expect(b.arityMessage).toMatch(new RegExp(`^(first argument of )?${b.name}\\(\\)`));
    }
  });
});
