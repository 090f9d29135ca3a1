// Test databases: every database test runs on embedded PGlite, and again on a fresh PostgreSQL
// database when DATABASE_URL is set (CI sets it). Each test file gets its own database.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { openDatabase, type Database, type DatabaseTarget } from "../../server/db/open.ts";

/** The engines database tests run on here. */
export function engines(): ("pglite" | "postgres")[] {
  return process.env.DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];
}

/** Creates a fresh, empty PostgreSQL database on DATABASE_URL's server; returns its URL and a dropper. */
export async function createPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const base = new URL(process.env.DATABASE_URL!);
  const name = `converge_test_${randomBytes(6).toString("hex")}`;
  const admin = new URL(base);
  admin.pathname = "/postgres";
  const run = async (sql: string) => {
    const client = new pg.Client({ connectionString: admin.toString() });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await run(`CREATE DATABASE "${name}"`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => run(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}

/** A test database on `engine`, migrated, with a way to count SQL statements and to empty it. */
export interface TestDatabase extends Database {
  /** SQL statements seen since the last `resetQueryCount`. */
  queries: string[];
  resetQueryCount(): void;
  /** Deletes every row (keeps the schema). */
  truncate(): Promise<void>;
}

/** Opens a fresh database on `engine`. */
export async function openTestDatabase(engine: "pglite" | "postgres"): Promise<TestDatabase> {
  const queries: string[] = [];
  let target: DatabaseTarget = {};
  let drop = async () => {};
  if (engine === "postgres") {
    const created = await createPostgresDatabase();
    target = { url: created.url };
    drop = created.drop;
  }
  const db = await openDatabase(target, { onQuery: (sql) => queries.push(sql) });
  return {
    ...db,
    queries,
    resetQueryCount: () => void queries.splice(0),
    truncate: async () => {
      await db.prisma.$executeRawUnsafe(
        `TRUNCATE "Scenario", "AuditEvent", "Licence", "Contract", "ProductMatch", "ProductAlias", "Product", "Capability", "Vendor", "Dependency", "Asset", "Site", "Organisation" CASCADE`,
      );
    },
    close: async () => {
      await db.close();
      await drop();
    },
  };
}
