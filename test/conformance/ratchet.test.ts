import { checkRatchet, formatKnownFailures, parseKnownFailures, updateKnownFailures } from '../../src/conformance/ratchet.js';

const listText = '# header\n\nFunctionality/a/a1.pan  # XPath false: /x\nFunctionality/b/b1.pan  # message differs\nFunctionality/c/c1.pan\n';

describe('known-failures list', () => {
  it('parses test paths and reasons, ignoring comments and blank lines', () => {
    const known = parseKnownFailures(listText);
    expect([...known.entries()]).toEqual([
      ['Functionality/a/a1.pan', 'XPath false: /x'],
      ['Functionality/b/b1.pan', 'message differs'],
      ['Functionality/c/c1.pan', ''],
    ]);
  });

  it('formats sorted entries that parse back to the same list', () => {
    const known = new Map([
      ['Z/z.pan', 'reason z'],
      ['A/a.pan', 'two\nlines'],
    ]);
    const text = formatKnownFailures(known);
    expect(text.split('\n').filter((l) => !l.startsWith('#'))).toEqual(['A/a.pan  # two | lines', 'Z/z.pan  # reason z', '']);
    expect(parseKnownFailures(text)).toEqual(new Map([['A/a.pan', 'two | lines'], ['Z/z.pan', 'reason z']]));
  });
});

describe('ratchet', () => {
  const known = parseKnownFailures(listText);

  it('holds when exactly the listed tests fail', () => {
    const results = [
      { test: 'Functionality/a/a1.pan', pass: false, reason: 'x' },
      { test: 'Functionality/b/b1.pan', pass: false, reason: 'y' },
      { test: 'Functionality/c/c1.pan', pass: false, reason: 'z' },
      { test: 'Functionality/d/d1.pan', pass: true },
    ];
    expect(checkRatchet(results, known, true)).toEqual({ newFailures: [], nowPassing: [], unknownListed: [], ok: true });
  });

  it('breaks on a new failure and on a listed test that passes', () => {
    const results = [
      { test: 'Functionality/a/a1.pan', pass: true },
      { test: 'Functionality/b/b1.pan', pass: false, reason: 'y' },
      { test: 'Functionality/c/c1.pan', pass: false, reason: 'z' },
      { test: 'Functionality/d/d1.pan', pass: false, reason: 'new' },
    ];
    const report = checkRatchet(results, known, true);
    expect(report).toMatchObject({ newFailures: ['Functionality/d/d1.pan'], nowPassing: ['Functionality/a/a1.pan'], ok: false });
  });

  it('reports listed tests that no longer exist only for a complete run', () => {
    const results = [{ test: 'Functionality/a/a1.pan', pass: false, reason: 'x' }];
    expect(checkRatchet(results, known, true).unknownListed).toEqual(['Functionality/b/b1.pan', 'Functionality/c/c1.pan']);
    expect(checkRatchet(results, known, false).ok).toBe(true);
  });

  it('updates the list keeping existing reasons and adding new failures', () => {
    const results = [
      { test: 'Functionality/a/a1.pan', pass: true },
      { test: 'Functionality/b/b1.pan', pass: false, reason: 'another reason' },
      { test: 'Functionality/c/c1.pan', pass: false, reason: 'now explained' },
      { test: 'Functionality/d/d1.pan', pass: false, reason: 'new' },
    ];
    expect([...updateKnownFailures(results, known, true).entries()]).toEqual([
      ['Functionality/b/b1.pan', 'message differs'],
      ['Functionality/c/c1.pan', 'now explained'],
      ['Functionality/d/d1.pan', 'new'],
    ]);
  });

  it('keeps entries a partial run did not cover', () => {
    const results = [{ test: 'Functionality/a/a1.pan', pass: true }];
    expect([...updateKnownFailures(results, known, false).keys()]).toEqual(['Functionality/b/b1.pan', 'Functionality/c/c1.pan']);
  });
});
