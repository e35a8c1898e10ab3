/**
 * Expressions whose value needs no copy before it is stored: a literal (frozen, hence shared
 * anyway), a create() call (a new dict nothing else refers to), and list()/dict()/nlist() of
 * such expressions (a new resource whose children are new or frozen). Storing such a value
 * directly is the same as storing its copy (copyValue shares frozen values and copies the rest).
 */
import { CONSTRUCTOR_BUILTINS } from './builtins/resources.js';
import type { Node } from './ir.js';

/** True if the value of `n` is new or frozen all the way down, and referenced from nowhere else. */
export function isFreshValue(n: Node): boolean {
  switch (n.k) {
    case 'lit':
      return true;
    case 'special':
      return n.name === 'create';
    case 'pure':
      return CONSTRUCTOR_BUILTINS.has(n.fn) && n.args.every(isFreshValue);
    default:
      return false;
  }
}
