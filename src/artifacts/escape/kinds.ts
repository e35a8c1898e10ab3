/**
 * Field whitelists (docs/artifacts.md §3.6): every profile value that reaches an artifact has a
 * kind, and the kind says which characters and shapes it may have — host names by RFC 1123,
 * addresses parsed, sizes as integers, crypt hashes, package names, URLs parsed and compared
 * with their canonical form. A value that fails is rejected (PF501, PF502 for URLs), never
 * repaired. The per-format escapers apply their own rules on top.
 */
import { parseIpv4, parseNetmask } from '../../site/addresses.js';
import { Rejected, showRaw, type ModelValue } from './value.js';
import { checkUrl } from './url.js';

export type ValueKind =
  | 'hostname'
  | 'fqdn'
  | 'ipv4'
  | 'netmask'
  | 'mac'
  | 'uuid'
  | 'device'
  | 'name'
  | 'bridge'
  | 'integer'
  | 'enum'
  | 'crypt'
  | 'url'
  | 'bootfile'
  | 'path'
  | 'timezone'
  | 'lang'
  | 'keyboard'
  | 'package'
  | 'mountpoint'
  | 'fstype'
  | 'kernel-arg'
  | 'text'
  | 'script';

/** What a kind check gives: the text to use, or the reason it was refused. */
export type KindResult = { ok: true; text: string } | { ok: false; reason: string; code?: 'PF501' | 'PF502' };

const LABEL = '[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?';
const PATH_SEGMENT = '[A-Za-z0-9_+@-][A-Za-z0-9._+@-]*';

/** Regular-expression whitelists, with the shape each one describes for messages. */
const PATTERNS: Partial<Record<ValueKind, { re: RegExp; shape: string }>> = {
  hostname: { re: new RegExp(`^${LABEL}$`), shape: 'an RFC 1123 host name label' },
  fqdn: { re: new RegExp(`^${LABEL}(?:\\.${LABEL})*$`), shape: 'an RFC 1123 domain name' },
  mac: { re: /^[0-9a-f]{2}(?::[0-9a-f]{2}){5}$/, shape: 'a lower-case MAC address (aa:bb:cc:dd:ee:ff)' },
  uuid: { re: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, shape: 'a lower-case UUID' },
  device: { re: /^[a-z][a-z0-9]*$/, shape: 'a device name (lower-case letters and digits)' },
  name: { re: /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/, shape: 'a name of letters, digits, _ . -' },
  bridge: { re: /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,14}$/, shape: 'a bridge name of at most 15 letters, digits, _ . -' },
  enum: { re: /^[a-z][a-z0-9-]*$/, shape: 'a keyword' },
  crypt: {
    re: /^\$(?:1|5|6|y|2[aby])\$(?:rounds=[0-9]+\$)?[./A-Za-z0-9$]+$/,
    shape: 'a crypt(3) hash ($1$, $5$, $6$, $y$ or $2b$)',
  },
  path: { re: new RegExp(`^(?:/(?:${PATH_SEGMENT}))+$`), shape: 'an absolute file path of letters, digits, _ . + @ -' },
  timezone: { re: /^[A-Za-z]+(?:\/[A-Za-z0-9_+-]+)*$/, shape: 'a time zone name such as Europe/Zurich' },
  lang: { re: /^[a-z]{2,3}(?:_[A-Z]{2})?(?:\.[A-Za-z0-9-]+)?(?:@[a-z]+)?$/, shape: 'a locale such as en_US.UTF-8' },
  keyboard: { re: /^[A-Za-z0-9_-]+$/, shape: 'a keyboard layout such as us' },
  package: { re: /^(?:-|@\^?)?[A-Za-z0-9_+][A-Za-z0-9._+:*-]*$/, shape: 'a package, @group or -exclusion name' },
  mountpoint: { re: /^(?:\/|(?:\/[A-Za-z0-9_+-][A-Za-z0-9._+-]*)+|swap)$/, shape: 'an absolute mount point or swap' },
  fstype: { re: /^[a-z][a-z0-9]*$/, shape: 'a file-system type' },
  'kernel-arg': {
    re: /^[A-Za-z0-9._,:/=+@%~][A-Za-z0-9._,:/=+@%~-]*$/,
    shape: 'one kernel argument of letters, digits and . _ , : / = + @ % ~ -',
  },
};

const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]/;
const LINE_BREAK = /[\n\r\t]/;

/** Checks a value's raw text against its kind. */
export function checkKind(kind: ValueKind, raw: unknown): KindResult {
  if (kind === 'integer') return checkInteger(raw);
  if (typeof raw !== 'string') return { ok: false, reason: `expected text, found ${typeof raw}` };
  switch (kind) {
    case 'ipv4':
      return parseIpv4(raw) === undefined ? fail('is not a dotted-quad IPv4 address') : { ok: true, text: raw };
    case 'netmask':
      return parseNetmask(raw) === undefined ? fail('is not a contiguous IPv4 netmask') : { ok: true, text: raw };
    case 'mac':
      return checkMac(raw);
    case 'url':
      return checkUrl(raw);
    case 'bootfile':
      return /^[a-z][a-z0-9+.-]*:/i.test(raw) ? checkUrl(raw) : checkBootPath(raw);
    case 'text':
      return CONTROL.test(raw) || LINE_BREAK.test(raw) ? fail('contains a line break or control character') : { ok: true, text: raw };
    case 'script':
      return CONTROL.test(raw) || raw.includes('\r') ? fail('contains a control character') : { ok: true, text: raw };
    default:
      return checkPattern(kind, raw);
  }
}

/** Turns a failed kind check into a Rejected for `value`. */
export function rejectKind(value: ModelValue, raw: unknown, result: Extract<KindResult, { ok: false }>): Rejected {
  return new Rejected(result.code ?? 'PF501', `${showRaw(raw)} ${result.reason}`, value);
}

function checkPattern(kind: ValueKind, raw: string): KindResult {
  const pattern = PATTERNS[kind];
  if (pattern === undefined) return fail(`has no whitelist for kind ${kind}`);
  if (kind === 'fqdn' && raw.length > 253) return fail('is longer than 253 characters');
  return pattern.re.test(raw) ? { ok: true, text: raw } : fail(`is not ${pattern.shape}`);
}

function checkInteger(raw: unknown): KindResult {
  if (typeof raw === 'bigint') return raw >= 0n ? { ok: true, text: raw.toString() } : fail('is negative');
  if (typeof raw === 'number' && Number.isSafeInteger(raw) && raw >= 0) return { ok: true, text: String(raw) };
  return fail(`is not a non-negative integer (${showRaw(raw)})`);
}

function checkMac(raw: string): KindResult {
  const shape = PATTERNS.mac!;
  if (!shape.re.test(raw)) return fail(`is not ${shape.shape}`);
  return (parseInt(raw.slice(0, 2), 16) & 1) === 1 ? fail('is a multicast address (first octet odd)') : { ok: true, text: raw };
}

/** A path relative to the TFTP root (a leading `/` means the same): no `.` or `..` segments. */
function checkBootPath(raw: string): KindResult {
  const segments = raw.replace(/^\//, '').split('/');
  const ok = segments.every((s) => /^[A-Za-z0-9_+@-][A-Za-z0-9._+@-]*$/.test(s));
  return ok ? { ok: true, text: raw } : fail('is not a boot file path of letters, digits, _ . + @ - without . or .. segments');
}

function fail(reason: string): KindResult {
  return { ok: false, reason };
}
