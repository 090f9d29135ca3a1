// The shared bulk insert: rows land in the order given, across slices, with exact bigints, nulls and
// casts, versioned rows start at version 1 with one timestamp, and audit events keep their order.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bulkInsert, type BulkColumn } from "../../server/shared/bulk-insert.ts";
import { recordAudits } from "../../server/shared/writes.ts";
import { engines, openTestDatabase, type TestDatabase } from "../support/databases.ts";

interface Org {
  id: string;
  code: string;
  budget: bigint | null;
}

const COLUMNS: BulkColumn<Org>[] = [
  { name: "id", sentAs: "uuid[]", value: (r) => r.id },
  { name: "code", sentAs: "text[]", value: (r) => r.code },
  { name: "name", sentAs: "text[]", value: (r) => `Organisation ${r.code}` },
  { name: "kind", sentAs: `text[]::"OrganisationKind"[]`, value: () => "COUNCIL" },
  { name: "annualIctBudgetPence", sentAs: "bigint[]", value: (r) => (r.budget === null ? null : r.budget.toString()), stored: (v) => `COALESCE(${v}, 0)` },
];

for (const engine of engines()) {
  describe(`bulk insert (${engine})`, () => {
    let db: TestDatabase;
    beforeAll(async () => {
      db = await openTestDatabase(engine);
    });
    afterAll(async () => {
      await db?.close();
    });

    it("keeps the order given across slices, sends bigints exactly and applies a column's conversion", async () => {
      const rows: Org[] = Array.from({ length: 7 }, (_, i) => ({
        id: randomUUID(),
        code: `B${String(7 - i).padStart(2, "0")}`,
        budget: i === 3 ? null : 9_007_199_254_740_993n + BigInt(i),
      }));
      const stored = await db.prisma.$transaction((tx) =>
        bulkInsert<Org, { id: string; code: string; annualIctBudgetPence: bigint; version: number; createdAt: Date }>(tx, "Organisation", COLUMNS, rows, { slice: 3, versioned: true }),
      );
      expect(stored.map((r) => r.id)).toEqual(rows.map((r) => r.id));
      expect(stored[0]!.annualIctBudgetPence).toBe(9_007_199_254_740_993n);
      expect(stored[3]!.annualIctBudgetPence).toBe(0n);
      expect(stored.every((r) => r.version === 1)).toBe(true);
      expect(new Set(stored.map((r) => r.createdAt.getTime())).size).toBe(1);
      const read = await db.prisma.organisation.findMany({ where: { code: { startsWith: "B" } }, orderBy: { code: "asc" } });
      expect(read.map((r) => r.code)).toEqual(["B01", "B02", "B03", "B04", "B05", "B06", "B07"]);
      expect(read.find((r) => r.code === "B01")!.annualIctBudgetPence).toBe(9_007_199_254_740_993n + 6n);
    });

    it("returns nothing and writes nothing for no rows, and nothing back when returning is off", async () => {
      const none = await db.prisma.$transaction((tx) => bulkInsert(tx, "Organisation", COLUMNS, []));
      expect(none).toEqual([]);
      const row = { id: randomUUID(), code: "QUIET", budget: 5n };
      const back = await db.prisma.$transaction((tx) => bulkInsert(tx, "Organisation", COLUMNS, [row], { returning: false, versioned: true }));
      expect(back).toEqual([]);
      expect((await db.prisma.organisation.findUnique({ where: { id: row.id } }))!.annualIctBudgetPence).toBe(5n);
    });

    it("rolls back with the transaction: nothing is half-written", async () => {
      const rows = [
        { id: randomUUID(), code: "HALF1", budget: 1n },
        { id: randomUUID(), code: "HALF1", budget: 2n }, // same code: the second slice breaks the unique code
      ];
      await expect(db.prisma.$transaction((tx) => bulkInsert(tx, "Organisation", COLUMNS, rows, { slice: 1, versioned: true }))).rejects.toThrow();
      expect(await db.prisma.organisation.count({ where: { code: "HALF1" } })).toBe(0);
    });

    it("audit events keep the order they were given in, with their before and after", async () => {
      const entity = randomUUID();
      const events = Array.from({ length: 5 }, (_, i) => ({
        action: "UPDATE" as const,
        entityType: "Site" as const,
        entityId: entity,
        organisationId: null,
        before: { step: i },
        after: { step: i + 1 },
      }));
      await db.prisma.$transaction((tx) => recordAudits(tx, { email: "bulk@test" } as never, events));
      const stored = await db.prisma.auditEvent.findMany({ where: { entityId: entity }, orderBy: { seq: "asc" } });
      expect(stored.map((e) => (e.after as { step: number }).step)).toEqual([1, 2, 3, 4, 5]);
      expect(stored.every((e) => e.actor === "bulk@test")).toBe(true);
    });
  });
}
