/**
 * The type registry of a build (§8.1) and helpers shared by validation and defaults: built-in
 * types, checks that referenced types exist when a type or binding is declared, panc's printed
 * form of types and ranges, and Java's `{0,number}` formatting used in range messages.
 */
import type { TypeDef } from './context.js';
import { PanError } from './errors.js';
import type { FullTypeC, Range, TypeSpecC } from './ir.js';

/** Built-in type names (never redefinable). */
const BUILTIN_TYPES: readonly string[] = [
  'boolean', 'double', 'element', 'nlist', 'dict', 'list', 'long', 'number', 'property', 'resource', 'string',
];

/** The definitions of the built-in types (shared by every type map: definitions are never changed). */
const BUILTIN_DEFS: ReadonlyArray<readonly [string, TypeDef]> = BUILTIN_TYPES.map((name) => [
  name,
  Object.freeze({ type: undefined, builtin: name, span: undefined }),
]);

/** A type map initialised with the built-in types. */
export function newTypeMap(): Map<string, TypeDef> {
  const m = new Map<string, TypeDef>();
  for (const [name, def] of BUILTIN_DEFS) m.set(name, def);
  return m;
}

/** A type name a full type refers to: by reference, or as a record include (which must be a record). */
interface TypeReference {
  readonly name: string;
  readonly include: boolean;
}

/** The references of each full type, in checking order (computed once per type). */
const referencesOf = new WeakMap<FullTypeC, readonly TypeReference[]>();

/** Checks that every type a full type refers to is defined (panc's verifySubtypesDefined). */
export function checkTypeReferences(types: ReadonlyMap<string, TypeDef>, t: FullTypeC): void {
  let refs = referencesOf.get(t);
  if (refs === undefined) {
    const found: TypeReference[] = [];
    collectReferences(t.spec, found);
    // A repeated reference fails (or passes) where it first appears.
    refs = found.filter((r, i) => found.findIndex((o) => o.name === r.name && o.include === r.include) === i);
    referencesOf.set(t, refs);
  }
  for (const r of refs) {
    const def = types.get(r.name);
    if (def === undefined) throw new PanError('PF212', `referenced type '${r.name}' is not defined`);
    if (r.include && (def.type === undefined || def.type.spec.k !== 'record')) {
      throw new PanError('PF212', `record definition includes non-record type: '${r.name}'`);
    }
  }
}

/** The references below a spec, in the order panc checks them (includes before fields). */
function collectReferences(s: TypeSpecC, into: TypeReference[]): void {
  switch (s.k) {
    case 'ref':
      into.push({ name: s.name, include: false });
      return;
    case 'choice':
      return;
    case 'record':
      for (const inc of s.includes) into.push({ name: inc, include: true });
      for (const [, f] of s.required) collectReferences(f.spec, into);
      for (const [, f] of s.optional) collectReferences(f.spec, into);
      return;
    case 'list':
    case 'dict':
      return collectReferences(s.elem, into);
    case 'link':
      return collectReferences(s.target, into);
  }
}

/** panc's form of a range: `min..max` or `min..`. */
export function rangeToString(r: Range): string {
  return `${r.min}..${r.max === undefined ? '' : r.max}`;
}

/** panc's printed form of a type spec (`long[]`, `string(3..3)`, `choice(a, b)`, `T*`). */
export function typeToString(s: TypeSpecC): string {
  switch (s.k) {
    case 'ref':
      return s.range === undefined ? s.name : `${s.name}(${rangeToString(s.range)})`;
    case 'choice':
      return `choice(${s.choices.join(', ')})`;
    case 'record': {
      const lines = [s.extensible ? 'extensible {' : '{'];
      for (const inc of s.includes) lines.push(`\tinclude ${inc}`);
      for (const [k, f] of s.required) lines.push(`${k} : ${typeToString(f.spec)}`);
      for (const [k, f] of s.optional) lines.push(`${k} ? ${typeToString(f.spec)}`);
      lines.push(s.range === undefined ? '}' : `} (${rangeToString(s.range)})`);
      return lines.join('\n');
    }
    case 'list':
      return `${typeToString(s.elem)}[${s.range === undefined ? '' : rangeToString(s.range)}]`;
    case 'dict':
      return `${typeToString(s.elem)}{${s.range === undefined ? '' : rangeToString(s.range)}}`;
    case 'link':
      return `${typeToString(s.target)}*`;
  }
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Java MessageFormat `{0,number}`: grouping separators, at most three fraction digits. */
export function formatJavaNumber(v: bigint | number): string {
  if (typeof v === 'bigint') {
    const neg = v < 0n;
    return (neg ? '-' : '') + groupThousands((neg ? -v : v).toString());
  }
  if (Number.isNaN(v)) return 'NaN';
  if (!Number.isFinite(v)) return v > 0 ? '\u221e' : '-\u221e';
  const neg = v < 0 || Object.is(v, -0);
  const fixed = Math.abs(v).toFixed(3);
  let [intPart, frac] = fixed.split('.') as [string, string];
  frac = frac.replace(/0+$/, '');
  const body = groupThousands(intPart) + (frac.length > 0 ? '.' + frac : '');
  return (neg && body !== '0' ? '-' : '') + body;
}
