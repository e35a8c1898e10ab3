/** PF423 boot file not served by the install server. */
import { lineOf, locations } from '../site/helpers.js';
import { INSTALL_SERVER } from '../site/helpers.js';
import { onCleanSites, ruleCase } from './helpers.js';

describe('PF423 boot file not served by the install server', () => {
  test('a kernel the server does not carry', async () => {
    const { found, allCodes } = await ruleCase('boot-files', 'PF423');
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toBe(
      'kernel el8/vmlinuz is not among the boot files the install server at http://install.example.org serves; it boots wn10.example.org',
    );
    expect(found[0]!.path).toBe('/system/aii/nbp/pxelinux/kernel');
    expect(locations(found[0]!)).toEqual([lineOf('fixtures/sites/boot-files/wn10.example.org.pan', 'el8/vmlinuz')]);
    expect(allCodes).toEqual(['PF423']);
  });

  test('one diagnostic per missing file names every machine that boots it, once per template line', async () => {
    const { found } = await ruleCase('base', 'PF423', { installServer: { ...INSTALL_SERVER, bootFiles: ['el9/vmlinuz'] } });
    expect(found.map((d) => d.message)).toEqual([
      'initrd el9/initrd.img is not among the boot files the install server at http://install.example.org serves; ' +
        'it boots ce01.example.org, wn01.example.org, wn10.example.org and xen01.example.org',
    ]);
    expect(locations(found[0]!)).toEqual([lineOf('fixtures/sites/common/site/base.pan', "'initrd'")]);
  });

  test('boot files listed as URLs under the base URL count by their path', async () => {
    const bootFiles = ['http://install.example.org/el9/vmlinuz', '/el9/initrd.img'];
    const { found } = await ruleCase('base', 'PF423', { installServer: { ...INSTALL_SERVER, bootFiles } });
    expect(found).toEqual([]);
  });

  test('the example site and the clean fixture site have none', async () => {
    expect(await onCleanSites('PF423')).toEqual([]);
  });
});
