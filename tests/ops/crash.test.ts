// Crash safety: a process killed with SIGKILL in the middle of a large transaction leaves the database
// exactly as it was before the transaction (row counts and checksums of every table), on PostgreSQL and
// on a PGlite data folder — which must also open again afterwards. And a PGlite folder keeps its data
// across a clean restart.
import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { randomUUID } from "node:crypto";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type DatabaseTarget } from "../../server/db/open.ts";
import { loadSeedsIfEmpty } from "../../seeds/load.ts";
import { fingerprint, openSqlConnection, type TableFingerprint } from "../../ops/sql.ts";
import { createPostgresDatabase, engines } from "../support/databases.ts";

const ROOT = new URL("../../", import.meta.url).pathname;
const FIXTURE = join(ROOT, "tests/ops/fixtures/big-transaction.ts");

/** Runs the fixture; resolves with its output and how it ended. `killAt`: SIGKILL it on that output line. */
function runFixture(
  env: NodeJS.ProcessEnv,
  killAt?: RegExp,
): Promise<{ output: string; code: number | null; signal: NodeJS.Signals | null }> {
  return new Promise((resolve, reject) => {
    // node --import tsx (not the tsx CLI): the process killed must be the one holding the database.
    const child = spawn(process.execPath, ["--import", "tsx", FIXTURE], {
      cwd: ROOT,
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`the fixture took too long:\n${output}`));
    }, 150_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (killAt && killAt.test(output) && child.exitCode === null && !child.killed) child.kill("SIGKILL");
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      resolve({ output, code, signal });
    });
  });
}

/** Bytes of all files under `dir`. */
function folderBytes(dir: string): number {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .reduce((sum, e) => sum + statSync(join(e.parentPath, e.name)).size, 0);
}

async function fingerprintOf(target: DatabaseTarget): Promise<Record<string, TableFingerprint>> {
  const conn = await openSqlConnection(target);
  try {
    return await fingerprint(conn);
  } finally {
    await conn.close();
  }
}

describe.each(engines())("crash safety on %s", (engine) => {
  let work = "";
  let target: DatabaseTarget;
  let drop = async () => {};
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), `converge-crash-${engine}-`));
    if (engine === "postgres") {
      const db = await createPostgresDatabase();
      target = { url: db.url };
      drop = db.drop;
      env = { ...process.env, DATABASE_URL: db.url };
    } else {
      target = { dir: join(work, "pglite") };
      env = { ...process.env, PGLITE_DIR: target.dir };
      delete env.DATABASE_URL;
    }
    const db = await openDatabase(target);
    await loadSeedsIfEmpty(db.prisma);
    await db.close();
  });
  afterAll(async () => {
    await drop();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it("a SIGKILL in the middle of a 50k-row transaction leaves every table exactly as before", async () => {
    const before = await fingerprintOf(target);
    const bytesBefore = "dir" in target ? folderBytes(target.dir!) : 0;
    const { output, signal } = await runFixture({ ...env, ROWS: "50000", MODE: "crash" }, /in-transaction/);
    expect(output).toMatch(/in-transaction 25000/);
    expect(output).not.toMatch(/committed/);
    expect(signal).toBe("SIGKILL");
    if ("dir" in target) {
      // The kill really hit a write in progress: uncommitted rows and WAL had reached the folder.
      const grown = folderBytes(target.dir!) - bytesBefore;
      console.log(
        `PGlite folder grew by ${(grown / 1e6).toFixed(1)} MB of uncommitted data before the SIGKILL`,
      );
      expect(grown).toBeGreaterThan(4_000_000);
    }

    if ("url" in target) {
      // The server notices the dead client, rolls back and ends that backend.
      const conn = await openSqlConnection(target);
      try {
        const deadline = Date.now() + 30_000;
        let others = 1;
        while (others > 0 && Date.now() < deadline) {
          const [r] = await conn.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`,
          );
          others = r!.n;
          if (others) await new Promise((r) => setTimeout(r, 200));
        }
        expect(others).toBe(0);
      } finally {
        await conn.close();
      }
    }
    // Reopening (PGlite: crash recovery of the folder) finds exactly the old contents.
    const after = await fingerprintOf(target);
    expect(after).toEqual(before);
    // And the database takes writes again: no lock, no half-written row in the way.
    const db = await openDatabase(target);
    try {
      const org = await db.prisma.organisation.findFirstOrThrow({ where: { kind: "COUNCIL" } });
      await db.prisma.asset.create({
        data: { id: randomUUID(), organisationId: org.id, name: `After the crash ${engine}`, kind: "SERVER" },
      });
      expect(await db.prisma.asset.count({ where: { name: { startsWith: "Bulk " } } })).toBe(0);
    } finally {
      await db.close();
    }
    const again = await fingerprintOf(target);
    expect(again.Asset!.rows).toBe(before.Asset!.rows + 1);
  });

  it.runIf(engine === "pglite")("a PGlite folder keeps its data across a clean restart", async () => {
    const before = await fingerprintOf(target);
    const { output, code } = await runFixture({ ...env, ROWS: "1000", MODE: "commit" });
    expect(code, output).toBe(0);
    const written = JSON.parse(/fingerprint (.*)/.exec(output)![1]!) as Record<string, TableFingerprint>;
    expect(written.Asset!.rows).toBe(before.Asset!.rows + 1000);
    expect(written.AuditEvent!.rows).toBe(before.AuditEvent!.rows + 500);
    // Opened again by another process: the same rows, byte for byte.
    expect(await fingerprintOf(target)).toEqual(written);
  });
});
