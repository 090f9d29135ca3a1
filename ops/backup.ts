// `npm run backup -- [--out FILE] [--format sql|datadir] [--pglite DIR]`
//   sql (default): a consistent plain-SQL dump (COPY blocks) of the database the server uses
//                  (DATABASE_URL, else DATA_DIR/pglite); safe while a PostgreSQL server runs.
//   datadir:       PGlite only — the data folder as a tar.gz (PGlite's dumpDataDir).
// The embedded database is one process per folder: stop the server before backing it up.
import { mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { parseArgs } from "node:util";
import type { DatabaseTarget } from "../server/db/open.ts";
import { backupDataDir, isDataDir } from "./datadir.ts";
import { dumpSql } from "./dump.ts";
import { openSqlConnection } from "./sql.ts";
import { describeTarget, fileStamp, resolveTarget } from "./target.ts";

/** Options of one backup. */
export interface BackupOptions {
  target: DatabaseTarget;
  out?: string;
  format?: "sql" | "datadir";
}

/** Where a backup goes when --out is not given: DATA_DIR/backups/converge-<engine>-<UTC time>.<ext>. */
export function defaultOut(target: DatabaseTarget, format: "sql" | "datadir", env = process.env): string {
  const engine = "url" in target ? "postgres" : "pglite";
  return join(
    env.DATA_DIR ?? "./data",
    "backups",
    `converge-${engine}-${fileStamp()}.${format === "sql" ? "sql" : "tar.gz"}`,
  );
}

/** Takes a backup; returns the file written and a one-line summary. */
export async function backup(options: BackupOptions): Promise<{ file: string; summary: string }> {
  const format = options.format ?? "sql";
  const file = options.out ?? defaultOut(options.target, format);
  mkdirSync(dirname(file), { recursive: true });
  if (format === "datadir") {
    if ("url" in options.target || !options.target.dir)
      throw new Error(
        "--format datadir is for the embedded (PGlite) database only; use the sql format for PostgreSQL.",
      );
    const r = await backupDataDir(options.target.dir, file);
    const rows = Object.values(r.tables).reduce((a, b) => a + b, 0);
    return {
      file,
      summary: `data folder archive, ${r.bytes} bytes, ${rows} rows in ${Object.keys(r.tables).length} non-empty tables`,
    };
  }
  if (!("url" in options.target) && (!options.target.dir || !isDataDir(options.target.dir))) {
    throw new Error(`no embedded database in ${"dir" in options.target ? options.target.dir : "memory"}.`);
  }
  const conn = await openSqlConnection(options.target);
  try {
    const meta = await dumpSql(conn, file);
    const rows = Object.values(meta.tables).reduce((a, b) => a + b, 0);
    return {
      file,
      summary: `SQL dump, ${meta.bytes} bytes, ${rows} rows in ${Object.keys(meta.tables).length} tables, sha256 ${meta.sha256.slice(0, 16)}…`,
    };
  } finally {
    await conn.close();
  }
}

async function main() {
  const { values } = parseArgs({
    options: {
      out: { type: "string", short: "o" },
      format: { type: "string", default: "sql" },
      pglite: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    console.log("usage: npm run backup -- [--out FILE] [--format sql|datadir] [--pglite DIR]");
    return;
  }
  if (values.format !== "sql" && values.format !== "datadir")
    throw new Error(`--format must be sql or datadir, not ${values.format}`);
  const target = resolveTarget(values.pglite);
  const { file, summary } = await backup({ target, out: values.out, format: values.format });
  console.log(`Backed up the ${describeTarget(target)} to ${file}: ${summary}.`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().then(
    () => process.exit(0),
    (e) => {
      console.error(`Backup failed: ${(e as Error).message}`);
      process.exit(1);
    },
  );
}
