/**
 * Lexical syntax (language reference §2): trivia, reserved words, template names, strings and
 * their escapes, heredocs, numbers, punctuation, unknown characters.
 */
import { tokenize } from '../../grammar/lexer.js';
import { LineIndex } from '../../grammar/line-index.js';
import type { PanToken } from '../../grammar/scanner.js';
import type { HeredocPayload } from '../../grammar/scanners.js';
import { doubleQuotedValue, longValue, singleQuotedValue } from '../../grammar/literals.js';
import { show } from './helpers.js';

function lex(text: string) {
  return tokenize(new LineIndex('t.pan', text));
}

/** `Type:image` of every token. */
function kinds(text: string): string[] {
  const r = lex(text);
  expect(r.diagnostics.map(show)).toEqual([]);
  return r.tokens.map((t) => `${t.tokenType.name}:${t.image}`);
}

/** Codes and positions of the lexical diagnostics. */
function problems(text: string): string[] {
  return lex(text).diagnostics.map((d) => `${d.span!.line}:${d.span!.col} ${d.code}`);
}

function only(text: string): PanToken {
  const r = lex(text);
  expect(r.tokens).toHaveLength(1);
  return r.tokens[0]!;
}

describe('trivia', () => {
  it('skips whitespace (space, tab, form feed, all line ends) and comments', () => {
    expect(kinds(' a\t\f#comment ; b\r\nb2\rc\n # last')).toEqual(['Identifier:a', 'Identifier:b2', 'Identifier:c']);
  });

  it('keeps # inside strings', () => {
    expect(kinds(`'a#b' "c#d"`)).toEqual([`SingleQuotedString:'a#b'`, `DoubleQuotedString:"c#d"`]);
  });

  it('records offsets with an inclusive end offset', () => {
    const [a, b] = lex('ab  cde').tokens;
    expect([a!.startOffset, a!.endOffset, b!.startOffset, b!.endOffset]).toEqual([0, 1, 4, 6]);
  });
});

describe('reserved words and identifiers', () => {
  it('recognises every reserved word', () => {
    const words = 'if else for foreach while with type bind valid final prefix unique object include function variable structure extensible declaration choice undef null true false';
    expect(kinds(words).map((k) => k.split(':')[0])).toEqual([
      'If', 'Else', 'For', 'Foreach', 'While', 'With', 'Type', 'Bind', 'Valid', 'Final', 'Prefix', 'Unique', 'Object', 'Include',
      'Function', 'Variable', 'Structure', 'Extensible', 'Declaration', 'Choice', 'Undef', 'Null', 'True', 'False',
    ]);
  });

  it('uses the longest match: a reserved word followed by name characters is an identifier', () => {
    expect(kinds('ifx iff _if if_ forx foreachx trueish nullable If TRUE long string')).toEqual(
      ['ifx', 'iff', '_if', 'if_', 'forx', 'foreachx', 'trueish', 'nullable', 'If', 'TRUE', 'long', 'string'].map((w) => `Identifier:${w}`),
    );
  });

  it('splits a number from a following word', () => {
    expect(kinds('1else')).toEqual(['LongLiteral:1', 'Else:else']);
  });
});

describe('names shared between scans', () => {
  it('reads the same names in every text, however many distinct names came before', () => {
    const many = Array.from({ length: 20_000 }, (_, i) => `n${i}`).join(' ');
    for (let round = 0; round < 2; round++) {
      const tokens = lex(many).tokens;
      expect(tokens).toHaveLength(20_000);
      expect([tokens[0]!.image, tokens[16_383]!.image, tokens[16_384]!.image, tokens[19_999]!.image]).toEqual(['n0', 'n16383', 'n16384', 'n19999']);
      expect(kinds('n1 variable n19999 n1x')).toEqual(['Identifier:n1', 'Variable:variable', 'Identifier:n19999', 'Identifier:n1x']);
    }
  });
});

describe('template names', () => {
  it('reads one name of [A-Za-z0-9_+./-] after the keyword template', () => {
    expect(kinds('object template a/b-c.d+e_1/0x;')).toEqual(['Object:object', 'Template:template', 'TemplateName:a/b-c.d+e_1/0x', 'Semicolon:;']);
  });

  it('allows comments, line ends and annotations before the name', () => {
    expect(kinds('template # c\n @(doc) \n  site/if;')).toEqual(['Template:template', 'TemplateName:site/if', 'Semicolon:;']);
  });

  it('returns to normal mode after the name', () => {
    expect(kinds('template x; if')).toEqual(['Template:template', 'TemplateName:x', 'Semicolon:;', 'If:if']);
  });

  it('yields no name when none follows', () => {
    expect(kinds('template ;')).toEqual(['Template:template', 'Semicolon:;']);
  });
});

describe('single-quoted strings', () => {
  it('reads doubled quotes as one quote and allows an empty string', () => {
    expect(singleQuotedValue(only(`'it''s'`).image)).toBe("it's");
    expect(singleQuotedValue(only(`''`).image)).toBe('');
    expect(singleQuotedValue(only(`'a\\nb'`).image)).toBe('a\\nb');
  });

  it('reports an unterminated string at its quote', () => {
    expect(problems(`x = 'abc\n'`)).toEqual(['1:5 PF102', '2:1 PF102']);
  });

  it('takes the longest valid prefix like panc: in \'foo\'\'; the last quote is unterminated', () => {
    const r = lex(`'foo'';`);
    expect(r.tokens.map((t) => t.image)).toEqual([`'foo'`, `';`]);
    expect(r.diagnostics.map((d) => `${d.span!.col} ${d.code}`)).toEqual(['6 PF102']);
  });
});

describe('double-quoted strings', () => {
  it('decodes every escape of §2.5', () => {
    expect(doubleQuotedValue(only(String.raw`"\n\t\r\b\f\\\"\x41\x7e"`).image)).toBe('\n\t\r\b\f\\"A~');
  });

  it('removes a backslash–line-end continuation (LF, CR, CRLF)', () => {
    for (const eol of ['\n', '\r', '\r\n']) {
      expect(doubleQuotedValue(only(`"ab\\${eol}cd"`).image)).toBe('abcd');
    }
  });

  it.each([
    [String.raw`"\q"`, '1:2 PF103'],
    [String.raw`"ok \u0041"`, '1:5 PF103'],
    [String.raw`"\x4"`, '1:2 PF103'],
    [String.raw`"\xZZ"`, '1:2 PF103'],
    [String.raw`"a\ b"`, '1:3 PF103'],
  ])('reports the invalid escape in %s at the backslash', (text, expected) => {
    expect(problems(text)).toEqual([expected]);
  });

  it('reports a raw line end or end of input before the closing quote', () => {
    expect(problems('"abc\n')).toEqual(['1:1 PF102']);
    expect(problems('"abc\\"')).toEqual(['1:1 PF102']);
    expect(problems('"abc\\')).toEqual(['1:1 PF102']);
  });

  it('lexes an escaped backslash before the closing quote correctly', () => {
    expect(kinds(String.raw`"a\\" + "b"`)).toEqual([String.raw`DoubleQuotedString:"a\\"`, 'Plus:+', 'DoubleQuotedString:"b"']);
  });
});

describe('heredocs', () => {
  const body = (t: PanToken) => (t.payload as HeredocPayload).body;

  it('takes the following lines up to the marker line, keeping line ends and empty lines', () => {
    const r = lex("'/a' = <<EOT;\nline1\n\n  EOT\nEOT\nnext");
    expect(r.tokens.map((t) => t.image)).toEqual([`'/a'`, '=', '<<EOT', ';', 'next']);
    expect(body(r.tokens[2]!)).toBe('line1\n\n  EOT\n');
  });

  it('lexes the rest of the marker line normally and reads several bodies in order', () => {
    const r = lex("'/a' = <<EOT + 'x' + <<END;\nline1\n  EOT\n\nEOT\nsecond\nEND\n");
    expect(r.diagnostics).toEqual([]);
    const heredocs = r.tokens.filter((t) => t.tokenType.name === 'HeredocString');
    expect(heredocs.map(body)).toEqual(['line1\n  EOT\n\n', 'second\n']);
    expect(r.tokens.map((t) => t.image)).toEqual([`'/a'`, '=', '<<EOT', '+', `'x'`, '+', '<<END', ';']);
  });

  it('accepts CRLF line ends and a terminator on the last line without a line end', () => {
    const r = lex('x = <<EOT;\r\na\r\nEOT');
    expect(r.diagnostics).toEqual([]);
    expect(body(r.tokens[2]!)).toBe('a\r\n');
  });

  it('does no escape processing and ignores comments inside the body', () => {
    const r = lex('x = <<EOT;\n"\\q" # not a comment\nEOT\n');
    expect(body(r.tokens[2]!)).toBe('"\\q" # not a comment\n');
  });

  it('reports end of input inside a heredoc at its marker', () => {
    expect(problems('x = <<EOT;\nxx\n EOT\n')).toEqual(['1:5 PF104']);
    expect(problems('x = <<EOT;')).toEqual(['1:5 PF104']);
  });

  it('treats << without a name as two operators', () => {
    expect(kinds('a << b')).toEqual(['Identifier:a', 'Less:<', 'Less:<', 'Identifier:b']);
  });
});

describe('numbers', () => {
  it.each([
    ['0', 'LongLiteral', 0n],
    ['17', 'LongLiteral', 17n],
    ['017', 'LongLiteral', 15n],
    ['0x1F', 'LongLiteral', 31n],
    ['0XfF', 'LongLiteral', 255n],
    ['9223372036854775807', 'LongLiteral', 9223372036854775807n],
    ['0x7FFFFFFFFFFFFFFF', 'LongLiteral', 9223372036854775807n],
    ['0777777777777777777777', 'LongLiteral', 9223372036854775807n],
  ])('%s is a long', (text, type, value) => {
    const t = only(text);
    expect(t.tokenType.name).toBe(type);
    expect(longValue(t.image)).toBe(value);
  });

  it.each(['1.5', '0.25', '1e3', '1.5e-3', '2E+2', '09.5'])('%s is a double', (text) => {
    expect(only(text).tokenType.name).toBe('DoubleLiteral');
  });

  it('lexes 1..5 as 1 .. 5', () => {
    expect(kinds('1..5')).toEqual(['LongLiteral:1', 'Range:..', 'LongLiteral:5']);
    expect(kinds('..5')).toEqual(['Range:..', 'LongLiteral:5']);
  });

  it.each([
    ['09', '1:1 PF107'],
    ['0778', '1:1 PF107'],
    ['.5', '1:1 PF107'],
    ['5.', '1:1 PF107'],
    ['5.x', '1:1 PF107'],
    ['0x', '1:1 PF107'],
    ['9223372036854775808', '1:1 PF108'],
    ['0xFFFFFFFFFFFFFFFF', '1:1 PF108'],
    ['01000000000000000000000', '1:1 PF108'],
  ])('%s is reported', (text, expected) => {
    expect(problems(text)).toEqual([expected]);
  });
});

describe('punctuation and operators', () => {
  it('recognises every operator, longest first', () => {
    const ops = '; , ( ) [ ] { } = ?= ? : + - * / % ! ~ < > <= >= == != && || & | ^ ..';
    expect(kinds(ops).map((k) => k.slice(k.indexOf(':') + 1))).toEqual(ops.split(' '));
    expect(kinds('a<=b>=c==d!=e?=f').map((k) => k.split(':')[0])).toEqual([
      'Identifier', 'LessEqual', 'Identifier', 'GreaterEqual', 'Identifier', 'Equal', 'Identifier', 'NotEqual', 'Identifier', 'AssignDefault', 'Identifier',
    ]);
  });
});

describe('annotations', () => {
  it('are not tokens; they become annotation nodes', () => {
    const r = lex('@(free text) a @ doc [ x = 1 ] b @{\n  k = v\n}');
    expect(r.tokens.map((t) => t.image)).toEqual(['a', 'b']);
    expect(r.annotations.map((a) => [a.name, a.entries, a.body])).toEqual([
      ['', [], 'free text'],
      ['doc', [['x', '1']], ' x = 1 '],
      ['', [['k', 'v']], '\n  k = v\n'],
    ]);
    expect(r.annotations[2]!.span).toMatchObject({ line: 1, col: 34, endLine: 3, endCol: 1 });
  });

  it('reports a malformed annotation body and a lone @', () => {
    expect(problems('@(a&=b) x')).toEqual(['1:1 PF105']);
    expect(problems('x @ y')).toEqual(['1:3 PF105']);
    expect(problems('@(unclosed')).toContain('1:1 PF105');
  });
});

describe('unknown characters', () => {
  it('reports one diagnostic per run of characters that start no token', () => {
    expect(problems('a $$ b . c `')).toEqual(['1:3 PF100', '1:8 PF100', '1:12 PF100']);
    expect(lex('a $$ b').tokens.map((t) => t.image)).toEqual(['a', 'b']);
  });

  it('ends a run at blanks, and starts one after blanks at the right column', () => {
    const r = lex('a \t $$\t \t$ b  ');
    expect(r.diagnostics.map((d) => `${d.span!.col}+${d.span!.length}`)).toEqual(['5+2', '10+1']);
    expect(r.tokens.map((t) => `${t.image}@${t.startOffset}`)).toEqual(['a@0', 'b@11']);
    expect(kinds(' \t')).toEqual([]);
    expect(kinds('a \t# c\n \tb \f c')).toEqual(['Identifier:a', 'Identifier:b', 'Identifier:c']);
  });
});
