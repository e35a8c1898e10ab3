/** PF413 duplicate guest UUID. */
import { lineOf, locations } from '../site/helpers.js';
import { onCleanSites, ruleCase } from './helpers.js';

describe('PF413 duplicate guest UUID', () => {
  test('compares UUIDs without case and names both guests', async () => {
    const { found, allCodes } = await ruleCase('duplicate-uuid', 'PF413');
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toBe(
      'guest UUID 6f1c2b3a-0c4d-4e5f-8a9b-0c1d2e3f4a31 is used by ce01.example.org and wn01.example.org',
    );
    expect(found[0]!.path).toBe('/virtual/guest/uuid');
    expect(locations(found[0]!)).toEqual([
      lineOf('fixtures/sites/base/ce01.example.org.pan', '/virtual/guest/uuid'),
      lineOf('fixtures/sites/duplicate-uuid/wn01.example.org.pan', '/virtual/guest/uuid'),
    ]);
    expect(allCodes).toEqual(['PF413']);
  });

  test('the example site and the clean fixture site have none', async () => {
    expect(await onCleanSites('PF413')).toEqual([]);
  });
});
