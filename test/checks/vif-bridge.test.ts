/** PF418 guest interface on a bridge its host lacks. */
import { lineOf, locations } from '../site/helpers.js';
import { onCleanSites, ruleCase } from './helpers.js';

describe('PF418 guest interface on a bridge its host lacks', () => {
  test("names the guest's interface line and the host's bridges line", async () => {
    const { found, allCodes } = await ruleCase('vif-bridge', 'PF418');
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toBe(
      'guest wn01.example.org interface eth1 is on bridge xenbr1, which Xen host xen01.example.org does not have (it has xenbr0)',
    );
    expect(found[0]!.path).toBe('/virtual/guest/nics/1/bridge');
    expect(locations(found[0]!)).toEqual([
      lineOf('fixtures/sites/vif-bridge/wn01.example.org.pan', 'xenbr1'),
      lineOf('fixtures/sites/common/site/xen_host.pan', "'bridges'"),
    ]);
    expect(allCodes).toEqual(['PF418']);
  });

  test('the example site and the clean fixture site have none', async () => {
    expect(await onCleanSites('PF418')).toEqual([]);
  });
});
