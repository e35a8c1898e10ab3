/**
 * Access to the configuration tree by path: reading absolute, relative (structure template) and
 * external (other object) paths, and writing absolute/relative paths with panc's root rules and
 * messages.
 */
import type { BuildState } from './context.js';
import { PanDict, kindOf, type Value } from './element.js';
import { PanError } from './errors.js';
import { pathToString, type PanPath } from './path.js';
import { writable } from './protect.js';
import { BadTermError, MISSING, getIn, putIn, type Lookup } from './tree.js';

function badTerm(e: BadTermError, path: PanPath): PanError {
  const prefix = path.kind === 'absolute' ? '/' : path.kind === 'external' ? `${path.authority}:` : '';
  return e.forPath(path.terms, prefix, pathToString(path));
}

/**
 * The element at a path; MISSING if it does not exist and `errorIfNotFound` is false.
 * External paths build the other object on demand.
 */
export function getElement(build: BuildState, path: PanPath, errorIfNotFound: boolean): Lookup {
  let node: Value;
  if (path.kind === 'absolute') {
    node = build.root;
  } else if (path.kind === 'relative') {
    if (build.relativeRoot === undefined) {
      throw new PanError(
        'PF216',
        `relative path ('${pathToString(path)}') cannot be used to retrieve element in configuration`,
      );
    }
    node = build.relativeRoot;
  } else if (path.authority === build.objectName) {
    node = build.root;
  } else {
    const other = build.host.externalRoot(build, path.authority!, !errorIfNotFound);
    if (other === undefined) return MISSING;
    node = other;
  }
  let result: Lookup;
  try {
    result = getIn(node, path.terms, !errorIfNotFound);
  } catch (e) {
    if (e instanceof BadTermError) throw badTerm(e, path);
    throw e;
  }
  if (result === MISSING && errorIfNotFound) {
    throw new PanError('PF216', `path '${pathToString(path)}' does not have an associated value`);
  }
  return result;
}

/** Stores a value at an absolute or relative path (null deletes). */
export function putElement(build: BuildState, path: PanPath, value: Value): void {
  if (path.kind === 'absolute' && path.terms.length === 0) {
    if (value === null) throw new PanError('PF201', 'cannot set root element to null');
    if (!(value instanceof PanDict)) {
      throw new PanError('PF201', `root element cannot be replaced by element of type ${kindOf(value)}`);
    }
    build.root = value;
    return;
  }
  let container: PanDict;
  if (path.kind === 'absolute') {
    container = writable(build.root);
    build.root = container;
  } else if (path.kind === 'relative' && build.relativeRoot !== undefined) {
    container = writable(build.relativeRoot);
    build.relativeRoot = container;
  } else {
    throw new PanError('PF901', `invalid attempt to set path in configuration: ${pathToString(path)}`);
  }
  try {
    putIn(container, path.terms, value);
  } catch (e) {
    if (e instanceof BadTermError) throw badTerm(e, path);
    throw e;
  }
}
