/** PF415 host memory over-committed. */
import { lineOf, locations } from '../site/helpers.js';
import { onCleanSites, ruleCase } from './helpers.js';

describe('PF415 host memory over-committed', () => {
  test('sums maxmem of every guest and the dom0 reserve; names the host and every guest', async () => {
    const { found, allCodes } = await ruleCase('memory-overcommit', 'PF415');
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toBe(
      'Xen host xen01.example.org needs 38912 MB of memory (dom0 4096 MB, ce01.example.org 2048 MB and ' +
        'wn01.example.org 32768 MB) but has 32768 MB of RAM',
    );
    expect(found[0]!.path).toBe('/hardware/ram');
    expect(locations(found[0]!)).toEqual([
      lineOf('fixtures/sites/common/site/xen_host.pan', "'/hardware/ram'"),
      lineOf('profiles/lib/panfab/schema/virtual.pan', "'dom0_memory'"),
      lineOf('fixtures/sites/common/site/guest.pan', "'memory' = 2048"),
      lineOf('fixtures/sites/memory-overcommit/wn01.example.org.pan', 'maxmem'),
    ]);
    expect(allCodes).toEqual(['PF415']);
  });

  test('the ratio option allows over-commit', async () => {
    const { found } = await ruleCase('memory-overcommit', 'PF415', { overcommitMemoryRatio: 1.5 });
    expect(found).toEqual([]);
    const tight = await ruleCase('base', 'PF415', { overcommitMemoryRatio: 0.2 });
    expect(tight.found.map((d) => d.message)).toEqual([
      'Xen host xen01.example.org needs 8192 MB of memory (dom0 4096 MB, ce01.example.org 2048 MB and ' +
        'wn01.example.org 2048 MB) but has 32768 MB of RAM × 0.2 = 6553.6 MB',
    ]);
  });

  test('the example site and the clean fixture site have none', async () => {
    expect(await onCleanSites('PF415')).toEqual([]);
  });
});
