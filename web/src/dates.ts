// The councils' calendar date: "today" is the date in Europe/London (the browser's own zone may be
// anything; between midnight and 01:00 BST the UTC date is still yesterday's).
const LONDON = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Europe/London",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** Today (or the date at `now`) in Europe/London, as "YYYY-MM-DD". */
export function todayIso(now: Date = new Date()): string {
  return LONDON.format(now); // en-CA formats as YYYY-MM-DD
}
