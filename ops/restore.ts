// `npm run restore -- FILE [--force] [--pglite DIR]`
// Restores an SQL dump (either engine) or a datadir archive (PGlite) made by `npm run backup` into the
// database the server uses (DATABASE_URL, else DATA_DIR/pglite). The file is checked whole first; the
// migrations are applied; then everything loads in one transaction. A database with data is refused
// unless --force. Stop the servers first (an embedded folder must not be open elsewhere; PostgreSQL
// servers would only wait on the locks, but should be restarted afterwards).
import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import type { DatabaseTarget } from "../server/db/open.ts";
import { isGzip, restoreDataDir } from "./datadir.ts";
import { parseDump, restoreSql, RestoreRefused } from "./dump.ts";
import { openSqlConnection } from "./sql.ts";
import { describeTarget, resolveTarget } from "./target.ts";

/** Restores `file` into `target`; returns a one-line summary. Throws RestoreRefused when nothing was done. */
export async function restore(options: {
  target: DatabaseTarget;
  file: string;
  force?: boolean;
}): Promise<string> {
  const buf = await readFile(options.file);
  if (isGzip(buf)) {
    if ("url" in options.target || !options.target.dir)
      throw new RestoreRefused(
        "a datadir archive restores only into an embedded (PGlite) folder; use an SQL dump for PostgreSQL.",
      );
    const r = await restoreDataDir(options.file, options.target.dir, { force: options.force });
    const rows = Object.values(r.tables).reduce((a, b) => a + b, 0);
    return (
      `restored the data folder (${rows} rows)` +
      (r.movedAside ? `; the previous folder is kept at ${r.movedAside}` : "")
    );
  }
  const dump = parseDump(buf); // refuses a truncated or altered file before touching the database
  const conn = await openSqlConnection(options.target);
  try {
    const r = await restoreSql(conn, dump, { force: options.force });
    const rows = Object.values(r.tables).reduce((a, b) => a + b, 0);
    return (
      `loaded ${rows} rows into ${Object.keys(r.tables).length} tables from a dump taken ${dump.meta.takenAt}` +
      (r.migrated.length ? `, after applying ${r.migrated.join(", ")}` : "") +
      (r.replaced
        ? `, replacing ${Object.values(r.replaced).reduce((a, b) => a + b, 0)} rows that were there`
        : "")
    );
  } finally {
    await conn.close();
  }
}

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      force: { type: "boolean", default: false },
      pglite: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help || positionals.length !== 1) {
    console.log("usage: npm run restore -- FILE [--force] [--pglite DIR]");
    process.exit(values.help ? 0 : 64);
  }
  const target = resolveTarget(values.pglite);
  const summary = await restore({ target, file: positionals[0]!, force: values.force });
  console.log(`Restored ${positionals[0]} into the ${describeTarget(target)}: ${summary}.`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().then(
    () => process.exit(0),
    (e) => {
      const refused = e instanceof RestoreRefused;
      console.error(`Restore ${refused ? "refused" : "failed"}: ${(e as Error).message}`);
      process.exit(refused ? 2 : 1);
    },
  );
}
