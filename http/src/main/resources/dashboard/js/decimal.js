// The API sends money and fractions as decimal strings so that no figure passes through binary floating point.
// The dashboard keeps that promise for everything it prints or sorts: these helpers work on the digits (BigInt),
// and only the charts, which need coordinates rather than exact figures, convert to Number.

const PATTERN = /^([+-]?)(\d*)(?:\.(\d*))?$/;

/** A decimal string as integer units and a scale ("-1.50" is -150 units at scale 2), or null if it is not one. */
export function parse(text) {
  if (text === null || text === undefined) return null;
  const m = PATTERN.exec(String(text).trim());
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return null;
  const fraction = m[3] ?? '';
  const magnitude = BigInt((m[2] || '0') + fraction);
  return { units: m[1] === '-' ? -magnitude : magnitude, scale: fraction.length };
}

function atScale(d, scale) {
  return d.units * 10n ** BigInt(scale - d.scale);
}

/** Orders two decimal strings exactly; a missing value sorts before any number. */
export function compare(a, b) {
  const x = parse(a);
  const y = parse(b);
  if (!x || !y) return (x ? 1 : 0) - (y ? 1 : 0);
  const scale = Math.max(x.scale, y.scale);
  const diff = atScale(x, scale) - atScale(y, scale);
  return diff < 0n ? -1 : diff > 0n ? 1 : 0;
}

/** -1, 0 or 1; 0 for a missing value. */
export function signum(text) {
  const d = parse(text);
  if (!d) return 0;
  return d.units < 0n ? -1 : d.units > 0n ? 1 : 0;
}

/**
 * The value times 10^shift, rounded half away from zero to `digits` decimals: {negative, whole, fraction} as
 * digit strings. shift = 2 turns a fraction into percent without leaving the integers.
 */
export function round(text, digits, shift = 0) {
  const d = parse(text);
  if (!d) return null;
  let units = d.units < 0n ? -d.units : d.units;
  let scale = d.scale - shift;
  if (scale < 0) {
    units *= 10n ** BigInt(-scale);
    scale = 0;
  }
  let rounded;
  if (scale > digits) {
    const divisor = 10n ** BigInt(scale - digits);
    rounded = units / divisor;
    if ((units % divisor) * 2n >= divisor) rounded += 1n;
  } else {
    rounded = units * 10n ** BigInt(digits - scale);
  }
  const text2 = rounded.toString().padStart(digits + 1, '0');
  return {
    negative: d.units < 0n && rounded !== 0n,
    whole: digits === 0 ? text2 : text2.slice(0, -digits),
    fraction: digits === 0 ? '' : text2.slice(-digits),
  };
}

/** Formats a decimal string: fixed decimals, optional thousands separators and an explicit plus sign. */
export function format(text, { digits = 2, group = true, plus = false, shift = 0 } = {}) {
  const r = round(text, digits, shift);
  if (!r) return '—';
  const whole = group ? r.whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',') : r.whole;
  const sign = r.negative ? '−' : plus && r.whole.replace(/0/g, '') + r.fraction.replace(/0/g, '') !== '' ? '+' : '';
  return sign + whole + (digits > 0 ? '.' + r.fraction : '');
}

/** a / b as a decimal string with digits + 1 decimals (format() then rounds it), or null if b is zero or missing. */
export function divide(a, b, digits) {
  const x = parse(a);
  const y = parse(b);
  if (!x || !y || y.units === 0n) return null;
  const numerator = x.units * 10n ** BigInt(y.scale + digits + 1);
  const denominator = y.units * 10n ** BigInt(x.scale);
  const q = numerator / denominator;
  const negative = (q < 0n) || (q === 0n && (x.units < 0n) !== (y.units < 0n) && x.units !== 0n);
  const digitsText = (q < 0n ? -q : q).toString().padStart(digits + 2, '0');
  const cut = digitsText.length - (digits + 1);
  return `${negative ? '-' : ''}${digitsText.slice(0, cut)}.${digitsText.slice(cut)}`;
}

/**
 * An integer count of smallest units as a decimal string of whole tokens ("1500000", 6 → "1.500000"), or null if
 * it is not an integer or the decimals are unknown. Exact: the digits are moved, never divided.
 */
export function fromUnits(units, decimals) {
  const d = parse(units);
  if (!d || d.scale !== 0 || !Number.isInteger(decimals) || decimals < 0) return null;
  const negative = d.units < 0n;
  const digits = (negative ? -d.units : d.units).toString().padStart(decimals + 1, '0');
  const whole = digits.slice(0, digits.length - decimals);
  const fraction = digits.slice(digits.length - decimals);
  return `${negative ? '-' : ''}${whole}${decimals > 0 ? `.${fraction}` : ''}`;
}

/** For coordinates only (charts, bar widths): never for a figure shown as text. */
export function toNumber(text) {
  const n = Number(text);
  return Number.isFinite(n) ? n : 0;
}
