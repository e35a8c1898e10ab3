/** PF411 duplicate IP address. */
import { lineOf, locations } from '../site/helpers.js';
import { onCleanSites, ruleCase } from './helpers.js';

describe('PF411 duplicate IP address', () => {
  test('names both interfaces and the lines that set the address', async () => {
    const { found, allCodes } = await ruleCase('duplicate-ip', 'PF411');
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toBe('IP address 192.0.2.31 is assigned to ce01.example.org eth0 and wn01.example.org eth0');
    expect(found[0]!.path).toBe('/system/network/interfaces/eth0/ip');
    expect(locations(found[0]!)).toEqual([
      lineOf('fixtures/sites/base/ce01.example.org.pan', "'192.0.2.31'"),
      lineOf('fixtures/sites/duplicate-ip/wn01.example.org.pan', "'192.0.2.31'"),
    ]);
    // The hex-IP boot file name collides too.
    expect(allCodes).toEqual(['PF411', 'PF424']);
  });

  test('the example site and the clean fixture site have none', async () => {
    expect(await onCleanSites('PF411')).toEqual([]);
  });
});
