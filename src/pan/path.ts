/**
 * Pan paths (§4): absolute (`/a/b`), relative (`a/b`) and external (`obj:/a/b`), parsed with
 * panc's rules (brace escaping, trailing slash, first-term checks), printed and ordered the way
 * panc orders bindings (longer paths first, then term by term).
 */
import { PanError } from './errors.js';
import { compareTerms, escapeKey, isKey, termFromString, termToString, type Term } from './terms.js';

export type PathKind = 'absolute' | 'relative' | 'external';

/** A parsed path. `terms` is never modified after construction. */
export interface PanPath {
  readonly kind: PathKind;
  /** Object template name of an external path. */
  readonly authority?: string;
  readonly terms: readonly Term[];
}

const BRACES = /^([^{}]*(\{[^{}]*\})?)*$/;

function pathError(message: string): PanError {
  return new PanError('PF112', message);
}

/**
 * True if `name` is a valid template name (panc's Template.isValidTemplateName): characters of
 * `[A-Za-z0-9_./+-]` in `/`-separated segments that are not empty and do not start with `.`.
 */
export function isValidTemplateName(name: string): boolean {
  let segmentStart = true;
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c === 47) {
      if (segmentStart) return false;
      segmentStart = true;
    } else if (segmentStart && c === 46) {
      return false;
    } else if (isTemplateNameChar(c)) {
      segmentStart = false;
    } else {
      return false;
    }
  }
  return !segmentStart;
}

/** True for a character of `[A-Za-z0-9_.+-]`. */
function isTemplateNameChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 46 || c === 43 || c === 45;
}

/** Replaces each `{...}` group by its escaped form; checks that braces match and do not nest. */
function expandBraces(path: string): string {
  if (!path.includes('{') && !path.includes('}')) return path;
  if (!BRACES.test(path)) throw pathError(`path '${path}' contains mismatched or nested braces`);
  const parts = path.split(/[{}]/);
  return parts.map((p, i) => (i % 2 === 0 ? p : escapeKey(p))).join('');
}

/** Splits like Java's String.split("/"): trailing empty pieces are dropped. */
function javaSplitSlash(s: string): string[] {
  const pieces = s.split('/');
  while (pieces.length > 0 && pieces[pieces.length - 1] === '') pieces.pop();
  return pieces;
}

/**
 * Parses a path string. `allowIndexFirst` permits a relative path to start with an index
 * (used when it is resolved against a non-empty prefix). Throws PanError PF112/PF214.
 */
export function parsePath(text: string, allowIndexFirst = false): PanPath {
  const path = expandBraces(text);
  let kind: PathKind = 'relative';
  let authority: string | undefined;
  let rest = path;
  const colon = path.indexOf(':');
  if (colon >= 0) {
    kind = 'external';
    authority = path.slice(0, colon);
    rest = path.slice(colon + 1);
    if (rest.startsWith('/')) rest = rest.slice(1);
    if (!isValidTemplateName(authority)) throw pathError(`invalid authority (${authority}) in path`);
  } else if (path.startsWith('/')) {
    kind = 'absolute';
    rest = path.slice(1);
  }
  const terms: Term[] = rest === '' ? [] : javaSplitSlash(rest).map(termFromString);
  if (kind === 'relative' && terms.length === 0) throw pathError('relative path must have at least one term');
  if (terms.length > 0 && !(kind === 'relative' && allowIndexFirst) && !isKey(terms[0]!)) {
    throw pathError('first term in path must be a key, not an index');
  }
  return authority === undefined ? { kind, terms } : { kind, authority, terms };
}

/** Resolves a relative path against a prefix (absolute or relative); other paths are unchanged. */
export function resolvePath(prefix: PanPath | undefined, path: PanPath): PanPath {
  if (prefix === undefined || path.kind !== 'relative') return path;
  if (prefix.kind === 'external') throw pathError('cannot construct relative path from external path');
  const terms = [...prefix.terms, ...path.terms];
  return prefix.authority === undefined
    ? { kind: prefix.kind, terms }
    : { kind: prefix.kind, authority: prefix.authority, terms };
}

/** A child path (same kind and authority) with one more term. */
export function childPath(parent: PanPath, term: Term): PanPath {
  const terms = [...parent.terms, term];
  return parent.authority === undefined
    ? { kind: parent.kind, terms }
    : { kind: parent.kind, authority: parent.authority, terms };
}

/** panc's string form: `/a/b`, `a/b`, `obj:/a/b`. */
export function pathToString(p: PanPath): string {
  const body = p.terms.map(termToString).join('/');
  if (p.kind === 'external') return `${p.authority}:/${body}`;
  if (p.kind === 'absolute') return '/' + body;
  return body;
}

const KIND_ORDER: Record<PathKind, number> = { relative: 0, absolute: 1, external: 2 };

/** panc's binding order: by kind, then longer paths first, then term by term. */
export function comparePaths(a: PanPath, b: PanPath): number {
  if (a.kind !== b.kind) return KIND_ORDER[a.kind] - KIND_ORDER[b.kind];
  if (a.terms.length !== b.terms.length) return a.terms.length < b.terms.length ? 1 : -1;
  for (let i = 0; i < a.terms.length; i++) {
    const c = compareTerms(a.terms[i]!, b.terms[i]!);
    if (c !== 0) return c;
  }
  return 0;
}
