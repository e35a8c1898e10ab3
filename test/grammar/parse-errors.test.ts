/**
 * Every parse-error rule of the language reference (§2, §7.1, §8.2, §13.1): the code, the
 * position, and that every error of a file is reported, not only the first.
 */
import { parseErrors, show } from './helpers.js';

/** `line:col CODE` of each diagnostic of `template t;\n<body>`. */
function errorsIn(body: string): string[] {
  return parseErrors(`template t;\n${body}`).map((d) => `${d.span!.line}:${d.span!.col} ${d.code}`);
}

describe('lexical errors', () => {
  it.each([
    ["'/x' = $;", '2:8 PF100'],
    ["'/x' = 'abc;", '2:8 PF102'],
    ["'/x' = \"line 1\nline 2\";", '2:8 PF102'],
    ["'/x' = \"line 1 \\ \nline 2\";", '2:8 PF102'],
    ["'/x' = \"\\xx\";", '2:9 PF103'],
    ["'/x' = \"\\u0041\";", '2:9 PF103'],
    ["'/x' = <<EOT;\nxx\n EOT\n", '2:8 PF104'],
    ['@(a&=b)', '2:1 PF105'],
    ['@ x', '2:1 PF105'],
    ["'/x' = .1;", '2:8 PF107'],
    ["'/x' = 1.;", '2:8 PF107'],
    ["'/x' = 09;", '2:8 PF107'],
    ["'/x' = 9223372036854775808;", '2:8 PF108'],
  ])('%j', (body, expected) => {
    // Consequences of a dropped or swallowed token may follow; the cause comes first.
    expect(errorsIn(body)[0]).toBe(expected);
  });

  it('reports an overflowing long as PF108 (panc: System error), not as a grammar error', () => {
    const [d] = parseErrors("template t;\n'/x' = -9223372036854775808;");
    expect(d!.message).toMatch(/outside the range of a 64-bit signed integer/);
  });
});

describe('grammar errors', () => {
  it.each([
    ["'/x' = - -1;", '2:10', /unary operators cannot be stacked/],
    ["'/x' = !!x;", '2:9', /unary operators cannot be stacked/],
    ["'/x' = f()[0];", '2:11', /expected ';'/],
    ["'/x' = (x)[0];", '2:11', /expected ';'/],
    ["'/x' = 1 + {2};", '2:12', /found '\{'/],
    ["'/x' = {};", '2:9', /expected an expression or a block but found '\}'/],
    ["'/x' = ;", '2:8', /illegal empty DML/],
    ["'/x' = { 1;; 2 };", '2:12', /expected '\}'/],
    ["'/x' = f(1,,2);", '2:12', /expected '\)'/],
    ["'/x' = 1 + if (a) 1 else 2;", '2:12', /found 'if'/],
    ["'/x' = (x) = 1;", '2:12', /invalid assignment/],
    ["'/x' = -x = 1;", '2:11', /invalid assignment/],
    ["'/x' = f() = 1;", '2:12', /invalid assignment/],
    ["'/x' = a + b = 1;", '2:14', /invalid assignment/],
    ["'/x' = if (a) 1 else;", '2:21', /illegal empty DML/],
    ["'/x' = foreach (k; v) x;", '2:21', /expected ';'/],
    ['type c = choice();', '2:17', /expected string but found '\)'/],
    ['type r = {\n  foo : long\n};', '3:3', /expected '\}' but found 'foo'/],
    ['type r = long(1.5);', '2:15', /found '1.5'/],
    ['bind <<EOT = long;\nEOT\n', '2:6', /expected quoted string/],
    ['prefix <<EOT;\nEOT\n', '2:8', /expected quoted string/],
    ['variable if = 1;', '2:10', /expected identifier but found 'if'/],
    ['function template = 1;', '2:10', /expected identifier but found 'template'/],
    ["final '/x';", '2:11', /expected '=' or '\?=' but found ';'/],
    ["'/x' = 1", '2:9', /expected ';' but found end of file/],
    ["'/x' ?= {1}{2};", '2:12', /expected ';'/],
  ])('%j', (body, position, message) => {
    const [first] = parseErrors(`template t;\n${body}`);
    expect(show(first!)).toMatch(new RegExp(`^${position} PF101 `));
    expect(first!.message).toMatch(message);
  });
});

describe('template declaration', () => {
  it.each([
    ['', '1:1'],
    ['# comment only\n\n', '1:15'],
    ["'/a' = 1;", '1:1'],
  ])('%j has no declaration (PF106)', (text, position) => {
    expect(parseErrors(text).map((d) => `${d.span!.line}:${d.span!.col} ${d.code}`)).toEqual([`${position} PF106`]);
  });

  it('reports a declaration that is not first', () => {
    expect(parseErrors("'/a' = 1;\nobject template x;").map(show)).toEqual([
      expect.stringMatching(/^1:1 PF106 /),
      expect.stringMatching(/^2:1 PF101 unexpected 'object': expected a statement/),
    ]);
  });

  it.each([
    ['template ;', '1:10 PF101 expected template name'],
    ['template t', "1:11 PF101 expected ';' but found end of file"],
    ['object t;', "1:8 PF101 expected 'template'"],
  ])('reports a malformed declaration %j as a grammar error', (text, expected) => {
    expect(parseErrors(text).map(show)).toEqual([expect.stringContaining(expected)]);
  });
});

describe('recovery', () => {
  it('reports every syntax error of a file, on its own line', () => {
    const text = [
      'template t;',
      "'/a' = 1",
      "'/b' = 2;",
      "'/c' = ;",
      "'/d' = 3 3;",
      "'/e' = 'ok';",
      'type x = choice();',
      "'/f' = - -1;",
      "'/g' = \"\\q\";",
      "'/h' = f(x;",
    ].join('\n');
    expect(parseErrors(text).map((d) => `${d.span!.line} ${d.code}`)).toEqual(['3 PF101', '4 PF101', '5 PF101', '7 PF101', '8 PF101', '9 PF103', '10 PF101']);
  });

  it('does not repeat an unterminated string as grammar errors', () => {
    expect(errorsIn("'/x' = \"open;\n'/y' = 2;")).toEqual(['2:8 PF102']);
  });
});
