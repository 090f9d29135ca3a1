// The migration that gives every account an owning organisation, applied to a database that already has
// users: each belongs to the one organisation it holds roles in, else to the shared service (the first by
// code); the first administrator (roles only in shared services) to the shared service. Without a shared
// service to fall back on, the migration stops with a message saying what to do, and changes nothing.
import { cpSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomUUID } from "node:crypto";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { describe, it, expect, beforeAll, afterAll } from "vitest";
// @ts-ignore -- plain JS shared with the CLI script scripts/prisma-offline.mjs
import { migrate, pgliteDb, pgClientDb } from "../../scripts/migrate-runner.mjs";
import { MIGRATIONS_DIR } from "../../server/db/migrate.ts";
import { createPostgresDatabase, engines } from "../support/databases.ts";

const MIGRATION = "20261206171738_user_owning_organisation";

/** A query runner on one connection of either engine. */
interface Db {
  query(sql: string, params?: unknown[]): Promise<Record<string, unknown>[]>;
  exec(sql: string): Promise<void>;
}

/** A copy of the migrations folder holding only those before the one under test. */
function migrationsBefore(): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), "converge-migrations-"));
  for (const name of readdirSync(MIGRATIONS_DIR)) {
    if (name.localeCompare(MIGRATION) >= 0 && name !== "migration_lock.toml") continue;
    cpSync(join(MIGRATIONS_DIR, name), join(dir, name), { recursive: true });
  }
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A fresh database on `engine`, migrated up to (not including) the migration under test. */
async function openBefore(engine: "pglite" | "postgres"): Promise<{ db: Db; close(): Promise<void> }> {
  const before = migrationsBefore();
  try {
    if (engine === "pglite") {
      const pglite = new PGlite();
      const db = pgliteDb(pglite) as Db;
      await migrate(db, before.dir, () => {});
      return { db, close: () => pglite.close() };
    }
    const created = await createPostgresDatabase();
    const client = new pg.Client({ connectionString: created.url });
    await client.connect();
    const db = pgClientDb(client) as Db;
    await migrate(db, before.dir, () => {});
    return {
      db,
      close: async () => {
        await client.end();
        await created.drop();
      },
    };
  } finally {
    before.remove();
  }
}

async function org(db: Db, code: string, kind: "COUNCIL" | "SHARED_SERVICE"): Promise<string> {
  const id = randomUUID();
  await db.query(
    `INSERT INTO "Organisation" (id, code, name, kind, "updatedAt") VALUES ($1, $2, $3, $4::"OrganisationKind", now())`,
    [id, code, `${code} organisation`, kind],
  );
  return id;
}

async function user(db: Db, email: string, roles: [string, string][]): Promise<string> {
  const id = randomUUID();
  await db.query(
    `INSERT INTO "User" (id, email, "displayName", "passwordHash", "updatedAt") VALUES ($1, $2, $2, 'scrypt$x', now())`,
    [id, email],
  );
  for (const [organisationId, role] of roles)
    await db.query(
      `INSERT INTO "RoleAssignment" (id, "userId", "organisationId", role) VALUES ($1, $2, $3, $4::"Role")`,
      [randomUUID(), id, organisationId, role],
    );
  return id;
}

describe.each(engines())("giving existing accounts an owning organisation on %s", (engine) => {
  let opened: Awaited<ReturnType<typeof openBefore>>;
  afterAll(() => opened?.close());

  describe("with a shared service", () => {
    const ids: Record<string, string> = {};
    const orgs: Record<string, string> = {};

    beforeAll(async () => {
      opened = await openBefore(engine);
      const { db } = opened;
      orgs.SCC = await org(db, "SCC", "COUNCIL");
      orgs.DCC = await org(db, "DCC", "COUNCIL");
      orgs.ZSS = await org(db, "ZSS", "SHARED_SERVICE");
      orgs.SHARED = await org(db, "SHARED", "SHARED_SERVICE");
      ids.dccOnly = await user(db, "editor@dcc", [
        [orgs.DCC, "EDITOR"],
        [orgs.DCC, "VIEWER"],
      ]);
      ids.sccOnly = await user(db, "viewer@scc", [[orgs.SCC, "VIEWER"]]);
      ids.both = await user(db, "both@councils", [
        [orgs.SCC, "VIEWER"],
        [orgs.DCC, "ADMIN"],
      ]);
      ids.none = await user(db, "new@nowhere", []);
      ids.bootstrap = await user(db, "admin@converge.local", [
        [orgs.SHARED, "ADMIN"],
        [orgs.ZSS, "ADMIN"],
      ]);
      expect((await migrate(db, MIGRATIONS_DIR, () => {}))[0]).toBe(MIGRATION); // later migrations follow it
    });

    const ownerOf = async (id: string) =>
      (await opened.db.query(`SELECT "organisationId"::text AS o FROM "User" WHERE id = $1`, [id]))[0]!.o;

    it("gives a user with roles in one organisation that organisation", async () => {
      expect(await ownerOf(ids.dccOnly!)).toBe(orgs.DCC);
      expect(await ownerOf(ids.sccOnly!)).toBe(orgs.SCC);
    });

    it("gives users with roles in several organisations, or none, the shared service first by code", async () => {
      expect(await ownerOf(ids.both!)).toBe(orgs.SHARED);
      expect(await ownerOf(ids.none!)).toBe(orgs.SHARED);
      expect(await ownerOf(ids.bootstrap!)).toBe(orgs.SHARED);
    });

    it("then requires an owning organisation that exists", async () => {
      await expect(
        opened.db.query(
          `INSERT INTO "User" (id, email, "displayName", "passwordHash", "updatedAt") VALUES ($1, 'x@y.z', 'x', 'x', now())`,
          [randomUUID()],
        ),
      ).rejects.toThrow(/organisationId/);
      await expect(
        opened.db.query(
          `INSERT INTO "User" (id, email, "displayName", "passwordHash", "updatedAt", "organisationId") VALUES ($1, 'x@y.z', 'x', 'x', now(), $2)`,
          [randomUUID(), randomUUID()],
        ),
      ).rejects.toThrow(/foreign key/);
    });
  });

  it("stops with a message saying what to do when a roleless user has no shared service to belong to", async () => {
    const before = await openBefore(engine);
    try {
      await org(before.db, "SCC", "COUNCIL");
      await user(before.db, "new@nowhere", []);
      await expect(migrate(before.db, MIGRATIONS_DIR, () => {})).rejects.toThrow(
        /no SHARED_SERVICE organisation to own their accounts/,
      );
      const columns = await before.db.query(
        `SELECT 1 FROM information_schema.columns WHERE table_name = 'User' AND column_name = 'organisationId'`,
      );
      expect(columns, "nothing of the migration is left behind").toHaveLength(0);
    } finally {
      await before.close();
    }
  });
});
