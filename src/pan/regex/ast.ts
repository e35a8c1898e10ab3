/**
 * Syntax tree of a parsed Java regular expression. Flags are already applied: literals carry
 * their case variants, anchors and dots are stored as their JavaScript translation.
 */
import type { SetExpr } from './charset.js';

export type GroupKind = 'capture' | 'group' | 'ahead' | 'notAhead' | 'behind' | 'notBehind' | 'atomic';
export type QuantMode = 'greedy' | 'lazy' | 'possessive';

export type Node =
  | { readonly t: 'seq'; readonly items: readonly Node[] }
  | { readonly t: 'alt'; readonly branches: readonly Node[] }
  /** One character out of a set. */
  | { readonly t: 'set'; readonly set: SetExpr }
  /** A ready JavaScript fragment (anchors, dot) matching at most `maxWidth` characters. */
  | { readonly t: 'raw'; readonly src: string; readonly maxWidth: number }
  | { readonly t: 'group'; readonly kind: GroupKind; readonly body: Node; readonly number?: number }
  | { readonly t: 'quant'; readonly body: Node; readonly min: number; readonly max: number; readonly mode: QuantMode }
  /** Back reference to a Java group number. */
  | { readonly t: 'backref'; readonly group: number };

/** Result of parsing: the tree, the number of Java groups, named groups, and case handling. */
export interface ParsedRegex {
  readonly root: Node;
  readonly groupCount: number;
  readonly names: ReadonlyMap<string, number>;
  /** A back reference is matched case-insensitively: the JavaScript `i` flag is required. */
  readonly needsIgnoreCase: boolean;
}

export const EMPTY: Node = { t: 'seq', items: [] };

/** Longest match of a node in characters (Infinity when unbounded). */
export function maxWidth(node: Node): number {
  switch (node.t) {
    case 'seq':
      return node.items.reduce((sum, n) => sum + maxWidth(n), 0);
    case 'alt':
      return Math.max(0, ...node.branches.map(maxWidth));
    case 'set':
      return 1;
    case 'raw':
      return node.maxWidth;
    case 'group':
      return node.kind === 'ahead' || node.kind === 'notAhead' || node.kind === 'behind' || node.kind === 'notBehind'
        ? 0
        : maxWidth(node.body);
    case 'quant': {
      if (node.max === 0) return 0;
      const w = maxWidth(node.body);
      return w === 0 ? 0 : node.max === Infinity ? Infinity : w * node.max;
    }
    case 'backref':
      return Infinity;
  }
}
