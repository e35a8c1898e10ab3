/**
 * Renders the site report as one self-contained HTML page: inline style and script, no external
 * resource, the report data embedded as JSON (`<script type="application/json" id="report-data">`).
 * Each Xen host is a section with its memory and vCPU use against capacity as bars (dom0 reserve
 * and guests as separate segments, `role="meter"` with a text label), its bridges and attached
 * guests, its diagnostics and a table of its guests (inside `<details>`, collapsed on large sites
 * so the browser does not lay out thousands of rows up front). Host sections carry `data-*`
 * attributes with the numbers behind the bars. The output depends only on the data.
 */
import { counted, escapeHtml as esc, formatNumber as num, jsonForScript, percent } from './html-escape.js';
import { PAGE_SCRIPT, PAGE_STYLE } from './page-assets.js';
import type { ReportData, ReportDiagnostic, ReportGuest, ReportHost, ReportInstall, ReportMachine, ReportUsage } from './types.js';

/** Any value as escaped text (the data may come from a file on disk). */
function text(value: unknown): string {
  return esc(String(value));
}

export interface HtmlOptions {
  /** Guest tables start open when the site has at most this many guests (default 300). */
  readonly openGuestTablesUpTo?: number;
}

/** The report page. */
export function renderReportHtml(data: ReportData, options: HtmlOptions = {}): string {
  const open = data.summary.guests <= (options.openGuestTablesUpTo ?? 300);
  const diagnostics = data.diagnostics;
  const out: string[] = [
    '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n',
    `<title>${esc(data.title)}</title>\n<style>${PAGE_STYLE}</style>\n</head>\n<body>\n`,
    header(data),
    '<main>\n',
    hostsSection(data, diagnostics, open),
    unplacedSection(data.unplaced, diagnostics),
    plainSection(data.plain, diagnostics),
    diagnosticsSection(diagnostics),
    '</main>\n',
    `<script type="application/json" id="report-data">${jsonForScript(data)}</script>\n`,
    `<script>${PAGE_SCRIPT}</script>\n</body>\n</html>\n`,
  ];
  return out.join('');
}

function header(data: ReportData): string {
  const s = data.summary;
  const d = s.diagnostics;
  const facts = [
    counted(s.hosts, 'Xen host'),
    counted(s.guests, 'guest') + (s.unplaced > 0 ? ` (${num(s.unplaced)} on no Xen host)` : ''),
    counted(s.plain, 'other machine'),
    `memory ${percent(s.memoryMb.used, s.memoryMb.capacity)}% used (${num(s.memoryMb.used)} of ${num(s.memoryMb.capacity)} MB)`,
    `vCPUs ${percent(s.vcpus.used, s.vcpus.capacity)}% used (${num(s.vcpus.used)} of ${num(s.vcpus.capacity)})`,
    `${counted(d.error, 'error')}, ${counted(d.warning, 'warning')}, ${num(d.info)} info`,
  ];
  const dep = data.deployment;
  const install = dep === undefined
    ? 'Install states unknown: no deployed tree consulted.'
    : `Install states from ${esc(dep.source)}${dep.generator !== undefined ? ` (manifest written by ${esc(dep.generator)})` : ' (no deploy manifest)'}: ${num(s.install.deployed)} deployed, ${num(s.install.pending)} pending, ${num(s.install.unknown)} unknown.`;
  return [
    `<header>\n<h1>${esc(data.title)}</h1>\n`,
    `<p class="summary" id="summary">${facts.map(esc).join(' · ')}</p>\n<p class="summary">${install}</p>\n`,
    '<form class="search" role="search">\n<label for="search">Filter hosts and guests</label>\n',
    '<input id="search" type="search" autocomplete="off" spellcheck="false" placeholder="name, boot mode, bridge, MAC, IP, service…">\n',
    '<output id="search-status" for="search" aria-live="polite"></output>\n</form>\n</header>\n',
  ].join('');
}

function hostsSection(data: ReportData, diagnostics: readonly ReportDiagnostic[], open: boolean): string {
  const parts = [`<section id="hosts" aria-labelledby="hosts-title">\n<h2 id="hosts-title">Xen hosts (${num(data.hosts.length)})</h2>\n`];
  if (data.hosts.length === 0) parts.push('<p>The site has no Xen hosts.</p>\n');
  for (const h of data.hosts) parts.push(hostSection(h, diagnostics, open));
  parts.push('</section>\n');
  return parts.join('');
}

function hostSection(h: ReportHost, diagnostics: readonly ReportDiagnostic[], open: boolean): string {
  const id = `host-${h.fqdn}`;
  const attrs = [
    `data-host="${esc(h.fqdn)}"`,
    `data-guest-count="${h.guests.length}"`,
    `data-mem-used="${text(h.memory.used)}"`,
    `data-mem-capacity="${text(h.memory.capacity)}"`,
    `data-mem-dom0="${text(h.memory.dom0)}"`,
    `data-vcpu-used="${text(h.vcpus.used)}"`,
    `data-vcpu-capacity="${text(h.vcpus.capacity)}"`,
    `data-vcpu-dom0="${text(h.vcpus.dom0)}"`,
    `data-diagnostics="${h.diagnostics.length}"`,
  ].join(' ');
  const limit = h.maxGuests !== undefined ? `, at most ${num(h.maxGuests)} guests` : '';
  const pools = h.storage.map((p) => `${p.name} (${p.type} ${p.source})`).join(', ');
  const facts = `${num(h.cpuCores)} cores × vCPU ratio ${num(h.vcpuRatio)}, ${num(h.ramMb)} MB RAM${limit}${pools ? `; storage ${pools}` : ''}`;
  return [
    `<section class="host" id="${esc(id)}" aria-labelledby="${esc(id)}-title" ${attrs}>\n<div class="host-head">\n<div>`,
    `<h3 id="${esc(id)}-title">${esc(h.fqdn)}</h3>\n<div class="facts">${counted(h.guests.length, 'guest')} · ${esc(facts)}</div>\n`,
    `<div class="facts">install ${install(h.install)}${severityBadges(h.diagnostics, diagnostics)}</div></div>\n`,
    usage('Memory', 'memory', h.memory, 'MB', `${id}-mem`, 'guests may use (maxmem)'),
    usage('vCPUs', 'vcpus', h.vcpus, '', `${id}-cpu`, 'guest vCPUs'),
    '</div>\n',
    bridgeList(h),
    diagnosticList(h.diagnostics, diagnostics),
    guestTable(h, diagnostics, open),
    '</section>\n',
  ].join('');
}

/** A bar with the dom0 reserve and the guests' share of a capacity, and its text label. */
function usage(label: string, kind: string, u: ReportUsage, unit: string, id: string, guestsNote: string): string {
  const dom0 = u.capacity > 0 ? Math.min(100, (u.dom0 / u.capacity) * 100) : 100;
  const guests = u.capacity > 0 ? Math.min(100 - dom0, (u.guests / u.capacity) * 100) : 0;
  const over = u.used > u.capacity;
  const suffix = unit === '' ? '' : ` ${unit}`;
  const caption = `${label}: ${num(u.used)} of ${num(u.capacity)}${suffix} (${percent(u.used, u.capacity)}%) — dom0 ${num(u.dom0)}${suffix}, ${guestsNote} ${num(u.guests)}${suffix}`;
  const overNote = over ? ` <span class="over-note">over capacity by ${num(u.used - u.capacity)}${suffix}</span>` : '';
  return [
    `<div class="usage" data-usage="${kind}">`,
    `<div class="bar${over ? ' over' : ''}" role="meter" aria-valuemin="0" aria-valuemax="${text(u.capacity)}" aria-valuenow="${text(u.used)}" aria-labelledby="${esc(id)}">`,
    `<span class="dom0" style="width:${dom0.toFixed(2)}%"></span><span class="guests" style="width:${guests.toFixed(2)}%"></span></div>`,
    `<div class="label" id="${esc(id)}">${esc(caption)}${overNote}</div></div>\n`,
  ].join('');
}

function bridgeList(h: ReportHost): string {
  if (h.bridges.length === 0) return '<p class="facts">No bridges.</p>\n';
  const items = h.bridges.map((b) => {
    const note = b.declared ? '' : ' <span class="sev-error">(not declared on this host)</span>';
    const guests = b.guests.length === 0 ? 'no guests' : b.guests.map(esc).join(', ');
    return `<li data-bridge="${esc(b.name)}" data-bridge-guests="${b.guests.length}"><strong>${esc(b.name)}</strong>${note}: ${guests}</li>`;
  });
  return `<ul class="bridges" aria-label="Bridges of ${esc(h.fqdn)}">${items.join('')}</ul>\n`;
}

function diagnosticList(ids: readonly number[], all: readonly ReportDiagnostic[]): string {
  if (ids.length === 0) return '';
  const items = ids.map((id) => {
    const d = all[id]!;
    const firstLine = d.message.split('\n', 1)[0]!;
    return `<li class="sev-${text(d.severity)}" title="${esc(firstLine)}"><a href="#diag-${text(id)}">${esc(d.code)}</a> ${esc(d.severity)}: ${esc(firstLine)}</li>`;
  });
  return `<ul class="diags" aria-label="Diagnostics">${items.join('')}</ul>\n`;
}

function guestTable(h: ReportHost, diagnostics: readonly ReportDiagnostic[], open: boolean): string {
  if (h.guests.length === 0) return '<p class="facts">No guests.</p>\n';
  const rows = h.guests.map((g) => guestRow(g, diagnostics)).join('');
  return [
    `<details${open ? ' open data-open' : ''}><summary>Guests of ${esc(h.fqdn)} (${num(h.guests.length)})</summary>\n`,
    `<table><caption hidden>Guests of ${esc(h.fqdn)}</caption>${GUEST_HEAD}<tbody>${rows}</tbody></table>\n</details>\n`,
  ].join('');
}

const GUEST_HEAD =
  '<thead><tr><th scope="col">Guest</th><th scope="col">Type</th><th scope="col">Boot mode</th><th scope="col" class="num">Memory MB</th>' +
  '<th scope="col" class="num">vCPUs</th><th scope="col">Bridges</th><th scope="col">Disks</th><th scope="col">Addresses</th>' +
  '<th scope="col">Install</th><th scope="col">Diagnostics</th></tr></thead>';

/** A guest's table row; `hostCell` adds the host it names after its name (unplaced guests). */
function guestRow(g: ReportGuest, diagnostics: readonly ReportDiagnostic[], hostCell = false): string {
  const memory = g.maxmemMb === g.memoryMb ? num(g.memoryMb) : `${num(g.memoryMb)} (max ${num(g.maxmemMb)})`;
  const disks = g.disks.map((d) => `${d.vdev} ${num(d.sizeGb)} GB ${d.pool}`).join(', ');
  const addresses = g.vifs.map((v) => [v.ip, v.mac].filter((x) => x !== undefined).join(' ')).filter((x) => x !== '').join(', ');
  return (
    `<tr data-guest="${esc(g.fqdn)}"><th scope="row">${esc(g.fqdn)}</th>${hostCell ? `<td>${esc(g.host)}</td>` : ''}<td>${text(g.type)}</td><td>${esc(g.bootMode)}</td>` +
    `<td class="num">${memory}</td><td class="num">${num(g.vcpus)}</td><td>${esc(g.bridges.join(', '))}</td><td>${esc(disks)}</td>` +
    `<td>${esc(addresses)}</td><td>${install(g.install)}</td><td>${diagnosticLinks(g.diagnostics, diagnostics)}</td></tr>`
  );
}

function install(i: ReportInstall): string {
  return `<span class="badge st-${text(i.state)}" title="${esc(i.detail)}">${text(i.state)}</span>`;
}

function severityBadges(ids: readonly number[], all: readonly ReportDiagnostic[]): string {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const id of ids) counts[all[id]!.severity]++;
  const parts = (['error', 'warning', 'info'] as const).filter((s) => counts[s] > 0).map((s) => ` <span class="badge sev-${s}">${counted(counts[s], s, s === 'info' ? 'info' : `${s}s`)}</span>`);
  return parts.join('');
}

function diagnosticLinks(ids: readonly number[], all: readonly ReportDiagnostic[]): string {
  return ids.map((id) => `<a class="sev-${text(all[id]!.severity)}" href="#diag-${text(id)}">${esc(all[id]!.code)}</a>`).join(' ');
}

function unplacedSection(guests: readonly ReportGuest[], diagnostics: readonly ReportDiagnostic[]): string {
  if (guests.length === 0) return '';
  const rows = guests.map((g) => guestRow(g, diagnostics, true)).join('');
  const head = GUEST_HEAD.replace('<th scope="col">Type</th>', '<th scope="col">Names host</th><th scope="col">Type</th>');
  return [
    '<section id="unplaced" aria-labelledby="unplaced-title">\n',
    `<h2 id="unplaced-title">Guests on no Xen host of the site (${num(guests.length)})</h2>\n`,
    `<table id="unplaced-table">${head}<tbody>${rows}</tbody></table>\n</section>\n`,
  ].join('');
}

function plainSection(machines: readonly ReportMachine[], diagnostics: readonly ReportDiagnostic[]): string {
  if (machines.length === 0) return '';
  const rows = machines.map(
    (m) =>
      `<tr data-machine="${esc(m.fqdn)}"><th scope="row">${esc(m.fqdn)}</th><td class="num">${num(m.cpuCores)}</td><td class="num">${num(m.ramMb)}</td>` +
      `<td>${esc(m.services.join(', '))}</td><td>${install(m.install)}</td><td>${diagnosticLinks(m.diagnostics, diagnostics)}</td></tr>`,
  );
  return [
    '<section id="plain" aria-labelledby="plain-title">\n',
    `<h2 id="plain-title">Other machines (${num(machines.length)})</h2>\n`,
    '<table id="plain-table"><thead><tr><th scope="col">Machine</th><th scope="col" class="num">Cores</th><th scope="col" class="num">RAM MB</th>',
    `<th scope="col">Services</th><th scope="col">Install</th><th scope="col">Diagnostics</th></tr></thead><tbody>${rows.join('')}</tbody></table>\n</section>\n`,
  ].join('');
}

function diagnosticsSection(diagnostics: readonly ReportDiagnostic[]): string {
  const head = `<section id="diagnostics" aria-labelledby="diagnostics-title">\n<h2 id="diagnostics-title">Diagnostics (${num(diagnostics.length)})</h2>\n`;
  if (diagnostics.length === 0) return `${head}<p>No diagnostics.</p>\n</section>\n`;
  const rows = diagnostics.map((d) => {
    const at = d.at !== undefined ? `${d.at.file}:${text(d.at.line)}:${text(d.at.col)}` : '';
    const related = d.related.map((r) => `<br>${esc(r.at.file)}:${text(r.at.line)}: ${esc(r.message)}`).join('');
    const concerns = [...d.hosts.map((h) => `<a href="#host-${esc(h)}">${esc(h)}</a>`), ...d.machines.filter((m) => !d.hosts.includes(m)).map(esc)].join(', ');
    return (
      `<tr id="diag-${text(d.id)}" class="sev-${text(d.severity)}" data-code="${esc(d.code)}" data-hosts="${esc(d.hosts.join(' '))}"><td>${esc(d.severity)}</td>` +
      `<td><abbr title="${esc(d.title)}">${esc(d.code)}</abbr></td><td class="msg">${esc(d.message)}</td>` +
      `<td class="loc">${esc(at)}${related}</td><td>${concerns || 'site-wide'}</td></tr>`
    );
  });
  return [
    head,
    '<table><thead><tr><th scope="col">Severity</th><th scope="col">Code</th><th scope="col">Message</th><th scope="col">Where</th><th scope="col">Concerns</th></tr></thead>',
    `<tbody>${rows.join('')}</tbody></table>\n</section>\n`,
  ].join('');
}
