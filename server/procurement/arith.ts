// Exact arithmetic for procurement figures: integer pence (bigint), calendar days, and the one rounding
// rule every figure follows — work in exact fractions, round half-up to the penny once, at the end.
import { londonDateIso } from "../shared/london-date.ts";

/** Milliseconds in a day. */
const DAY_MS = 86_400_000;

/** The days of a year in every pro-rata calculation (leap days are not counted separately). */
export const DAYS_PER_YEAR = 365n;

/**
 * numerator / denominator rounded half-up (halves away from zero) to an integer: the single rounding
 * step of every money figure. The denominator must be positive.
 */
export function divHalfUp(numerator: bigint, denominator: bigint): bigint {
  if (denominator <= 0n) throw new RangeError("denominator must be positive");
  const negative = numerator < 0n;
  const abs = negative ? -numerator : numerator;
  const q = (abs * 2n + denominator) / (denominator * 2n);
  return negative ? -q : q;
}

/** numerator / denominator rounded up to an integer (both positive). */
export function divCeil(numerator: bigint, denominator: bigint): bigint {
  if (denominator <= 0n) throw new RangeError("denominator must be positive");
  return numerator <= 0n ? -(-numerator / denominator) : (numerator + denominator - 1n) / denominator;
}

/** Whole days from `a` to `b` (calendar dates at UTC midnight); negative when b is before a. */
export function daysBetween(a: Date, b: Date): number {
  return Math.round((b.getTime() - a.getTime()) / DAY_MS);
}

/** The calendar date `days` after `date`. */
export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY_MS);
}

/** Today in Europe/London, as a calendar date (UTC midnight of that date). */
export function today(now: Date = new Date()): Date {
  return new Date(`${londonDateIso(now)}T00:00:00.000Z`);
}

/** "YYYY-MM-DD" of a calendar date. */
export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Pence as people read them in explanations: 123456789n → "£1,234,567.89", -500n → "−£5.00". */
export function gbp(pence: bigint): string {
  const negative = pence < 0n;
  const abs = negative ? -pence : pence;
  const pounds = (abs / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${negative ? "−" : ""}£${pounds}.${(abs % 100n).toString().padStart(2, "0")}`;
}

/** An integer with thousands separators: 6071 → "6,071". */
export function count(n: number | bigint): string {
  return n.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** The calendar date `months` whole months after `date`, clamped to the month's last day (31 Jan + 1 → 28/29 Feb). */
export function addMonths(date: Date, months: number): Date {
  const y = date.getUTCFullYear();
  const m = date.getUTCMonth() + months;
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m, Math.min(date.getUTCDate(), last)));
}
