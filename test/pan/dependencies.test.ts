import { describe, expect, it } from '@jest/globals';
import type { Dependency } from '../../src/pan/compiler-api.js';
import { dependencyKey, sortedDependencies } from '../../src/pan/context.js';

function byKey(deps: Dependency[]): Map<string, Dependency> {
  return new Map(deps.map((d) => [dependencyKey(d), d]));
}

function fieldOrder(deps: Dependency[]): Dependency[] {
  const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  return [...deps].sort((a, b) => cmp(a.name, b.name) || cmp(a.type, b.type) || cmp(a.location, b.location));
}

describe('sortedDependencies', () => {
  const deps: Dependency[] = [
    { name: 'roles/guest', type: 'PAN', location: 'file:/site/templates/' },
    { name: 'roles', type: 'PAN', location: 'file:/site/templates/' },
    { name: 'roles/guest', type: 'ABSENT_SOURCE', location: '' },
    { name: 'roles/guest', type: 'PAN', location: 'file:/other/' },
    { name: 'roles-extra', type: 'TEXT', location: 'file:/site/templates/' },
    { name: 'Roles', type: 'TPL', location: 'file:/site/profiles/' },
    { name: 'vm00001.example.org', type: 'PAN', location: 'file:/site/profiles/' },
  ];

  it('orders by name, then type, then location', () => {
    const sorted = sortedDependencies(byKey(deps));
    expect(sorted).toEqual(fieldOrder(deps));
    expect(sorted.map((d) => d.name)).toEqual(['Roles', 'roles', 'roles-extra', 'roles/guest', 'roles/guest', 'roles/guest', 'vm00001.example.org']);
  });

  it('returns the entries of the map themselves', () => {
    const map = byKey(deps);
    const sorted = sortedDependencies(map);
    expect(new Set(sorted)).toEqual(new Set(map.values()));
  });

  it('sorts names holding a NUL field by field', () => {
    const odd: Dependency[] = [
      { name: 'a\u0000A', type: 'ABSENT_SOURCE', location: '' },
      { name: 'a', type: 'TEXT', location: 'file:/x/' },
      { name: 'a', type: 'PAN', location: 'file:/x/' },
    ];
    expect(sortedDependencies(byKey(odd))).toEqual(fieldOrder(odd));
  });

  it('gives an empty list for no dependencies', () => {
    expect(sortedDependencies(new Map())).toEqual([]);
  });
});
