/** PF417 host runs more guests than max_guests. */
import { lineOf, locations } from '../site/helpers.js';
import { onCleanSites, ruleCase } from './helpers.js';

describe('PF417 host runs more guests than max_guests', () => {
  test('names the limit and every guest that names the host', async () => {
    const { found, allCodes } = await ruleCase('max-guests', 'PF417');
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toBe(
      'Xen host xen01.example.org allows at most 1 guest but 2 name it: ce01.example.org and wn01.example.org',
    );
    expect(found[0]!.path).toBe('/virtual/host/max_guests');
    const guestHostLine = lineOf('fixtures/sites/common/site/guest.pan', "'host' =");
    expect(locations(found[0]!)).toEqual([
      lineOf('fixtures/sites/max-guests/xen01.example.org.pan', 'max_guests'),
      guestHostLine,
      guestHostLine,
    ]);
    expect(found[0]!.related!.map((r) => r.message)).toEqual([
      'ce01.example.org runs on xen01.example.org',
      'wn01.example.org runs on xen01.example.org',
    ]);
    expect(allCodes).toEqual(['PF417']);
  });

  test('the example site and the clean fixture site have none', async () => {
    expect(await onCleanSites('PF417')).toEqual([]);
  });
});
