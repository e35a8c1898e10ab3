/**
 * Digits of floating-point conversions as java.util.Formatter produces them: Java rounds the
 * shortest decimal representation of the double half-up (FormattedFloatingDecimal), so
 * `%.2f` of 1.005 is `1.01` and `%.1f` of 0.25 is `0.3`. Also Double.toHexString for `%a`.
 */

/** Significant digits (no leading zeros) and exponent with value = 0.DIGITS × 10^exp. */
interface Decimal {
  digits: string;
  exp: number;
}

/** The shortest round-trip digits of a finite positive double. */
function shortest(v: number): Decimal {
  const [mantissa, e] = v.toExponential().split('e');
  return { digits: mantissa!.replace('.', ''), exp: Number(e) + 1 };
}

/** FormattedFloatingDecimal.applyPrecision: keep `keep` digits, rounding half-up. */
function applyPrecision(d: Decimal, keep: number): Decimal {
  if (keep >= d.digits.length || keep < 0) return d;
  if (keep === 0) {
    return d.digits.charCodeAt(0) >= 0x35 ? { digits: '1', exp: d.exp + 1 } : { digits: '0', exp: d.exp };
  }
  const head = d.digits.slice(0, keep);
  if (d.digits.charCodeAt(keep) < 0x35) return { digits: head, exp: d.exp };
  const rounded = (BigInt(head) + 1n).toString();
  return rounded.length > keep ? { digits: '1', exp: d.exp + 1 } : { digits: rounded.padStart(keep, '0'), exp: d.exp };
}

/** Appends zeros so that the mantissa has exactly `prec` fraction digits (Formatter.addZeros). */
export function addZeros(mantissa: string, prec: number): string {
  const dot = mantissa.indexOf('.');
  const have = dot < 0 ? 0 : mantissa.length - dot - 1;
  if (have >= prec) return mantissa;
  return (dot < 0 ? mantissa + '.' : mantissa) + '0'.repeat(prec - have);
}

/** fillDecimal: plain notation with at most `prec` fraction digits. */
function fillDecimal(d: Decimal, prec: number): string {
  const { digits, exp } = d;
  if (exp > 0) {
    if (digits.length <= exp) return digits.padEnd(exp, '0');
    const t = Math.min(digits.length - exp, prec);
    return digits.slice(0, exp) + (t > 0 ? '.' + digits.slice(exp, exp + t) : '');
  }
  const zeros = Math.max(0, Math.min(-exp, prec));
  const t = Math.max(0, Math.min(digits.length, prec + exp));
  if (zeros > 0 || t > 0) return '0.' + '0'.repeat(zeros) + digits.slice(0, t);
  return '0';
}

/** fillScientific mantissa with at most `prec` fraction digits, and the exponent text. */
function fillScientific(d: Decimal, prec: number): [string, string] {
  const t = Math.max(0, Math.min(d.digits.length - 1, prec));
  const mantissa = t > 0 ? d.digits[0] + '.' + d.digits.slice(1, 1 + t) : d.digits[0]!;
  const e = d.exp - 1;
  return [mantissa, (e < 0 ? '-' : '+') + String(Math.abs(e)).padStart(2, '0')];
}

/** `%f` magnitude of a finite non-negative double with `prec` fraction digits (before addZeros). */
export function fixedDigits(v: number, prec: number): string {
  if (v === 0) return fillDecimal({ digits: '0', exp: 0 }, prec);
  const d = shortest(v);
  return fillDecimal(applyPrecision(d, d.exp + prec), prec);
}

/** `%e` mantissa (before addZeros) and exponent (`+05`, `-123`). */
export function scientificDigits(v: number, prec: number): [string, string] {
  if (v === 0) return ['0', '+00'];
  return fillScientific(applyPrecision(shortest(v), prec + 1), prec);
}

/**
 * `%g` with `prec` significant digits: the mantissa (before addZeros), the exponent text when
 * scientific notation is used (undefined for plain notation), and the fraction digit count.
 */
export function generalDigits(v: number, prec: number): { mantissa: string; exponent?: string; fraction: number } {
  if (v === 0) return { mantissa: '0', fraction: prec - 1 };
  const d = applyPrecision(shortest(v), prec);
  const e10 = d.exp - 1;
  if (e10 < -4 || e10 >= prec) {
    const [mantissa, exponent] = fillScientific(d, prec - 1);
    return { mantissa, exponent, fraction: prec - 1 };
  }
  return { mantissa: fillDecimal(d, prec - d.exp), fraction: prec - d.exp };
}

const SIGNIFICAND_BITS = 52n;

function bitsOf(v: number): bigint {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, v);
  return view.getBigUint64(0);
}

function fromBits(bits: bigint): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setBigUint64(0, bits);
  return view.getFloat64(0);
}

/** Double.toHexString without the sign: `0x1.8p1`, `0x0.0p0`, subnormals `0x0.0...1p-1022`. */
export function hexDouble(v: number): string {
  if (v === 0) return '0x0.0p0';
  const bits = bitsOf(Math.abs(v));
  const exponent = Number(bits >> SIGNIFICAND_BITS);
  const fraction = bits & ((1n << SIGNIFICAND_BITS) - 1n);
  const hex = fraction.toString(16).padStart(13, '0').replace(/0+$/, '') || '0';
  if (exponent === 0) return `0x0.${hex}p-1022`;
  return `0x1.${hex}p${exponent - 1023}`;
}

/**
 * `%a` digits for a finite positive double with `prec` hex fraction digits (1..12); rounds the
 * significand half-even as Formatter.hexDouble does (subnormals are normalized first).
 */
export function hexDoubleRounded(v: number, prec: number): string {
  let x = v;
  const subnormal = bitsOf(x) >> SIGNIFICAND_BITS === 0n;
  if (subnormal) x *= 2 ** 54;
  const shift = 52n - BigInt(prec * 4);
  const bits = bitsOf(x);
  let kept = bits >> shift;
  const dropped = bits & ((1n << shift) - 1n);
  const half = 1n << (shift - 1n);
  if (dropped > half || (dropped === half && (kept & 1n) === 1n)) kept++;
  const result = fromBits(kept << shift);
  if (!Number.isFinite(result)) return '0x1.0p1024';
  const text = hexDouble(result);
  if (!subnormal) return text;
  const p = text.indexOf('p');
  return `${text.slice(0, p)}p${Number(text.slice(p + 1)) - 54}`;
}
