import { diagnostic } from '../../src/diagnostics/diagnostic.js';
import { formatPancMessage, pancClassName } from '../../src/diagnostics/panc-format.js';
import type { Span } from '../../src/diagnostics/span.js';

function span(file: string, line: number, col: number, endLine: number, endCol: number, offset = 0): Span {
  return { file, offset, length: 1, line, col, endLine, endCol };
}

describe('panc exception classes', () => {
  it('maps codes through their panc class', () => {
    expect(pancClassName(diagnostic('PF101', 'x'))).toBe('org.quattor.pan.parser.ParseException');
    expect(pancClassName(diagnostic('PF112', 'x'))).toBe('org.quattor.pan.exceptions.SyntaxException');
    expect(pancClassName(diagnostic('PF209', 'x'))).toBe('org.quattor.pan.exceptions.EvaluationException');
    expect(pancClassName(diagnostic('PF302', 'x'))).toBe('org.quattor.pan.exceptions.ValidationException');
    expect(pancClassName(diagnostic('PF900', 'x'))).toBe('org.quattor.pan.exceptions.SystemException');
    expect(pancClassName(diagnostic('PF700', 'x'))).toBeUndefined();
  });
});

describe('panc exception messages', () => {
  it('formats a parse error', () => {
    const d = diagnostic('PF101', 'illegal empty DML statement', span('t/trac-bug-83.pan', 7, 8, 7, 8));
    expect(formatPancMessage(d)).toBe('parse error [t/trac-bug-83.pan:7.8-7.8]\nillegal empty DML statement');
  });

  it('formats a syntax error', () => {
    const d = diagnostic('PF117', 'SELF variable may not be set directly', span('a/self3.pan', 10, 3, 10, 6));
    expect(formatPancMessage(d)).toBe('syntax error [a/self3.pan:10.3-10.6]\nSELF variable may not be set directly\n');
  });

  it('formats an evaluation error with its call stack, innermost first', () => {
    const c = span('b/c.pan', 13, 8, 13, 33, 100);
    const d = diagnostic('PF209', '[bug-gh-40] user-initiated error: undefined package', c, {
      related: [
        { message: 'included from', span: span('b/b.pan', 2, 1, 2, 12, 5) },
        { message: 'included from', span: span('b/bug-gh-40.pan', 10, 1, 10, 12, 50) },
      ],
    });
    expect(formatPancMessage(d)).toBe(
      'evaluation error [b/c.pan:13.8-13.33]\n[bug-gh-40] user-initiated error: undefined package\n' +
        '>>> call stack trace \n>>> [b/c.pan:13.8-13.33]\n>>> [b/b.pan:2.1-2.12]\n>>> [b/bug-gh-40.pan:10.1-10.12]\n>>> ====================\n\n\n',
    );
  });

  it('does not repeat the failing construct when the related spans already start with it', () => {
    const s = span('a/self10.pan', 11, 3, 11, 14, 40);
    const d = diagnostic('PF214', 'cannot dereference', s, { related: [{ message: 'here', span: s }] });
    expect(formatPancMessage(d)).toBe(
      'evaluation error [a/self10.pan:11.3-11.14]\ncannot dereference\n>>> call stack trace \n>>> [a/self10.pan:11.3-11.14]\n>>> ====================\n\n\n',
    );
  });

  it('keeps every frame of a recursion whose call sites repeat', () => {
    const site = span('f/loop6.pan', 5, 10, 5, 15, 30);
    const d = diagnostic('PF208', 'call depth limit (3) exceeded', site, {
      related: [site, site, site].map((s) => ({ message: 'called from', span: s })),
    });
    const frames = formatPancMessage(d).split('\n').filter((l) => l === '>>> [f/loop6.pan:5.10-5.15]');
    expect(frames).toHaveLength(3);
  });

  it('formats a validation error with the object file and element path', () => {
    const d = diagnostic('PF303', 'string size (4) is outside range 3..3', span('types.pan', 6, 18, 6, 26), { path: '/result' });
    expect(formatPancMessage(d, { objectFile: 'bugs/bug-trac-140-1.pan' })).toBe(
      "validation error [bugs/bug-trac-140-1.pan]\nstring size (4) is outside range 3..3\nelement path: '/result'\n",
    );
  });

  it('uses ? for missing locations', () => {
    expect(formatPancMessage(diagnostic('PF115', 'bad'))).toBe('syntax error [?:?]\nbad\n');
    expect(formatPancMessage(diagnostic('PF209', 'no place'))).toBe('evaluation error [?:?]\nno place\n');
  });
});
