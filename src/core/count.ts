// Numbers as every message shows them, in en-US form: "1,234", "1.2",
// "0.036". A status, a comment and the summary write a number the same way.
//
// Written out here rather than with toLocaleString: the first call into
// Intl pages in about 7 MB of ICU data, where a 10,000-PR sweep peaks at
// about 113 MB (README "Decisions where the spec is silent"). The text is
// toLocaleString('en-US', …)'s for every finite number but -0;
// __tests__/core/count.test.ts compares the two.

/** Digits of |n| with no leading zeros, and where the decimal point falls: 1234.5 → "12345", 4; 0.036 → "36", -1. */
interface Decimal {
  digits: string;
  point: number;
}

/** The shortest decimal form of |n| (the one `String(n)` shows), as digits and a point. */
function decimalOf(n: number): Decimal {
  const [mantissa, exponent = '0'] = Math.abs(n).toString().split('e');
  const [whole, fraction = ''] = mantissa.split('.');
  const all = whole + fraction;
  const leading = /^0*/.exec(all)![0].length;
  if (leading === all.length) return { digits: '', point: 0 };
  return { digits: all.slice(leading), point: whole.length + Number(exponent) - leading };
}

/** `d` rounded half away from zero to its first `keep` digits (Intl's default rounding). */
function rounded({ digits, point }: Decimal, keep: number): Decimal {
  if (digits.length <= keep) return { digits, point };
  if (keep < 0 || (keep === 0 && digits[0] < '5')) return { digits: '', point: 0 };
  const kept = digits.slice(0, keep).split('').map(Number);
  if (digits[keep] >= '5') {
    let i = kept.length - 1;
    while (i >= 0 && kept[i] === 9) kept[i--] = 0;
    if (i < 0) return { digits: `1${kept.join('')}`, point: point + 1 };
    kept[i]++;
  }
  return { digits: kept.join(''), point };
}

/** 1234567 → "1,234,567". */
function grouped(whole: string): string {
  return whole.replace(/\B(?=(\d{3})+$)/g, ',');
}

function written(negative: boolean, { digits, point }: Decimal): string {
  const whole = digits === '' || point <= 0 ? '0' : digits.slice(0, point).padEnd(point, '0');
  const fraction = point < 0 ? '0'.repeat(-point) + digits : digits.slice(Math.max(point, 0));
  const trimmed = fraction.replace(/0+$/, '');
  return `${negative ? '-' : ''}${grouped(whole)}${trimmed ? `.${trimmed}` : ''}`;
}

export type Precision = { maximumFractionDigits: number } | { maximumSignificantDigits: number };

/**
 * `n` as toLocaleString('en-US', precision) writes it: digits grouped by
 * three with commas, rounded half away from zero, no trailing zeros.
 * -0 is written "0" (Intl writes "-0"); non-finite numbers come back as String(n).
 */
export function decimal(n: number, precision: Precision): string {
  if (!Number.isFinite(n)) return String(n);
  const d = decimalOf(n);
  const keep =
    'maximumSignificantDigits' in precision
      ? precision.maximumSignificantDigits
      : d.point + precision.maximumFractionDigits;
  return written(n < 0, rounded(d, keep));
}

/** A count: "1,234" (up to three decimals, as toLocaleString('en-US') writes any number). */
export function count(n: number): string {
  return decimal(n, { maximumFractionDigits: 3 });
}
