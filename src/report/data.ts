/**
 * Builds the site report's data (pure): from the site model, the diagnostics of a run and,
 * optionally, what a deployed tree and the current build hold, the report's hosts with their
 * capacity and use (memory: RAM × the memory over-commit ratio against the dom0 reserve plus
 * every guest's maxmem, as the PF415 check counts it; vCPUs: cores × the vCPU ratio against the
 * dom0 vCPUs plus the guests'), their bridges and guests, plain machines, install states and
 * the diagnostics linked to the hosts they concern. Nothing here reads the clock or the disk.
 */
import { DEFAULT_MEMORY_RATIO } from '../checks/types.js';
import type { Diagnostic, Severity } from '../diagnostics/diagnostic.js';
import type { Guest, Host, Machine, Site } from '../site/model.js';
import { compareText } from '../site/order.js';
import { InstallStates, type DeployedFacts, type OwnedFile } from './install-state.js';
import { DiagnosticLinker, type FileNamer } from './link-diagnostics.js';
import {
  REPORT_FORMAT,
  type InstallState,
  type ReportBridge,
  type ReportData,
  type ReportDiagnostic,
  type ReportGuest,
  type ReportHost,
  type ReportMachine,
} from './types.js';

export type { DeployedFacts, OwnedFile } from './install-state.js';

/** What the report is built from. */
export interface ReportInput {
  readonly site: Site;
  /** Every diagnostic of the run, in the order to show them. */
  readonly diagnostics: readonly Diagnostic[];
  /** Objects that reported each compile diagnostic (the pipeline's `reportedBy`). */
  readonly reportedBy?: ReadonlyMap<Diagnostic, readonly string[]>;
  /** The deployed tree's manifest and state; without it every install state is `unknown`. */
  readonly deployed?: DeployedFacts;
  /** The files the current build generates; without it the manifest alone says what is installed. */
  readonly generated?: ReadonlyMap<string, OwnedFile>;
  /** How to show source file names (default: as they are). */
  readonly fileName?: FileNamer;
  /** Memory over-commit ratio of the site checks (default 1.0). */
  readonly memoryRatio?: number;
  /** vCPU over-commit ratio of the site checks (default: each host's vcpu_ratio). */
  readonly vcpuRatio?: number;
  /** Page title (default `Site report`). */
  readonly title?: string;
}

/** Builds the report's data. */
export function buildReportData(input: ReportInput): ReportData {
  const { site } = input;
  const linker = new DiagnosticLinker(site, input.fileName ?? ((f) => f), input.reportedBy);
  const diagnostics = input.diagnostics.map((d, i) => linker.link(d, i));
  const concern = group(diagnostics, (d) => d.machines);
  const shownWith = group(diagnostics, (d) => d.hosts);
  const installs = new InstallStates(input.deployed, input.generated);
  const ids = (fqdn: string): number[] => concern.get(fqdn) ?? [];
  const guest = (g: Guest): ReportGuest => reportGuest(g, installs, ids(g.fqdn));

  const guestsOf = groupGuests(site);
  const hosts = site.hosts.map((h) => {
    const guests = (guestsOf.get(h.fqdn.toLowerCase()) ?? []).map(guest);
    return reportHost(h, guests, input, installs.of(h.fqdn), shownWith.get(h.fqdn) ?? []);
  });
  const placed = new Set(site.hosts.map((h) => h.fqdn.toLowerCase()));
  const unplaced = site.guests.filter((g) => !placed.has(g.host.toLowerCase())).map(guest);
  const plain = site.plain.map((m) => reportMachine(m, installs, ids(m.fqdn)));
  const data: { -readonly [K in keyof ReportData]: ReportData[K] } = {
    format: REPORT_FORMAT,
    title: input.title ?? 'Site report',
    summary: summarise(hosts, unplaced, plain, diagnostics),
    hosts,
    unplaced,
    plain,
    diagnostics,
  };
  if (input.deployed !== undefined) {
    data.deployment = { source: input.deployed.source, ...(input.deployed.generator !== undefined ? { generator: input.deployed.generator } : {}) };
  }
  return data;
}

/** Guests by the lower-case FQDN of the host they name, each list in the model's (FQDN) order. */
function groupGuests(site: Site): Map<string, Guest[]> {
  const out = new Map<string, Guest[]>();
  for (const g of site.guests) {
    const key = g.host.toLowerCase();
    const list = out.get(key);
    if (list === undefined) out.set(key, [g]);
    else list.push(g);
  }
  return out;
}

/** Diagnostic ids by each FQDN `keys` names. */
function group(diagnostics: readonly ReportDiagnostic[], keys: (d: ReportDiagnostic) => readonly string[]): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const d of diagnostics) {
    for (const fqdn of keys(d)) {
      const list = out.get(fqdn);
      if (list === undefined) out.set(fqdn, [d.id]);
      else list.push(d.id);
    }
  }
  return out;
}

function reportHost(h: Host, guests: readonly ReportGuest[], input: ReportInput, install: ReportHost['install'], diagnostics: number[]): ReportHost {
  const memGuests = guests.reduce((sum, g) => sum + g.maxmemMb, 0);
  const cpuGuests = guests.reduce((sum, g) => sum + g.vcpus, 0);
  const memCapacity = h.ramMb * (input.memoryRatio ?? DEFAULT_MEMORY_RATIO);
  const cpuCapacity = h.cpuCores * (input.vcpuRatio ?? h.vcpuRatio);
  const host: { -readonly [K in keyof ReportHost]: ReportHost[K] } = {
    fqdn: h.fqdn,
    object: h.object,
    cpuCores: h.cpuCores,
    ramMb: h.ramMb,
    vcpuRatio: h.vcpuRatio,
    memory: { capacity: memCapacity, dom0: h.dom0MemoryMb, guests: memGuests, used: h.dom0MemoryMb + memGuests },
    vcpus: { capacity: cpuCapacity, dom0: h.dom0Vcpus, guests: cpuGuests, used: h.dom0Vcpus + cpuGuests },
    bridges: bridgesOf(h, guests),
    storage: h.storage.map((p) => ({ name: p.name, type: p.type, source: p.source })),
    guests,
    install,
    diagnostics,
  };
  if (h.file !== undefined) host.file = (input.fileName ?? ((f: string) => f))(h.file);
  if (h.maxGuests !== undefined) host.maxGuests = h.maxGuests;
  return host;
}

/** The host's declared bridges, then bridges only its guests name, each with its guests. */
function bridgesOf(h: Host, guests: readonly ReportGuest[]): ReportBridge[] {
  const attached = new Map<string, string[]>(h.bridges.map((b) => [b, []]));
  for (const g of guests) {
    for (const b of g.bridges) {
      const list = attached.get(b);
      if (list === undefined) attached.set(b, [g.fqdn]);
      else list.push(g.fqdn);
    }
  }
  const declared = new Set(h.bridges);
  return [...attached.entries()]
    .sort(([a], [b]) => Number(!declared.has(a)) - Number(!declared.has(b)) || compareText(a, b))
    .map(([name, list]) => ({ name, declared: declared.has(name), guests: list }));
}

function reportGuest(g: Guest, installs: InstallStates, diagnostics: number[]): ReportGuest {
  const ipOf = new Map(g.nics.map((n) => [n.device, n.ip]));
  return {
    fqdn: g.fqdn,
    object: g.object,
    host: g.host,
    type: g.type,
    bootMode: g.bootMode,
    memoryMb: g.memoryMb,
    maxmemMb: g.maxmemMb,
    vcpus: g.vcpus,
    bridges: [...new Set(g.vifs.map((v) => v.bridge))].sort(compareText),
    vifs: g.vifs.map((v) => withOptional({ device: v.device, bridge: v.bridge }, { mac: v.mac, ip: ipOf.get(v.device) })),
    disks: g.disks.map((d) => withOptional({ vdev: d.vdev, sizeGb: d.sizeGb, pool: d.pool, volume: d.volume, format: d.format, access: d.access }, { target: d.target })),
    services: g.services.map((s) => s.name),
    install: installs.of(g.fqdn),
    diagnostics,
  };
}

function reportMachine(m: Machine, installs: InstallStates, diagnostics: number[]): ReportMachine {
  return { fqdn: m.fqdn, object: m.object, cpuCores: m.cpuCores, ramMb: m.ramMb, services: m.services.map((s) => s.name), install: installs.of(m.fqdn), diagnostics };
}

/** `base` with the defined values of `optional` added. */
function withOptional<T extends Record<string, unknown>, O extends Record<string, string | undefined>>(base: T, optional: O): T & Partial<Record<keyof O, string>> {
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [k, v] of Object.entries(optional)) if (v !== undefined) out[k] = v;
  return out as T & Partial<Record<keyof O, string>>;
}

function summarise(hosts: readonly ReportHost[], unplaced: readonly ReportGuest[], plain: readonly ReportMachine[], diagnostics: readonly ReportDiagnostic[]): ReportData['summary'] {
  const bySeverity: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const d of diagnostics) bySeverity[d.severity]++;
  const guests = [...hosts.flatMap((h) => h.guests), ...unplaced];
  const sum = (f: (h: ReportHost) => number): number => hosts.reduce((s, h) => s + f(h), 0);
  return {
    hosts: hosts.length,
    guests: guests.length,
    unplaced: unplaced.length,
    plain: plain.length,
    memoryMb: { capacity: sum((h) => h.memory.capacity), used: sum((h) => h.memory.used) },
    vcpus: { capacity: sum((h) => h.vcpus.capacity), used: sum((h) => h.vcpus.used) },
    diagnostics: bySeverity,
    install: countInstalls(guests),
  };
}

/**
 * The same report with install states recomputed from another deployed tree (the install
 * server does this with the tree it serves and the report data the build put there).
 */
export function withInstallStates(data: ReportData, deployed: DeployedFacts, generated?: ReadonlyMap<string, OwnedFile>): ReportData {
  const installs = new InstallStates(deployed, generated);
  const guest = (g: ReportGuest): ReportGuest => ({ ...g, install: installs.of(g.fqdn) });
  const hosts = data.hosts.map((h) => ({ ...h, install: installs.of(h.fqdn), guests: h.guests.map(guest) }));
  const unplaced = data.unplaced.map(guest);
  const plain = data.plain.map((m) => ({ ...m, install: installs.of(m.fqdn) }));
  const install = countInstalls([...hosts.flatMap((h) => h.guests), ...unplaced]);
  const deployment = { source: deployed.source, ...(deployed.generator !== undefined ? { generator: deployed.generator } : {}) };
  return { ...data, summary: { ...data.summary, install }, hosts, unplaced, plain, deployment };
}

function countInstalls(guests: readonly ReportGuest[]): Record<InstallState, number> {
  const counts: Record<InstallState, number> = { deployed: 0, pending: 0, unknown: 0 };
  for (const g of guests) counts[g.install.state]++;
  return counts;
}
