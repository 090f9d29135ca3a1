// ISO dates ("YYYY-MM-DD") for the renewals window and the timeline's scale. "Today" is the councils'
// date (Europe/London); the arithmetic on dates is then in UTC, where every day has 24 hours.
export { todayIso } from "../dates.ts";

/** A date `months` after an ISO date, as ISO (day clamped to the month's end). */
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, last));
  return first.toISOString().slice(0, 10);
}

/** Days since the epoch of an ISO date, for placing it on a scale. */
export const dayNumber = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
