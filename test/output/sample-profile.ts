/** A hand-built profile covering every element kind and the escaping cases of the writers. */
import { PanDict, PanList, type Value } from '../../src/pan/element.js';

export function dict(entries: Record<string, Value>): PanDict {
  return new PanDict(new Map(Object.entries(entries)));
}

export function list(...items: Value[]): PanList {
  return new PanList(items);
}

/** The sample profile used by the golden files of every format. */
export function sampleProfile(): PanDict {
  return dict({
    system: dict({
      network: dict({ hostname: 'node01', domainname: 'example.org', mtu: 1500n }),
      kernel: dict({ version: '6.1.0-13-amd64', args: list('quiet', 'console=ttyS0,115200n8') }),
      enabled: true,
      disabled: false,
    }),
    numbers: list(1n, -42n, 9223372036854775807n, 2.5, 0.001, 1e-5, 1e7, 123.0, 0.30000000000000004, -0),
    strings: dict({
      empty: '',
      markup: '<foo>ok&ok</foo>',
      quotes: `say "hi" it's`,
      multiline: 'line 1\nline 2\n',
      crlf: 'something\r\n',
      tab: 'a\tb',
      unicode: 'caf\u00e9 \u2603',
      long: 'a string that is longer than fifteen characters',
      control: 'bad\u0001',
    }),
    empties: dict({ dict: dict({}), list: list() }),
    nested: list(dict({ a: 1n }), list(list()), dict({})),
  });
}
