/** PF416 host vCPUs over-committed. */
import { lineOf, locations } from '../site/helpers.js';
import { onCleanSites, ruleCase } from './helpers.js';

describe('PF416 host vCPUs over-committed', () => {
  test("uses the host's vcpu_ratio and names the host and every guest", async () => {
    const { found, allCodes } = await ruleCase('vcpu-overcommit', 'PF416');
    expect(found).toHaveLength(1);
    expect(found[0]!.severity).toBe('warning');
    expect(found[0]!.message).toBe(
      'Xen host xen01.example.org runs 19 vCPUs (dom0 2, ce01.example.org 1 and wn01.example.org 16), ' +
        'more than its 8 cores × 2 = 16',
    );
    expect(found[0]!.path).toBe('/hardware/cpu');
    expect(locations(found[0]!)).toEqual([
      lineOf('fixtures/sites/common/site/xen_host.pan', "'/hardware/cpu'"),
      lineOf('profiles/lib/panfab/schema/virtual.pan', "'vcpu_ratio'"),
      lineOf('profiles/lib/panfab/schema/virtual.pan', "'dom0_vcpus'"),
      lineOf('profiles/lib/panfab/schema/virtual.pan', "'vcpus'"),
      lineOf('fixtures/sites/vcpu-overcommit/wn01.example.org.pan', 'vcpus'),
    ]);
    expect(allCodes).toEqual(['PF416']);
  });

  test('the ratio option overrides the host ratio', async () => {
    expect((await ruleCase('vcpu-overcommit', 'PF416', { overcommitVcpuRatio: 3 })).found).toEqual([]);
    const strict = await ruleCase('base', 'PF416', { overcommitVcpuRatio: 0.25 });
    expect(strict.found.map((d) => d.message)).toEqual([
      'Xen host xen01.example.org runs 4 vCPUs (dom0 2, ce01.example.org 1 and wn01.example.org 1), more than its 8 cores × 0.25 = 2',
    ]);
  });

  test('the example site and the clean fixture site have none', async () => {
    expect(await onCleanSites('PF416')).toEqual([]);
  });
});
