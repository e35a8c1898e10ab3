/** PF422 kickstart URL not served by the install server. */
import { lineOf, locations } from '../site/helpers.js';
import { onCleanSites, ruleCase } from './helpers.js';

describe('PF422 kickstart URL not served by the install server', () => {
  test('a URL on another server', async () => {
    const { found, allCodes } = await ruleCase('kickstart-url', 'PF422');
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toBe(
      'wn01.example.org: kickstart URL http://old-install.example.org/ks/wn01.example.org.ks is not served by the ' +
        'install server (expected a URL under http://install.example.org ending in /ks/wn01.example.org.ks)',
    );
    expect(found[0]!.path).toBe('/system/aii/nbp/pxelinux/kslocation');
    expect(locations(found[0]!)).toEqual([lineOf('fixtures/sites/kickstart-url/wn01.example.org.pan', 'kslocation')]);
    expect(allCodes).toEqual(['PF422']);
  });

  test('a base URL with a path: every URL must lie below it', async () => {
    const server = { baseUrl: 'http://install.example.org/site-a/' };
    const { found } = await ruleCase('base', 'PF422', { installServer: server });
    expect(found.map((d) => d.message.split(':')[0])).toEqual(['ce01.example.org', 'wn01.example.org', 'wn10.example.org', 'xen01.example.org']);
    expect(found.every((d) => locations(d)[0] === lineOf('fixtures/sites/common/site/base.pan', "'kslocation'"))).toBe(true);
  });

  test('nothing is checked without an install server', async () => {
    expect((await ruleCase('kickstart-url', 'PF422', { installServer: undefined })).found).toEqual([]);
  });

  test('the example site and the clean fixture site have none', async () => {
    expect(await onCleanSites('PF422')).toEqual([]);
  });
});
