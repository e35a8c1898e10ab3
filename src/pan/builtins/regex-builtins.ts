/**
 * Regular expression built-ins: replace, split, match and matches, using Java regex
 * semantics through the translator in ../regex.ts. match/matches compile literal patterns and
 * flags at compile time (errors are Syntax); untranslatable patterns fail when called.
 */
import { PanList, type Value } from '../element.js';
import { compileJavaRegex, invalidMatchFlag, matchFlags, RegexError, ReplacementError, type JavaRegex } from '../regex.js';
import type { PureBuiltin, StaticArg } from './registry-types.js';
import { fail, intValue, typeName } from './util.js';

/** The message for a pattern that cannot be used. */
function regexMessage(e: RegexError): string {
  return e.untranslatable ? e.message : `invalid regular expression: ${e.message}`;
}

function compile(pattern: string, flags: number): JavaRegex {
  try {
    return compileJavaRegex(pattern, flags);
  } catch (e) {
    if (e instanceof RegexError) fail(regexMessage(e));
    throw e;
  }
}

const replace: PureBuiltin = {
  name: 'replace',
  minArgs: 3,
  maxArgs: 3,
  arityMessage: 'replace() requires exactly three arguments',
  call: ([re, repl, target]) => {
    if (typeof re !== 'string') return fail('first argument to replace() must be a regular expression string');
    const regex = compile(re, 0);
    if (typeof repl !== 'string') return fail('second argument to replace() must be a replacement string');
    if (typeof target !== 'string') return fail('third argument to replace() must be a string');
    try {
      return regex.replaceAll(target, repl);
    } catch (e) {
      if (e instanceof ReplacementError) fail("invalid replacement string; check '$' and '\\' characters");
      throw e;
    }
  },
};

const split: PureBuiltin = {
  name: 'split',
  minArgs: 2,
  maxArgs: 3,
  arityMessage: 'split() must have two or three arguments',
  call: (args) => {
    const re = args[0];
    if (typeof re !== 'string') return fail('first argument to split() must be a regular expression string');
    const regex = compile(re, 0);
    let limit = 0;
    if (args.length === 3) {
      const l = args[1];
      if (typeof l !== 'bigint') return fail('second argument to split() must be a long value');
      limit = intValue(l);
    }
    const target = args[args.length - 1];
    if (typeof target !== 'string') return fail('last argument to split() must be a string');
    return new PanList(regex.split(target, limit));
  },
};

/** Compile-time checks of match()/matches(): literal kinds, literal flags and pattern. */
function matcherStaticCheck(name: string): (args: readonly StaticArg[]) => string | undefined {
  return (args) => {
    for (const a of args) {
      if (a.literal && typeof a.value !== 'string') return `${name}() arguments must all be strings; ${typeName(a.value)} found`;
    }
    const [, re, flags] = args;
    let bits = 0;
    if (flags !== undefined && flags.literal) {
      const bad = invalidMatchFlag(flags.value as string);
      if (bad !== undefined) return `invalid matching flag for regular expression: ${bad}`;
      bits = matchFlags(flags.value as string);
    }
    if (re!.literal) {
      try {
        compileJavaRegex(re!.value as string, bits);
      } catch (e) {
        if (e instanceof RegexError && !e.untranslatable) return regexMessage(e);
        if (!(e instanceof RegexError)) throw e;
      }
    }
    return undefined;
  };
}

/** The error for a match()/matches() argument that is not a string (panc names the last one). */
function wrongKind(name: string, args: readonly Value[]): never {
  const bad = [...args].reverse().find((a) => typeof a !== 'string');
  return fail(`${name}() arguments must all be strings; ${typeName(bad)} found`);
}

/**
 * The compiled pattern of a match()/matches() call (whose first argument, the string matched,
 * is then known to be a string), checking argument kinds as panc does.
 */
function matcherRegex(name: string, args: readonly Value[]): JavaRegex {
  const re = args[1];
  if (typeof args[0] !== 'string') return wrongKind(name, args);
  let bits = 0;
  if (args.length === 3) {
    const flags = args[2];
    if (typeof flags !== 'string') return wrongKind(name, args);
    const bad = invalidMatchFlag(flags);
    if (bad !== undefined) fail(`invalid matching flag for regular expression: ${bad}`);
    bits = matchFlags(flags);
  }
  if (typeof re !== 'string') return wrongKind(name, args);
  return compile(re, bits);
}

const match: PureBuiltin = {
  name: 'match',
  minArgs: 2,
  maxArgs: 3,
  arityMessage: 'match() must have two or three arguments',
  staticCheck: matcherStaticCheck('match'),
  call: (args) => matcherRegex('match', args).test(args[0] as string),
};

const matches: PureBuiltin = {
  name: 'matches',
  minArgs: 2,
  maxArgs: 3,
  arityMessage: 'matches() must have two or three arguments',
  staticCheck: matcherStaticCheck('matches'),
  call: (args) => {
    const regex = matcherRegex('matches', args);
    const s = args[0] as string;
    const m = regex.find(s);
    if (m === undefined) return new PanList();
    let last = 0;
    m.groups.forEach((g, i) => {
      if (g !== undefined) last = i;
    });
    return new PanList(m.groups.slice(0, last + 1).map((g) => g ?? ''));
  },
};

/** The regular expression built-ins. */
export const REGEX_BUILTINS: readonly PureBuiltin[] = [replace, split, match, matches];
