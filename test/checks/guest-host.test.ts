/** PF414 guest host is not a Xen host. */
import { lineOf, locations } from '../site/helpers.js';
import { onCleanSites, ruleCase } from './helpers.js';

describe('PF414 guest host is not a Xen host', () => {
  test('a host FQDN that no profile declares', async () => {
    const { found, allCodes } = await ruleCase('missing-host', 'PF414');
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toBe('guest wn01.example.org runs on xen09.example.org, but no profile in the site has that FQDN');
    expect(found[0]!.path).toBe('/virtual/guest/host');
    expect(locations(found[0]!)).toEqual([lineOf('fixtures/sites/missing-host/wn01.example.org.pan', 'xen09.example.org')]);
    expect(allCodes).toEqual(['PF414']);
  });

  test('a plain machine: names the guest line and the line that declares the machine', async () => {
    const { found, allCodes } = await ruleCase('host-not-xen', 'PF414');
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toBe(
      'guest wn01.example.org runs on wn10.example.org, which is a plain machine, not a Xen host (no /virtual/host)',
    );
    expect(locations(found[0]!)).toEqual([
      lineOf('fixtures/sites/host-not-xen/wn01.example.org.pan', 'wn10.example.org'),
      lineOf('fixtures/sites/common/site/base.pan', "'hostname' ="),
    ]);
    expect(allCodes).toEqual(['PF414']);
  });

  test('another guest', async () => {
    const { found } = await ruleCase('host-is-guest', 'PF414');
    expect(found.map((d) => d.message)).toEqual([
      'guest wn01.example.org runs on ce01.example.org, which is a guest, not a Xen host (no /virtual/host)',
    ]);
    expect(locations(found[0]!)).toEqual([
      lineOf('fixtures/sites/host-is-guest/wn01.example.org.pan', "'ce01.example.org'"),
      lineOf('fixtures/sites/common/site/base.pan', "'hostname' ="),
    ]);
  });

  test('the example site and the clean fixture site have none', async () => {
    expect(await onCleanSites('PF414')).toEqual([]);
  });
});
