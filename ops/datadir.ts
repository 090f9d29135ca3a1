// Physical backup of an embedded (PGlite) database: PGlite's own dumpDataDir() — a tar.gz of the data
// folder — restored with `new PGlite(dir, { loadDataDir })` into an empty folder. Only for PGlite; the
// folder must not be open in another process (PGlite is one process per folder).
import { existsSync, readdirSync } from "node:fs";
import { open, readFile, rename, rm } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { gunzipSync } from "node:zlib";
import { PGlite } from "@electric-sql/pglite";
import { RestoreRefused } from "./dump.ts";
import { listTables, MIGRATIONS_TABLE, pgliteConn, qualified } from "./sql.ts";
import { ensureNotInUse } from "../server/db/in-use.ts";

/** True when `dir` holds a PostgreSQL data folder. */
export function isDataDir(dir: string): boolean {
  return existsSync(join(dir, "PG_VERSION"));
}

/** True when `buf` starts like a gzip stream (a datadir archive rather than an SQL dump). */
export function isGzip(buf: Buffer): boolean {
  return buf.length >= 2 && buf[0] === 0x1f && buf[1] === 0x8b;
}

/** Rows per non-empty table (migrations table excluded) of an open PGlite. */
async function contents(db: PGlite): Promise<Record<string, number>> {
  const conn = pgliteConn(db);
  const present: Record<string, number> = {};
  for (const t of await listTables(conn)) {
    if (t.name === MIGRATIONS_TABLE) continue;
    const [r] = await conn.query<{ n: string }>(`SELECT count(*)::text AS n FROM ${qualified(t.name)}`);
    if (Number(r!.n) > 0) present[t.name] = Number(r!.n);
  }
  return present;
}

/** Writes PGlite's tar.gz of the data folder `dir` to `outPath` (via `outPath.partial`). */
export async function backupDataDir(
  dir: string,
  outPath: string,
): Promise<{ bytes: number; tables: Record<string, number> }> {
  if (!isDataDir(dir)) throw new Error(`no embedded database in ${dir}.`);
  ensureNotInUse(dir);
  const db = new PGlite(dir);
  const partial = `${outPath}.partial`;
  try {
    await db.waitReady;
    const tables = await contents(db);
    await db.query("CHECKPOINT");
    const archive = Buffer.from(await (await db.dumpDataDir("gzip")).arrayBuffer());
    const fh = await open(partial, "w");
    try {
      await fh.write(archive);
      await fh.sync();
    } finally {
      await fh.close();
    }
    await rename(partial, outPath);
    return { bytes: archive.length, tables };
  } catch (e) {
    await rm(partial, { force: true });
    throw e;
  } finally {
    await db.close();
  }
}

/** What a datadir restore did. */
export interface DataDirRestoreResult {
  migrated: string[];
  tables: Record<string, number>;
  /** Where the folder that was there before now is (with force), or null. */
  movedAside: string | null;
}

/**
 * Restores a datadir archive into the PGlite folder `dir`. The archive is unpacked into a new sibling
 * folder first, opened, migrated and checked; only then is it moved into place, so a damaged archive
 * leaves `dir` untouched. A folder holding data is refused unless `force`; then it is moved aside (kept,
 * never deleted) rather than overwritten.
 */
export async function restoreDataDir(
  archivePath: string,
  dir: string,
  options: { force?: boolean } = {},
): Promise<DataDirRestoreResult> {
  const archive = await readFile(archivePath);
  if (!isGzip(archive)) throw new RestoreRefused(`${archivePath} is not a datadir archive (gzip).`);
  try {
    gunzipSync(archive); // a truncated or damaged archive fails its CRC or length check here
  } catch (e) {
    throw new RestoreRefused(`${archivePath} is damaged: ${(e as Error).message}. Nothing was changed.`);
  }
  ensureNotInUse(dir);
  const occupied = existsSync(dir) && readdirSync(dir).length > 0;
  // With force, whatever was there is kept aside; without, only an empty folder or empty database is replaced.
  const keepOld = occupied && Boolean(options.force);
  if (occupied && !options.force) {
    if (!isDataDir(dir))
      throw new RestoreRefused(
        `${dir} exists and is not an empty folder; nothing was changed. Use --force to move it aside.`,
      );
    const existing = new PGlite(dir);
    let present: Record<string, number>;
    try {
      await existing.waitReady;
      present = await contents(existing);
    } finally {
      await existing.close();
    }
    if (Object.keys(present).length) {
      throw new RestoreRefused(
        `the target database is not empty (${Object.entries(present)
          .map(([t, n]) => `${t}: ${n}`)
          .join(", ")}); ` +
          "nothing was changed. Use --force to replace it (the old folder is kept beside it).",
      );
    }
  }
  const stamp = new Date().toISOString().replace(/[-:]/g, "").replace(/\..*/, "");
  const staging = join(dirname(dir), `.${basename(dir)}.restoring-${process.pid}-${stamp}`);
  await rm(staging, { recursive: true, force: true });
  let migrated: string[];
  let tables: Record<string, number>;
  try {
    const db = new PGlite(staging, { loadDataDir: new Blob([archive]) });
    try {
      await db.waitReady;
      migrated = await pgliteConn(db).migrate();
      tables = await contents(db);
    } finally {
      await db.close();
    }
  } catch (e) {
    await rm(staging, { recursive: true, force: true });
    throw new Error(`the archive could not be loaded (${(e as Error).message}); ${dir} was not changed.`);
  }
  let movedAside: string | null = null;
  if (existsSync(dir)) {
    movedAside = join(dirname(dir), `${basename(dir)}.before-restore-${stamp}`);
    await rename(dir, movedAside);
  }
  await rename(staging, dir);
  if (movedAside && !keepOld) {
    await rm(movedAside, { recursive: true, force: true }); // an empty folder or a database without rows
    movedAside = null;
  }
  return { migrated, tables, movedAside };
}
