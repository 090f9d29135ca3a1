// Small readers for OCDS JSON values: objects, strings, money and dates, each returning undefined (or
// an error message) rather than guessing when the value is absent or malformed.

/** A JSON object (not null, not an array). */
export type JsonObject = Record<string, unknown>;

/** True for a JSON object (not null, not an array). */
export function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The value if it is an object, else undefined. */
export function obj(value: unknown): JsonObject | undefined {
  return isObject(value) ? value : undefined;
}

/** The object elements of an array value ([] when the value is not an array). */
export function objects(value: unknown): JsonObject[] {
  return Array.isArray(value) ? value.filter(isObject) : [];
}

/** A non-blank string, trimmed; undefined otherwise. Numbers (some publishers write ids as numbers) become strings. */
export function str(value: unknown): string | undefined {
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  if (typeof value !== "string") return undefined;
  const t = value.trim();
  return t.length > 0 ? t : undefined;
}

/**
 * An OCDS amount (a number of pounds, or a numeric string) as integer pence, without going through
 * float arithmetic: 27954.3 → 2795430n. More than two decimals are rounded half-up to the penny and
 * flagged `rounded`. Negative, non-numeric or non-finite amounts give an error message instead.
 */
export function amountToPence(amount: unknown): { pence: bigint; rounded: boolean } | { error: string } {
  let text: string;
  if (typeof amount === "number") {
    if (!Number.isFinite(amount)) return { error: `amount ${String(amount)} is not a number` };
    text = /e/i.test(String(amount)) ? amount.toFixed(6) : String(amount);
  } else if (typeof amount === "string") {
    text = amount.trim();
  } else {
    return { error: amount === undefined ? "amount is missing" : "amount is not a number" };
  }
  const m = /^(-)?(\d+)(?:\.(\d+))?$/.exec(text);
  if (!m) return { error: `amount "${text.slice(0, 30)}" is not a number` };
  if (m[1]) return { error: `amount ${text} is negative` };
  const fraction = m[3] ?? "";
  let pence = BigInt(m[2]!) * 100n + BigInt(fraction.slice(0, 2).padEnd(2, "0"));
  const rest = fraction.slice(2);
  const rounded = /[1-9]/.test(rest);
  if (rest.length > 0 && Number(rest[0]) >= 5) pence += 1n;
  return { pence, rounded };
}

/** What an OCDS date field holds: absent (undefined), a calendar date, or a value that is not one. */
export type DateReading = { date: string } | { error: string } | undefined;

/**
 * The calendar date an OCDS date-time names, as "YYYY-MM-DD", read in the publisher's own offset:
 * "2025-04-10T00:00:00+01:00" is 10 April (converting to UTC first would give 9 April). Undefined when
 * the field is absent (missing, null or blank); an error naming the value when it is there but is not
 * an ISO 8601 date or date-time of a real calendar day in year 1000 or later ("0000-00-00",
 * "2025-13-45", "31/03/2025", a number).
 */
export function readCalendarDate(value: unknown): DateReading {
  if (value === undefined || value === null) return undefined;
  if (typeof value === "string" && value.trim() === "") return undefined;
  const shown =
    typeof value === "string"
      ? JSON.stringify(value.trim().slice(0, 40))
      : `${typeof value} ${JSON.stringify(value)?.slice(0, 40)}`;
  const invalid = {
    error: `${shown} is not a valid date (YYYY-MM-DD or an ISO 8601 date-time, a real calendar day, year 1000 or later)`,
  };
  if (typeof value !== "string") return invalid;
  const s = value.trim();
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:$|T)/.exec(s);
  if (!m || Number.isNaN(Date.parse(s))) return invalid;
  const [, y, mo, d] = m;
  if (Number(y) < 1000) return invalid; // not a plausible contract date, and years 0–99 would be misread
  const probe = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  return probe.getUTCMonth() === Number(mo) - 1 && probe.getUTCDate() === Number(d)
    ? { date: `${y}-${mo}-${d}` }
    : invalid;
}

/** The calendar date of an OCDS date field, or undefined when it is absent or not a valid date. */
export function calendarDate(value: unknown): string | undefined {
  const read = readCalendarDate(value);
  return read && "date" in read ? read.date : undefined;
}

/** Milliseconds since the epoch of an OCDS date-time, or -Infinity when absent or invalid (sorts first). */
export function instant(value: unknown): number {
  const s = str(value);
  const t = s ? Date.parse(s) : Number.NaN;
  return Number.isNaN(t) ? Number.NEGATIVE_INFINITY : t;
}

/** The 8-digit CPV code of a classification ({scheme: "CPV", id: "48000000-8"}), check digit dropped. */
export function cpvOf(classification: unknown): string | undefined {
  const c = obj(classification);
  if (!c) return undefined;
  const scheme = str(c.scheme)?.toUpperCase();
  if (scheme !== undefined && scheme !== "CPV") return undefined;
  return /^(\d{8})(?:-\d)?$/.exec(str(c.id) ?? "")?.[1];
}
