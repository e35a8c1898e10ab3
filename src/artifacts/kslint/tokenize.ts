/**
 * Kickstart's line tokeniser: a POSIX shell split with comments (pykickstart uses Python's
 * shlex in posix mode with `#` as comment character). Outside quotes, blanks separate words,
 * a backslash escapes the next character and an unquoted `#` — even inside a word — ends the
 * line; `"…"` allows `\"` and `\\`; `'…'` is literal. A quote left open or a backslash at the
 * end of the line is an error.
 */

export type Tokens = { ok: true; words: string[] } | { ok: false; reason: string; col: number };

const PLAIN = /^[^"'\\#]*$/;
const BLANKS = /[ \t\r\n]+/;

/** Splits one kickstart line into words. */
export function tokenizeLine(line: string): Tokens {
  if (PLAIN.test(line)) return { ok: true, words: line.split(BLANKS).filter((w) => w !== '') };
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let i = 0;
  const end = (): void => {
    if (inWord) words.push(word);
    word = '';
    inWord = false;
  };
  while (i < line.length) {
    const c = line[i]!;
    if (c === ' ' || c === '\t' || c === '\r' || c === '\n') {
      end();
      i++;
    } else if (c === '#') {
      end();
      return { ok: true, words };
    } else if (c === '\\') {
      if (i + 1 >= line.length) return { ok: false, reason: 'a backslash ends the line', col: i + 1 };
      word += line[i + 1];
      inWord = true;
      i += 2;
    } else if (c === "'" || c === '"') {
      const close = quoted(line, i, c);
      if (close.end < 0) return { ok: false, reason: `the ${c === '"' ? 'double' : 'single'} quote is not closed`, col: i + 1 };
      word += close.text;
      inWord = true;
      i = close.end + 1;
    } else {
      word += c;
      inWord = true;
      i++;
    }
  }
  end();
  return { ok: true, words };
}

/** Reads a quoted part starting at `start`; `end` is the closing quote's index or -1. */
function quoted(line: string, start: number, quote: string): { text: string; end: number } {
  let text = '';
  for (let i = start + 1; i < line.length; i++) {
    const c = line[i]!;
    if (c === quote) return { text, end: i };
    if (quote === '"' && c === '\\' && (line[i + 1] === '"' || line[i + 1] === '\\')) {
      text += line[i + 1];
      i++;
    } else {
      text += c;
    }
  }
  return { text, end: -1 };
}
