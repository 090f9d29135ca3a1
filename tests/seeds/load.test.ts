// Loading the seeds into a real database: everything goes in once, and a second call changes nothing.
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { buildSeedEstate } from "../../seeds/estate.ts";
import { loadSeedsIfEmpty, seedCounts } from "../../seeds/load.ts";
import { engines, openTestDatabase, type TestDatabase } from "../support/databases.ts";

describe.each(engines())("loadSeedsIfEmpty on %s", (engine) => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await openTestDatabase(engine);
  }, 60_000);
  afterAll(() => db?.close(), 60_000);

  it("seeds an empty database with every row of the estate", async () => {
    const expected = seedCounts(buildSeedEstate());
    const result = await loadSeedsIfEmpty(db.prisma);
    expect(result).toEqual({ seeded: true, counts: expected });
    const p = db.prisma;
    expect({
      organisations: await p.organisation.count(),
      capabilities: await p.capability.count(),
      vendors: await p.vendor.count(),
      products: await p.product.count(),
      productJobs: await p.productJob.count(),
      productAliases: await p.productAlias.count(),
      sites: await p.site.count(),
      assets: await p.asset.count(),
      dependencies: await p.dependency.count(),
      contracts: await p.contract.count(),
      licences: await p.licence.count(),
    }).toEqual(expected);
    const scc = await p.organisation.findUniqueOrThrow({
      where: { code: "SCC" },
      include: { _count: { select: { assets: true, sites: true } } },
    });
    expect(scc._count.assets).toBeGreaterThan(100);
    expect(scc.annualIctBudgetPence).toBeTypeOf("bigint");
  }, 60_000);

  it("does not seed twice", async () => {
    const before = await db.prisma.asset.count();
    expect(await loadSeedsIfEmpty(db.prisma)).toEqual({ seeded: false, counts: {} });
    expect(await db.prisma.asset.count()).toBe(before);
    expect(await db.prisma.organisation.count()).toBe(3);
  }, 60_000);
});
