/** PF421 address outside its network. */
import { lineOf, locations } from '../site/helpers.js';
import { onCleanSites, ruleCase } from './helpers.js';

describe('PF421 address outside its network', () => {
  test('a default gateway outside every interface network', async () => {
    const { found, allCodes } = await ruleCase('gateway-outside', 'PF421');
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toBe(
      'wn10.example.org: default gateway 198.51.100.1 is outside the networks of all its interfaces (eth0 192.0.2.0/24)',
    );
    expect(found[0]!.path).toBe('/system/network/default_gateway');
    expect(locations(found[0]!)).toEqual([
      lineOf('fixtures/sites/gateway-outside/wn10.example.org.pan', 'default_gateway'),
      lineOf('fixtures/sites/gateway-outside/wn10.example.org.pan', "'192.0.2.60'"),
    ]);
    expect(allCodes).toEqual(['PF421']);
  });

  test("a guest interface outside the network of its host's bridge", async () => {
    const { found, allCodes } = await ruleCase('guest-outside-bridge', 'PF421');
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toBe(
      'guest wn01.example.org eth0 192.0.3.41/16 is outside the network 192.0.2.0/24 of bridge xenbr0 on Xen host xen01.example.org',
    );
    expect(found[0]!.path).toBe('/system/network/interfaces/eth0/ip');
    expect(locations(found[0]!)).toEqual([
      lineOf('fixtures/sites/guest-outside-bridge/wn01.example.org.pan', "'192.0.3.41'"),
      lineOf('fixtures/sites/common/site/guest.pan', "'nics'"),
      lineOf('fixtures/sites/base/xen01.example.org.pan', 'xenbr0/ip'),
    ]);
    expect(allCodes).toEqual(['PF421']);
  });

  test('the example site (with a guest on the private /16 bridge) and the clean fixture site have none', async () => {
    expect(await onCleanSites('PF421')).toEqual([]);
  });
});
