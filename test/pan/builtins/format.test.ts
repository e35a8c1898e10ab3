import { javaFormat } from '../../../src/pan/builtins/format.js';
import { builtin, call, callError, dict, list } from './helpers.js';

const PREFIX = 'invalid format specification or mismatched types in format(): ';

function formatError(fmt: string, ...args: (bigint | number | string | boolean)[]): string {
  const message = callError('format', fmt, ...args);
  expect(message.startsWith(PREFIX)).toBe(true);
  return message.slice(PREFIX.length);
}

describe('format: strings, booleans and resources', () => {
  it('formats %s with Pan string forms', () => {
    expect(call('format', '%s', 'x')).toBe('x');
    expect(call('format', '%s %s %s', 1n, 2.5, true)).toBe('1 2.5 true');
    expect(call('format', '%s', 1e20)).toBe('1.0E20');
    expect(call('format', '%s', dict(['entry1', 1n], ['entry2', 2n]))).toBe('{ entry1, 1, entry2, 2 }');
    expect(call('format', '%s', list(1n, 2n, 3n))).toBe('[ 1, 2, 3 ]');
    expect(call('format', 'no specifiers')).toBe('no specifiers');
  });

  it('applies width, precision, justification and upper case', () => {
    expect(call('format', '[%5s][%-5s][%.2s][%S]', 'ab', 'ab', 'abc', 'straße')).toBe('[   ab][ab   ][ab][STRASSE]');
    expect(call('format', '%b %b %B', true, 'x', false)).toBe('true true FALSE');
    expect(call('format', '%h %H', 'hi', 1n)).toBe('d01 1');
    expect(call('format', '%h', 2.5)).toBe('40040000');
  });

  it('supports %%, %n and argument indices', () => {
    expect(call('format', '100%% done%n')).toBe('100% done\n');
    expect(call('format', '[%-4%]')).toBe('[%   ]');
    expect(call('format', '%2$s %1$s %<s %s', 'a', 'b')).toBe('b a a a');
  });
});

describe('format: integers', () => {
  it('formats %d with flags', () => {
    expect(call('format', '%d|%5d|%-5d|%05d', 42n, 42n, 42n, -42n)).toBe('42|   42|42   |-0042');
    expect(call('format', '%+d|% d|%,d|%(d|%(5d', 5n, 5n, 1234567n, -5n, -5n)).toBe('+5| 5|1,234,567|(5)|  (5)');
    expect(call('format', '%,010d', 1234567n)).toBe('01,234,567');
    expect(call('format', '%d', -9223372036854775808n)).toBe('-9223372036854775808');
  });

  it('formats %x and %o, negative values in two\'s complement', () => {
    expect(call('format', '%x|%X|%o', 15n, 255n, 15n)).toBe('f|FF|17');
    expect(call('format', '%#x|%#X|%#o|%08x|%#08x', 255n, 255n, 8n, 255n, 255n)).toBe('0xff|0XFF|010|000000ff|0x0000ff');
    expect(call('format', '%x', -1n)).toBe('ffffffffffffffff');
    expect(call('format', '%o', -8n)).toBe('1777777777777777777770');
  });
});

describe('format: floating point', () => {
  it('rounds the shortest decimal form half-up like Java', () => {
    expect(call('format', '%.2f', 1.15)).toBe('1.15');
    expect(call('format', '%.2f', 1.005)).toBe('1.01');
    expect(call('format', '%.1f', 0.25)).toBe('0.3');
    expect(call('format', '%.0f', 0.5)).toBe('1');
    expect(call('format', '%.0f', 2.5)).toBe('3');
    expect(call('format', '%.3f', 0.0005)).toBe('0.001');
    expect(call('format', '%.3f', 0.0004)).toBe('0.000');
    expect(call('format', '%.1f', 9.96)).toBe('10.0');
  });

  it('formats %f', () => {
    expect(call('format', '%f', 3.14159)).toBe('3.141590');
    expect(call('format', '%08.3f', -3.14159)).toBe('-003.142');
    expect(call('format', '%,.2f', 1234567.891)).toBe('1,234,567.89');
    expect(call('format', '%+.1f|% .1f|%(.1f', 1.5, 1.5, -1.5)).toBe('+1.5| 1.5|(1.5)');
    expect(call('format', '%#.0f', 3.0)).toBe('3.');
    expect(call('format', '%f', 1e20)).toBe('100000000000000000000.000000');
    expect(call('format', '%.2f', -0.0)).toBe('-0.00');
    expect(call('format', '%f', 0.0)).toBe('0.000000');
  });

  it('formats %e and %g', () => {
    expect(call('format', '%e', 12345.678)).toBe('1.234568e+04');
    expect(call('format', '%.0e|%E', 0.5, 1e-300)).toBe('5e-01|1.000000E-300');
    expect(call('format', '%.3e', 0.0)).toBe('0.000e+00');
    expect(call('format', '%012.2e', -1234.5)).toBe('-0001.23e+03');
    expect(call('format', '%g', 0.0001)).toBe('0.000100000');
    expect(call('format', '%g', 123.456)).toBe('123.456');
    expect(call('format', '%g', 0.0)).toBe('0.00000');
    expect(call('format', '%10.4g', 123456789.0)).toBe(' 1.235e+08');
    expect(call('format', '%G', 0.00001)).toBe('1.00000E-05');
    expect(call('format', '%.0g', 25.0)).toBe('3e+01');
  });

  it('formats %a', () => {
    expect(call('format', '%a', 1.5)).toBe('0x1.8p0');
    expect(call('format', '%A', -0.5)).toBe('-0X1.0P-1');
    expect(call('format', '%.2a', 1 / 3)).toBe('0x1.55p-2');
    expect(call('format', '%a', 4.9e-324)).toBe('0x0.0000000000001p-1022');
    expect(call('format', '%.1a', 4.9e-324)).toBe('0x1.0p-1074');
  });

  it('prints NaN and infinities without zero padding', () => {
    expect(call('format', '%f|%e|%5.1f', NaN, Infinity, -Infinity)).toBe('NaN|Infinity|-Infinity');
    expect(call('format', '%08f|%E', NaN, -Infinity)).toBe('     NaN|-INFINITY');
  });
});

describe('format: errors', () => {
  it('rejects mismatched argument types with Java messages', () => {
    expect(formatError('%d', 1.5)).toBe('d != java.lang.Double');
    expect(formatError('%x', 'BAD')).toBe('x != java.lang.String');
    expect(formatError('%f', 1n)).toBe('f != java.lang.Long');
    expect(formatError('%c', 65n)).toBe('c != java.lang.Long');
    expect(formatError('%e', true)).toBe('e != java.lang.Boolean');
    expect(callError('format', '%d', dict(['a', 1n]))).toBe(`${PREFIX}d != java.lang.String`);
  });

  it('rejects bad specifications', () => {
    expect(formatError('%q')).toBe("Conversion = 'q'");
    expect(formatError('%5q')).toBe("Conversion = 'q'");
    expect(formatError('abc%')).toBe("Conversion = '%'");
    expect(formatError('%D', 1n)).toBe("Conversion = 'D'");
    expect(formatError('%x%x', 1n)).toBe("Format specifier '%x'");
    expect(formatError('%<s', 'a')).toBe("Format specifier '%<s'");
    expect(formatError('%3$s', 'a')).toBe("Format specifier '%3$s'");
    expect(formatError('%0$s', 'a')).toBe('Illegal format argument index = 0');
    expect(formatError('%--5d', 1n)).toBe("Flags = '-'");
    expect(formatError('%-d', 1n)).toBe('%-d');
    expect(formatError('%0d', 1n)).toBe('%0d');
    expect(formatError('%-05d', 1n)).toBe("Flags = '-0'");
    expect(formatError('%+ d', 1n)).toBe("Flags = '+ '");
    expect(formatError('%#d', 1n)).toBe('Conversion = d, Flags = #');
    expect(formatError('%,x', 1n)).toBe('Conversion = x, Flags = ,');
    expect(formatError('%+x', 1n)).toBe('Conversion = x, Flags = +');
    expect(formatError('%.2d', 1n)).toBe('2');
    expect(formatError('%05s', 'a')).toBe('Conversion = s, Flags = 0');
    expect(formatError('%#s', 'a')).toBe('Conversion = s, Flags = #');
    expect(formatError('%#b', true)).toBe('Conversion = b, Flags = #');
    expect(formatError('%#g', 1.0)).toBe('Conversion = g, Flags = #');
    expect(formatError('%,e', 1.0)).toBe('Conversion = e, Flags = ,');
    expect(formatError('%5n')).toBe('5');
    expect(formatError('%.1c', 'a')).toBe('1');
    expect(formatError('%tY', 1n)).toBe('date/time conversion %tY is not supported');
  });

  it('checks the specification before looking at arguments', () => {
    expect(formatError('%d %q', 'x')).toBe("Conversion = 'q'");
  });

  it('rejects undef and null arguments and a non-string format', () => {
    expect(callError('format', '%s', undefined)).toBe('all arguments to format() must be primitive types');
    expect(callError('format', '%s', null)).toBe('all arguments to format() must be primitive types');
    expect(callError('format', 1n)).toBe('first argument to format() must be a string');
    expect(builtin('format').arityMessage).toBe('first argument of format() must be a string');
  });

  it('is usable directly with Java values', () => {
    expect(javaFormat('%s=%d', ['x', 3n])).toBe('x=3');
  });
});
