import { formatDependencies } from '../../src/output/dep.js';
import { formatDot } from '../../src/output/dot.js';
import { formatText } from '../../src/output/text.js';
import { expectGolden } from '../golden.js';
import { dict, list, sampleProfile } from './sample-profile.js';

describe('text format', () => {
  it('writes the sample profile (golden)', () => {
    expectGolden('output/sample.txt', formatText(sampleProfile()));
  });

  it('writes the language reference example exactly', () => {
    const profile = dict({ d: dict({ k: 'v' }), l: list(1n, 2.5) });
    expect(formatText(profile)).toBe(
      "+-profile\n  +-d\n    $ k : (string) 'v'\n  +-l\n    $ 0 : (long) '1'\n    $ 1 : (double) '2.5'\n",
    );
  });
});

describe('dot format', () => {
  it('writes the sample profile (golden)', () => {
    expectGolden('output/sample.dot', formatDot(sampleProfile()));
  });

  it('labels properties with shortened one-line values', () => {
    const dot = formatDot(dict({ s: 'abcdefghijklmnopq', t: 'line1\r\nline2', n: 12n, short: '12345678901234' }));
    expect(dot).toContain(`"/profile/s" [ label = "s\\n'abcdefghijk...'" ]\n"/profile" -> "/profile/s"\n`);
    expect(dot).toContain(`"/profile/t" [ label = "t\\n'line1 line2'" ]\n`);
    expect(dot).toContain(`"/profile/n" [ label = "n\\n12" ]\n`);
    expect(dot).toContain(`"/profile/short" [ label = "short\\n'12345678901234'" ]\n`);
  });

  it('writes header, root node and footer', () => {
    expect(formatDot(dict({}))).toBe(
      'digraph "profile" {\nbgcolor = beige\nnode [ color = black, shape = box, fontname=Helvetica ]\nedge [ color = black ]\n"/profile" [ label = "profile"]\n}\n',
    );
  });
});

describe('dep format', () => {
  it('writes one line per dependency, absent entries with an empty location', () => {
    const text = formatDependencies([
      { name: 'site/hosts/node01', type: 'PAN', location: 'file:/srv/profiles/' },
      { name: 'site/optional', type: 'ABSENT_SOURCE', location: '' },
      { name: 'site/data.txt', type: 'TEXT', location: 'file:/srv/profiles/' },
    ]);
    expectGolden('output/sample.dep', text);
    expect(text.split('\n')[1]).toBe('site/optional ABSENT_SOURCE ');
  });

  it('writes nothing for an empty list', () => {
    expect(formatDependencies([])).toBe('');
  });
});
