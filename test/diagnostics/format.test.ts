import { diagnostic, compareDiagnostics, hasErrors } from '../../src/diagnostics/diagnostic.js';
import { formatHuman, formatJson } from '../../src/diagnostics/format.js';
import { spanFromOffsets, pancRange } from '../../src/diagnostics/span.js';
import { allCodes, codeInfo } from '../../src/diagnostics/codes.js';

const text = "object template a;\n'/x' = 1 +;\n";
const span = spanFromOffsets('a.pan', text, text.indexOf(';', 20), text.indexOf(';', 20) + 1);

describe('human format', () => {
  it('prints file:line:col, code, message, excerpt and caret', () => {
    const d = diagnostic('PF101', "unexpected ';'", span);
    const out = formatHuman(d, { sources: () => text });
    expect(out.split('\n')).toEqual([
      "a.pan:2:11: PF101 unexpected ';'",
      '  |',
      "2 | '/x' = 1 +;",
      '  |           ^',
    ]);
  });

  it('marks non-errors and lists related locations and the model path', () => {
    const d = diagnostic('PF221', 'old', span, {
      related: [{ message: 'included from here', span }],
      path: '/x',
    });
    const out = formatHuman(d);
    expect(out).toContain('a.pan:2:11: PF221 warning: old');
    expect(out).toContain('  at path /x');
    expect(out).toContain('note: a.pan:2:11: included from here');
  });

  it('colours only when asked', () => {
    const d = diagnostic('PF101', 'x', span);
    expect(formatHuman(d)).not.toContain('\x1b[');
    expect(formatHuman(d, { color: true })).toContain('\x1b[31mPF101');
  });
});

describe('json format and helpers', () => {
  it('serialises code, severity, message and span', () => {
    const parsed = JSON.parse(formatJson([diagnostic('PF101', 'x', span)]));
    expect(parsed.diagnostics[0]).toMatchObject({ code: 'PF101', severity: 'error', message: 'x', span: { line: 2, col: 11 } });
  });

  it('orders diagnostics by file and position, independent of input order', () => {
    const a = diagnostic('PF101', 'a', spanFromOffsets('a.pan', text, 0, 1));
    const b = diagnostic('PF101', 'b', span);
    expect([b, a].sort(compareDiagnostics)).toEqual([a, b]);
    expect(hasErrors([a])).toBe(true);
  });

  it('renders panc ranges with inclusive end columns', () => {
    expect(pancRange(spanFromOffsets('a.pan', text, 19, 30))).toBe('a.pan:2.1-2.11');
  });

  it('maps every code to a severity and a title', () => {
    for (const [code, info] of allCodes()) {
      expect(code).toMatch(/^PF\d{3}$/);
      expect(info.title.length).toBeGreaterThan(0);
    }
    expect(codeInfo('PF101').panClass).toBe('Parse');
  });
});
