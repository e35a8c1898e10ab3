/**
 * Built-in benchmark: Java regex translation (uncached compiles per second), cached match()
 * and replace() calls per second, format() calls per second, json_encode/json_decode
 * throughput on a generated profile-sized dict. Prints numbers only.
 */
import { PURE_BUILTINS } from '../src/pan/builtins/index.js';
import { PanDict, PanList, type Value } from '../src/pan/element.js';
import { compileJavaRegex } from '../src/pan/regex.js';
import { median } from './timing.js';

const PATTERNS = [
  '^[a-zA-Z][\\w.-]*$',
  '(?=^.{4,253}$)(^((?!-)[a-zA-Z0-9-]{1,63}(?<!-)\\.)+[a-zA-Z]{2,63}\\.?$)',
  '^[\\dA-Fa-f]{2}([:-])[\\dA-Fa-f]{2}(\\1[\\dA-Fa-f]{2}){4}$',
  '^(([^:/?#]+):)?(//([^/?#]*))?([^?#]*)(\\?([^#]*))?(#(.*))?',
  '^(?i)(yes|no|true|false)$',
  '^\\p{Print}+$',
];

function rate(label: string, unit: string, count: number, run: () => void): void {
  const seconds: number[] = [];
  for (let round = 0; round < 5; round++) {
    const start = process.hrtime.bigint();
    run();
    seconds.push(Number(process.hrtime.bigint() - start) / 1e9);
  }
  const perSecond = count / median(seconds);
  process.stdout.write(`  ${label.padEnd(34)} ${perSecond.toFixed(0).padStart(12)} ${unit}/s\n`);
}

function call(name: string, ...args: Value[]): Value {
  return PURE_BUILTINS.get(name)!.call(args);
}

function sampleProfile(hosts: number): PanDict {
  const root = new PanDict();
  for (let i = 0; i < hosts; i++) {
    const nic = new PanDict(new Map<string, Value>([['hwaddr', '52:54:00:00:00:' + (i % 256).toString(16)], ['mtu', 1500n]]));
    const host = new PanDict(new Map<string, Value>([
      ['name', `node${i}.example.org`],
      ['cpus', BigInt(i % 64)],
      ['load', i / 7],
      ['tags', new PanList(['a<b', 'c&d', `rack${i % 40}`])],
      ['nic', nic],
    ]));
    root.set(`node${i}`, host);
  }
  return root;
}

/** Runs the built-in benchmarks. */
export async function benchBuiltins(): Promise<void> {
  let serial = 0;
  rate('regex translate + compile', 'patterns', 600, () => {
    for (let i = 0; i < 100; i++) for (const p of PATTERNS) compileJavaRegex(`${p}|x${serial++}`);
  });
  const inputs = ['node01.cluster.example.org', '00:1a:2B:3c:4D:5e', 'https://h:1/p?q#f', 'Yes', 'bad host!'];
  rate('match() (cached pattern)', 'calls', 30000, () => {
    for (let i = 0; i < 1000; i++) for (const p of PATTERNS) for (const s of inputs) call('match', s, p);
  });
  rate('replace()', 'calls', 20000, () => {
    for (let i = 0; i < 20000; i++) call('replace', '(\\w+)\\.(\\w+)', '$2-$1', 'alpha.beta gamma.delta');
  });
  rate('format()', 'calls', 20000, () => {
    for (let i = 0; i < 20000; i++) call('format', '%s:%05d %.2f %x', 'host', BigInt(i), i / 3, BigInt(i));
  });
  const profile = sampleProfile(5000);
  const json = call('json_encode', profile) as string;
  const mb = json.length / 1e6;
  rate(`json_encode (${mb.toFixed(1)} MB)`, 'MB', mb, () => call('json_encode', profile));
  rate(`json_decode (${mb.toFixed(1)} MB)`, 'MB', mb, () => call('json_decode', json));
}
