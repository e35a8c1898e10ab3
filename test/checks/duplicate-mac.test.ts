/** PF412 duplicate MAC address. */
import { lineOf, locations } from '../site/helpers.js';
import { onCleanSites, ruleCase } from './helpers.js';

describe('PF412 duplicate MAC address', () => {
  test('compares normalised MACs across two files and names both lines', async () => {
    const { found, allCodes } = await ruleCase('duplicate-mac', 'PF412');
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toBe('MAC address 00:16:3e:00:00:31 is used by ce01.example.org eth0 and wn01.example.org eth0');
    expect(found[0]!.path).toBe('/hardware/cards/nic/eth0/hwaddr');
    expect(locations(found[0]!)).toEqual([
      lineOf('fixtures/sites/base/ce01.example.org.pan', '00:16:3e:00:00:31'),
      lineOf('fixtures/sites/duplicate-mac/wn01.example.org.pan', '00:16:3E:00:00:31'),
    ]);
    expect(allCodes).toEqual(['PF412', 'PF424']);
  });

  test('the example site and the clean fixture site have none', async () => {
    expect(await onCleanSites('PF412')).toEqual([]);
  });
});
