// Opens the database: embedded PGlite in a data folder by default, PostgreSQL when DATABASE_URL is set.
// Either way the migrations are applied first, so a fresh folder or a fresh server database just works.
import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "../../generated/prisma/client.ts";
import { migratePglite, migratePostgres } from "./migrate.ts";
import { ensureNotInUse } from "./in-use.ts";
import { takingTurns } from "./pglite-yielding.ts";

/** A Prisma client and how to close everything behind it. */
export interface Database {
  prisma: PrismaClient;
  /** "pglite" (embedded) or "postgres" (server). */
  engine: "pglite" | "postgres";
  /** Names of the migrations applied while opening. */
  applied: string[];
  close(): Promise<void>;
}

/** Where to find the data: a PostgreSQL URL, a PGlite folder, or (no dir) an in-memory PGlite. */
export type DatabaseTarget = { url: string } | { dir?: string };

/** Chooses the target from the environment: DATABASE_URL, else DATA_DIR (default ./data) for PGlite. */
export function targetFromEnv(env: NodeJS.ProcessEnv = process.env): DatabaseTarget {
  if (env.DATABASE_URL) return { url: env.DATABASE_URL };
  return { dir: `${env.DATA_DIR ?? "./data"}/pglite` };
}

/** Options for opening: `onQuery` sees every SQL statement Prisma sends (tests count them). */
export interface OpenOptions {
  onQuery?: (sql: string) => void;
}

function clientFor(adapter: PrismaPg | PrismaPGlite, options: OpenOptions): PrismaClient {
  if (!options.onQuery) return new PrismaClient({ adapter });
  const prisma = new PrismaClient({ adapter, log: [{ emit: "event", level: "query" }] });
  prisma.$on("query", (e) => options.onQuery!(e.query));
  return prisma;
}

/** Opens and migrates the database at `target`. */
export async function openDatabase(target: DatabaseTarget, options: OpenOptions = {}): Promise<Database> {
  if ("url" in target) {
    if (!/^postgres(ql)?:\/\//.test(target.url)) {
      throw new Error(
        `DATABASE_URL must start with postgres:// or postgresql:// (got "${target.url.slice(0, 20)}…")`,
      );
    }
    const client = new pg.Client({ connectionString: target.url });
    await client.connect();
    let applied: string[];
    try {
      applied = await migratePostgres(client);
    } finally {
      await client.end();
    }
    const prisma = clientFor(new PrismaPg({ connectionString: target.url }), options);
    return { prisma, engine: "postgres", applied, close: () => prisma.$disconnect() };
  }
  if (target.dir) {
    ensureNotInUse(target.dir); // one process per PGlite folder: a second one would corrupt it
    mkdirSync(target.dir, { recursive: true });
  }
  const pglite = target.dir ? new PGlite(target.dir) : new PGlite();
  const applied = await migratePglite(pglite);
  const prisma = clientFor(new PrismaPGlite(takingTurns(pglite)), options);
  return {
    prisma,
    engine: "pglite",
    applied,
    close: async () => {
      await prisma.$disconnect();
      await pglite.close(); // an open PGlite keeps Node alive
    },
  };
}
