// The plan's calendar: waves of whole months from the scenario's start date. A move in wave w is carried
// out during the wave and takes effect at the wave's end, the first day after it. Calendar dates are
// "YYYY-MM-DD" strings, handled at UTC midnight.

const DAY_MS = 86_400_000;

/** Parses "YYYY-MM-DD" into a UTC-midnight Date. */
export function parseDay(day: string): Date {
  return new Date(`${day}T00:00:00.000Z`);
}

/** "YYYY-MM-DD" of a UTC-midnight Date. */
export function formatDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The date `months` after `day`, the day of month clamped to the month's length (31 Jan + 1 → 28/29 Feb). */
export function addMonths(day: string, months: number): string {
  const d = parseDay(day);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + months;
  const target = new Date(Date.UTC(y, m, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d.getUTCDate(), last));
  return formatDay(target);
}

/** The date `days` after `day`. */
export function addDays(day: string, days: number): string {
  return formatDay(new Date(parseDay(day).getTime() + days * DAY_MS));
}

/** Whole days from `a` to `b` (negative when b is earlier). */
export function daysFrom(a: string, b: string): number {
  return Math.round((parseDay(b).getTime() - parseDay(a).getTime()) / DAY_MS);
}

/** The wave calendar of one scenario. */
export class WaveCalendar {
  constructor(
    readonly startDate: string,
    readonly waveLengthMonths: number,
    readonly horizonYears: number,
  ) {}

  /** Waves that fit in the horizon. */
  get horizonWaves(): number {
    return Math.max(1, Math.floor((this.horizonYears * 12) / this.waveLengthMonths));
  }

  /** First day of wave `w` (1-based). */
  waveStart(w: number): string {
    return addMonths(this.startDate, (w - 1) * this.waveLengthMonths);
  }

  /** The day wave `w`'s moves take effect: the first day after the wave. */
  waveEnd(w: number): string {
    return addMonths(this.startDate, w * this.waveLengthMonths);
  }

  /** Month index (0 = the start month) at which wave `w`'s moves take effect. */
  effectMonth(w: number): number {
    return w * this.waveLengthMonths;
  }

  /** Month index at which wave `w` starts (its one-off costs fall there). */
  startMonth(w: number): number {
    return (w - 1) * this.waveLengthMonths;
  }

  /** The first wave whose moves take effect on or after `day` (1 when `day` is on or before the first wave's end). */
  firstWaveEffectiveOnOrAfter(day: string): number {
    const d = parseDay(day);
    const start = parseDay(this.startDate);
    // Months from start to day, rounded down, then step forward to the first wave end that is not earlier.
    const months =
      (d.getUTCFullYear() - start.getUTCFullYear()) * 12 + (d.getUTCMonth() - start.getUTCMonth());
    let w = Math.max(1, Math.floor(Math.max(0, months) / this.waveLengthMonths));
    while (w > 1 && this.waveEnd(w - 1) >= day) w--;
    while (this.waveEnd(w) < day) w++;
    return w;
  }
}
