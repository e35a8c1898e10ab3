/**
 * Xen's own xl parser (`xl -N create` from xen-utils-4.17, run under the preload shim) on every
 * xl domain config generated for the example site: the file must parse with no warning at all,
 * and the domain config xl prints must agree with the site model. Broken samples prove that the
 * harness reports both parse errors and the warnings xl prints with exit status 0.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Guest } from '../../src/site/model.js';
import { xlDomain, xlDryRun, xlProblems, type XlDomain } from './run-tools.js';
import { generateExampleSite, type GeneratedArtifact, type GeneratedSite } from './site-artifacts.js';
import { describeWithValidators } from './validators.js';

/** A valid PV domain config; each broken sample below changes one line of it. */
const VALID_SAMPLE = [
  'name = "sample"',
  'type = "pv"',
  'memory = 1024',
  'kernel = "/boot/vmlinuz"',
  'disk = [ "format=raw, vdev=xvda, access=rw, target=/dev/vg0/sample" ]',
  'vif = [ "mac=00:16:3e:00:00:01,bridge=xenbr0" ]',
  '',
].join('\n');

/** One-line changes xl must report, and a fragment of what it prints on stderr. */
const BROKEN_SAMPLES: readonly { name: string; from: string; to: string; stderr: string; exitsZero: boolean }[] = [
  { name: 'an upper-case key', from: 'memory =', to: 'Memory =', stderr: 'lexical error', exitsZero: false },
  { name: 'an unquoted word', from: '"/boot/vmlinuz"', to: 'vmlinuz', stderr: 'syntax error', exitsZero: false },
  { name: 'an unknown domain type', from: '"pv"', to: '"pvm"', stderr: 'Invalid domain type', exitsZero: false },
  { name: 'a disk without vdev', from: 'vdev=xvda, ', to: '', stderr: 'vdev', exitsZero: false },
  { name: 'an invalid vif MAC', from: 'mac=00:16:3e:00:00:01', to: 'mac=00:16:3e:00:00:zz', stderr: "Invalid parameter `mac'", exitsZero: true },
  { name: 'an unknown vif key', from: 'bridge=xenbr0', to: 'bridge=xenbr0,colour=blue', stderr: "unrecognized argument `colour=blue'", exitsZero: true },
];

/** What the site model says xl should print for a guest. */
function expectedDomain(guest: Guest) {
  return {
    name: guest.hostname,
    type: guest.type,
    uuid: guest.uuid,
    targetMemKb: guest.memoryMb * 1024,
    maxMemKb: guest.maxmemMb * 1024,
    vcpus: guest.vcpus,
    nics: guest.vifs.map((vif) => ({ mac: vif.mac, bridge: vif.bridge })),
    disks: guest.disks.map((disk) => ({ target: disk.target, vdev: disk.vdev, format: disk.format })),
  };
}

/** The same fields, read from xl's JSON. */
function parsedDomain(domain: XlDomain) {
  return {
    name: domain.c_info.name,
    type: domain.c_info.type,
    uuid: domain.c_info.uuid,
    targetMemKb: domain.b_info.target_memkb,
    maxMemKb: domain.b_info.max_memkb,
    vcpus: domain.b_info.max_vcpus,
    nics: (domain.nics ?? []).map((nic) => ({ mac: nic.mac, bridge: nic.bridge })),
    disks: (domain.disks ?? []).map((disk) => ({ target: disk.pdev_path, vdev: disk.vdev, format: disk.format })),
  };
}

describeWithValidators('xl domain configs pass xl -N create', ['XL', 'XL_SHIM'], (tools) => {
  let generated: GeneratedSite;
  let scratch: string;
  beforeAll(async () => {
    scratch = mkdtempSync(path.join(tmpdir(), 'panfab-xl-'));
    generated = await generateExampleSite(path.join(scratch, 'site'));
  });
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  const xlConfigs = () => generated.artifacts.filter((artifact) => artifact.kind === 'xl');
  const guestOf = (artifact: GeneratedArtifact) => generated.site.guests.find((guest) => guest.fqdn === artifact.owner);

  test('the example site has an xl config for every guest', () => {
    const owners = xlConfigs().map((artifact) => artifact.owner);
    expect(new Set(owners)).toEqual(new Set(generated.site.guests.map((guest) => guest.fqdn)));
  });

  test('every generated xl config parses without any warning', () => {
    const rejected = xlConfigs()
      .map((artifact) => {
        const file = path.join(generated.dir, artifact.path);
        return { path: artifact.path, problems: xlProblems(xlDryRun(tools, file), file) };
      })
      .filter((verdict) => verdict.problems.length > 0);
    expect(rejected).toEqual([]);
  });

  test('the domain xl builds from each config matches the site model', () => {
    for (const artifact of xlConfigs()) {
      const guest = guestOf(artifact);
      expect({ path: artifact.path, guest: guest?.fqdn }).toEqual({ path: artifact.path, guest: artifact.owner });
      const run = xlDryRun(tools, path.join(generated.dir, artifact.path));
      expect({ path: artifact.path, ...parsedDomain(xlDomain(run)) }).toEqual({
        path: artifact.path,
        ...expectedDomain(guest as Guest),
      });
    }
  });

  test('a generated config with an unknown vif key appended fails on the warning alone', () => {
    const [first] = xlConfigs();
    const file = path.join(scratch, 'appended-vif.cfg');
    writeFileSync(file, `${first.content}vif = [ "bridge=xenbr0,colour=blue" ]\n`);
    const result = xlDryRun(tools, file);
    expect(result.status).toBe(0);
    expect(xlProblems(result, file)).toEqual([`stderr: Parsing config from ${file}\nunrecognized argument \`colour=blue'`]);
  });

  test('the valid sample parses cleanly', () => {
    const file = path.join(scratch, 'valid.cfg');
    writeFileSync(file, VALID_SAMPLE);
    expect(xlProblems(xlDryRun(tools, file), file)).toEqual([]);
  });

  test.each(BROKEN_SAMPLES)('a sample with $name is reported', ({ from, to, stderr, exitsZero }) => {
    const file = path.join(scratch, 'broken.cfg');
    expect(VALID_SAMPLE).toContain(from);
    writeFileSync(file, VALID_SAMPLE.replace(from, to));
    const result = xlDryRun(tools, file);
    expect(result.status === 0).toBe(exitsZero);
    expect(result.stderr).toContain(stderr);
    expect(xlProblems(result, file)).not.toEqual([]);
  });
});
