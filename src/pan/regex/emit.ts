/**
 * Emission of a parsed Java regex as JavaScript `u`-mode source. Atomic groups and
 * possessive quantifiers become `(?=(X))\n` (a lookahead is atomic in JavaScript), which adds
 * capture groups; the Java-to-JavaScript group number map accounts for them.
 */
import type { Node, ParsedRegex } from './ast.js';
import { emitSetAtom } from './charset.js';

/** JavaScript source and flags, and for each Java group number its JavaScript group number. */
export interface Translation {
  readonly source: string;
  readonly flags: string;
  readonly groupMap: readonly number[];
}

const BACKREF = /\u0000(\d+)\u0000/g;

class Emitter {
  private jsGroups = 0;
  readonly groupMap: number[] = [0];

  emit(node: Node): string {
    switch (node.t) {
      case 'seq':
        return node.items.map((n) => this.emit(n)).join('');
      case 'alt':
        return node.branches.map((n) => this.emit(n)).join('|');
      case 'set':
        return emitSetAtom(node.set);
      case 'raw':
        return node.src;
      case 'backref':
        return `\u0000${node.group}\u0000`;
      case 'group':
        return this.group(node);
      case 'quant':
        return this.quant(node);
    }
  }

  private group(node: Extract<Node, { t: 'group' }>): string {
    switch (node.kind) {
      case 'capture': {
        this.groupMap[node.number!] = ++this.jsGroups;
        return `(${this.emit(node.body)})`;
      }
      case 'group':
        return `(?:${this.emit(node.body)})`;
      case 'ahead':
        return `(?=${this.emit(node.body)})`;
      case 'notAhead':
        return `(?!${this.emit(node.body)})`;
      case 'behind':
        return `(?<=${this.emit(node.body)})`;
      case 'notBehind':
        return `(?<!${this.emit(node.body)})`;
      case 'atomic': {
        const n = ++this.jsGroups;
        return `(?:(?=(${this.emit(node.body)}))\\${n})`;
      }
    }
  }

  /** The node as something a quantifier can follow. */
  private atom(node: Node): string {
    if (node.t === 'set') return emitSetAtom(node.set);
    if (node.t === 'group' && (node.kind === 'capture' || node.kind === 'group' || node.kind === 'atomic')) {
      return this.group(node);
    }
    return `(?:${this.emit(node)})`;
  }

  private quant(node: Extract<Node, { t: 'quant' }>): string {
    const { min, max } = node;
    let q: string;
    if (max === Infinity) q = min === 0 ? '*' : min === 1 ? '+' : `{${min},}`;
    else if (min === 0 && max === 1) q = '?';
    else q = min === max ? `{${min}}` : `{${min},${max}}`;
    if (node.mode === 'possessive') {
      const n = ++this.jsGroups;
      return `(?:(?=(${this.atom(node.body)}${q}))\\${n})`;
    }
    return this.atom(node.body) + q + (node.mode === 'lazy' ? '?' : '');
  }
}

/** Translates a parsed Java regex to JavaScript (flags always include `u` and `g`). */
export function emitRegex(parsed: ParsedRegex): Translation {
  const emitter = new Emitter();
  const body = emitter.emit(parsed.root);
  const map = emitter.groupMap;
  const source = body.replace(BACKREF, (_, g: string) => {
    const n = Number(g);
    return n > parsed.groupCount ? '(?!)' : `(?:\\${map[n]})`;
  });
  return { source, flags: parsed.needsIgnoreCase ? 'giu' : 'gu', groupMap: map };
}
