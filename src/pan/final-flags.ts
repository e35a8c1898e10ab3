/**
 * Final paths (§5.9): a trie of paths marked final. A path is final if it, an ancestor or a
 * descendant was marked; the reason names the first marked path found, as panc does.
 */
import { compareTerms, termToString, type Term } from './terms.js';

interface FinalNode {
  flag: boolean;
  children: Map<Term, FinalNode> | undefined;
}

function newNode(): FinalNode {
  return { flag: false, children: undefined };
}

/** The set of final paths of one build. */
export class FinalFlags {
  private readonly root: FinalNode = newNode();
  private empty = true;

  /** Marks a path final. */
  setFinal(terms: readonly Term[]): void {
    let node = this.root;
    for (const t of terms) {
      if (node.children === undefined) node.children = new Map();
      let next = node.children.get(t);
      if (next === undefined) {
        next = newNode();
        node.children.set(t, next);
      }
      node = next;
    }
    node.flag = true;
    this.empty = false;
  }

  /**
   * If the path is final, panc's message ("/a cannot be modified; /a/b is marked as final"),
   * otherwise undefined.
   */
  finalReason(terms: readonly Term[]): string | undefined {
    if (this.empty) return undefined;
    const full = '/' + terms.map(termToString).join('/');
    let node = this.root;
    const walked: Term[] = [];
    for (const t of terms) {
      const next = node.children?.get(t);
      if (next === undefined) return undefined;
      walked.push(t);
      if (next.flag) return `${full} cannot be modified; /${walked.map(termToString).join('/')} is marked as final`;
      node = next;
    }
    if (node.flag) return `${full} cannot be modified; ${full} is marked as final`;
    if (node.children === undefined || node.children.size === 0) return undefined;
    const below = firstFinalDescendant(node);
    const base = terms.length === 0 ? '' : full;
    return `${full} cannot be modified; ${base}${below} is marked as final`;
  }
}

function firstFinalDescendant(node: FinalNode): string {
  if (node.flag) return '';
  const keys = [...node.children!.keys()].sort(compareTerms);
  const first = keys[0]!;
  return '/' + termToString(first) + firstFinalDescendant(node.children!.get(first)!);
}
