/**
 * Typed, diagnosing access to one compiled profile for the site model. Profiles validated by
 * panfab's schema always have the expected kinds; other profiles (e.g. real Quattor profiles
 * with their own types) may not, so every read checks the kind and records a diagnostic
 * (PF400 wrong kind, PF401 missing, PF402 unsupported value, PF403 malformed address) instead
 * of throwing. A read that fails returns undefined; the caller decides whether the object or
 * only the optional part is dropped.
 */
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { DiagnosticCode } from '../diagnostics/codes.js';
import type { Span } from '../diagnostics/span.js';
import { PanDict, PanList, kindOf, type Value } from '../pan/element.js';
import { normaliseMac, parseIpv4, parseNetmask } from './addresses.js';

/** Whether a missing value is an error (`required`) or simply absent (`optional`). */
export type Need = 'required' | 'optional';

/** Reads model values from one profile, collecting diagnostics. */
export class ProfileReader {
  readonly diagnostics: Diagnostic[] = [];

  constructor(
    /** Object template name of the profile. */
    readonly object: string,
    private readonly root: PanDict,
    /** Span of the statement that set a path (or its nearest ancestor), from provenance. */
    private readonly origin: (path: string) => Span | undefined,
  ) {}

  /** The raw value at an absolute path, or undefined when absent (undef counts as absent). */
  value(path: string): Value {
    let node: Value = this.root;
    for (const term of path.split('/').slice(1)) {
      if (node instanceof PanDict) node = node.get(term);
      else if (node instanceof PanList && /^\d+$/.test(term)) node = node.items[Number(term)];
      else return undefined;
    }
    return node === null ? undefined : node;
  }

  /** True if a value is present at `path`. */
  has(path: string): boolean {
    return this.value(path) !== undefined;
  }

  /** True if an error has been recorded so far. */
  get failed(): boolean {
    return this.diagnostics.some((d) => d.severity === 'error');
  }

  string(path: string, need: Need): string | undefined {
    return this.typed(path, need, 'a string', (v) => (typeof v === 'string' ? v : undefined));
  }

  boolean(path: string, need: Need): boolean | undefined {
    return this.typed(path, need, 'a boolean', (v) => (typeof v === 'boolean' ? v : undefined));
  }

  /** A long as a number, at least `min`. */
  long(path: string, need: Need, min = 0): number | undefined {
    const n = this.typed(path, need, 'a long', (v) => (typeof v === 'bigint' ? Number(v) : undefined));
    if (n !== undefined && n < min) return this.fail('PF400', path, `${path} must be at least ${min}, not ${n}`);
    return n;
  }

  /** A long or a double as a number, greater than zero. */
  positiveNumber(path: string, need: Need): number | undefined {
    const n = this.typed(path, need, 'a number', (v) =>
      typeof v === 'bigint' ? Number(v) : typeof v === 'number' ? v : undefined,
    );
    if (n !== undefined && !(n > 0)) return this.fail('PF400', path, `${path} must be greater than 0, not ${n}`);
    return n;
  }

  dict(path: string, need: Need): PanDict | undefined {
    return this.typed(path, need, 'a dict', (v) => (v instanceof PanDict ? v : undefined));
  }

  list(path: string, need: Need): PanList | undefined {
    return this.typed(path, need, 'a list', (v) => (v instanceof PanList ? v : undefined));
  }

  /** A list of strings; a non-string item is reported and skipped. */
  stringList(path: string, need: Need): string[] | undefined {
    const list = this.list(path, need);
    if (list === undefined) return undefined;
    const out: string[] = [];
    list.items.forEach((_, i) => {
      const s = this.string(`${path}/${i}`, 'required');
      if (s !== undefined) out.push(s);
    });
    return out;
  }

  /**
   * A string among `allowed`. Another value is an error for a required field and an ignored,
   * reported value (PF402) for an optional one.
   */
  choice<T extends string>(path: string, need: Need, allowed: readonly T[]): T | undefined {
    const s = this.string(path, need);
    if (s === undefined || (allowed as readonly string[]).includes(s)) return s as T | undefined;
    const message = `${path} is '${s}'; the site model supports ${allowed.map((a) => `'${a}'`).join(', ')}`;
    return this.fail(need === 'required' ? 'PF400' : 'PF402', path, need === 'required' ? message : `${message} (ignored)`);
  }

  /** An IPv4 address in dotted-quad form. */
  ipv4(path: string, need: Need): string | undefined {
    return this.address(path, need, 'an IPv4 address', parseIpv4);
  }

  /** A contiguous IPv4 netmask in dotted-quad form. */
  netmask(path: string, need: Need): string | undefined {
    return this.address(path, need, 'an IPv4 netmask', parseNetmask);
  }

  /** A MAC address, normalised to lower-case colon form. */
  mac(path: string, need: Need): string | undefined {
    const s = this.string(path, need);
    if (s === undefined) return undefined;
    return normaliseMac(s) ?? this.fail('PF403', path, `${path} is '${s}', not a MAC address`);
  }

  /** Records a diagnostic at `path` (span from provenance) and returns undefined. */
  fail(code: DiagnosticCode, path: string, message: string): undefined {
    const span = this.origin(path);
    this.diagnostics.push(diagnostic(code, `${this.object}: ${message}`, span, { path, objects: [this.object] }));
    return undefined;
  }

  private address(path: string, need: Need, what: string, parse: (s: string) => number | undefined): string | undefined {
    const s = this.string(path, need);
    if (s === undefined) return undefined;
    return parse(s) !== undefined ? s : this.fail('PF403', path, `${path} is '${s}', not ${what}`);
  }

  private typed<T>(path: string, need: Need, what: string, accept: (v: Value) => T | undefined): T | undefined {
    const v = this.value(path);
    if (v === undefined) {
      return need === 'required' ? this.fail('PF401', path, `${path} is missing; the site model needs it`) : undefined;
    }
    const accepted = accept(v);
    if (accepted === undefined) return this.fail('PF400', path, `${path} must be ${what}, not ${kindOf(v)}`);
    return accepted;
  }
}
