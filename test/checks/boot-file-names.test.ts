/** PF424 boot configuration file claimed twice. */
import { lineOf, locations } from '../site/helpers.js';
import { onCleanSites, ruleCase } from './helpers.js';

describe('PF424 boot configuration file claimed twice', () => {
  test('two boot NICs with one MAC claim the same pxelinux and GRUB files', async () => {
    const { found, allCodes } = await ruleCase('boot-file-names', 'PF424');
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toBe(
      'boot files pxelinux.cfg/01-a0-36-9f-00-00-01 and grub/grub.cfg-01-a0-36-9f-00-00-01 are claimed by ' +
        'wn10.example.org eth0 and xen01.example.org eth0',
    );
    expect(found[0]!.path).toBe('/hardware/cards/nic/eth0/hwaddr');
    expect(locations(found[0]!)).toEqual([
      lineOf('fixtures/sites/boot-file-names/wn10.example.org.pan', 'a0:36:9f:00:00:01'),
      lineOf('fixtures/sites/base/xen01.example.org.pan', 'a0:36:9f:00:00:01'),
    ]);
    expect(allCodes).toEqual(['PF412', 'PF424']);
  });

  test('two addresses claim the same hex-IP file names', async () => {
    const { found } = await ruleCase('duplicate-ip', 'PF424');
    expect(found.map((d) => d.message)).toEqual([
      'boot files pxelinux.cfg/C000021F and grub/grub.cfg-C000021F are claimed by ce01.example.org eth0 and wn01.example.org eth0',
    ]);
    expect(locations(found[0]!)).toEqual([
      lineOf('fixtures/sites/base/ce01.example.org.pan', "'192.0.2.31'"),
      lineOf('fixtures/sites/duplicate-ip/wn01.example.org.pan', "'192.0.2.31'"),
    ]);
  });

  test('the example site and the clean fixture site have none', async () => {
    expect(await onCleanSites('PF424')).toEqual([]);
  });
});
