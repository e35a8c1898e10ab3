/**
 * PF410 duplicate FQDN: two profiles declare the same hostname.domainname (compared without
 * case, as DNS does). Every artifact (kickstart file, boot entry, xl.cfg) is named by FQDN,
 * so one machine's files would overwrite the other's.
 */
import { HOSTNAME } from '../site/paths.js';
import { allMachines, duplicates, listNames, report, siteCheck } from './support.js';

export const duplicateFqdn = siteCheck('PF410', (site) =>
  duplicates(allMachines(site), (m) => m.fqdn.toLowerCase()).map(({ items }) => {
    const message = `FQDN ${items[0]!.fqdn} is declared by ${items.length} profiles: ${listNames(items.map((m) => m.object))}`;
    const sides = items.map((m) => ({
      ref: { object: m.object, path: HOSTNAME },
      note: `${m.object} sets hostname ${m.hostname} (domain ${m.domain})`,
    }));
    return report(site, 'PF410', message, sides, HOSTNAME);
  }),
);
