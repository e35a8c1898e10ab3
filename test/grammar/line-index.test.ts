/**
 * Line index and compact spans: lines and columns computed on access agree with the reference
 * computation of src/diagnostics/span.ts (all three line-end conventions, empty spans, the end
 * of the text), and spans keep their seven fields through JSON, `toPlainSpan` and, once made
 * plain by `withPlainSpans`, structured cloning.
 */
import { LineIndex, SourceSpan, withPlainSpans } from '../../grammar/line-index.js';
import { spanFromOffsets, toPlainSpan } from '../../src/diagnostics/span.js';

const TEXT = "template t;\r\n'/a' = 1;\r'/b' =\n  2;\n\n# end";

describe('SourceSpan', () => {
  const lines = new LineIndex('f.pan', TEXT);

  it('computes the lines and columns of every span of the text like spanFromOffsets', () => {
    const problems: string[] = [];
    for (let start = 0; start <= TEXT.length; start++) {
      for (let end = start; end <= TEXT.length; end++) {
        const span = new SourceSpan(lines, start, end - start);
        const expected = spanFromOffsets('f.pan', TEXT, start, end);
        if (JSON.stringify(toPlainSpan(span)) !== JSON.stringify(expected)) problems.push(`${start}-${end}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('serialises to the plain seven fields, in order', () => {
    const span = new SourceSpan(lines, 13, 9);
    expect(JSON.stringify(span)).toBe('{"file":"f.pan","offset":13,"length":9,"line":2,"col":1,"endLine":2,"endCol":9}');
    expect(JSON.stringify(span)).toBe(JSON.stringify(lines.span(13, 22)));
  });
});

describe('LineIndex', () => {
  it('answers its first lookup, whichever it is, from the line table built on demand', () => {
    const fresh = () => new LineIndex('f.pan', TEXT);
    expect(fresh().lineCount).toBe(6);
    expect(fresh().lineOf(27)).toBe(2);
    expect(fresh().lineStartOf(27)).toBe(23);
    expect(fresh().span(23, 32)).toEqual(spanFromOffsets('f.pan', TEXT, 23, 32));
    expect(new SourceSpan(fresh(), 36, 1).line).toBe(6);
  });
});

describe('withPlainSpans', () => {
  it('replaces spans at any depth in arrays, maps and plain objects, and survives structured cloning', () => {
    const lines = new LineIndex('f.pan', TEXT);
    const span = new SourceSpan(lines, 23, 4);
    class Opaque {
      constructor(readonly inside: unknown) {}
    }
    const opaque = new Opaque(span);
    const value = { list: [{ span }], byPath: new Map([['/a', [{ template: 't', span }]]]), opaque, n: 1, s: 'x', none: undefined };
    const plain = withPlainSpans(value);
    const cloned = structuredClone(plain);
    const expected = toPlainSpan(span);
    expect(cloned.list[0]!.span).toEqual(expected);
    expect(cloned.byPath.get('/a')![0]!.span).toEqual(expected);
    expect(plain.opaque).toBe(opaque);
    expect([plain.n, plain.s, 'none' in plain]).toEqual([1, 'x', true]);
    // Without the conversion, a clone loses everything but the offsets.
    expect(structuredClone({ span }).span).toEqual({ offset: 23, length: 4 });
  });
});
