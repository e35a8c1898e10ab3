/**
 * iPXE scripts (docs/artifacts.md §2.4), template `boot/ipxe`: a menu with the installation
 * entry as default and a local-boot entry, published as `ipxe/<fqdn>.ipxe`. Kernel and initrd
 * come over HTTP from the install server when its URL is known (`<base>/<tftp root>/<file>`),
 * else by TFTP from the DHCP next-server. `initrd=<image name>` lets EFI kernels find it.
 */
import type { BootEntry, Machine } from '../site/model.js';
import { kernelCommandLine } from './boot-entry.js';
import type { ArtifactRun } from './run.js';
import { bootFiles, fqdnValue } from './view.js';

/** Adds the iPXE script of a machine that installs by PXE. */
export function renderIpxe(run: ArtifactRun, m: Machine, entry: BootEntry, bootproto: 'static' | 'dhcp', fqdnName: string): void {
  if (!run.wants('ipxe')) return;
  const server = run.options.installServer;
  const base = server === undefined ? 'tftp://${next-server}' : [server, run.options.tftpRoot].filter((p) => p !== '').join('/');
  run.run({
    path: run.paths.ipxe(fqdnName),
    kind: 'ipxe',
    owner: m.fqdn,
    template: 'boot/ipxe',
    view: (issues) => {
      const line = kernelCommandLine(m, entry, 'ipxe', bootproto, issues);
      return line === undefined ? undefined : { fqdn: fqdnValue(m), ...bootFiles(entry), base, args: line.args };
    },
  });
}
