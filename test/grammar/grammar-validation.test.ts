/**
 * Chevrotain's own checks of the grammar and token definitions (skipped at run time), and the
 * agreement of the streaming scanner with the chevrotain lexer built from the same definitions.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { jest } from '@jest/globals';
import type { IToken } from 'chevrotain';
import { createPanParser } from '../../grammar/parser.js';
import { Scanner } from '../../grammar/scanner.js';
import { scanState } from '../../grammar/scanners.js';
import { createPanLexer } from '../../grammar/tokens.js';
import { CONFORMANCE_DIR } from './helpers.js';

function panFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((n) => {
      const full = path.join(dir, n);
      return statSync(full).isDirectory() ? panFiles(full) : n.endsWith('.pan') ? [full] : [];
    });
}

describe('grammar validation', () => {
  it('the parser passes all of chevrotain grammar validations', () => {
    // Building the parser throws on definition errors; the list is not part of chevrotain's types.
    const parser = createPanParser({ skipValidations: false }) as unknown as { definitionErrors: unknown[] };
    expect(parser.definitionErrors).toEqual([]);
  });

  it('the lexer definition passes chevrotain validations and first-character optimisation', () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const lexer = createPanLexer({ skipValidations: false, ensureOptimizations: true });
    expect(lexer.lexerDefinitionErrors).toEqual([]);
    expect(warn).not.toHaveBeenCalled();
    warn.mockRestore();
  });
});

/** Tokens, unknown-character runs, annotations and heredoc bodies, as plain data. */
interface Scan {
  tokens: string[];
  unknown: string[];
  annotations: string[];
  heredocs: Array<string | undefined>;
}

const describeToken = (t: IToken) => `${t.tokenType.name}@${t.startOffset}:${t.image}`;

function withScanner(text: string): Scan {
  const scanner = new Scanner(text);
  const tokens = scanner.all().map(describeToken);
  return {
    tokens,
    unknown: scanner.unknown.map((u) => `${u.offset}+${u.length}`),
    annotations: scanner.annotations.map((a) => `${a.startOffset}:${a.image}`),
    heredocs: scanState.heredocs.map((h) => h.body),
  };
}

function withChevrotain(text: string): Scan {
  const lexer = createPanLexer();
  scanState.reset();
  const r = lexer.tokenize(text);
  return {
    tokens: r.tokens.map(describeToken),
    unknown: r.errors.map((e) => `${e.offset}+${e.length}`),
    annotations: (r.groups['annotations'] ?? []).map((a) => `${a.startOffset}:${a.image}`),
    heredocs: scanState.heredocs.map((h) => h.body),
  };
}

describe('the streaming scanner implements the chevrotain token definitions', () => {
  const samples = [
    "object template a/b;\n'/x' = <<EOT + \"y\\n\" + <<END;\nbody\nEOT\nmore\nEND\n",
    "template t; x = 1..5 + .5 + 5. + 09 + 0x + 0x1F + 1e3 + 2.5E-3 + 1else;",
    "template t; $ x ` @ @(a=b) @name[ text ] 'unterminated\n\"bad \\q escape\" <<",
    "'a'' + 'b' ; \"a\\\\\" + \"b\" ; ?= ? : || | && & ^ == = != ! <= < >= > ~ % * / - +",
    '$<<EOT;\nbody\nEOT\n$ \n x',
    'template',
    'template 123;#c',
  ];

  it.each(samples.map((s) => [s]))('%j', (text) => {
    expect(withScanner(text)).toEqual(withChevrotain(text));
  });

  it('on every file of the conformance suite', () => {
    const files = panFiles(path.join(CONFORMANCE_DIR, 'panc'));
    expect(files.length).toBeGreaterThan(500);
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      expect({ file, ...withScanner(text) }).toEqual({ file, ...withChevrotain(text) });
    }
  });
});
