/**
 * Shared helpers of the site rules: defining a rule from its catalogue entry, naming machines
 * in messages, finding duplicates, resolving a guest's host, and turning the sides of a
 * problem into one diagnostic whose span is the first side and whose related spans are the
 * others (each the template line that set the value, from provenance).
 */
import { codeInfo, type DiagnosticCode } from '../diagnostics/codes.js';
import { diagnostic, type Diagnostic, type RelatedSpan } from '../diagnostics/diagnostic.js';
import type { Span } from '../diagnostics/span.js';
import type { Guest, Host, Machine, ModelRef, Site } from '../site/model.js';
import { byFqdn, compareText } from '../site/order.js';
import type { CheckOptions, SiteCheck } from './types.js';

/** A rule with the severity and title of its code in the catalogue. */
export function siteCheck(code: DiagnosticCode, run: (site: Site, options: CheckOptions) => Diagnostic[]): SiteCheck {
  const info = codeInfo(code);
  return { code, severity: info.severity, title: info.title, run };
}

/** One place involved in a problem: the model value and what it is, for the related-span message. */
export interface Side {
  readonly ref: ModelRef;
  readonly note: string;
}

/**
 * A diagnostic over several sides: the primary span is the first side that has an origin, and
 * every other side with an origin becomes a related span. With `distinctSpans`, sides whose
 * origin is the same statement as an earlier side's are left out (for one value shared by
 * many machines, e.g. a boot file set in one OS template). The diagnostic's `objects` are the
 * object templates of every side, located or not.
 */
export function report(
  site: Site,
  code: DiagnosticCode,
  message: string,
  sides: readonly Side[],
  path: string,
  distinctSpans = false,
): Diagnostic {
  const seen = new Set<string>();
  const located = sides
    .map((side) => ({ side, span: site.origin(side.ref) }))
    .filter((x): x is { side: Side; span: Span } => x.span !== undefined)
    .filter(({ span }) => {
      const key = `${span.file}\n${span.offset}`;
      if (distinctSpans && seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  const [first, ...others] = located;
  const related: RelatedSpan[] = others.map((o) => ({ message: o.side.note, span: o.span }));
  const objects = sides.map((side) => side.ref.object);
  return diagnostic(code, message, first?.span, { related, path, objects });
}

/** True for a guest (narrows the type). */
export function isGuest(m: Machine): m is Guest {
  return m.role === 'guest';
}

/** Every machine of the site (hosts, guests, plain), by FQDN. */
export function allMachines(site: Site): Machine[] {
  return [...site.hosts, ...site.guests, ...site.plain].sort(byFqdn);
}

/** A machine's name in messages: its FQDN, plus the object template when that differs. */
export function nameOf(m: Machine): string {
  return m.object === m.fqdn ? m.fqdn : `${m.fqdn} (object template ${m.object})`;
}

/** Joins names as `a`, `a and b`, `a, b and c`. */
export function listNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** Groups items by key and returns the groups with more than one item, ordered by key. */
export function duplicates<T>(items: readonly T[], key: (item: T) => string | undefined): Array<{ key: string; items: T[] }> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    if (k === undefined) continue;
    const group = groups.get(k);
    if (group === undefined) groups.set(k, [item]);
    else group.push(item);
  }
  return [...groups.entries()]
    .filter(([, group]) => group.length > 1)
    .sort(([a], [b]) => compareText(a, b))
    .map(([k, group]) => ({ key: k, items: group }));
}

/** Lookup tables of a site, built once per Site object and shared by every rule. */
interface SiteIndex {
  readonly hostByFqdn: ReadonlyMap<string, Host>;
  readonly guestsByHost: ReadonlyMap<string, Guest[]>;
}

const indexes = new WeakMap<Site, SiteIndex>();

function indexOf(site: Site): SiteIndex {
  let index = indexes.get(site);
  if (index === undefined) {
    const hostByFqdn = new Map<string, Host>();
    for (const h of site.hosts) {
      const fqdn = h.fqdn.toLowerCase();
      if (!hostByFqdn.has(fqdn)) hostByFqdn.set(fqdn, h);
    }
    const guestsByHost = new Map<string, Guest[]>();
    for (const g of site.guests) {
      const fqdn = g.host.toLowerCase();
      const list = guestsByHost.get(fqdn);
      if (list === undefined) guestsByHost.set(fqdn, [g]);
      else list.push(g);
    }
    index = { hostByFqdn, guestsByHost };
    indexes.set(site, index);
  }
  return index;
}

/** The Xen host a guest names (the first by FQDN order if several share its FQDN), if any. */
export function hostOf(site: Site, guest: Guest): Host | undefined {
  return indexOf(site).hostByFqdn.get(guest.host.toLowerCase());
}

/** The guests a host runs, in FQDN order (site.guests is sorted by FQDN). */
export function guestsOf(site: Site, host: Host): Guest[] {
  return [...(indexOf(site).guestsByHost.get(host.fqdn.toLowerCase()) ?? [])];
}

/** A quantity for messages: integers as is, others rounded to one decimal. */
export function amount(n: number): string {
  return String(Number.isInteger(n) ? n : Math.round(n * 10) / 10);
}

/** `1 guest`, `2 guests`. */
export function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
