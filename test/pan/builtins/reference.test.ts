/**
 * Cross-checks of built-in results and messages against what panc produced for its own
 * conformance tests (reference XML output and exception messages, read from the shared suite).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Value } from '../../../src/pan/element.js';
import { call, callError, CONFORMANCE_DIR, dict, list } from './helpers.js';

interface ManifestTest {
  test: string;
  reference: { exceptions: { message: string }[] };
}

const manifest = JSON.parse(fs.readFileSync(path.join(CONFORMANCE_DIR, 'manifest.json'), 'utf8')) as {
  tests: ManifestTest[];
};

/** The detail text of panc's (single) error for a test: the lines between header and stack. */
function pancMessage(test: string): string {
  const entry = manifest.tests.find((t) => t.test === test);
  if (entry === undefined) throw new Error(`no manifest entry ${test}`);
  const lines = entry.reference.exceptions[0]!.message.split('\n').slice(1);
  const end = lines.findIndex((l) => l.startsWith('>>> call stack'));
  return (end < 0 ? lines : lines.slice(0, end)).join('\n').replace(/\n$/, '');
}

function decodeXml(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

/** The text of the top-level property element `name` in panc's reference XML for a test. */
function pancValue(test: string, name: string): string {
  const file = path.join(CONFORMANCE_DIR, 'reference-output', test.replace(/\.pan$/, '.xml'));
  const xml = fs.readFileSync(file, 'utf8');
  const empty = new RegExp(`<\\w+ name="${name}"/>`).exec(xml);
  if (empty !== null) return '';
  const m = new RegExp(`<(\\w+) name="${name}">([\\s\\S]*?)</\\1>`).exec(xml);
  if (m === null) throw new Error(`no element ${name} in ${file}`);
  return decodeXml(m[2]!);
}

function text(v: Value): string {
  return typeof v === 'string' ? v : String(v);
}

describe('results match panc reference output', () => {
  const cases: [string, string, string, Value[]][] = [
    ['Functionality/function/json2.pan', 'boolean', 'json_encode', [true]],
    ['Functionality/function/json2.pan', 'long', 'json_encode', [1234n]],
    ['Functionality/function/json2.pan', 'double', 'json_encode', [1234.56]],
    ['Functionality/function/json2.pan', 'string', 'json_encode', ['string']],
    ['Functionality/function/json2.pan', 'list', 'json_encode', [list(1n, 2n, 'three')]],
    ['Functionality/function/json2.pan', 'hash', 'json_encode', [dict(['a', 1n], ['b', 2n])]],
    ['Functionality/function/json3.pan', 'data2', 'json_encode', [list(1n, null)]],
    ['Functionality/function/json3.pan', 'data3', 'json_encode', [dict(['a', 1n], ['b', null])]],
    ['Functionality/function/json3.pan', 'data4', 'json_encode', [null]],
    ['Functionality/function/index1.pan', 's1', 'index', ['foo', 'abcfoodefoobar']],
    ['Functionality/function/index1.pan', 's3', 'index', ['foo', 'abcfoodefoobar', 4n]],
    ['Functionality/function/index2.pan', 'l1', 'index', ['foo', list('Foo', 'FOO', 'foo', 'bar')]],
    ['Functionality/function/index3.pan', 'name1', 'index', [0x0f0n, dict(['red', 0xf00n], ['green', 0x0f0n], ['blue', 0x00fn])]],
    ['Functionality/function/index3.pan', 'name2', 'index', [0x0f0n, dict(['red', 0xf00n], ['green', 0x0f0n], ['blue', 0x00fn]), 1n]],
    ['Functionality/function/replace1.pan', 'result', 'replace', ['\\d', '-', 'a1b2c3d']],
    ['Functionality/function/lowercase1.pan', 'result', 'to_lowercase', ['OK']],
  ];
  it.each(cases)('%s /%s', (test, name, fn, args) => {
    expect(text(call(fn, ...args))).toBe(pancValue(test, name));
  });
});

describe('messages match panc exceptions', () => {
  const cases: [string, string, Value[]][] = [
    ['Functionality/function/json4.pan', 'json_decode', ['{[{']],
    ['Functionality/function/json5.pan', 'json_decode', ['[[']],
    ['Functionality/function/json6.pan', 'json_decode', ['{"a": {"0": "b"}}']],
    ['Functionality/function/json7.pan', 'json_encode', [undefined]],
    ['Functionality/function/json8.pan', 'json_encode', [dict(['a', undefined])]],
    ['Functionality/function/function13.pan', 'base64_decode', ['a+b?c']],
    ['Functionality/function/replace2.pan', 'replace', ['\\p', '-', 'a1b2c3d']],
    ['Functionality/function/digest8.pan', 'digest', ['BAD', 'msg']],
    ['Functionality/key/key2.pan', 'key', [dict(['a', 1n], ['b', 2n]), 2n]],
    ['Functionality/key/key3.pan', 'key', [dict(['a', 1n]), 'x']],
    ['Functionality/list/list3.pan', 'merge', [list(1n), dict(['a', 1n])]],
    ['Functionality/join/join3.pan', 'join', [',', list('a', 1n)]],
    ['Functionality/join/join4.pan', 'join', [',', list('a', list('b'))]],
    ['Functionality/join/join9.pan', 'join', [1n, list('a')]],
  ];
  it.each(cases)('%s', (test, fn, args) => {
    expect(callError(fn, ...args)).toBe(pancMessage(test));
  });
});
