/**
 * Helpers for building template contexts: model values with their paths, and text composed
 * from several values (each checked against its own kind first).
 */
import type { BootEntry, Machine, ModelRef } from '../site/model.js';
import { DOMAINNAME, HOSTNAME } from '../site/paths.js';
import { checkKind, type ValueKind } from './escape/kinds.js';
import { ModelValue, mv } from './escape/value.js';
import type { Issues } from './report.js';

/** `ref` with `/name` appended to its path. */
export function field(ref: ModelRef, name: string): ModelRef {
  return { object: ref.object, path: `${ref.path}/${name}` };
}

/** The machine's FQDN as a model value (its parts are /system/network/hostname and domainname). */
export function fqdnValue(m: Machine): ModelValue {
  return mv(m.fqdn, 'fqdn', { object: m.object, path: HOSTNAME }, 'FQDN');
}

/** The machine's short host name as a model value. */
export function hostnameValue(m: Machine): ModelValue {
  return mv(m.hostname, 'hostname', { object: m.object, path: HOSTNAME }, 'host name');
}

/** The machine's domain as a model value. */
export function domainValue(m: Machine): ModelValue {
  return mv(m.domain, 'fqdn', { object: m.object, path: DOMAINNAME }, 'domain name');
}

/** The boot entry's label, kernel and initrd as model values. */
export function bootFiles(entry: BootEntry): { label: ModelValue; kernel: ModelValue; initrd: ModelValue } {
  return {
    label: mv(entry.label, 'text', field(entry.ref, 'label'), 'boot label'),
    kernel: mv(entry.kernel, 'bootfile', field(entry.ref, 'kernel'), 'kernel'),
    initrd: mv(entry.initrd, 'bootfile', field(entry.ref, 'initrd'), 'initrd'),
  };
}

/**
 * Text made of literal strings and model values, each value checked against its kind; the
 * result is a value of `kind` whose origin is `ref`. Reports and returns undefined on a refusal.
 */
export function compose(issues: Issues, kind: ValueKind, ref: ModelRef | undefined, what: string, ...parts: (string | ModelValue)[]): ModelValue | undefined {
  let text = '';
  for (const p of parts) {
    if (typeof p === 'string') {
      text += p;
      continue;
    }
    const raw = ModelValue.raw(p);
    const checked = checkKind(p.kind, raw);
    if (!checked.ok) {
      issues.value(checked.code ?? 'PF501', ModelValue.what(p), raw, checked.reason, ModelValue.ref(p));
      return undefined;
    }
    text += checked.text;
  }
  return mv(text, kind, ref, what);
}
