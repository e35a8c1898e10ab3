/** PF419 disk backing used twice. */
import { lineOf, locations } from '../site/helpers.js';
import { onCleanSites, ruleCase } from './helpers.js';

describe('PF419 disk backing used twice', () => {
  test('names both disks by their computed LVM target', async () => {
    const { found, allCodes } = await ruleCase('disk-shared', 'PF419');
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toBe(
      '/dev/vg_guests/ce01-root on Xen host xen01.example.org backs 2 disks: ce01.example.org xvda and wn01.example.org xvdb',
    );
    expect(found[0]!.path).toBe('/virtual/guest/disks/0/volume');
    expect(locations(found[0]!)).toEqual([
      lineOf('fixtures/sites/base/ce01.example.org.pan', 'ce01-root'),
      lineOf('fixtures/sites/disk-shared/wn01.example.org.pan', 'ce01-root'),
    ]);
    expect(allCodes).toEqual(['PF419']);
  });

  test('the example site and the clean fixture site have none', async () => {
    expect(await onCleanSites('PF419')).toEqual([]);
  });
});
