// How figures read on screen. One place decides decimals and signs, so the same figure looks the same everywhere.
import { format, fromUnits, signum } from './decimal.js';

export const money = (v) => format(v, { digits: 2 });
export const money0 = (v) => format(v, { digits: 0 });
export const signedMoney = (v) => format(v, { digits: 2, plus: true });
export const price = (v) => format(v, { digits: 2 });
export const quantity = (v) => format(v, { digits: 4, group: false });

/**
 * A token amount given in smallest units, in whole tokens with the symbol ("1.5000 WETH"); the raw units when the
 * decimals are unknown, so a figure is never shown wrongly scaled. `plus` shows a sign on gains too.
 */
export function tokens(units, decimals, symbol, { digits = 4, plus = false } = {}) {
  if (units === null || units === undefined) return '—';
  const whole = fromUnits(units, decimals);
  const text = whole === null ? `${units} units` : format(whole, { digits, plus });
  return symbol ? `${text} ${symbol}` : text;
}

/** Wei as the native coin (18 decimals), e.g. gas spent: "0.000960 ETH". */
export const wei = (units, symbol = 'ETH') => tokens(units, 18, symbol, { digits: 6 });

/** A fraction (0.05) as percent ("5.00 %"). */
export const pct = (v, digits = 2) => (v === null || v === undefined ? '—' : format(v, { digits, shift: 2 }) + ' %');
export const signedPct = (v, digits = 2) =>
  v === null || v === undefined ? '—' : format(v, { digits, shift: 2, plus: true }) + ' %';

/** The CSS class that colours a signed figure. */
export function tone(v) {
  const s = signum(v);
  return s > 0 ? 'pos' : s < 0 ? 'neg' : 'flat';
}

/** Market times are UTC: the replayed data is years old, so the operator's local clock means nothing here. */
export function marketTime(value) {
  if (value === null || value === undefined || value === 0 || value === '') return '—';
  const date = typeof value === 'number' ? new Date(value) : new Date(value);
  if (Number.isNaN(date.getTime())) return '—';
  return date.toISOString().slice(0, 16).replace('T', ' ');
}

/** Short form for dense lists: month-day and time. */
export function shortTime(value) {
  const full = marketTime(value);
  return full === '—' ? full : full.slice(5);
}

/** Hours and minutes only, for a live list where the day is obvious (the full time is in the title). */
export function clockTime(value) {
  const full = marketTime(value);
  return full === '—' ? full : full.slice(11);
}

export function wallTime(ms) {
  if (!ms) return '—';
  return new Date(ms).toLocaleTimeString([], { hour12: false });
}

export function count(n) {
  return n === null || n === undefined ? '—' : String(n);
}
