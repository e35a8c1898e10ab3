/**
 * Fuzzing the escapers (docs/artifacts.md §7): for random text full of the characters that
 * matter — newline, quotes, backslash, #, $, ;, %, comma, =, braces, blanks, control and
 * non-ASCII characters — every escaper either refuses the value or writes something that
 * reads back as exactly that value and cannot start a new line or directive.
 */
import fc from 'fast-check';
import { callEscaper } from '../../src/artifacts/escape/index.js';
import { Rejected } from '../../src/artifacts/escape/value.js';
import { tokenizeLine } from '../../src/artifacts/kslint/tokenize.js';
import { lintXl } from '../../src/artifacts/xl-lint.js';

const SPECIAL = ['\n', '\r', '\t', ' ', '"', "'", '\\', '#', '$', ';', '%', ',', '=', '{', '}', '`', '|', '&', '\u0000', '\u0085', '\u2028', 'é', '€', 'a', 'b', 'Z', '0', '9', '-', '.', '/', ':', '@'];
const text = fc.string({ unit: fc.constantFrom(...SPECIAL), maxLength: 24 });
const RUNS = { numRuns: 2000 };

function escape(name: string, value: unknown, ...args: unknown[]): string | undefined {
  const out = callEscaper(name, value, args);
  return out instanceof Rejected ? undefined : out;
}

/** Reads an xl double-quoted string literal back (the escapes we write: \\ and \"). */
function readXlString(literal: string): string {
  expect(literal.startsWith('"') && literal.endsWith('"')).toBe(true);
  return literal.slice(1, -1).replace(/\\(["\\])/g, '$1');
}

test('xl strings read back unchanged and form one valid statement', () => {
  fc.assert(
    fc.property(text, (s) => {
      const out = escape('xl', s);
      if (out === undefined) return;
      expect(out).not.toMatch(/[\n\r]/);
      expect(readXlString(out)).toBe(s);
      expect(lintXl(`name = ${out}\n`)).toEqual([]);
    }),
    RUNS,
  );
});

test('kickstart bare words are one word that reads back unchanged', () => {
  fc.assert(
    fc.property(text, (s) => {
      const out = escape('ks', s);
      if (out === undefined) return;
      expect(tokenizeLine(`lang ${out}`)).toEqual({ ok: true, words: ['lang', s] });
    }),
    RUNS,
  );
});

test('kickstart quoted text stays inside its option and reads back unchanged', () => {
  fc.assert(
    fc.property(text, (s) => {
      const out = escape('ksq', s);
      if (out === undefined) return;
      expect(out).not.toMatch(/[\n\r]/);
      expect(tokenizeLine(`bootloader --append=${out} --location=mbr`)).toEqual({ ok: true, words: ['bootloader', `--append=${s}`, '--location=mbr'] });
    }),
    RUNS,
  );
});

test('shell words are one word that reads back unchanged', () => {
  fc.assert(
    fc.property(text, (s) => {
      const out = escape('shq', s);
      if (out === undefined) return;
      expect(out).not.toMatch(/[\n\r]/);
      expect(tokenizeLine(`curl ${out}`)).toEqual({ ok: true, words: ['curl', s] });
    }),
    RUNS,
  );
});

test('script bodies never contain a line starting with %', () => {
  fc.assert(
    fc.property(text, (s) => {
      const out = escape('ksscript', s);
      if (out === undefined) return;
      for (const line of out.split('\n')) expect(line.trimStart().startsWith('%')).toBe(false);
    }),
    RUNS,
  );
});

test('package lines are one word that is not a section marker', () => {
  fc.assert(
    fc.property(text, (s) => {
      const out = escape('kspkg', s);
      if (out === undefined) return;
      expect(out).toBe(s);
      expect(tokenizeLine(out)).toEqual({ ok: true, words: [s] });
      expect(out.startsWith('%')).toBe(false);
    }),
    RUNS,
  );
});

test('kernel arguments stay single whitespace-free words in every boot format', () => {
  for (const name of ['pxeargs', 'grubargs', 'ipxeargs', 'pypxeargs', 'xlargs']) {
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 4 }), (tokens) => {
        const out = escape(name, tokens);
        if (out === undefined) return;
        const words = name === 'xlargs' ? readXlString(out).split(' ') : out.split(' ');
        expect(words).toEqual(tokens);
        for (const w of words) expect(w).not.toMatch(/[\s\u0000-\u001f\u007f-\u009f"'\\]/);
        if (name === 'grubargs') for (const w of words) expect(w).not.toMatch(/[;&|<>$#{}]/);
        if (name === 'ipxeargs') for (const w of words) expect(w).not.toMatch(/[$#]/);
      }),
      { numRuns: 500 },
    );
  }
});

test('line texts (pxelinux, iPXE, GRUB titles, comments) stay on one line', () => {
  for (const name of ['pxe', 'ipxe', 'grubtitle', 'grubcomment', 'comment']) {
    fc.assert(
      fc.property(text, (s) => {
        const out = escape(name, s);
        if (out === undefined) return;
        expect(out).not.toMatch(/[\n\r\u0085\u2028\u2029]/);
        if (name === 'grubtitle') expect(out).toBe(`'${s}'`);
        else expect(out).toBe(s);
        if (name === 'ipxe') expect(out).not.toMatch(/[$#"'\\]/);
      }),
      RUNS,
    );
  }
});

test('xl disk and vif specs never leave their string', () => {
  fc.assert(
    fc.property(text, text, (target, bridge) => {
      const disk = escape('xldisk', { format: 'raw', vdev: 'xvda', access: 'rw', target });
      if (disk !== undefined) expect(lintXl(`disk = [ ${disk} ]\n`)).toEqual([]);
      const vif = escape('xlvif', { mac: '00:16:3e:00:00:01', bridge });
      if (vif !== undefined) {
        expect(readXlString(vif).split(',')).toEqual(['mac=00:16:3e:00:00:01', `bridge=${bridge}`]);
        expect(lintXl(`vif = [ ${vif} ]\n`)).toEqual([]);
      }
    }),
    RUNS,
  );
});
