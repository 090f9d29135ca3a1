// Backup and restore on each engine: a seeded estate with awkward values, audit events and users is
// dumped, restored into a fresh database and compared row by row; a non-empty target is refused without
// --force; a truncated or failing dump leaves the target exactly as it was; psql can run the SQL dump.
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { createHash, randomUUID } from "node:crypto";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Prisma } from "../../generated/prisma/client.ts";
import { openDatabase, type DatabaseTarget } from "../../server/db/open.ts";
import { backup } from "../../ops/backup.ts";
import { restore } from "../../ops/restore.ts";
import { parseDump, RestoreRefused } from "../../ops/dump.ts";
import { allRows, DERIVED_TABLES, fingerprint, openSqlConnection, type SqlConn } from "../../ops/sql.ts";
import { createPostgresDatabase, engines } from "../support/databases.ts";
import { graphqlClient } from "../support/graphql.ts";
import { allModels, buildRichEstate } from "./fixtures/estate.ts";

const run = promisify(execFile);
/** What each engine's block leaves for the cross-engine restores at the end. */
let handover = "";
const made: Partial<Record<"pglite" | "postgres", { dump: string; rows: Record<string, string[]> }>> = {};
beforeAll(() => void (handover = mkdtempSync(join(tmpdir(), "converge-backup-handover-"))));
afterAll(() => rmSync(handover, { recursive: true, force: true }));
const ROOT = new URL("../../", import.meta.url).pathname;

async function withConn<T>(target: DatabaseTarget, fn: (c: SqlConn) => Promise<T>): Promise<T> {
  const conn = await openSqlConnection(target);
  try {
    return await fn(conn);
  } finally {
    await conn.close();
  }
}

async function withPrisma<T>(
  target: DatabaseTarget,
  fn: (p: Awaited<ReturnType<typeof openDatabase>>["prisma"]) => Promise<T>,
): Promise<T> {
  const db = await openDatabase(target);
  try {
    return await fn(db.prisma);
  } finally {
    await db.close();
  }
}

/** Rewrites the SHA-256 trailer so a deliberately broken dump passes the file check and fails in the database. */
function resign(text: string): string {
  const end = text.lastIndexOf("-- converge-dump-end: sha256=");
  const body = text.slice(0, end);
  return `${body}-- converge-dump-end: sha256=${createHash("sha256").update(body, "utf8").digest("hex")}\n`;
}

describe.each(engines())("backup and restore on %s", (engine) => {
  let work = ""; // made in beforeAll, so a filtered run that skips this block leaves nothing behind
  const drops: (() => Promise<void>)[] = [];
  let n = 0;
  /** A target that does not exist yet (PGlite folder) or an empty database (PostgreSQL). */
  const fresh = async (): Promise<DatabaseTarget> => {
    if (engine === "pglite") return { dir: join(work, `db${n++}`) };
    const db = await createPostgresDatabase();
    drops.push(db.drop);
    return { url: db.url };
  };
  let source: DatabaseTarget;
  let restored: DatabaseTarget;
  let sourceRows: Record<string, string[]>;
  let sourceModels: Record<string, unknown[]>;
  let dumpFile = "";

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), `converge-backup-${engine}-`));
    dumpFile = join(work, "dump.sql");
    source = await fresh();
    await withPrisma(source, (prisma) => buildRichEstate(prisma));
    sourceRows = await withConn(source, allRows);
    sourceModels = await withPrisma(source, allModels);
  });
  afterAll(async () => {
    for (const drop of drops) await drop();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it("writes a psql-style SQL dump with every table of the schema in foreign-key order", async () => {
    // Through the npm script, as an operator would run it.
    const env = { ...process.env, ...("url" in source ? { DATABASE_URL: source.url } : {}) };
    if (!("url" in source)) delete env.DATABASE_URL;
    const args = [
      "run",
      "--silent",
      "backup",
      "--",
      "--out",
      dumpFile,
      ...("dir" in source ? ["--pglite", source.dir!] : []),
    ];
    const { stdout } = await run("npm", args, { cwd: ROOT, env });
    expect(stdout).toMatch(/Backed up the .* to .*dump\.sql: SQL dump/);
    const text = readFileSync(dumpFile, "utf8");
    const { meta, statements } = parseDump(readFileSync(dumpFile));
    expect(meta.engine).toBe(engine);
    // Every Prisma model and the migration history, parents before children.
    const tables = Object.keys(meta.tables);
    expect(tables[0]).toBe("_prisma_migrations");
    expect(new Set(tables)).toEqual(
      new Set(["_prisma_migrations", ...Object.values(Prisma.ModelName).filter((m) => !DERIVED_TABLES.includes(m))]),
    );
    for (const [child, parent] of [
      ["Asset", "Organisation"],
      ["Asset", "Site"],
      ["Dependency", "Asset"],
      ["Licence", "Contract"],
      ["RoleAssignment", "User"],
      ["ApiToken", "User"],
    ]) {
      expect(tables.indexOf(parent!), `${parent} before ${child}`).toBeLessThan(tables.indexOf(child!));
    }
    for (const [table, rows] of Object.entries(sourceRows))
      expect(meta.tables[table], table).toBe(rows.length);
    expect(text.split("\n")[0]).toBe("--");
    expect(statements[0]).toMatchObject({ kind: "sql", sql: "BEGIN;" });
    expect(statements.at(-1)).toMatchObject({ kind: "sql", sql: "COMMIT;" });
    expect(text).toMatch(/^COPY "public"\."Asset" \("id", "organisationId", .*\) FROM stdin;$/m);
    expect(text).toMatch(/^SELECT pg_catalog\.setval\('"public"\."AuditEvent_seq_seq"', \d+, true\);$/m);
    // The awkward text is escaped: no raw tab inside a value, "\." only as an escaped backslash.
    made[engine] = { dump: join(handover, `${engine}.sql`), rows: sourceRows };
    writeFileSync(made[engine]!.dump, readFileSync(dumpFile));
    expect(text).toContain(
      "tab\\there, newline\\nthere, CR\\r here, backslash \\\\ and \\\\N and \\\\. alone:\\n\\\\.\\n",
    );
  });

  it("restores into a fresh database: every row of every table is exactly the same", async () => {
    restored = await fresh();
    await restore({ target: restored, file: dumpFile });
    expect(await withConn(restored, allRows)).toEqual(sourceRows);
    const models = await withPrisma(restored, allModels);
    expect(models).toEqual(sourceModels);
    // Spot checks of the types that break most easily.
    const edge = (
      models.Organisation as {
        code: string;
        annualIctBudgetPence: bigint;
        staffFte: Prisma.Decimal;
        identifiers: string[];
      }[]
    ).find((o) => o.code === "EDGE")!;
    expect(edge.annualIctBudgetPence).toBe(9223372036854775807n);
    expect(edge.staffFte.toString()).toBe("999999.99");
    expect(edge.identifiers).toContain('with "quotes"');
    expect((models.AuditEvent as unknown[]).length).toBeGreaterThanOrEqual(8);
  });

  it("resets the audit sequence, so the next audit event follows the restored ones", async () => {
    await withPrisma(restored, async (prisma) => {
      const last = await prisma.auditEvent.findFirstOrThrow({ orderBy: { seq: "desc" } });
      const next = await prisma.auditEvent.create({
        data: {
          id: randomUUID(),
          actor: "test",
          action: "CREATE",
          entityType: "Asset",
          entityId: randomUUID(),
        },
      });
      expect(next.seq).toBe(last.seq + 1n);
    });
  });

  it("refuses to restore into a database that is not empty, and changes nothing", async () => {
    const before = await withConn(restored, fingerprint);
    const refused = await restore({ target: restored, file: dumpFile }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(RestoreRefused);
    expect((refused as Error).message).toMatch(/not empty .*nothing was changed\. Use --force/);
    if ("url" in restored) {
      // The command line says so too, with exit status 2 (once is enough: the PGlite path of the
      // command line is exercised by the backup above).
      const cli = await run("npm", ["run", "--silent", "restore", "--", dumpFile], {
        cwd: ROOT,
        env: { ...process.env, DATABASE_URL: restored.url },
      }).catch((e) => e);
      expect(cli.code).toBe(2);
      expect(cli.stderr).toMatch(/Restore refused: the target database is not empty/);
    }
    expect(await withConn(restored, fingerprint)).toEqual(before);
  });

  it("refuses a truncated dump before touching the database, even with --force", async () => {
    const before = await withConn(restored, fingerprint);
    const whole = readFileSync(dumpFile);
    for (const fraction of [0.3, 0.9, 0.999]) {
      const cut = join(work, `cut-${fraction}.sql`);
      writeFileSync(cut, whole.subarray(0, Math.floor(whole.length * fraction)));
      await expect(restore({ target: restored, file: cut, force: true })).rejects.toThrow(
        /not a complete Converge dump/,
      );
    }
    // Through the command line: refused (exit status 2) before the database is even opened.
    const env = { ...process.env, ...("url" in restored ? { DATABASE_URL: restored.url } : {}) };
    if (!("url" in restored)) delete env.DATABASE_URL;
    const cli = await run(
      "npm",
      [
        "run",
        "--silent",
        "restore",
        "--",
        join(work, "cut-0.9.sql"),
        "--force",
        ...("dir" in restored ? ["--pglite", restored.dir!] : []),
      ],
      { cwd: ROOT, env },
    ).catch((e) => e);
    expect(cli.code).toBe(2);
    expect(cli.stderr).toMatch(/Restore refused: not a complete Converge dump: the end marker is missing/);
    // A changed byte is caught too.
    const flipped = Buffer.from(whole);
    const middle = Math.floor(flipped.length / 2);
    flipped[middle] = flipped[middle]! ^ 0x01;
    writeFileSync(join(work, "flipped.sql"), flipped);
    await expect(restore({ target: restored, file: join(work, "flipped.sql"), force: true })).rejects.toThrow(
      /SHA-256/,
    );
    expect(await withConn(restored, fingerprint)).toEqual(before);
  });

  it("rolls everything back when loading fails half-way, even after --force emptied the tables", async () => {
    const before = await withConn(restored, fingerprint);
    // A well-formed, correctly signed dump whose Dependency rows point at an asset that does not exist:
    // the foreign key fails late in the load, after TRUNCATE and most tables were already written.
    const text = readFileSync(dumpFile, "utf8");
    const start = text.indexOf('COPY "public"."Dependency"');
    const firstRow = text.indexOf("\n", start) + 1;
    const fields = text.slice(firstRow, text.indexOf("\n", firstRow)).split("\t");
    fields[1] = randomUUID();
    const broken = text.slice(0, firstRow) + fields.join("\t") + text.slice(text.indexOf("\n", firstRow));
    writeFileSync(join(work, "broken.sql"), resign(broken));
    await expect(restore({ target: restored, file: join(work, "broken.sql"), force: true })).rejects.toThrow(
      /foreign key|Dependency_sourceId_fkey/,
    );
    expect(await withConn(restored, fingerprint)).toEqual(before);
  });

  it("with --force replaces the contents of a non-empty database with the dump", async () => {
    await restore({ target: restored, file: dumpFile, force: true });
    expect(await withConn(restored, allRows)).toEqual(sourceRows);
  });

  it.runIf(engine === "pglite")(
    "backs up the data folder as a tar.gz and restores it into an empty folder",
    async () => {
      const archive = join(work, "data.tar.gz");
      await backup({ target: source, out: archive, format: "datadir" });
      const target = await fresh();
      const dir = (target as { dir: string }).dir;
      // A truncated archive is refused and creates nothing.
      const whole = readFileSync(archive);
      writeFileSync(join(work, "cut.tar.gz"), whole.subarray(0, Math.floor(whole.length / 2)));
      await expect(restore({ target, file: join(work, "cut.tar.gz") })).rejects.toThrow(/damaged/);
      expect(existsSync(dir)).toBe(false);

      await restore({ target, file: archive });
      expect(await withConn(target, allRows)).toEqual(sourceRows);
      expect(await withPrisma(target, allModels)).toEqual(sourceModels);
      // Restoring again over it is refused: the folder now holds data.
      const before = await withConn(target, fingerprint);
      await expect(restore({ target, file: archive })).rejects.toThrow(/not empty/);
      expect(await withConn(target, fingerprint)).toEqual(before);
    },
  );

  it.runIf(engine === "pglite")(
    "refuses to touch a data folder that is open elsewhere (PGlite does not lock it)",
    async () => {
      const db = await openDatabase(source); // stands in for a running server
      try {
        for (const format of ["sql", "datadir"] as const) {
          await expect(backup({ target: source, out: join(work, `busy.${format}`), format })).rejects.toThrow(
            /is open in process .*stop it first/,
          );
        }
        await expect(restore({ target: source, file: dumpFile, force: true })).rejects.toThrow(
          /is open in process/,
        );
      } finally {
        await db.close();
      }
    },
  );

  it.runIf(engine === "postgres")(
    "the SQL dump also restores with the real psql into a migrated database",
    async () => {
      const target = (await fresh()) as { url: string };
      await withConn(target, (c) => c.migrate());
      const url = new URL(target.url);
      const { stderr } = await run(
        "psql",
        [
          "-X",
          "-q",
          "-v",
          "ON_ERROR_STOP=1",
          "-h",
          url.hostname,
          "-p",
          url.port || "5432",
          "-U",
          decodeURIComponent(url.username || "postgres"),
          "-d",
          url.pathname.slice(1),
          "-f",
          dumpFile,
        ],
        { env: { ...process.env, PGPASSWORD: decodeURIComponent(url.password) } },
      );
      expect(stderr).toBe("");
      expect(await withConn(target, allRows)).toEqual(sourceRows);
      const seq = (c: SqlConn) => c.query(`SELECT last_value::text, is_called FROM "AuditEvent_seq_seq"`);
      expect(await withConn(target, seq)).toEqual(await withConn(source, seq));
      // Into a database without the schema, psql stops at the guard with a clear message and loads nothing.
      const bare = (await fresh()) as { url: string };
      const failed = await run("psql", [
        "-X",
        "-q",
        "-v",
        "ON_ERROR_STOP=1",
        "-d",
        bare.url,
        "-f",
        dumpFile,
      ]).catch((e) => e);
      expect(failed.code).toBe(3);
      expect(failed.stderr).toMatch(/no Converge schema; apply the migrations first/);
    },
  );

  it.runIf(engine === "postgres")(
    "a dump taken while writers keep committing is one consistent snapshot",
    async () => {
      const file = join(work, "busy.sql");
      const assets = await withPrisma(source, async (prisma) => {
        const gql = graphqlClient(prisma);
        const assets = await prisma.asset.findMany({
          where: { organisation: { code: "SCC" }, lifecycle: { not: "RETIRED" } },
          orderBy: { name: "asc" },
          take: 4,
        });
        let stop = false;
        let dumping = false;
        let during = 0;
        const writer = async (id: string) => {
          let v = (await prisma.asset.findUniqueOrThrow({ where: { id } })).version;
          while (!stop) {
            const r = await gql(
              `mutation ($id: ID!, $v: Int!, $d: String) { updateAsset(id: $id, version: $v, patch: { description: $d }) { version } }`,
              { id: `Asset:${id}`, v, d: `busy ${v}` },
            );
            if (r.errors) throw new Error(JSON.stringify(r.errors));
            v = r.data.updateAsset.version;
            if (dumping) during++;
          }
        };
        const writers = assets.map((a) => writer(a.id));
        await new Promise((r) => setTimeout(r, 300));
        dumping = true;
        await backup({ target: source, out: file });
        dumping = false;
        stop = true;
        await Promise.all(writers);
        expect(during, "updates committed while the dump was being taken").toBeGreaterThan(0);
        return assets;
      });
      // In the snapshot, each asset's version matches its audit trail exactly (the Asset and AuditEvent
      // tables are read at different moments; without one snapshot they would disagree).
      const target = await fresh();
      await restore({ target, file });
      await withPrisma(target, async (prisma) => {
        for (const a of assets) {
          const now = await prisma.asset.findUniqueOrThrow({ where: { id: a.id } });
          const events = await prisma.auditEvent.count({ where: { entityId: a.id, action: "UPDATE" } });
          expect(now.version - 1).toBe(events);
        }
      });
    },
  );
});

describe.runIf(process.env.DATABASE_URL)("restores across engines", () => {
  const drops: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const drop of drops) await drop();
  });

  it("a dump of the embedded database restores into PostgreSQL, and a PostgreSQL dump into PGlite", async () => {
    expect(made.pglite && made.postgres, "both engines' blocks ran first").toBeTruthy();
    const db = await createPostgresDatabase();
    drops.push(db.drop);
    await restore({ target: { url: db.url }, file: made.pglite!.dump });
    expect(await withConn({ url: db.url }, allRows)).toEqual(made.pglite!.rows);
    const dir = join(handover, "from-postgres");
    await restore({ target: { dir }, file: made.postgres!.dump });
    expect(await withConn({ dir }, allRows)).toEqual(made.postgres!.rows);
  });
});
