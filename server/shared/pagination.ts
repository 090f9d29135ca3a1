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
}

type CursorValue = string | number | null | { bigint: string } | { date: string };

function encodeValue(v: unknown): CursorValue {
  if (typeof v === "bigint") return { bigint: v.toString() };
  if (v instanceof Date) return { date: v.toISOString() };
  return v as CursorValue;
}

function decodeValue(v: CursorValue): unknown {
  if (v && typeof v === "object") return "bigint" in v ? BigInt(v.bigint) : new Date(v.date);
  return v;
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

function decodeCursor(cursor: string, expected?: unknown): [unknown, string] {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as unknown;
    if (
      Array.isArray(parsed) &&
      parsed.length === 2 &&
      typeof parsed[1] === "string" &&
      UUID.test(parsed[1])
    ) {
      const value = decodeValue(parsed[0] as CursorValue);
      const kind = (v: unknown) =>
        v instanceof Date ? (Number.isNaN(v.getTime()) ? "bad" : "date") : typeof v;
      if (expected === undefined || value === null || kind(value) === expected) return [value, parsed[1]];
    }
  } catch {
    /* fall through to the error below */
  }
  throw new InputError(
    "after",
    "is not a cursor this API returned; pass an `endCursor` from a previous page.",
  );
}

/** What each sort column's cursor value decodes to; a cursor of another kind was made for another order. */
const COLUMN_KINDS: Record<string, string> = {
  name: "string",
  reference: "string",
  annualRunCostPence: "bigint",
  annualCostPence: "bigint",
  quantityOwned: "number",
  updatedAt: "date",
  at: "date",
};

/** The Prisma `where` that selects rows after the cursor, and the `orderBy` that goes with it. */
export function keyset(order: KeysetOrder, after: string | null | undefined) {
  const orderBy = [{ [order.column]: order.direction }, { id: order.direction }];
  if (!after) return { where: {}, orderBy };
  const [value, id] = decodeCursor(after, COLUMN_KINDS[order.column]);
  const cmp = order.direction === "asc" ? "gt" : "lt";
  const where =
    value === null
      ? { [order.column]: null, id: { [cmp]: id } }
      : { OR: [{ [order.column]: { [cmp]: value } }, { [order.column]: value, id: { [cmp]: id } }] };
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
      const [value, id] = decodeCursor(args.after);
      const cmp = (r: T) => {
        const v = (r as Record<string, unknown>)[order.column] as string | number | bigint | Date;
        const c =
          v < (value as typeof v) ? -1 : v > (value as typeof v) ? 1 : r.id < id ? -1 : r.id > id ? 1 : 0;
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
