// One plain SQL connection to either engine (a pg.Client on PostgreSQL, the PGlite instance itself when
// embedded), and what backup, restore and the operational tests read from the catalog through it.
import { ensureNotInUse } from "../server/db/in-use.ts";
import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import type { DatabaseTarget } from "../server/db/open.ts";
import { migratePglite, migratePostgres } from "../server/db/migrate.ts";

/** The schema Converge's tables live in. */
export const SCHEMA = "public";

/** Prisma's migration bookkeeping table. */
export const MIGRATIONS_TABLE = "_prisma_migrations";

/**
 * Tables the database maintains itself from the others (by trigger): not dumped, not restored and not
 * counted as data. "GraphVersion" is bumped by the restore's own inserts, which is what running servers
 * need to notice that their cached dependency graph is stale.
 */
export const DERIVED_TABLES = ["GraphVersion"];

/** A single connection: every statement runs on the same session, so BEGIN … COMMIT spans them. */
export interface SqlConn {
  engine: "pglite" | "postgres";
  /** Rows as objects. Use `::text` casts for exact values: parsed types differ between the engines. */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Rows as arrays, in column order. */
  queryArrays(sql: string): Promise<unknown[][]>;
  /** Loads COPY text-format `data` (lines ending in "\n") with a real COPY, where the engine offers one. */
  copyFrom?(table: string, columns: string[], data: string): Promise<void>;
  /** Applies the migrations (server/db/migrate.ts); returns those applied now. */
  migrate(): Promise<string[]>;
  close(): Promise<void>;
}

/** Double-quotes an identifier. */
export function ident(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** `"public"."Table"`. */
export function qualified(table: string): string {
  return `${ident(SCHEMA)}.${ident(table)}`;
}

/** Wraps an open PGlite instance (not closed by `close()` unless `owned`). */
export function pgliteConn(db: PGlite, owned = false): SqlConn {
  return {
    engine: "pglite",
    query: async <T>(sql: string, params?: unknown[]) => (await db.query<T>(sql, params)).rows,
    queryArrays: async (sql) => (await db.query<unknown[]>(sql, [], { rowMode: "array" })).rows,
    copyFrom: async (table, columns, data) => {
      await db.query(`COPY ${qualified(table)} (${columns.map(ident).join(", ")}) FROM '/dev/blob'`, [], {
        blob: new Blob([data]),
      });
    },
    migrate: () => migratePglite(db),
    close: async () => {
      if (owned) await db.close();
    },
  };
}

/** Wraps a connected pg.Client (ended by `close()` unless `owned` is false). */
export function pgClientConn(client: pg.Client, owned = true): SqlConn {
  return {
    engine: "postgres",
    query: async <T>(sql: string, params?: unknown[]) => (await client.query(sql, params)).rows as T[],
    queryArrays: async (sql) => (await client.query({ text: sql, rowMode: "array" })).rows as unknown[][],
    migrate: () => migratePostgres(client),
    close: async () => {
      if (owned) await client.end();
    },
  };
}

/**
 * Opens a connection to `target`: a PostgreSQL URL or a PGlite data folder. An in-memory PGlite has no
 * address, so it cannot be opened here; wrap the instance with `pgliteConn` instead.
 */
export async function openSqlConnection(target: DatabaseTarget): Promise<SqlConn> {
  if ("url" in target) {
    const client = new pg.Client({ connectionString: target.url });
    await client.connect();
    return pgClientConn(client);
  }
  if (!target.dir) throw new Error("an in-memory PGlite database has no folder to open; give a data folder.");
  ensureNotInUse(target.dir);
  mkdirSync(target.dir, { recursive: true });
  const db = new PGlite(target.dir);
  await db.waitReady;
  return pgliteConn(db, true);
}

/** A column of a table, as the catalog describes it. */
export interface Column {
  name: string;
  /** `format_type` of the column: e.g. `timestamp(3) without time zone`, `"Lifecycle"`, `text[]`. */
  type: string;
}

/** A table with its columns (in table order) and primary-key columns. */
export interface TableInfo {
  name: string;
  columns: Column[];
  primaryKey: string[];
  /** Tables this one references by foreign key (other than itself). */
  references: string[];
}

/**
 * Every ordinary table in the schema (its stored columns: generated ones are made by the database, as
 * pg_dump leaves them out), parents before children (foreign-key order), with
 * `_prisma_migrations` first. Throws on a foreign-key cycle, which a data-only load could not order.
 */
export async function listTables(conn: SqlConn): Promise<TableInfo[]> {
  const rows = await conn.query<{ table: string; column: string; type: string; pk: boolean }>(
    `SELECT c.relname AS "table", a.attname AS "column", format_type(a.atttypid, a.atttypmod) AS "type",
            EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = c.oid AND i.indisprimary AND a.attnum = ANY (i.indkey)) AS pk
       FROM pg_class c
       JOIN pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
      WHERE n.nspname = $1 AND c.relkind IN ('r', 'p') AND c.relname <> ALL($2::text[])
      ORDER BY c.relname, a.attnum`,
    [SCHEMA, DERIVED_TABLES],
  );
  const fks = await conn.query<{ child: string; parent: string }>(
    `SELECT DISTINCT ch.relname AS child, pa.relname AS parent
       FROM pg_constraint k
       JOIN pg_class ch ON ch.oid = k.conrelid
       JOIN pg_class pa ON pa.oid = k.confrelid
       JOIN pg_namespace n ON n.oid = ch.relnamespace
      WHERE k.contype = 'f' AND n.nspname = $1`,
    [SCHEMA],
  );
  const tables = new Map<string, TableInfo>();
  for (const r of rows) {
    let t = tables.get(r.table);
    if (!t) tables.set(r.table, (t = { name: r.table, columns: [], primaryKey: [], references: [] }));
    t.columns.push({ name: r.column, type: r.type });
    if (r.pk) t.primaryKey.push(r.column);
  }
  for (const { child, parent } of fks) {
    if (child !== parent && tables.has(child) && tables.has(parent))
      tables.get(child)!.references.push(parent);
  }
  // Kahn's algorithm; ties broken by name so the order is stable. The migrations table goes first.
  const ordered: TableInfo[] = [];
  const done = new Set<string>();
  const pending = [...tables.values()].sort((a, b) =>
    a.name === MIGRATIONS_TABLE ? -1 : b.name === MIGRATIONS_TABLE ? 1 : a.name.localeCompare(b.name),
  );
  while (pending.length) {
    const i = pending.findIndex((t) => t.references.every((p) => done.has(p)));
    if (i < 0) throw new Error(`foreign keys form a cycle among: ${pending.map((t) => t.name).join(", ")}`);
    const [next] = pending.splice(i, 1);
    ordered.push(next!);
    done.add(next!.name);
  }
  return ordered;
}

/** A sequence owned by a table column (serial/bigserial or identity), e.g. AuditEvent.seq. */
export interface SequenceInfo {
  name: string;
  table: string;
  column: string;
}

/** The sequences owned by columns of tables in the schema. */
export function listSequences(conn: SqlConn): Promise<SequenceInfo[]> {
  return conn.query<SequenceInfo>(
    `SELECT s.relname AS name, t.relname AS "table", a.attname AS "column"
       FROM pg_depend d
       JOIN pg_class s ON s.oid = d.objid AND s.relkind = 'S'
       JOIN pg_class t ON t.oid = d.refobjid
       JOIN pg_namespace n ON n.oid = t.relnamespace
       JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = d.refobjsubid
      WHERE d.classid = 'pg_class'::regclass AND d.refclassid = 'pg_class'::regclass
        AND d.deptype IN ('a', 'i') AND n.nspname = $1
      ORDER BY s.relname`,
    [SCHEMA],
  );
}

/** A migration recorded as applied (finished and not rolled back). */
export interface AppliedMigration {
  name: string;
  checksum: string;
}

/** The migrations applied to the database, in order; empty when it has no migrations table. */
export async function appliedMigrations(conn: SqlConn): Promise<AppliedMigration[]> {
  const [exists] = await conn.query<{ ok: boolean }>(`SELECT to_regclass($1) IS NOT NULL AS ok`, [
    qualified(MIGRATIONS_TABLE),
  ]);
  if (!exists?.ok) return [];
  return conn.query<AppliedMigration>(
    `SELECT migration_name AS name, checksum FROM ${qualified(MIGRATIONS_TABLE)}
      WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
  );
}

/** The row count and an MD5 of every row's text form (in primary-key order) of one table. */
export interface TableFingerprint {
  rows: number;
  md5: string;
}

/** Fingerprints of every table: equal fingerprints mean equal contents, row for row. */
export async function fingerprint(conn: SqlConn): Promise<Record<string, TableFingerprint>> {
  const out: Record<string, TableFingerprint> = {};
  for (const t of await listTables(conn)) {
    const order = t.primaryKey.length ? t.primaryKey.map((c) => `t.${ident(c)}`).join(", ") : "t::text";
    const [r] = await conn.query<{ rows: string; md5: string }>(
      `SELECT count(*)::text AS rows, md5(coalesce(string_agg(t::text, E'\\n' ORDER BY ${order}), '')) AS md5
         FROM ${qualified(t.name)} t`,
    );
    out[t.name] = { rows: Number(r!.rows), md5: r!.md5 };
  }
  return out;
}

/** Every row of every table in its text form, in primary-key order (for exact comparisons). */
export async function allRows(conn: SqlConn): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const t of await listTables(conn)) {
    const order = t.primaryKey.length ? t.primaryKey.map((c) => `t.${ident(c)}`).join(", ") : "t::text";
    const rows = await conn.query<{ r: string }>(
      `SELECT t::text AS r FROM ${qualified(t.name)} t ORDER BY ${order}`,
    );
    out[t.name] = rows.map((r) => r.r);
  }
  return out;
}
