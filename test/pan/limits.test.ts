/** Limits (§11): every runaway construct ends in a clear diagnostic, never a JavaScript crash. */
import { cleanup, error, obj } from './helpers.js';

afterAll(cleanup);

describe('limits', () => {
  test('an infinite loop hits the iteration limit', async () => {
    const e = await error(obj("variable N = 0;\n'/a' = { i = N; while (true) i = i + 1; };"));
    expect(e.code).toBe('PF207');
    expect(e.message).toBe('loop iteration count (100) has been exceeded');
    expect(e.span?.line).toBe(3);
  });

  test('exactly maxIteration iterations are allowed', async () => {
    const e = await error(obj("variable N = 101;\n'/a' = { i = 0; for (j = 0; j < N; j = j + 1) i = i + 1; };\n"));
    expect(e.code).toBe('PF207');
    const ok = await error(obj("variable N = 100;\n'/a' = { for (j = 0; j < N; j = j + 1) j; };\n'/b' = 1 + 'x';"));
    expect(ok.panClass).toBe('Syntax');
  });

  test('a constant loop in a statement uses the compile-time limit of 1000', async () => {
    const e = await error(obj("'/a' = { i = 0; while (true) i = i + 1; };"), undefined, { maxIteration: 5 });
    expect(e.message).toBe('loop iteration count (5) has been exceeded');
  });

  test('unbounded recursion hits the call-depth limit', async () => {
    const e = await error(obj("function f = f(ARGV[0] + 1);\n'/a' = f(0);"));
    expect(e.code).toBe('PF208');
    expect(e.message).toBe('call depth limit (50) exceeded');
    expect(e.related!.length).toBeGreaterThan(40);
  });

  test('unbounded recursion without a configured limit still ends in a diagnostic', async () => {
    const e = await error(obj("function f = f(ARGV[0] + 1);\n'/a' = f(0);"), undefined, { maxRecursion: 0 });
    expect(e.panClass).toBe('Evaluation');
    expect(e.message).toMatch(/stack overflow|call depth/);
  });

  test('an include cycle ends in the call-depth error', async () => {
    const e = await error({ t: "object template t;\ninclude 'a';", a: "template a;\ninclude 'b';", b: "template b;\ninclude 'a';" });
    expect(e.code).toBe('PF208');
    expect(e.message).toBe('call depth limit (50) exceeded');
  });

  test('a huge list index is a size-limit error, not an allocation failure', async () => {
    const e = await error(obj("'/l/2000000000' = 1;"));
    expect(e.code).toBe('PF219');
    expect(e.message).toMatch(/list size limit/);
  });

  test('a circular data structure is reported instead of overflowing the stack', async () => {
    const e = await error(obj("function f = { SELF['A'] = dict('a', 'x'); SELF; };\n'/x' = { SELF['A'] = f(); SELF; };"));
    expect(e.panClass).toBe('Evaluation');
    expect(e.message).toMatch(/^stack overflow/);
  });
});

describe('size limits', () => {
  test('a string growing past what JavaScript can hold is a limit error', async () => {
    const e = await error(obj("variable N = 40;\n'/s' = { s = 'xxxxxxxxxxxxxxxx'; for (i = 0; i < N; i = i + 1) s = s + s; s; };"));
    expect(e.code).toBe('PF219');
    expect(e.panClass).toBe('Evaluation');
  });
});
