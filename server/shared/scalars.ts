// Custom scalars: Money (exact pounds as a decimal string ↔ bigint pence), Date, DateTime and JSON.
import { GraphQLScalarType, Kind, type ValueNode } from "graphql";
import { formatPence, parseMoney } from "./money.ts";

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A YYYY-MM-DD calendar date at UTC midnight; years from `minYear` (1000 for Date, the scalar's rule). */
function parseDate(value: unknown, minYear = 1000): Date {
  if (typeof value !== "string" || !DATE.test(value))
    throw new TypeError(`dates are written YYYY-MM-DD, e.g. "2027-03-31".`);
  const d = new Date(`${value}T00:00:00.000Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== value)
    throw new TypeError(`"${value}" is not a real calendar date.`);
  if (d.getUTCFullYear() < minYear)
    throw new TypeError(`"${value}": years before ${minYear} are not accepted.`);
  return d;
}

function literal(ast: ValueNode): unknown {
  if (ast.kind === Kind.STRING) return ast.value;
  if (ast.kind === Kind.INT) return Number(ast.value);
  if (ast.kind === Kind.FLOAT) return Number(ast.value);
  throw new TypeError("expected a string.");
}

function moneyIn(value: unknown): bigint {
  try {
    return parseMoney(value, "");
  } catch (e) {
    throw new TypeError((e as Error).message);
  }
}

/** Exact money: serialised as "1234.50", parsed into bigint pence. */
export const MoneyScalar = new GraphQLScalarType({
  name: "Money",
  serialize: (v) => (typeof v === "bigint" ? formatPence(v) : formatPence(moneyIn(v))),
  parseValue: moneyIn,
  parseLiteral: (ast) => moneyIn(literal(ast)),
});

/** A calendar date (UTC midnight inside). */
export const DateScalar = new GraphQLScalarType({
  name: "Date",
  serialize: (v) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v)),
  parseValue: parseDate,
  parseLiteral: (ast) => parseDate(literal(ast)),
});

/** The instants the API accepts: four-digit years (RFC 3339), which every database and client can hold. */
export const EARLIEST_INSTANT = new Date("0001-01-01T00:00:00.000Z");
export const LATEST_INSTANT = new Date("9999-12-31T23:59:59.999Z");

const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:([Zz])|([+-])(\d{2}):(\d{2})))?$/;

/**
 * An RFC 3339 date-time ("2026-03-31T09:30:00Z", "…+01:00", fractions to the nanosecond, cut to the
 * millisecond) or a date alone (midnight UTC). Every part is range-checked, so "2026-02-30T…" and
 * "…T25:00Z" are refused rather than rolled over, and the instant must fall in years 0001–9999.
 */
function parseDateTime(value: unknown): Date {
  const m = typeof value === "string" ? DATE_TIME.exec(value) : null;
  if (!m)
    throw new TypeError(
      `date-times are written as RFC 3339 with a four-digit year and an offset, e.g. "2027-03-31T09:30:00Z".`,
    );
  const [, y, mo, d, h = "0", mi = "0", s = "0", frac = "", , sign, oh = "0", om = "0"] = m;
  const day = parseDate(`${y}-${mo}-${d}`, 1);
  if (+h > 23 || +mi > 59 || +s > 59 || +oh > 23 || +om > 59)
    throw new TypeError(`"${value}" is not a real time of day (hours 00–23, minutes and seconds 00–59).`);
  const offset = (sign === "-" ? -1 : 1) * (+oh * 60 + +om);
  const ms = Number(frac.padEnd(3, "0").slice(0, 3));
  const at = new Date(day.getTime() + ((+h * 60 + +mi - offset) * 60 + +s) * 1000 + ms);
  if (at < EARLIEST_INSTANT || at > LATEST_INSTANT)
    throw new TypeError(`"${value}" is outside the years 0001–9999.`);
  return at;
}

/** An instant, RFC 3339 (ISO 8601) with a four-digit year. */
export const DateTimeScalar = new GraphQLScalarType({
  name: "DateTime",
  serialize: (v) => (v instanceof Date ? v.toISOString() : String(v)),
  parseValue: parseDateTime,
  parseLiteral: (ast) => parseDateTime(ast.kind === Kind.STRING ? ast.value : null),
});

/** Any JSON value (read-only snapshots). */
export const JSONScalar = new GraphQLScalarType({
  name: "JSON",
  serialize: (v) => v,
  parseValue: (v) => v,
});
