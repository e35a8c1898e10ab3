/**
 * PF413 duplicate guest UUID: two guests with the same domain UUID (compared without case).
 * Xen refuses to start a domain whose UUID is already in use, and tools that track domains
 * by UUID mix the two up.
 */
import { VIRTUAL_GUEST } from '../site/paths.js';
import { duplicates, listNames, nameOf, report, siteCheck } from './support.js';

const UUID_PATH = `${VIRTUAL_GUEST}/uuid`;

export const duplicateUuid = siteCheck('PF413', (site) =>
  duplicates(site.guests, (g) => g.uuid).map(({ key, items }) => {
    const sides = items.map((g) => ({ ref: { object: g.object, path: UUID_PATH }, note: `UUID of guest ${g.fqdn}` }));
    return report(site, 'PF413', `guest UUID ${key} is used by ${listNames(items.map(nameOf))}`, sides, UUID_PATH);
  }),
);
