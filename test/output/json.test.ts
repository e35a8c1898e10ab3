import { formatJsonProfile, formatJsonProfileBytes } from '../../src/output/json.js';
import { expectGolden } from '../golden.js';
import { dict, list, sampleProfile } from './sample-profile.js';

describe('JSON profile format', () => {
  it('writes the sample profile (golden)', () => {
    expectGolden('output/sample.json', formatJsonProfile(sampleProfile()));
  });

  it('pretty-prints with two spaces, Java doubles, HTML-safe escaping and no trailing newline', () => {
    expect(formatJsonProfile(dict({ a: list(1n, 2.5, 1e20), s: "<it's>" }))).toBe(
      '{\n  "a": [\n    1,\n    2.5,\n    1.0E20\n  ],\n  "s": "\\u003cit\\u0027s\\u003e"\n}',
    );
  });

  it('writes as bytes the UTF-8 encoding of the text, escapes and non-ASCII strings included', () => {
    const profile = dict({
      ...Object.fromEntries(sampleProfile().map),
      'k\u00e9y': 'v\u00e9 \ud83d\ude00 \u2028 <>',
      lone: 'x\ud800y',
      after: list('\u0000\u001f', 'plain'),
    });
    const text = formatJsonProfile(profile);
    expect(text).toContain('"x\ud800y"');
    expect(formatJsonProfileBytes(profile).equals(Buffer.from(text, 'utf8'))).toBe(true);
  });
});
