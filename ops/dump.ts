// Logical backup as plain SQL that psql can run (pg_dump --data-only style): COPY blocks in foreign-key
// order, the migration history, sequence positions, all between BEGIN and COMMIT. Taken inside one
// REPEATABLE READ READ ONLY transaction, so it is one consistent snapshot while the server keeps running
// (PostgreSQL). Restore applies the migrations, then loads everything in ONE transaction.
import { createHash } from "node:crypto";
import { open, readFile, rename, rm } from "node:fs/promises";
import { decodeRow, encodeRow } from "./copy-text.ts";
import {
  appliedMigrations,
  ident,
  listSequences,
  listTables,
  MIGRATIONS_TABLE,
  qualified,
  type AppliedMigration,
  type SqlConn,
  type TableInfo,
} from "./sql.ts";

/** What a dump says about itself in its header (one JSON comment line). */
export interface DumpMeta {
  format: 1;
  takenAt: string;
  engine: "pglite" | "postgres";
  serverVersion: string;
  /** Migrations applied to the source: the target must have exactly these. */
  migrations: AppliedMigration[];
  /** Rows per table, in dump (foreign-key) order. */
  tables: Record<string, number>;
}

/** A refusal that leaves the target untouched (non-empty target, wrong schema, damaged file). */
export class RestoreRefused extends Error {
  override name = "RestoreRefused";
}

const META_PREFIX = "-- converge-dump: ";
const END_PREFIX = "-- converge-dump-end: sha256=";
/** Refuses to load into a database without Converge's tables, with a message saying what to do. */
const GUARD =
  "DO $converge$ BEGIN IF to_regclass('public.\"_prisma_migrations\"') IS NULL OR to_regclass('public.\"AuditEvent\"') IS NULL " +
  "THEN RAISE EXCEPTION 'Converge dump: this database has no Converge schema; apply the migrations first (npm run db:deploy), or use npm run restore, which does'; " +
  "END IF; END $converge$;";
/** Session settings the values are written and read in (local to the restore transaction). */
const SETTINGS: [string, string][] = [
  ["client_encoding", "'UTF8'"],
  ["standard_conforming_strings", "on"],
  ["DateStyle", "'ISO, YMD'"],
  ["IntervalStyle", "'postgres'"],
  ["TimeZone", "'UTC'"],
  ["extra_float_digits", "3"],
  ["bytea_output", "'hex'"],
  ["check_function_bodies", "false"],
  ["client_min_messages", "warning"],
];
const FETCH_ROWS = 2000;

/** Buffered file output that hashes everything it writes. */
class HashingWriter {
  private chunks: string[] = [];
  private size = 0;
  readonly hash = createHash("sha256");
  bytes = 0;
  constructor(private readonly fh: import("node:fs/promises").FileHandle) {}
  async write(text: string) {
    this.chunks.push(text);
    this.size += text.length;
    if (this.size > 1 << 20) await this.flush();
  }
  async flush() {
    if (!this.chunks.length) return;
    const buf = Buffer.from(this.chunks.join(""), "utf8");
    this.chunks = [];
    this.size = 0;
    this.hash.update(buf);
    this.bytes += buf.length;
    await this.fh.write(buf);
  }
}

/**
 * Writes a consistent SQL dump of the database behind `conn` to `outPath` (via `outPath.partial`, renamed
 * into place only when complete, so a failed backup never leaves a file that looks whole).
 */
export async function dumpSql(
  conn: SqlConn,
  outPath: string,
): Promise<DumpMeta & { bytes: number; sha256: string }> {
  const partial = `${outPath}.partial`;
  const fh = await open(partial, "w");
  let ok = false;
  await conn.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
  try {
    for (const [name, value] of SETTINGS) await conn.query(`SET LOCAL ${name} = ${value}`);
    // The snapshot is taken by the first query after BEGIN; everything below reads that one snapshot.
    const tables = await listTables(conn);
    if (!tables.some((t) => t.name === MIGRATIONS_TABLE))
      throw new Error("this database has no migrations table: nothing to back up.");
    const sequences = await listSequences(conn);
    const migrations = await appliedMigrations(conn);
    const [version] = await conn.query<{ v: string }>("SELECT current_setting('server_version') AS v");
    const counts: Record<string, number> = {};
    for (const t of tables) {
      const [r] = await conn.query<{ n: string }>(`SELECT count(*)::text AS n FROM ${qualified(t.name)}`);
      counts[t.name] = Number(r!.n);
    }
    const meta: DumpMeta = {
      format: 1,
      takenAt: new Date().toISOString(),
      engine: conn.engine,
      serverVersion: version!.v,
      migrations,
      tables: counts,
    };

    const out = new HashingWriter(fh);
    await out.write(
      [
        "--",
        "-- Converge database dump: plain SQL, data only, COPY text format (as pg_dump --data-only writes).",
        `-- Taken ${meta.takenAt} from ${meta.engine} (PostgreSQL ${meta.serverVersion}) in one REPEATABLE READ READ ONLY transaction.`,
        "-- Restore with:  npm run restore -- FILE [--force]   (applies the migrations, then loads this in one transaction)",
        "--          or:  psql -v ON_ERROR_STOP=1 -d DB -f FILE   into an empty database migrated to the same migrations.",
        "-- The last line holds the SHA-256 of everything above it; npm run restore refuses a file that does not match.",
        "--",
        `${META_PREFIX}${JSON.stringify(meta)}`,
        "--",
        "",
        "BEGIN;",
        "",
        ...SETTINGS.map(([name, value]) => `SET LOCAL ${name} = ${value};`),
        "",
        GUARD,
        "",
        "-- The migration history is the source's: same migrations, same ids and times.",
        `DELETE FROM ${qualified(MIGRATIONS_TABLE)};`,
        "",
      ].join("\n") + "\n",
    );
    for (const t of tables) await dumpTable(conn, t, counts[t.name]!, out);
    for (const s of sequences) {
      const [r] = await conn.query<{ last: string; called: boolean }>(
        `SELECT last_value::text AS last, is_called AS called FROM ${qualified(s.name)}`,
      );
      await out.write(
        `SELECT pg_catalog.setval('${qualified(s.name).replace(/'/g, "''")}', ${r!.last}, ${r!.called});\n`,
      );
    }
    await out.write("\nCOMMIT;\n\n");
    await out.flush();
    const sha256 = out.hash.digest("hex");
    await fh.write(`${END_PREFIX}${sha256}\n`);
    await fh.sync();
    ok = true;
    return { ...meta, bytes: out.bytes + END_PREFIX.length + 65, sha256 };
  } finally {
    await conn.query(ok ? "COMMIT" : "ROLLBACK").catch(() => {});
    await fh.close();
    if (ok) await rename(partial, outPath);
    else await rm(partial, { force: true });
  }
}

async function dumpTable(conn: SqlConn, t: TableInfo, count: number, out: HashingWriter) {
  const cols = t.columns.map((c) => ident(c.name));
  const order = t.primaryKey.length ? ` ORDER BY ${t.primaryKey.map(ident).join(", ")}` : "";
  await out.write(`--\n-- Data for ${ident(t.name)} (${count} rows)\n--\n`);
  await out.write(`COPY ${qualified(t.name)} (${cols.join(", ")}) FROM stdin;\n`);
  await conn.query(
    `DECLARE converge_dump NO SCROLL CURSOR FOR SELECT ${cols.map((c) => `${c}::text`).join(", ")} FROM ${qualified(t.name)}${order}`,
  );
  for (;;) {
    const rows = await conn.queryArrays(`FETCH FORWARD ${FETCH_ROWS} FROM converge_dump`);
    if (rows.length) await out.write(rows.map((r) => encodeRow(r as (string | null)[]) + "\n").join(""));
    if (rows.length < FETCH_ROWS) break;
  }
  await conn.query("CLOSE converge_dump");
  await out.write("\\.\n\n");
}

/** One statement of a dump: SQL to run as written, or a COPY block with its data lines. */
export type DumpStatement =
  | { kind: "sql"; sql: string; line: number }
  | { kind: "copy"; table: string; columns: string[]; lines: string[]; line: number };

/** A dump, checked and split into statements. */
export interface ParsedDump {
  meta: DumpMeta;
  statements: DumpStatement[];
}

const COPY_RE = /^COPY "public"\."((?:[^"]|"")+)" \(((?:"(?:[^"]|"")+"(?:, )?)+)\) FROM stdin;$/;
const SETVAL_RE = /^SELECT pg_catalog\.setval\('"public"\."(?:[^"']|"")+"', -?\d+, (?:true|false)\);$/;
const SET_RE = /^SET LOCAL [A-Za-z_]+ = (?:'[^']*'|[A-Za-z0-9_.-]+);$/;

/**
 * Reads and checks a dump file before anything touches a database: the SHA-256 trailer (so a truncated
 * or altered file is refused), the header, every statement (only those a Converge dump contains), and
 * the rows per table against the header. Throws RestoreRefused on any problem.
 */
export async function readDump(path: string): Promise<ParsedDump> {
  return parseDump(await readFile(path));
}

/** `readDump` on bytes already read. */
export function parseDump(buf: Buffer): ParsedDump {
  const refuse = (why: string): never => {
    throw new RestoreRefused(`not a complete Converge dump: ${why}`);
  };
  const end = buf.lastIndexOf(Buffer.from(END_PREFIX));
  if (end < 0) refuse("the end marker is missing (is the file truncated?)");
  const trailer = buf.subarray(end).toString("utf8").trim();
  const expected = trailer.slice(END_PREFIX.length);
  if (!/^[0-9a-f]{64}$/.test(expected) || buf.subarray(end).toString("utf8").trimEnd() !== trailer)
    refuse("the end marker is damaged");
  const body = buf.subarray(0, end);
  const actual = createHash("sha256").update(body).digest("hex");
  if (actual !== expected)
    refuse(`its SHA-256 is ${actual}, not the ${expected} it was written with (the file is damaged)`);

  const lines = body.toString("utf8").split("\n");
  if (lines.at(-1) === "") lines.pop();
  const metaLine = lines.find((l) => l.startsWith(META_PREFIX));
  if (!metaLine) return refuse("the header is missing");
  let meta: DumpMeta;
  try {
    meta = JSON.parse(metaLine.slice(META_PREFIX.length)) as DumpMeta;
  } catch {
    return refuse("the header is not valid JSON");
  }
  if (meta.format !== 1) refuse(`format ${String(meta.format)} is not one this version reads`);

  const statements: DumpStatement[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line === "" || line.startsWith("--")) continue;
    const copy = COPY_RE.exec(line);
    if (copy) {
      const table = copy[1]!.replace(/""/g, '"');
      const columns = [...copy[2]!.matchAll(/"((?:[^"]|"")+)"/g)].map((m) => m[1]!.replace(/""/g, '"'));
      const start = i + 1;
      let stop = start;
      while (stop < lines.length && lines[stop] !== "\\.") stop++;
      if (stop >= lines.length) refuse(`the data for ${table} has no end (line ${i + 1})`);
      const data = lines.slice(start, stop);
      for (let k = 0; k < data.length; k++) {
        try {
          decodeRow(data[k]!, columns.length);
        } catch (e) {
          refuse(`line ${start + k + 1} (${table}): ${(e as Error).message}`);
        }
      }
      statements.push({ kind: "copy", table, columns, lines: data, line: i + 1 });
      i = stop;
      continue;
    }
    const known =
      line === "BEGIN;" ||
      line === "COMMIT;" ||
      line === GUARD ||
      line === `DELETE FROM ${qualified(MIGRATIONS_TABLE)};` ||
      SET_RE.test(line) ||
      SETVAL_RE.test(line);
    if (!known) refuse(`line ${i + 1} is not a statement a Converge dump contains: ${line.slice(0, 80)}`);
    statements.push({ kind: "sql", sql: line, line: i + 1 });
  }
  const first = statements[0];
  const last = statements.at(-1);
  if (first?.kind !== "sql" || first.sql !== "BEGIN;" || last?.kind !== "sql" || last.sql !== "COMMIT;")
    refuse("it does not start with BEGIN and end with COMMIT");
  if (statements.filter((s) => s.kind === "sql" && (s.sql === "BEGIN;" || s.sql === "COMMIT;")).length !== 2)
    refuse("it has more than one transaction");
  const copies = statements.filter((s): s is Extract<DumpStatement, { kind: "copy" }> => s.kind === "copy");
  const copied = new Map(copies.map((c) => [c.table, c.lines.length]));
  for (const [table, rows] of Object.entries(meta.tables)) {
    if (copied.get(table) !== rows)
      refuse(`the header promises ${rows} rows of ${table}, the data has ${copied.get(table) ?? "none"}`);
  }
  if (copies.length !== Object.keys(meta.tables).length)
    refuse("it has data for tables its header does not list");
  return { meta, statements };
}

/** What a restore did. */
export interface RestoreResult {
  /** Migrations the target needed before loading. */
  migrated: string[];
  /** Rows loaded per table. */
  tables: Record<string, number>;
  /** Rows per table removed first (with force), when the target was not empty. */
  replaced: Record<string, number> | null;
}

/**
 * Restores a parsed dump into the database behind `conn`: applies the migrations, checks the schema is
 * the dump's, then in ONE transaction locks every table, refuses a non-empty database unless `force`
 * (then empties it with TRUNCATE), loads every statement, and checks the row counts. Any failure rolls
 * everything back: the target is then exactly as it was.
 */
export async function restoreSql(
  conn: SqlConn,
  dump: ParsedDump,
  options: { force?: boolean } = {},
): Promise<RestoreResult> {
  const migrated = await conn.migrate();
  const have = await appliedMigrations(conn);
  const want = dump.meta.migrations;
  const key = (m: AppliedMigration) => `${m.name}@${m.checksum}`;
  const missing = want.filter((m) => !have.some((h) => key(h) === key(m)));
  const extra = have.filter((h) => !want.some((m) => key(h) === key(m)));
  if (missing.length || extra.length) {
    throw new RestoreRefused(
      "the dump was taken with a different set of migrations than this version of Converge has" +
        (missing.length ? `; only in the dump: ${missing.map((m) => m.name).join(", ")}` : "") +
        (extra.length ? `; only here: ${extra.map((m) => m.name).join(", ")}` : "") +
        ". Restore with the version of Converge that made the dump, then upgrade.",
    );
  }
  const tables = await listTables(conn);
  const byName = new Map(tables.map((t) => [t.name, t]));
  for (const s of dump.statements) {
    if (s.kind !== "copy") continue;
    const t = byName.get(s.table);
    if (!t)
      throw new RestoreRefused(`the dump has data for table ${s.table}, which this database does not have.`);
    const unknown = s.columns.filter((c) => !t.columns.some((col) => col.name === c));
    if (unknown.length)
      throw new RestoreRefused(`table ${s.table} here has no column ${unknown.join(", ")}.`);
  }

  const data = tables.filter((t) => t.name !== MIGRATIONS_TABLE);
  await conn.query("BEGIN");
  try {
    if (conn.engine === "postgres") await conn.query("SET LOCAL lock_timeout = '60s'");
    // Nobody else reads or writes while the contents are swapped (servers wait, then see the result).
    await conn.query(
      `LOCK TABLE ${tables.map((t) => qualified(t.name)).join(", ")} IN ACCESS EXCLUSIVE MODE`,
    );
    const present: Record<string, number> = {};
    for (const t of data) {
      const [r] = await conn.query<{ n: string }>(`SELECT count(*)::text AS n FROM ${qualified(t.name)}`);
      if (Number(r!.n) > 0) present[t.name] = Number(r!.n);
    }
    const nonEmpty = Object.keys(present).length > 0;
    if (nonEmpty && !options.force) {
      throw new RestoreRefused(
        `the target database is not empty (${Object.entries(present)
          .map(([t, n]) => `${t}: ${n}`)
          .join(", ")}); ` + "nothing was changed. Use --force to replace its contents with the dump.",
      );
    }
    if (nonEmpty)
      await conn.query(`TRUNCATE ${data.map((t) => qualified(t.name)).join(", ")} RESTART IDENTITY`);
    for (const s of dump.statements) {
      if (s.kind === "sql") {
        if (s.sql === "BEGIN;" || s.sql === "COMMIT;") continue;
        await conn.query(s.sql);
      } else {
        await load(conn, byName.get(s.table)!, s.columns, s.lines);
      }
    }
    for (const [table, rows] of Object.entries(dump.meta.tables)) {
      const [r] = await conn.query<{ n: string }>(`SELECT count(*)::text AS n FROM ${qualified(table)}`);
      if (Number(r!.n) !== rows)
        throw new Error(`after loading, ${table} has ${r!.n} rows, not the dump's ${rows}`);
    }
    await conn.query("COMMIT");
    return { migrated, tables: dump.meta.tables, replaced: nonEmpty ? present : null };
  } catch (error) {
    await conn.query("ROLLBACK").catch(() => {});
    throw error;
  }
}

/** Loads COPY lines: with a real COPY where the engine offers one, else as INSERTs of the decoded text. */
async function load(conn: SqlConn, table: TableInfo, columns: string[], lines: string[]) {
  if (!lines.length) return;
  if (conn.copyFrom) {
    await conn.copyFrom(table.name, columns, lines.join("\n") + "\n");
    return;
  }
  const types = columns.map((c) => table.columns.find((col) => col.name === c)!.type);
  // Every value goes in as text and is converted by the column type's own input function, as COPY does.
  const batch = Math.max(1, Math.min(1000, Math.floor(30000 / columns.length)));
  for (let i = 0; i < lines.length; i += batch) {
    const chunk = lines.slice(i, i + batch);
    const params: (string | null)[] = [];
    const tuples = chunk.map((line) => {
      const values = decodeRow(line, columns.length);
      const refs = values.map((v, k) => {
        params.push(v);
        return `$${params.length}::text::${types[k]}`;
      });
      return `(${refs.join(", ")})`;
    });
    await conn.query(
      `INSERT INTO ${qualified(table.name)} (${columns.map(ident).join(", ")}) VALUES ${tuples.join(", ")}`,
      params,
    );
  }
}
