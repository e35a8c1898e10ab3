/** PF410 duplicate FQDN. */
import { lineOf, locations } from '../site/helpers.js';
import { onCleanSites, ruleCase } from './helpers.js';

describe('PF410 duplicate FQDN', () => {
  test('names both profiles and the lines that set their hostnames', async () => {
    const { found, allCodes } = await ruleCase('duplicate-fqdn', 'PF410');
    expect(found).toHaveLength(1);
    expect(found[0]!.severity).toBe('error');
    expect(found[0]!.message).toBe('FQDN ce01.example.org is declared by 2 profiles: ce01.example.org and ce02.example.org');
    expect(found[0]!.path).toBe('/system/network/hostname');
    expect(locations(found[0]!)).toEqual([
      lineOf('fixtures/sites/common/site/base.pan', "'hostname' ="),
      lineOf('fixtures/sites/duplicate-fqdn/ce02.example.org.pan', "'/system/network/hostname'"),
    ]);
    expect(found[0]!.related!.map((r) => r.message)).toEqual(['ce02.example.org sets hostname ce01 (domain example.org)']);
    // The copy also publishes its kickstart file under its object name, not its FQDN.
    expect(allCodes).toEqual(['PF410', 'PF422']);
  });

  test('the example site and the clean fixture site have none', async () => {
    expect(await onCleanSites('PF410')).toEqual([]);
  });
});
