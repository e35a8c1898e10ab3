/**
 * Storage consistency of a kickstart (docs/artifacts.md §5.4): no mount point twice, every
 * `logvol --vgname` names a `volgroup`, every `volgroup` member is a partition (or RAID
 * device) the file defines — unless the volume group is reused (`--useexisting`/`--noformat`).
 */

/** One storage command with the line it is on. */
export interface StorageCommand {
  readonly command: string;
  readonly positional: readonly string[];
  readonly options: ReadonlyMap<string, string | true>;
  readonly line: number;
}

export interface StorageProblem {
  readonly code: 'PF526' | 'PF527' | 'PF528';
  readonly message: string;
  readonly line: number;
}

const MOUNTING = new Set(['part', 'partition', 'logvol', 'raid', 'btrfs']);

/** Checks the storage commands of one file. */
export function checkStorage(commands: readonly StorageCommand[]): StorageProblem[] {
  const problems: StorageProblem[] = [];
  const mounts = new Map<string, number>();
  const devices = new Set<string>();
  const groups = new Set<string>();
  for (const c of commands) {
    const first = c.positional[0];
    if (first === undefined) continue;
    if (MOUNTING.has(c.command)) {
      if (first.startsWith('/')) {
        const seen = mounts.get(first);
        if (seen !== undefined) problems.push({ code: 'PF526', message: `mount point ${first} is already used on line ${seen}`, line: c.line });
        else mounts.set(first, c.line);
      }
      if (c.command === 'part' || c.command === 'partition' || c.command === 'raid') devices.add(first);
    }
    if (c.command === 'mount' && c.positional[1] !== undefined) {
      const point = c.positional[1];
      const seen = mounts.get(point);
      if (seen !== undefined && point.startsWith('/')) problems.push({ code: 'PF526', message: `mount point ${point} is already used on line ${seen}`, line: c.line });
      else mounts.set(point, c.line);
    }
    if (c.command === 'volgroup') groups.add(first);
  }
  for (const c of commands) {
    if (c.command === 'volgroup') {
      const reused = c.options.has('--useexisting') || c.options.has('--noformat');
      for (const member of c.positional.slice(1)) {
        if (!reused && !devices.has(member)) {
          problems.push({ code: 'PF528', message: `volume group ${c.positional[0]} member ${member} is not defined by a part or raid line`, line: c.line });
        }
      }
    }
    if (c.command === 'logvol') {
      const vg = c.options.get('--vgname');
      if (typeof vg !== 'string') problems.push({ code: 'PF527', message: `logvol ${c.positional[0] ?? ''} has no --vgname`, line: c.line });
      else if (!groups.has(vg)) problems.push({ code: 'PF527', message: `logvol ${c.positional[0] ?? ''} names volume group ${vg}, which no volgroup line defines`, line: c.line });
    }
  }
  return problems;
}
