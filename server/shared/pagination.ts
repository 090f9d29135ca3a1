// Relay connections with keyset (seek) pagination: a cursor holds the sort value and id of the last row,
// so pages never skip or repeat rows when others are inserted or deleted between requests.
import { InputError } from "./errors.ts";

/** The largest page a client may ask for. */
export const MAX_PAGE_SIZE = 500;

/** `first`/`after` as the schema passes them. */
export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

/** A sort on one column plus `id` as tie-breaker. */
export interface KeysetOrder {
  column: string;
  direction: "asc" | "desc";
  /** The column may be NULL: such rows come last whichever the direction (their cursor holds null). */
  nullable?: boolean;
}

/** What a sort column holds; a cursor's value must be of its order's kind. */
type ColumnKind = "string" | "bigint" | "integer" | "date";

/** The kind of every column a list is sorted on. A new sort column must be added here. */
const COLUMN_KINDS: Record<string, ColumnKind> = {
  name: "string",
  nameKey: "string",
  titleKey: "string",
  supplierKey: "string",
  reference: "string",
  title: "string",
  supplierName: "string",
  endDate: "date",
  actor: "string",
  action: "string",
  entityType: "string",
  annualRunCostPence: "bigint",
  annualCostPence: "bigint",
  quantityOwned: "integer",
  seq: "bigint",
  updatedAt: "date",
  createdAt: "date",
  at: "date",
};

function columnKind(order: KeysetOrder): ColumnKind {
  const kind = COLUMN_KINDS[order.column];
  if (!kind) throw new Error(`pagination: no cursor kind for sort column ${order.column}`);
  return kind;
}

function encodeValue(v: unknown): string | number | null | { bigint: string } | { date: string } {
  if (v === null) return null;
  if (typeof v === "bigint") return { bigint: v.toString() };
  if (typeof v === "number" && Number.isSafeInteger(v)) return v;
  if (v instanceof Date) return { date: v.toISOString() };
  if (typeof v === "string") return v;
  throw new Error(`pagination: cannot put ${typeof v} in a cursor`);
}

/** Longest text a cursor may carry (sort columns hold names and references of at most 200 characters). */
const MAX_CURSOR_TEXT = 1000;
const BIGINT = /^-?(0|[1-9]\d{0,18})$/;
const INT8_MIN = -(2n ** 63n);
const INT8_MAX = 2n ** 63n - 1n;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
// Text PostgreSQL cannot compare as sent: NUL, and lone UTF-16 surrogates.
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * The sort value a cursor carries, if it is exactly what `encodeValue` makes for a column of `kind`
 * (a string; a decimal bigint within PostgreSQL's int8; an ISO instant that round-trips); else
 * undefined. Anything a client forges is checked here, before it can reach the database.
 */
function decodeValue(v: unknown, kind: ColumnKind): string | number | bigint | Date | undefined {
  switch (kind) {
    case "integer":
      // PostgreSQL int4: what an Int column such as quantityOwned holds.
      return typeof v === "number" && Number.isInteger(v) && v >= -(2 ** 31) && v < 2 ** 31 ? v : undefined;
    case "string":
      return typeof v === "string" && v.length <= MAX_CURSOR_TEXT && !UNSTORABLE.test(v) ? v : undefined;
    case "bigint": {
      const digits = isWrapper(v, "bigint") ? v.bigint : undefined;
      if (typeof digits !== "string" || !BIGINT.test(digits)) return undefined;
      const n = BigInt(digits);
      return n >= INT8_MIN && n <= INT8_MAX ? n : undefined;
    }
    case "date": {
      const iso = isWrapper(v, "date") ? v.date : undefined;
      if (typeof iso !== "string" || !ISO_INSTANT.test(iso)) return undefined;
      const d = new Date(iso);
      return !Number.isNaN(d.getTime()) && d.toISOString() === iso ? d : undefined;
    }
  }
}

/** A plain object whose only key is `key` (no prototype lookups: `"bigint" in v` would find inherited keys). */
function isWrapper<K extends string>(v: unknown, key: K): v is Record<K, unknown> {
  return (
    typeof v === "object" &&
    v !== null &&
    !Array.isArray(v) &&
    Object.keys(v).length === 1 &&
    Object.hasOwn(v, key)
  );
}

/** Validates `first`: 0…MAX_PAGE_SIZE. */
export function pageSize(first: number | null | undefined, fallback = 50): number {
  const n = first ?? fallback;
  if (!Number.isInteger(n) || n < 0 || n > MAX_PAGE_SIZE) {
    throw new InputError("first", `must be a whole number from 0 to ${MAX_PAGE_SIZE}; got ${first}.`);
  }
  return n;
}

/** The cursor of a row under an order. */
export function encodeCursor(row: Record<string, unknown>, order: KeysetOrder): string {
  return Buffer.from(JSON.stringify([encodeValue(row[order.column]), row.id])).toString("base64url");
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const BASE64URL = /^[A-Za-z0-9_-]*$/;

/** The longest cursor accepted: a value of MAX_CURSOR_TEXT characters (each up to 6 bytes escaped), and an id. */
const MAX_CURSOR_LENGTH = Math.ceil(((MAX_CURSOR_TEXT * 6 + 64) * 4) / 3);

/**
 * The sort value and id a cursor of `order` holds. Refuses, as BAD_INPUT on `after`, anything that is
 * not exactly a cursor this API makes for that order: not base64url JSON, not a two-element array, a
 * value of another kind or out of range, an id that is not a UUID.
 */
function decodeCursor(cursor: string, order: KeysetOrder): [string | number | bigint | Date | null, string] {
  const kind = columnKind(order);
  if (cursor.length <= MAX_CURSOR_LENGTH && BASE64URL.test(cursor)) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    } catch {
      parsed = undefined;
    }
    if (Array.isArray(parsed) && parsed.length === 2) {
      const [raw, id] = parsed as [unknown, unknown];
      const value = raw === null && order.nullable ? null : decodeValue(raw, kind);
      if (value !== undefined && typeof id === "string" && UUID.test(id)) return [value, id];
    }
  }
  throw new InputError(
    "after",
    "is not a cursor this API returned for this list and order; pass an `endCursor` from a previous page.",
  );
}

/** The Prisma `where` that selects rows after the cursor, and the `orderBy` that goes with it. */
export function keyset(order: KeysetOrder, after: string | null | undefined) {
  const first = order.nullable
    ? { [order.column]: { sort: order.direction, nulls: "last" } }
    : { [order.column]: order.direction };
  const orderBy = [first, { id: order.direction }];
  if (!after) return { where: {}, orderBy };
  const [value, id] = decodeCursor(after, order);
  const cmp = order.direction === "asc" ? "gt" : "lt";
  // Nulls come last: after a null only nulls with a later id; after a value, also every null.
  if (value === null) return { where: { [order.column]: null, id: { [cmp]: id } }, orderBy };
  const where = {
    OR: [
      { [order.column]: { [cmp]: value } },
      { [order.column]: value, id: { [cmp]: id } },
      ...(order.nullable ? [{ [order.column]: null }] : []),
    ],
  };
  return { where, orderBy };
}

/** A Relay connection page. */
export interface Connection<T> {
  totalCount: number;
  edges: { cursor: string; node: T }[];
  pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
}

/**
 * Runs a keyset-paginated list: `find` gets where/orderBy/take (one more than the page to learn whether
 * there is a next page) and `count` the total under the filter alone.
 */
export async function paginate<T extends { id: string }>(
  args: PageArgs,
  order: KeysetOrder,
  filter: object,
  find: (q: { where: object; orderBy: object[]; take: number }) => Promise<T[]>,
  count: (where: object) => Promise<number>,
): Promise<Connection<T>> {
  const size = pageSize(args.first);
  const { where: after, orderBy } = keyset(order, args.after);
  const where = Object.keys(after).length ? { AND: [filter, after] } : filter;
  const [rows, totalCount] = await Promise.all([find({ where, orderBy, take: size + 1 }), count(filter)]);
  const page = rows.slice(0, size);
  const edges = page.map((node) => ({ cursor: encodeCursor(node as Record<string, unknown>, order), node }));
  return {
    totalCount,
    edges,
    pageInfo: {
      hasNextPage: rows.length > size,
      hasPreviousPage: Boolean(args.after),
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}

/**
 * A connection over rows already loaded in `order` (e.g. by a DataLoader for many parents at once);
 * cursors are the same as `paginate` would give, so clients cannot tell the difference.
 */
export function connectionFromSorted<T extends { id: string }>(
  rows: T[],
  args: PageArgs,
  order: KeysetOrder,
): Connection<T> {
  const size = pageSize(args.first);
  let start = 0;
  if (args.after) {
    const afterIndex = rows.findIndex(
      (r) => encodeCursor(r as Record<string, unknown>, order) === args.after,
    );
    if (afterIndex < 0) {
      const [value, id] = decodeCursor(args.after, order);
      if (value === null) throw new Error("connectionFromSorted: nullable sort columns are not supported");
      const cmp = (r: T) => {
        const v = (r as Record<string, unknown>)[order.column] as string | bigint | Date;
        const c = v < value ? -1 : v > value ? 1 : r.id < id ? -1 : r.id > id ? 1 : 0;
        return order.direction === "asc" ? c : -c;
      };
      start = rows.findIndex((r) => cmp(r) > 0);
      if (start < 0) start = rows.length;
    } else start = afterIndex + 1;
  }
  const page = rows.slice(start, start + size);
  const edges = page.map((node) => ({ cursor: encodeCursor(node as Record<string, unknown>, order), node }));
  return {
    totalCount: rows.length,
    edges,
    pageInfo: {
      hasNextPage: start + size < rows.length,
      hasPreviousPage: start > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}
