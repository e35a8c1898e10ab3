/**
 * The `text` profile format (panc's TxtFormatter): one line per element, two spaces of
 * indentation per level, resources as `+-NAME`, properties as `$ NAME : (TYPE) 'VALUE'`
 * with the value unescaped; list children are named by their index.
 */
import { kindOf, PanDict, PanList, type Value } from '../pan/element.js';
import { propertyText } from './property-text.js';

/** Renders a profile as the indented text tree, root named `profile`. */
export function formatText(root: PanDict): string {
  const lines: string[] = [];
  writeNode(lines, root, 'profile', 0);
  return lines.map((l) => l + '\n').join('');
}

function writeNode(lines: string[], value: Value, name: string, level: number): void {
  const indent = '  '.repeat(level);
  if (value instanceof PanDict) {
    lines.push(`${indent}+-${name}`);
    for (const key of value.keys()) writeNode(lines, value.get(key), key, level + 1);
  } else if (value instanceof PanList) {
    lines.push(`${indent}+-${name}`);
    value.items.forEach((item, i) => writeNode(lines, item, String(i), level + 1));
  } else {
    lines.push(`${indent}$ ${name} : (${kindOf(value)}) '${propertyText(value)}'`);
  }
}
