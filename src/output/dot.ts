/**
 * The `dot` profile format (panc's DotFormatter): a Graphviz digraph with one node per
 * element, identified by its path under `/profile`, and one edge from each parent to each
 * child. Property labels carry the value, strings quoted with `'`, line breaks turned into
 * spaces and long values cut to 12 characters plus `...` (the count includes the quote).
 */
import { kindOf, PanDict, PanList, type Value } from '../pan/element.js';
import { propertyText } from './property-text.js';

const HEADER = 'bgcolor = beige\nnode [ color = black, shape = box, fontname=Helvetica ]\nedge [ color = black ]\n';

/** Renders a profile as a Graphviz graph named `profile`. */
export function formatDot(root: PanDict): string {
  const parts: string[] = [`digraph "profile" {\n${HEADER}`, `"/profile" [ label = "profile"]\n`];
  writeChildren(parts, '/profile', root);
  parts.push('}\n');
  return parts.join('');
}

function writeChildren(parts: string[], parentPath: string, resource: PanDict | PanList): void {
  if (resource instanceof PanDict) {
    for (const key of resource.keys()) writeChild(parts, parentPath, key, resource.get(key));
  } else {
    resource.items.forEach((item, i) => writeChild(parts, parentPath, String(i), item));
  }
}

function writeChild(parts: string[], parentPath: string, name: string, value: Value): void {
  const path = `${parentPath}/${name}`;
  if (value instanceof PanDict || value instanceof PanList) {
    parts.push(`"${path}" [ label = "${name}" ]\n`, `"${parentPath}" -> "${path}"\n`);
    writeChildren(parts, path, value);
    return;
  }
  const label = shortenValue(propertyText(value), kindOf(value) === 'string' ? "'" : '');
  parts.push(`"${path}" [ label = "${name}\\n${label}" ]\n`, `"${parentPath}" -> "${path}"\n`);
}

/** The value as shown in a node label: one line, at most 15 characters with the opening quote. */
function shortenValue(text: string, quote: string): string {
  let s = quote + text.replace(/[\n\r]+/g, ' ');
  if (s.length > 15) s = s.slice(0, 12) + '...';
  return s + quote;
}
