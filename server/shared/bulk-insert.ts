// Rows written many at a time (bulk moves, OCDS contracts, audit events): one INSERT … SELECT FROM unnest
// per slice, each column sent as one array parameter, rows kept in the order given and returned as
// stored. Prisma's createMany sends one parameter per value and maps every row through its query
// interpreter, milliseconds a row on embedded PGlite; this costs a fraction of a millisecond. The caller
// has validated every row: nothing here checks values.
import { CHUNK } from "./chunks.ts";
import type { Tx } from "./writes.ts";

/** One column of a bulk insert: how the value is read from a row and how PostgreSQL receives it. */
export interface BulkColumn<R> {
  /** The table's column, as named in the schema (quoted in the statement). */
  name: string;
  /**
   * The array type the values are sent as, cast as needed: `uuid[]`, `bigint[]`, `text[]::jsonb[]`,
   * `text[]::"MoveKind"[]`.
   */
  sentAs: string;
  /** The value for one row: a string, number, boolean or null (bigint and dates are sent as text). */
  value: (row: R) => string | number | boolean | null;
  /** SQL that turns the unnested value (given as its alias) into the stored one, when it is not stored as sent. */
  stored?: (alias: string) => string;
}

export interface BulkInsertOptions {
  /** Sets `createdAt` and `updatedAt` to now and `version` to 1, as a versioned row starts. */
  versioned?: boolean;
  /** Rows per statement. */
  slice?: number;
  /** Returns the rows as stored (default); false when the caller has no use for them. */
  returning?: boolean;
}

/** The statement for `columns`, numbered $1…$n, with $n+1 the timestamp of a versioned insert. */
function insertStatement(
  table: string,
  columns: readonly BulkColumn<never>[],
  versioned: boolean,
  returning: boolean,
): string {
  const aliases = columns.map((_, i) => `c${i + 1}`);
  const names = columns.map((c) => `"${c.name}"`);
  const values = columns.map((c, i) => (c.stored ? c.stored(aliases[i]!) : aliases[i]!));
  if (versioned) {
    const now = `$${columns.length + 1}::timestamp(3)`;
    names.push(`"createdAt"`, `"updatedAt"`, `"version"`);
    values.push(now, now, "1");
  }
  return `INSERT INTO "${table}" (${names.join(", ")})
  SELECT ${values.join(", ")}
  FROM unnest(${columns.map((c, i) => `$${i + 1}::${c.sentAs}`).join(", ")}) WITH ORDINALITY AS t(${aliases.join(", ")}, n)
  ORDER BY n${returning ? "\n  RETURNING *" : ""}`;
}

/** Inserts `rows` into `table` in slices, in the order given, and returns them as stored (unless told not to). */
export async function bulkInsert<R, Stored>(
  tx: Tx,
  table: string,
  columns: readonly BulkColumn<R>[],
  rows: readonly R[],
  options: BulkInsertOptions = {},
): Promise<Stored[]> {
  const versioned = options.versioned ?? false;
  const size = options.slice ?? CHUNK;
  const returning = options.returning ?? true;
  const sql = insertStatement(table, columns as readonly BulkColumn<never>[], versioned, returning);
  const now = new Date().toISOString();
  const out: Stored[] = [];
  for (let i = 0; i < rows.length; i += size) {
    const slice = rows.slice(i, i + size);
    const params: unknown[] = columns.map((c) => slice.map(c.value));
    if (versioned) params.push(now);
    if (returning) out.push(...(await tx.$queryRawUnsafe<Stored[]>(sql, ...params)));
    else await tx.$executeRawUnsafe(sql, ...params);
  }
  return out;
}

/** A date-only column's value: YYYY-MM-DD, or null. */
export const isoDay = (d: Date | string | null | undefined): string | null =>
  d === null || d === undefined ? null : (d instanceof Date ? d : new Date(d)).toISOString().slice(0, 10);

/** A timestamp column's value: ISO 8601, or null. */
export const isoInstant = (d: Date | null | undefined): string | null => (d ? d.toISOString() : null);

/** A bigint column's value as text (exact), or null. */
export const bigText = (n: bigint | number | string | null | undefined): string | null =>
  n === null || n === undefined ? null : BigInt(n).toString();
