/**
 * XPath 1.0 evaluation on pan XML documents, converted to boolean as the reference harness
 * does (a node-set is true if non-empty, a number if non-zero, a string if non-empty).
 */
import { createRequire } from 'node:module';
import { DOMParser } from '@xmldom/xmldom';

/** The part of the `xpath` package used here (its bundled typings pull in the DOM library). */
interface XPathModule {
  parse(expression: string): { evaluateBoolean(options: { node: unknown }): boolean };
}

const xpath = createRequire(import.meta.url)('xpath') as XPathModule;

/**
 * Evaluates `expression` against the XML text as a boolean. Returns a string describing the
 * problem when the document does not parse or the expression is invalid.
 */
export function evaluateXPathBoolean(xmlText: string, expression: string): boolean | string {
  let doc: unknown;
  try {
    doc = new DOMParser({ onError: throwOnError }).parseFromString(xmlText, 'text/xml');
  } catch (err) {
    return `invalid XML output: ${errorText(err)}`;
  }
  try {
    return xpath.parse(expression).evaluateBoolean({ node: doc });
  } catch (err) {
    return `${errorText(err)} in ${expression}`;
  }
}

function throwOnError(level: 'warning' | 'error' | 'fatalError', message: string): void {
  if (level !== 'warning') throw new Error(message);
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
