/** PF420 guest disk on a storage pool its host lacks. */
import { lineOf, locations } from '../site/helpers.js';
import { onCleanSites, ruleCase } from './helpers.js';

describe('PF420 guest disk on a storage pool its host lacks', () => {
  test("names the guest's disk line and the host's storage line", async () => {
    const { found, allCodes } = await ruleCase('disk-pool', 'PF420');
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toBe(
      'guest wn01.example.org disk xvda is in storage pool ssd, which Xen host xen01.example.org does not have (it has guests)',
    );
    expect(found[0]!.path).toBe('/virtual/guest/disks/0/pool');
    expect(locations(found[0]!)).toEqual([
      lineOf('fixtures/sites/disk-pool/wn01.example.org.pan', "'ssd'"),
      lineOf('fixtures/sites/common/site/xen_host.pan', "'storage/guests'"),
    ]);
    expect(allCodes).toEqual(['PF420']);
  });

  test('the example site and the clean fixture site have none', async () => {
    expect(await onCleanSites('PF420')).toEqual([]);
  });
});
