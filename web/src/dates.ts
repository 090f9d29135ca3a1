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

const LONDON_PARTS = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/London",
  hourCycle: "h23",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
});

/** How far Europe/London's wall clock is ahead of UTC at `at`, in milliseconds (0 in winter, 1 h in summer). */
function londonOffset(at: number): number {
  const p = Object.fromEntries(LONDON_PARTS.formatToParts(at).map((x) => [x.type, x.value]));
  const wall = Date.UTC(+p.year!, +p.month! - 1, +p.day!, +p.hour!, +p.minute!, +p.second!);
  return wall - Math.floor(at / 1000) * 1000;
}

/** The instant (ISO) the councils' day `date` ("YYYY-MM-DD") starts in Europe/London, plus `days` days. */
export function londonDayStart(date: string, days = 0): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return null;
  const midnight = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]! + days);
  if (Number.isNaN(midnight)) return null;
  // The offset at the guess, then again at the answer (the two differ only across a clock change).
  const guess = midnight - londonOffset(midnight);
  return new Date(midnight - londonOffset(guess)).toISOString();
}

const LONDON_DATE_TIME = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/London",
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
});

/** An instant as the councils' wall clock shows it: "7 Dec 2026, 14:05" in Europe/London. */
export function londonDateTime(at: Date): string {
  return LONDON_DATE_TIME.format(at);
}
