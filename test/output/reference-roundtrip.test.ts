/**
 * Reads every pan XML file panc wrote for the conformance suite back into a profile and
 * checks that our writer reproduces it byte for byte.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import { formatPanXml } from '../../src/output/xml.js';
import { PanDict, PanList, type Value } from '../../src/pan/element.js';
import { FIXTURES_DIR } from '../golden.js';

const REFERENCE_DIR = path.resolve(FIXTURES_DIR, '..', '..', 'shared', 'conformance', 'reference-output');

function xmlFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((n) => {
      const full = path.join(dir, n);
      return statSync(full).isDirectory() ? xmlFiles(full) : n.endsWith('.xml') ? [full] : [];
    });
}

interface XmlElement {
  tagName: string;
  getAttribute(name: string): string | null;
  childNodes: ArrayLike<{ nodeType: number }>;
  textContent: string | null;
}

function childElements(e: XmlElement): XmlElement[] {
  return Array.from(e.childNodes).filter((n) => n.nodeType === 1) as unknown as XmlElement[];
}

/** Rebuilds the value an element was written from. */
function readValue(e: XmlElement): Value {
  const text = e.textContent ?? '';
  switch (e.tagName) {
    case 'nlist':
      return new PanDict(new Map(childElements(e).map((c) => [c.getAttribute('name')!, readValue(c)])));
    case 'list':
      return new PanList(childElements(e).map(readValue));
    case 'long':
      return BigInt(text);
    case 'double':
      return Number(text);
    case 'boolean':
      return text === 'true';
    case 'string':
      return e.getAttribute('encoding') === 'base64' ? Buffer.from(text, 'base64').toString('utf8') : text;
    default:
      throw new Error(`unexpected element ${e.tagName}`);
  }
}

const files = existsSync(REFERENCE_DIR) ? xmlFiles(REFERENCE_DIR) : [];

describe('pan XML writer against panc reference output', () => {
  it('finds the reference files', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files.map((f) => [path.relative(REFERENCE_DIR, f), f]))('%s', (_name, file) => {
    const reference = readFileSync(file, 'utf8');
    const doc = new DOMParser().parseFromString(reference, 'text/xml');
    const root = readValue(doc.documentElement as unknown as XmlElement);
    expect(root).toBeInstanceOf(PanDict);
    expect(formatPanXml(root as PanDict)).toBe(reference);
  });
});
