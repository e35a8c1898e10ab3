/**
 * PF423 boot file not served by the install server. When CheckOptions.installServer lists its
 * boot files, every boot entry's kernel and initrd (and any `initrd=` files in `append`) must
 * be among them. Files are compared relative to the TFTP root; a file given as a URL must lie
 * under the server's base URL and is compared by its path below it. One diagnostic per
 * missing file names every machine that boots it.
 */
import type { Machine } from '../site/model.js';
import { PXELINUX } from '../site/paths.js';
import { servedName, tokenValues } from './install-server.js';
import { allMachines, listNames, nameOf, report, siteCheck } from './support.js';

/** A file a machine's boot entry needs. */
interface Need {
  readonly what: 'kernel' | 'initrd';
  readonly file: string;
  readonly machine: Machine;
  readonly path: string;
}

export const bootFiles = siteCheck('PF423', (site, options) => {
  const server = options.installServer;
  if (server?.bootFiles === undefined) return [];
  const served = new Set(server.bootFiles.map((f) => servedName(f, server.baseUrl)));
  const missing = allMachines(site)
    .flatMap(needs)
    .filter((n) => {
      const name = servedName(n.file, server.baseUrl);
      return name === undefined || !served.has(name);
    });
  const byFile = new Map<string, Need[]>();
  for (const n of missing) byFile.set(`${n.what} ${n.file}`, [...(byFile.get(`${n.what} ${n.file}`) ?? []), n]);
  return [...byFile.entries()].map(([file, group]) => {
    const message =
      `${file} is not among the boot files the install server at ${server.baseUrl} serves; ` +
      `it boots ${listNames(group.map((n) => nameOf(n.machine)))}`;
    const sides = group.map((n) => ({ ref: { object: n.machine.object, path: n.path }, note: `${n.what} of ${n.machine.fqdn}` }));
    return report(site, 'PF423', message, sides, group[0]!.path, true);
  });
});

function needs(machine: Machine): Need[] {
  const boot = machine.boot;
  if (boot === undefined) return [];
  const appended = tokenValues(boot.append, ['initrd']).flatMap((list) => list.split(','));
  return [
    { what: 'kernel', file: boot.kernel, machine, path: `${PXELINUX}/kernel` },
    { what: 'initrd', file: boot.initrd, machine, path: `${PXELINUX}/initrd` },
    ...appended.map((file) => ({ what: 'initrd' as const, file, machine, path: `${PXELINUX}/append` })),
  ];
}
