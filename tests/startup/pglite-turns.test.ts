// Statements to embedded PGlite take turns (server/db/pglite-yielding.ts): a cheap request's statement
// is not queued behind a whole burst an expensive operation sent first, and the event loop gets a turn
// while a burst runs (so other requests are read and answered).
import { describe, it, expect, afterAll } from "vitest";
import { PGlite } from "@electric-sql/pglite";
import { inOwnLane, takingTurns } from "../../server/db/pglite-yielding.ts";

describe("statements to embedded PGlite taking turns", () => {
  const raw = new PGlite();
  const db = takingTurns(raw);
  afterAll(() => raw.close());

  it("runs a statement sent after an expensive operation's burst long before the burst ends", async () => {
    const finished: string[] = [];
    const burst = inOwnLane(() =>
      Promise.all(
        Array.from({ length: 100 }, (_v, i) =>
          db.query("SELECT count(*) FROM generate_series(1, 1000)").then(() => finished.push(`burst ${i}`)),
        ),
      ),
    );
    const cheap = db.query("SELECT 1").then(() => finished.push("cheap"));
    await Promise.all([burst, cheap]);
    expect(finished.indexOf("cheap")).toBeLessThan(20);
    expect(finished.filter((f) => f.startsWith("burst"))).toEqual(
      Array.from({ length: 100 }, (_v, i) => `burst ${i}`),
    );
  });

  it("lets timers run while a burst of statements is under way", async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 1);
    await inOwnLane(() =>
      Promise.all(
        Array.from({ length: 300 }, () => db.query("SELECT count(*) FROM generate_series(1, 5000)")),
      ),
    );
    clearInterval(timer);
    expect(ticks).toBeGreaterThan(2);
  });

  it("keeps a transaction's statements together and in order", async () => {
    await db.exec("CREATE TABLE t (n int)");
    const other = inOwnLane(() =>
      Promise.all([1, 2, 3].map((n) => db.query(`INSERT INTO t VALUES (${n * 100})`))),
    );
    await db.transaction(async (tx) => {
      for (const n of [1, 2, 3]) await tx.query(`INSERT INTO t VALUES (${n})`);
    });
    await other;
    const rows = (await db.query<{ n: number }>("SELECT n FROM t")).rows.map((r) => r.n);
    expect(rows.filter((n) => n < 100)).toEqual([1, 2, 3]);
    expect(rows.length).toBe(6);
  });
});
