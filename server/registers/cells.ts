// What a cell of a real register holds, read leniently but never guessed: trailing spaces, £ and thousands
// separators, UK dates (dd/mm/yyyy), ISO dates, Excel serial dates, choices in any case or spacing. A cell
// that cannot be read gives a reason and how to fix it; the row is refused, never half-understood.

/** A cell's value as read from a CSV (text) or an XLSX sheet (text, number, boolean or date). */
export type RawCell = string | number | boolean | Date | null | undefined;

/** A cell that could not be read: why, and what to write instead. */
export class CellProblem extends Error {
  constructor(
    readonly reason: string,
    readonly fix: string,
  ) {
    super(reason);
  }
}

/**
 * Text a spreadsheet would run as a formula (= + - @ tab CR first, unless it is a plain number): exports
 * put an apostrophe in front (as the web app's CSV export does), and imports take it off again.
 */
export const FORMULA = /^(?![-+]?\d+(\.\d+)?$)[=+\-@\t\r]/;

/** The cell as trimmed text, or null when empty. Dates and numbers are written as a person would. */
export function cellText(raw: RawCell): string | null {
  if (raw === null || raw === undefined) return null;
  if (raw instanceof Date) return raw.toISOString().slice(0, 10);
  let text = String(raw).replace(/^\uFEFF/, "").replace(/\u00A0/g, " ").trim();
  if (text.startsWith("'") && FORMULA.test(text.slice(1))) text = text.slice(1);
  return text === "" ? null : text;
}

const MONEY = /^(-)?£?\s*(-)?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?$/;

/**
 * An amount of money in pence: "£1,234.50", "1234.5", "1,234", 1234.5 (a spreadsheet number). Never
 * rounded: more than two decimals is refused.
 */
export function cellMoney(raw: RawCell): bigint | null {
  if (typeof raw === "number") {
    if (!Number.isFinite(raw)) throw new CellProblem("is not a number", "write an amount like 1234.50");
    const pence = Math.round(raw * 100);
    if (Math.abs(pence - raw * 100) > 1e-6 * Math.max(1, Math.abs(raw)))
      throw new CellProblem("has more than two decimal places", "round it to whole pence, like 1234.50");
    return BigInt(pence);
  }
  const text = cellText(raw);
  if (text === null) return null;
  const m = MONEY.exec(text.replace(/\s+/g, ""));
  if (!m || (m[1] && m[2]))
    throw new CellProblem(
      `"${text.slice(0, 40)}" is not an amount of money`,
      "write pounds with up to two decimals, like £1,234.50 or 1234.50",
    );
  const pence = BigInt(m[3]!.replace(/,/g, "")) * 100n + BigInt((m[4] ?? "0").padEnd(2, "0"));
  return m[1] || m[2] ? -pence : pence;
}

/** Excel's day 0 (1899-12-30, which absorbs its 1900 leap-year bug for every date after February 1900). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

function validDay(year: number, month: number, day: number, text: string): Date {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    throw new CellProblem(`"${text}" is not a date in the calendar`, "check the day and month (dd/mm/yyyy)");
  if (year < 1900 || year > 2200)
    throw new CellProblem(`"${text}" is out of range`, "write a year between 1900 and 2200");
  return date;
}

/**
 * A calendar date (UTC midnight): "31/03/2027" (UK order, always: 04/05 is 4 May), "31-03-2027",
 * "2027-03-31", an Excel serial number (46477) or a date cell.
 */
export function cellDay(raw: RawCell): Date | null {
  if (raw instanceof Date) {
    if (Number.isNaN(raw.getTime())) throw new CellProblem("is not a date", "write a date as dd/mm/yyyy");
    return validDay(raw.getUTCFullYear(), raw.getUTCMonth() + 1, raw.getUTCDate(), raw.toISOString());
  }
  const text = cellText(raw);
  if (text === null) return null;
  let m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  if (m) return validDay(Number(m[3]), Number(m[2]), Number(m[1]), text);
  m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ]00:00(?::00(?:\.0+)?)?Z?)?$/.exec(text);
  if (m) return validDay(Number(m[1]), Number(m[2]), Number(m[3]), text);
  if (/^\d{1,6}(?:\.0+)?$/.test(text)) {
    const serial = Number(text);
    if (serial < 61 || serial > 109_574)
      throw new CellProblem(`${text} is not an Excel date serial in range`, "write the date as dd/mm/yyyy");
    const date = new Date(EXCEL_EPOCH_MS + serial * DAY_MS);
    return validDay(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), text);
  }
  throw new CellProblem(`"${text.slice(0, 40)}" is not a date`, "write the date as dd/mm/yyyy, e.g. 31/03/2027");
}

function cellNumber(raw: RawCell): number | null {
  if (typeof raw === "number") return raw;
  const text = cellText(raw);
  if (text === null) return null;
  const plain = text.replace(/,(?=\d{3}(?:\D|$))/g, "");
  if (!/^-?\d+(?:\.\d+)?$/.test(plain))
    throw new CellProblem(`"${text.slice(0, 40)}" is not a number`, "write digits only, like 12 or 2.5");
  return Number(plain);
}

/** A whole number from `min` to `max`. */
export function cellCount(raw: RawCell, max: number, min = 0): number | null {
  const n = cellNumber(raw);
  if (n === null) return null;
  if (!Number.isInteger(n)) throw new CellProblem(`${n} is not a whole number`, "write a whole number, like 12");
  if (n < min || n > max) throw new CellProblem(`${n} is out of range`, `write a whole number from ${min} to ${max}`);
  return n;
}

/** A number from 0 to `max`. */
export function cellQuantity(raw: RawCell, max: number): number | null {
  const n = cellNumber(raw);
  if (n === null) return null;
  if (n < 0 || n > max) throw new CellProblem(`${n} is out of range`, `write a number from 0 to ${max}`);
  return n;
}

/** Folds a label for matching: case, spaces, hyphens and underscores do not matter. */
export function fold(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, "");
}

/**
 * One of `choices` (enum values such as DATA_CENTRE), matched in any case and spacing ("Data centre",
 * "data-centre") or through `synonyms` (folded label → value).
 */
export function cellChoice<T extends string>(
  raw: RawCell,
  choices: readonly T[],
  synonyms: Readonly<Record<string, T>> = {},
): T | null {
  const text = cellText(raw);
  if (text === null) return null;
  const folded = fold(text);
  const hit = choices.find((c) => fold(c) === folded) ?? synonyms[folded];
  if (!hit)
    throw new CellProblem(
      `"${text.slice(0, 40)}" is not one of the allowed values`,
      `write one of: ${choices.map(label).join(", ")}`,
    );
  return hit;
}

/** An enum value as a person reads it: DATA_CENTRE → "Data centre". */
export function label(value: string): string {
  const words = value.toLowerCase().replace(/_/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}
