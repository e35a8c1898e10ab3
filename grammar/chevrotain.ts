/**
 * The chevrotain runtime used by the front end, loaded from the package's single-file ESM bundle
 * (`lib/chevrotain.mjs`). The package entry point is a multi-file build importing lodash-es
 * module by module; loading it took about 0.5 s of every command's start-up, the bundle about
 * 20 ms. Falls back to the package entry point if the bundle is absent. Every runtime use of
 * chevrotain in the front end goes through this module, so that all token types and parsers
 * come from one instance; types are imported from 'chevrotain' as usual.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

type Chevrotain = typeof import('chevrotain');

async function load(): Promise<Chevrotain> {
  const entry = createRequire(import.meta.url).resolve('chevrotain');
  const bundle = path.join(path.dirname(entry), '..', 'chevrotain.mjs');
  if (existsSync(bundle)) return (await import(pathToFileURL(bundle).href)) as Chevrotain;
  return import('chevrotain');
}

const chevrotain = await load();

export const { createToken, createSyntaxDiagramsCode, Lexer, EmbeddedActionsParser, EOF, tokenMatcher } = chevrotain;
