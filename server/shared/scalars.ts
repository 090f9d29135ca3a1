// Custom scalars: Money (exact pounds as a decimal string ↔ bigint pence), Date, DateTime and JSON.
import { GraphQLScalarType, Kind, type ValueNode } from "graphql";
import { formatPence, parseMoney } from "./money.ts";

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parseDate(value: unknown): Date {
  if (typeof value !== "string" || !DATE.test(value))
    throw new TypeError(`dates are written YYYY-MM-DD, e.g. "2027-03-31".`);
  const d = new Date(`${value}T00:00:00.000Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== value)
    throw new TypeError(`"${value}" is not a real calendar date.`);
  if (d.getUTCFullYear() < 1000) throw new TypeError(`"${value}": years before 1000 are not accepted.`);
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

/** An instant, ISO 8601. */
export const DateTimeScalar = new GraphQLScalarType({
  name: "DateTime",
  serialize: (v) => (v instanceof Date ? v.toISOString() : String(v)),
  parseValue: (v) => {
    const d = new Date(String(v));
    if (Number.isNaN(d.getTime())) throw new TypeError("expected an ISO 8601 date-time.");
    return d;
  },
});

/** Any JSON value (read-only snapshots). */
export const JSONScalar = new GraphQLScalarType({
  name: "JSON",
  serialize: (v) => v,
  parseValue: (v) => v,
});
