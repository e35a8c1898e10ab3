/**
 * The grammar and the AST (language reference §3.1, §5, §7.1, §8.2): templates, every
 * statement, DML precedence and forms, type specifications, literal values and spans.
 */
import type { Expr, LiteralExpr, RecordType } from '../../grammar/ast.js';
import { generatePan } from '../../bench/generate-pan.js';
import { allSpans, dml, parseOk, sexpr, spanProblems, statements, stripSpans, typeOf } from './helpers.js';

describe('templates', () => {
  it.each([
    ['object template a/b;', 'object', 'a/b'],
    ['structure template s;', 'structure', 's'],
    ['unique template u-1.x+y;', 'unique', 'u-1.x+y'],
    ['declaration template d;', 'declaration', 'd'],
    ['template plain;', 'ordinary', 'plain'],
  ])('%s', (text, kind, name) => {
    const t = parseOk(text);
    expect([t.templateKind, t.name, t.statements]).toEqual([kind, name, []]);
  });

  it('gives the name and declaration spans, ignoring leading comments and annotations', () => {
    const t = parseOk('# header\n@(doc)\nobject  template x/y ;\n');
    expect(t.nameSpan).toMatchObject({ line: 3, col: 18, endCol: 20 });
    expect(t.span).toMatchObject({ line: 3, col: 1, endLine: 3, endCol: 22 });
    expect(t.annotations.map((a) => a.body)).toEqual(['doc']);
  });

  it('skips empty statements', () => {
    expect(parseOk('template t;;;\n;').statements).toEqual([]);
  });
});

describe('statements', () => {
  it('include, prefix, valid, bind, type, function', () => {
    expect(stripSpans(statements(`include 'a/b'; prefix "/p"; valid '/v' = true; bind '/b' = long; type t = string; function f = 1;`))).toEqual([
      { kind: 'Include', expr: { kind: 'Literal', value: 'a/b' } },
      { kind: 'Prefix', path: '/p' },
      { kind: 'Valid', path: '/v', expr: { kind: 'Literal', value: true } },
      { kind: 'Bind', path: '/b', type: { kind: 'FullType', spec: { kind: 'TypeRef', name: 'long' } } },
      { kind: 'Type', name: 't', type: { kind: 'FullType', spec: { kind: 'TypeRef', name: 'string' } } },
      { kind: 'Function', name: 'f', body: { kind: 'Literal', value: 1n } },
    ]);
  });

  it('assignments and variables, final and conditional', () => {
    const out = statements(`'/a' = 1; final '/b' ?= 2; "rel/c" = 3; variable X = 4; final variable Y ?= 5;`);
    expect(out.map((s) => (s.kind === 'Assign' ? ['Assign', s.path, s.final, s.conditional] : s.kind === 'Variable' ? ['Variable', s.name, s.final, s.conditional] : [s.kind]))).toEqual([
      ['Assign', '/a', false, false],
      ['Assign', '/b', true, true],
      ['Assign', 'rel/c', false, false],
      ['Variable', 'X', false, false],
      ['Variable', 'Y', true, true],
    ]);
  });

  it('reports statement ranges like panc: from the first token through the semicolon', () => {
    const [inc, fin, fn] = statements(`include 'b';\n  final '/a' = 1;\nfunction f = {\n  1;\n};`);
    expect(inc!.span).toMatchObject({ line: 2, col: 1, endLine: 2, endCol: 12 });
    expect(fin!.span).toMatchObject({ line: 3, col: 3, endLine: 3, endCol: 17 });
    expect(fn!.span).toMatchObject({ line: 4, col: 1, endLine: 6, endCol: 2 });
    if (fin!.kind !== 'Assign') throw new Error();
    expect(fin.pathSpan).toMatchObject({ line: 3, col: 9, endCol: 12 });
  });
});

describe('DML operators', () => {
  it.each([
    ['1 + 2 * 3', '(+ 1L (* 2L 3L))'],
    ['1 * 2 + 3', '(+ (* 1L 2L) 3L)'],
    ['a - b - c', '(- (- a b) c)'],
    ['a / b % c * d', '(* (% (/ a b) c) d)'],
    ['a || b && c', '(|| a (&& b c))'],
    ['a && b || c', '(|| (&& a b) c)'],
    ['a | b ^ c & d', '(| a (^ b (& c d)))'],
    ['a & b == c', '(& a (== b c))'],
    ['a == b < c', '(== a (< b c))'],
    ['a != b >= c <= d > e', '(!= a (> (<= (>= b c) d) e))'],
    ['1 < 2 < 3', '(< (< 1L 2L) 3L)'],
    ['a < b + c', '(< a (+ b c))'],
    ['-a * b', '(* (- a) b)'],
    ['!a && ~b', '(&& (! a) (~ b))'],
    ['+f(x) - -(1)', '(- (+ f(x)) (- 1L))'],
    ['(1 + 2) * 3', '(* (+ 1L 2L) 3L)'],
    ['a || b || c && d | e ^ f & g == h < i + j * k', '(|| (|| a b) (&& c (| d (^ e (& f (== g (< h (+ i (* j k)))))))))'],
  ])('%s', (source, expected) => {
    expect(sexpr(dml(source))).toBe(expected);
  });

  it('gives binary nodes the span of both operands and of the operator', () => {
    const e = dml('a  +  bb');
    if (e.kind !== 'Binary') throw new Error();
    expect(e.span).toMatchObject({ col: 8, endCol: 15 });
    expect(e.opSpan).toMatchObject({ col: 11, endCol: 11 });
  });
});

describe('DML forms', () => {
  it.each([
    ['x = 1', '(= x 1L)'],
    ['a = b = 3', '(= a (= b 3L))'],
    ["x[0]['k'] = y[1]", '(= x[0L]["k"] y[1L])'],
    ['x = if (c) 1 else 2', '(= x (if c 1L 2L))'],
    ['x = while (c) 1', '(= x (while c 1L))'],
    ['x = for (i = 0; i < 3; i = i + 1) i', '(= x (for (= i 0L) (< i 3L) (= i (+ i 1L)) i))'],
    ['x = foreach (k; v; l) v', '(= x (foreach k v l v))'],
    ['{ 1; 2 }', '{1L; 2L}'],
    ['{ 1; }', '{1L}'],
    ['{ { x = 1 }; x }', '{{(= x 1L)}; x}'],
    ['if (a) if (b) 1 else 2', '(if a (if b 1L 2L))'],
    ['if (a) { 1 } else if (b) 2', '(if a {1L} (if b 2L))'],
    ['(if (a) 1 else 2) + 1', '(+ (if a 1L 2L) 1L)'],
    ['({ 1 }) * 2', '(* {1L} 2L)'],
    ['foreach (k[0]; v[1]; x) { k }', '(foreach k[0L] v[1L] x {k})'],
    ['SELF[0][1]', 'SELF[0L][1L]'],
    ['f()', 'f()'],
    ['f(1,)', 'f(1L)'],
    ['f(,)', 'f()'],
    ['f(,1)', 'f(1L)'],
    ['f(1, {2}, g(3))', 'f(1L, {2L}, g(3L))'],
    ['f(x = 1)', 'f((= x 1L))'],
    ['ifx + forx', '(+ ifx forx)'],
  ])('%s', (source, expected) => {
    expect(sexpr(dml(source))).toBe(expected);
  });

  it('gives a call the span from its name to its closing parenthesis', () => {
    const e = dml('length( x )');
    if (e.kind !== 'Call') throw new Error();
    expect([e.nameSpan.col, e.nameSpan.endCol, e.span.col, e.span.endCol]).toEqual([8, 13, 8, 18]);
  });
});

describe('literals', () => {
  const value = (source: string) => (dml(source) as LiteralExpr).value;

  it('has the evaluator representation', () => {
    expect(value('12')).toBe(12n);
    expect(value('0x10')).toBe(16n);
    expect(value('010')).toBe(8n);
    expect(value('1.5e2')).toBe(150);
    expect(value('1e400')).toBe(Infinity);
    expect(value(`'it''s'`)).toBe("it's");
    expect(value(String.raw`"a\tb\x21"`)).toBe('a\tb!');
    expect(value('true')).toBe(true);
    expect(value('false')).toBe(false);
    expect(value('null')).toBeNull();
    expect(value('undef')).toBeUndefined();
  });

  it('resolves heredocs, also when their body follows later statements on the same line', () => {
    const [a, b] = statements("'/a' = <<EOT + 'x'; '/b' = <<END;\none\nEOT\ntwo\nEND\n");
    const ea = a!.kind === 'Assign' ? a.value : undefined;
    const eb = b!.kind === 'Assign' ? (b.value as LiteralExpr) : undefined;
    expect(ea && sexpr(ea)).toBe('(+ "one\\n" "x")');
    expect(eb).toMatchObject({ value: 'two\n', heredoc: true });
  });
});

describe('types', () => {
  const range = (min: bigint, max?: bigint) => (max === undefined ? { min } : { min, max });

  it.each([
    ['long', { kind: 'TypeRef', name: 'long' }],
    ['long()', { kind: 'TypeRef', name: 'long' }],
    ['long(1..10)', { kind: 'TypeRef', name: 'long', range: range(1n, 10n) }],
    ['long(..10)', { kind: 'TypeRef', name: 'long', range: range(0n, 10n) }],
    ['long(5)', { kind: 'TypeRef', name: 'long', range: range(5n, 5n) }],
    ['long(-5..-1)', { kind: 'TypeRef', name: 'long', range: range(-5n, -1n) }],
    ['long(0x10..)', { kind: 'TypeRef', name: 'long', range: range(16n) }],
    ['string[]', { kind: 'List', element: { kind: 'TypeRef', name: 'string' } }],
    ['long*', { kind: 'Link', target: { kind: 'TypeRef', name: 'long' } }],
    ['choice("a", \'b\')', { kind: 'Choice', choices: ['a', 'b'] }],
  ])('%s', (source, expected) => {
    expect(stripSpans(typeOf(source))).toEqual(expected);
  });

  it('applies clauses left to right', () => {
    expect(stripSpans(typeOf('long[3][4]'))).toEqual({
      kind: 'List',
      range: range(4n, 4n),
      element: { kind: 'List', range: range(3n, 3n), element: { kind: 'TypeRef', name: 'long' } },
    });
    expect(stripSpans(typeOf('string{}[1..]*'))).toEqual({
      kind: 'Link',
      target: { kind: 'List', range: range(1n), element: { kind: 'Dict', element: { kind: 'TypeRef', name: 'string' } } },
    });
  });

  it('reads records: quoted field names, required and optional fields, full field types, include, extensible, range', () => {
    const r = typeOf(`extensible {
      'a' : long = 1
      "b" ? string with length(SELF) > 0
      include base
      'c' : long(1..2)[] = list(1) with true
    }(1..3)`) as RecordType;
    expect(stripSpans(r)).toEqual({
      kind: 'Record',
      extensible: true,
      range: range(1n, 3n),
      includes: [{ name: 'base' }],
      fields: [
        { name: 'a', required: true, type: { kind: 'FullType', spec: { kind: 'TypeRef', name: 'long' }, default: { kind: 'Literal', value: 1n } } },
        {
          name: 'b',
          required: false,
          type: {
            kind: 'FullType',
            spec: { kind: 'TypeRef', name: 'string' },
            with: stripSpans(dml('length(SELF) > 0')),
          },
        },
        {
          name: 'c',
          required: true,
          type: {
            kind: 'FullType',
            spec: { kind: 'List', element: { kind: 'TypeRef', name: 'long', range: range(1n, 2n) } },
            default: stripSpans(dml('list(1)')),
            with: { kind: 'Literal', value: true },
          },
        },
      ],
    });
    expect(stripSpans(typeOf('{}'))).toEqual({ kind: 'Record', extensible: false, fields: [], includes: [] });
  });

  it('reads a full type with default and validation in bind and type statements', () => {
    const [b] = statements(`bind '/x' = long(0..) = 5 with SELF < 10;`);
    if (b!.kind !== 'Bind') throw new Error();
    expect(sexpr(b.type.default as Expr)).toBe('5L');
    expect(sexpr(b.type.with as Expr)).toBe('(< SELF 10L)');
    expect(b.type.span).toMatchObject({ col: 13, endCol: 40 });
  });
});

describe('spans', () => {
  it('every span of a large realistic file is inside the file and consistent with its offsets', () => {
    const text = generatePan(60_000);
    const ast = parseOk(text, 'bench/generated.pan');
    const spans = allSpans(ast);
    expect(spans.length).toBeGreaterThan(5_000);
    const bad = spans.flatMap((s) => spanProblems(s, text));
    expect(bad).toEqual([]);
    expect(new Set(spans.map((s) => s.file))).toEqual(new Set(['bench/generated.pan']));
  });
});
