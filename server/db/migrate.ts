// Applies prisma/migrations in order under Prisma's advisory lock, each migration and its bookkeeping row
// in one transaction. Compatible with `prisma migrate deploy` (same _prisma_migrations table and checksums).
// @ts-ignore -- plain JS shared with the CLI script scripts/prisma-offline.mjs
import { migrate as runMigrations, pgliteDb, pgClientDb } from "../../scripts/migrate-runner.mjs";
import type { PGlite } from "@electric-sql/pglite";
import type pg from "pg";
import { fileURLToPath } from "node:url";

/** Folder holding the migrations, resolved from this file so it works from any working directory. */
export const MIGRATIONS_DIR = fileURLToPath(new URL("../../prisma/migrations", import.meta.url));

/** Migrates an embedded PGlite database; returns the names of migrations applied. */
export function migratePglite(db: PGlite): Promise<string[]> {
  return runMigrations(pgliteDb(db), MIGRATIONS_DIR, () => {});
}

/** Migrates a PostgreSQL server through one dedicated client; returns the names of migrations applied. */
export function migratePostgres(client: pg.Client): Promise<string[]> {
  return runMigrations(pgClientDb(client), MIGRATIONS_DIR, () => {});
}
