// Formatting for display. Money arrives as an exact decimal string of pounds ("1234.50") and is
// formatted by string manipulation only: it is never turned into a float.
import { londonDateTime } from "./dates.ts";

const MONEY = /^(-)?(\d+)(?:\.(\d+))?$/;

/** Inserts thousands separators into a string of digits: "1234567" → "1,234,567". */
export function groupDigits(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/**
 * "1234567.5" → "£1,234,567.50"; "-20.00" → "−£20.00". With `{ pence: false }` the pence are
 * dropped only when they are zero ("£1,200" but "£1,200.50"). null/undefined → "—".
 */
export function formatMoney(value: string | null | undefined, opts: { pence?: boolean } = {}): string {
  if (value == null || value === "") return "—";
  const m = MONEY.exec(value.trim());
  if (!m) return value;
  const [, sign, whole = "0", frac = ""] = m;
  const pounds = groupDigits(whole.replace(/^0+(?=\d)/, ""));
  const pence = (frac + "00").slice(0, 2);
  const showPence = opts.pence !== false || pence !== "00";
  const isZero = /^0*$/.test(whole) && /^0*$/.test(frac);
  return `${sign && !isZero ? "−" : ""}£${pounds}${showPence ? `.${pence}` : ""}`;
}

/** Exact decimal string of pounds → integer pence (BigInt), or null when it is not money. */
export function toPence(value: string | null | undefined): bigint | null {
  if (value == null) return null;
  const m = MONEY.exec(value.trim());
  if (!m) return null;
  const pence = BigInt(m[2] ?? "0") * 100n + BigInt(((m[3] ?? "") + "00").slice(0, 2));
  return m[1] ? -pence : pence;
}

/** Integer pence → decimal string of pounds ("123456" → "1234.56"). */
export function fromPence(pence: bigint): string {
  const neg = pence < 0n;
  const abs = neg ? -pence : pence;
  return `${neg ? "-" : ""}${abs / 100n}.${(abs % 100n).toString().padStart(2, "0")}`;
}

/** Sums decimal money strings exactly. */
export function sumMoney(values: (string | null | undefined)[]): string {
  let total = 0n;
  for (const v of values) total += toPence(v) ?? 0n;
  return fromPence(total);
}

/** Integer with separators; null → "—". */
export function formatInt(n: number | null | undefined): string {
  if (n == null) return "—";
  return n.toLocaleString("en-GB", { maximumFractionDigits: 0 });
}

/** Measurement with up to `digits` decimals and an optional unit; null → "—". */
export function formatNumber(n: number | null | undefined, unit = "", digits = 1): string {
  if (n == null) return "—";
  const s = n.toLocaleString("en-GB", { maximumFractionDigits: digits });
  return unit ? `${s} ${unit}` : s;
}

/** used / total as a whole percentage, or null when it cannot be computed. */
export function percent(used: number | null | undefined, total: number | null | undefined): number | null {
  if (used == null || total == null || total <= 0) return null;
  return Math.round((used / total) * 100);
}

/** Enum value for people: "END_USER_SERVICE" → "End user service", "CLOUD_PLATFORM" → "Cloud platform". */
export function formatEnum(value: string | null | undefined): string {
  if (!value) return "—";
  const words = value.toLowerCase().split("_");
  const acronyms = new Set(["psn", "wan", "lan", "san", "crm", "itsm", "hr"]);
  return words
    .map((w, i) => (acronyms.has(w) ? w.toUpperCase() : i === 0 ? w[0]!.toUpperCase() + w.slice(1) : w))
    .join(" ");
}

/** Dependency type as a phrase: "RUNS_ON" → "runs on". */
export function formatDependencyType(value: string): string {
  return value.toLowerCase().replace(/_/g, " ");
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** ISO date "2027-03-31" → "31 Mar 2027" (no time-zone shifts: string parsing only); null → "—". */
export function formatDate(value: string | null | undefined): string {
  if (!value) return "—";
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!m) return value;
  return `${Number(m[3])} ${MONTHS[Number(m[2]) - 1] ?? m[2]} ${m[1]}`;
}

/**
 * ISO date-time → "31 Mar 2027, 14:05" on the councils' clock (Europe/London, whatever zone the
 * browser is in: a change made at 13:05 UTC in July reads 14:05); null → "—".
 */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return "—";
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return value;
  return londonDateTime(d);
}
