import { formatJsonProfile } from '../../src/output/json.js';
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
});
