/**
 * PF422 kickstart URL not served by the install server. When CheckOptions.installServer is
 * set, every boot entry's kickstart URL (`kslocation`, and any `ks=` / `inst.ks=` token of
 * `append`) must lie under the server's base URL and end with `/ks/<fqdn>.ks`, the name the
 * kickstart file is published under.
 */
import type { Machine, Site } from '../site/model.js';
import { PXELINUX } from '../site/paths.js';
import { tokenValues, underBase } from './install-server.js';
import { allMachines, nameOf, report, siteCheck } from './support.js';

export const kickstartUrl = siteCheck('PF422', (site, options) => {
  const server = options.installServer;
  if (server === undefined) return [];
  return allMachines(site).flatMap((m) => (m.boot === undefined ? [] : unserved(site, m, server.baseUrl)));
});

function unserved(site: Site, m: Machine, baseUrl: string) {
  const boot = m.boot!;
  const urls = [
    { url: boot.kickstartUrl, path: `${PXELINUX}/kslocation` },
    ...tokenValues(boot.append, ['ks', 'inst.ks']).map((url) => ({ url, path: `${PXELINUX}/append` })),
  ];
  const suffix = `/ks/${m.fqdn}.ks`;
  return urls
    .filter(({ url }) => {
      const relative = underBase(url, baseUrl);
      return relative === undefined || !`/${relative}`.endsWith(suffix);
    })
    .map(({ url, path }) => {
      const message =
        `${nameOf(m)}: kickstart URL ${url} is not served by the install server ` +
        `(expected a URL under ${baseUrl} ending in ${suffix})`;
      return report(site, 'PF422', message, [{ ref: { object: m.object, path }, note: `kickstart URL of ${m.fqdn}` }], path);
    });
}
