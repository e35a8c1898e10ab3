/**
 * The structural check of generated xl.cfg text (docs/artifacts.md §1.1): xl itself ignores
 * unknown keys and lets a repeated key win, so these must be caught before a file is written.
 */
import { lintXl } from '../../src/artifacts/xl-lint.js';

function problems(text: string): string[] {
  return lintXl(text, { artifact: 'xen/h/g.cfg' }).map((d) => `${d.span?.line}: ${d.message}`);
}

test('a canonical config passes: strings, numbers, lists over several lines, comments, ; separators', () => {
  const text = [
    '# g on h',
    'name = "g"; vcpus = 2',
    "type = 'pv'",
    'memory = 0x800',
    'bootloader_args = [ "mac=00:16:3e:00:00:01" ]',
    'disk = [',
    '    "format=raw, vdev=xvda, access=rw, target=/dev/vg/g \\"x\\"", # trailing comment',
    ']',
    'extra = "a\\tb"',
  ].join('\n');
  expect(problems(text)).toEqual([]);
});

test('unknown and repeated keys are reported at their line', () => {
  expect(problems('name = "g"\ncolour = "blue"\nname = "h"\n')).toEqual(['2: xl config: unknown key colour', '3: xl config: key name is set twice']);
});

test('what xl would refuse to parse is reported too', () => {
  expect(problems('Memory = 1\n')).toEqual(['1: xl config: expected a key']);
  expect(problems('bootloader = pygrub\n')).toEqual(['1: xl config: expected a string, a number or a list']);
  expect(problems('name = "a\nb"\n')).toEqual(['1: xl config: newline inside a string']);
  expect(problems('name = "C:\\path"\n')).toEqual(['1: xl config: invalid escape \\p in a string']);
  expect(problems('disk = [ "a" "b" ]\n')).toEqual(['1: xl config: expected , or ] in a list']);
  expect(problems('maxmem = 512 + 256\n')).toEqual(['1: xl config: expected the end of the statement']);
});

test('the template is named when known', () => {
  const [d] = lintXl('colour = "x"\n', { artifact: 'xen/h/g.cfg', template: 'templates/xen/domain.cfg.hbs' });
  expect(d!.message).toBe('xl config: unknown key colour (rendered from templates/xen/domain.cfg.hbs)');
  expect(d!.span).toMatchObject({ file: 'xen/h/g.cfg', line: 1, col: 1 });
});
