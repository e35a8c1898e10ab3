/**
 * Which machines and Xen hosts each diagnostic of a run concerns (pure). Only structured fields
 * are used: the object templates a diagnostic names (`Diagnostic.objects`, set by the site model
 * and the site checks), else the objects that reported it (a compile diagnostic), else the
 * object templates whose files its primary and related spans are in. A guest's diagnostic is
 * shown with its Xen host; a plain machine's, or one no machine can be found for, site-wide.
 */
import { isGuest } from '../checks/support.js';
import { codeInfo } from '../diagnostics/codes.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Span } from '../diagnostics/span.js';
import type { Machine, Site } from '../site/model.js';
import type { ReportDiagnostic, ReportLocation } from './types.js';

/** How file names are shown and compared (e.g. relative to the site root). */
export type FileNamer = (file: string) => string;

/** Links diagnostics to the site's machines. */
export class DiagnosticLinker {
  private readonly byObject = new Map<string, Machine[]>();
  private readonly byFile = new Map<string, Machine[]>();
  private readonly hostOf = new Map<string, string>();

  constructor(
    site: Site,
    private readonly fileName: FileNamer,
    private readonly reportedBy?: ReadonlyMap<Diagnostic, readonly string[]>,
  ) {
    const hosts = new Map(site.hosts.map((h) => [h.fqdn.toLowerCase(), h.fqdn]));
    for (const m of [...site.hosts, ...site.guests, ...site.plain]) {
      push(this.byObject, m.object, m);
      if (m.file !== undefined) push(this.byFile, fileName(m.file), m);
      const host = m.role === 'xen-host' ? m.fqdn : isGuest(m) ? hosts.get(m.host.toLowerCase()) : undefined;
      if (host !== undefined) this.hostOf.set(m.fqdn, host);
    }
  }

  /** The report entry of diagnostic `d`, numbered `id`. */
  link(d: Diagnostic, id: number): ReportDiagnostic {
    const machines = [...new Set(this.machinesOf(d).map((m) => m.fqdn))].sort();
    const hosts = [...new Set(machines.map((fqdn) => this.hostOf.get(fqdn)).filter((h): h is string => h !== undefined))].sort();
    const entry: { -readonly [K in keyof ReportDiagnostic]: ReportDiagnostic[K] } = {
      id,
      code: d.code,
      severity: d.severity,
      title: codeInfo(d.code).title,
      message: d.message,
      related: (d.related ?? []).map((r) => ({ message: r.message, at: this.location(r.span) })),
      machines,
      hosts,
    };
    if (d.span !== undefined) entry.at = this.location(d.span);
    if (d.path !== undefined) entry.path = d.path;
    return entry;
  }

  private machinesOf(d: Diagnostic): Machine[] {
    const objects = d.objects ?? this.reportedBy?.get(d);
    if (objects !== undefined && objects.length > 0) return objects.flatMap((o) => this.byObject.get(o) ?? []);
    const spans = [...(d.span ? [d.span] : []), ...(d.related ?? []).map((r) => r.span)];
    return spans.flatMap((s) => this.byFile.get(this.fileName(s.file)) ?? []);
  }

  private location(span: Span): ReportLocation {
    return { file: this.fileName(span.file), line: span.line, col: span.col };
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}
