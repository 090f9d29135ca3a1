// licencePosition and licencePositions on a hand-built fixture: owned vs used per metric, shelfware and
// shortfall priced at unit cost, with the average-price rounding worked out by hand; costs hidden from
// callers who may not see the organisation's commercial figures.
import { randomUUID } from "node:crypto";
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { engines, openTestDatabase, type TestDatabase } from "../support/databases.ts";
import { graphqlClient } from "../support/graphql.ts";
import { createLicence, createOrganisations, gid, ok, unknownId, type Gql } from "../api/fixtures.ts";
import type { Organisation, Product } from "../../generated/prisma/client.ts";
import { actorWith } from "./fixture.ts";

const POSITION = /* GraphQL */ `
  query ($organisation: String!, $product: ID!) {
    licencePosition(organisation: $organisation, product: $product) {
      organisation {
        code
      }
      product {
        name
      }
      licences {
        id
      }
      shelfwareCost
      shortfallCost
      valuesVisible
      metrics {
        metric
        owned
        used
        shelfware
        shortfall
        unitCost
        shelfwareCost
        shortfallCost
        licenceIds
        method
      }
    }
  }
`;
const POSITIONS = /* GraphQL */ `
  query ($imbalance: Imbalance, $organisations: [String!]) {
    licencePositions(imbalance: $imbalance, organisations: $organisations) {
      organisation {
        code
      }
      product {
        name
      }
      shelfwareCost
      shortfallCost
      valuesVisible
    }
  }
`;

describe.each(engines())("licence positions on %s", (engine) => {
  let db: TestDatabase;
  let gql: Gql;
  let scc: Organisation;
  let dcc: Organisation;
  let suite: Product;
  let other: Product;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    db = await openTestDatabase(engine);
    gql = graphqlClient(db.prisma);
    ({ SCC: scc, DCC: dcc } = await createOrganisations(db.prisma));
    const vendor = await db.prisma.vendor.create({ data: { id: randomUUID(), name: "Acme" } });
    suite = await db.prisma.product.create({
      data: { id: randomUUID(), vendorId: vendor.id, name: "Acme Suite" },
    });
    other = await db.prisma.product.create({
      data: { id: randomUUID(), vendorId: vendor.id, name: "Acme Other" },
    });
    const lic = async (key: string, org: Organisation, product: Product, over: object) => {
      ids[key] = (await createLicence(db.prisma, org, product, over)).id;
    };
    // USER: two licences at different prices, pooled: owned 20, used 8 → shelfware 12.
    await lic("u1", scc, suite, {
      metric: "USER",
      quantityOwned: 10,
      quantityUsed: 4,
      unitCostPence: 100n,
      annualCostPence: 1_000n,
    });
    await lic("u2", scc, suite, {
      metric: "USER",
      quantityOwned: 10,
      quantityUsed: 4,
      unitCostPence: 200n,
      annualCostPence: 2_000n,
    });
    // DEVICE: owned 2, used 3 → shortfall 1 at an average of 1.5p.
    await lic("d1", scc, suite, {
      metric: "DEVICE",
      quantityOwned: 1,
      quantityUsed: 3,
      unitCostPence: 1n,
      annualCostPence: 1n,
    });
    await lic("d2", scc, suite, {
      metric: "DEVICE",
      quantityOwned: 1,
      quantityUsed: 0,
      unitCostPence: 2n,
      annualCostPence: 2n,
    });
    // CORE: balanced.
    await lic("c1", scc, suite, {
      metric: "CORE",
      quantityOwned: 16,
      quantityUsed: 16,
      unitCostPence: 5_000n,
      annualCostPence: 80_000n,
    });
    // Retired: not counted.
    await lic("r1", scc, suite, {
      metric: "USER",
      quantityOwned: 500,
      quantityUsed: 0,
      unitCostPence: 100n,
      annualCostPence: 50_000n,
      status: "RETIRED",
    });
    // DCC: shortfall of 5 users at £30.00.
    await lic("x1", dcc, other, {
      metric: "USER",
      quantityOwned: 10,
      quantityUsed: 15,
      unitCostPence: 3_000n,
      annualCostPence: 30_000n,
    });
  });
  afterAll(() => db?.close());

  it("pools an organisation's licences per metric and prices the gaps at unit cost", async () => {
    const p = ok(
      await gql(POSITION, { organisation: "scc", product: gid("Product", suite.id) }),
    ).licencePosition;
    expect(p.organisation.code).toBe("SCC");
    expect(p.licences.map((l: any) => l.id).sort()).toEqual(
      ["u1", "u2", "d1", "d2", "c1"].map((k) => gid("Licence", ids[k]!)).sort(),
    );
    const byMetric = Object.fromEntries(p.metrics.map((m: any) => [m.metric, m]));
    // CORE: 16 owned, 16 used, nothing either way.
    expect(byMetric.CORE).toMatchObject({
      owned: 16,
      used: 16,
      shelfware: 0,
      shortfall: 0,
      unitCost: "50.00",
      shelfwareCost: "0.00",
      shortfallCost: "0.00",
    });
    // USER: average unit cost (100p × 10 + 200p × 10) / 20 = 150p; shelfware 12 × 150p = 1,800p = £18.00.
    expect(byMetric.USER).toMatchObject({
      owned: 20,
      used: 8,
      shelfware: 12,
      shortfall: 0,
      unitCost: "1.50",
      shelfwareCost: "18.00",
      shortfallCost: "0.00",
    });
    expect(byMetric.USER.licenceIds.sort()).toEqual(
      [gid("Licence", ids.u1!), gid("Licence", ids.u2!)].sort(),
    );
    // DEVICE: average (1p × 1 + 2p × 1) / 2 = 1.5p; shortfall 1 × 1.5p = 1.5p → 2p, rounded half-up once.
    expect(byMetric.DEVICE).toMatchObject({
      owned: 2,
      used: 3,
      shelfware: 0,
      shortfall: 1,
      unitCost: "0.02",
      shortfallCost: "0.02",
    });
    expect(p.shelfwareCost).toBe("18.00");
    expect(p.shortfallCost).toBe("0.02");
    expect(byMetric.USER.method).toContain("shelfware 12");
  });

  it("gives an empty position for a product the organisation does not license", async () => {
    const p = ok(
      await gql(POSITION, { organisation: "DCC", product: gid("Product", suite.id) }),
    ).licencePosition;
    expect(p).toMatchObject({ metrics: [], licences: [], shelfwareCost: "0.00", shortfallCost: "0.00" });
  });

  it("refuses an unknown organisation or product", async () => {
    expect(
      (await gql(POSITION, { organisation: "NOPE", product: gid("Product", suite.id) })).errors?.[0]
        ?.extensions,
    ).toMatchObject({ code: "NOT_FOUND", field: "organisation" });
    expect(
      (await gql(POSITION, { organisation: "SCC", product: unknownId("Product") })).errors?.[0]?.extensions,
    ).toMatchObject({ code: "NOT_FOUND", field: "product" });
  });

  it("lists shelfware and shortfall positions, largest cost first", async () => {
    const shelf = ok(await gql(POSITIONS, { imbalance: "SHELFWARE" })).licencePositions;
    expect(shelf.map((p: any) => [p.organisation.code, p.product.name, p.shelfwareCost])).toEqual([
      ["SCC", "Acme Suite", "18.00"],
    ]);
    // DCC: 5 × £30.00 = £150.00 comes before SCC's £0.02.
    const short = ok(await gql(POSITIONS, { imbalance: "SHORTFALL" })).licencePositions;
    expect(short.map((p: any) => [p.organisation.code, p.shortfallCost])).toEqual([
      ["DCC", "150.00"],
      ["SCC", "0.02"],
    ]);
    const onlyDcc = ok(await gql(POSITIONS, { imbalance: "ANY", organisations: ["DCC"] })).licencePositions;
    expect(onlyDcc.map((p: any) => p.organisation.code)).toEqual(["DCC"]);
  });

  it("hides a position's costs from a caller without readCommercialValues in its organisation", async () => {
    const viewer = graphqlClient(db.prisma, actorWith({ [scc.id]: ["VIEWER"] }));
    const p = ok(
      await viewer(POSITION, { organisation: "SCC", product: gid("Product", suite.id) }),
    ).licencePosition;
    expect(p).toMatchObject({ shelfwareCost: null, shortfallCost: null, valuesVisible: false });
    for (const m of p.metrics) {
      expect(m).toMatchObject({ unitCost: null, shelfwareCost: null, shortfallCost: null });
      expect(m.method).not.toMatch(/£/);
    }
    expect(p.metrics.find((m: any) => m.metric === "USER")).toMatchObject({ shelfware: 12 });
  });

  it("lists the positions whose costs are hidden after the visible ones, not by their cost", async () => {
    // SCC's buyer sees SCC's £0.02 shortfall; DCC's £150.00 would come first, but is hidden from it.
    const buyer = graphqlClient(db.prisma, actorWith({ [scc.id]: ["PROCUREMENT"] }));
    const short = ok(await buyer(POSITIONS, { imbalance: "SHORTFALL" })).licencePositions;
    expect(short.map((p: any) => [p.organisation.code, p.shortfallCost, p.valuesVisible])).toEqual([
      ["SCC", "0.02", true],
      ["DCC", null, false],
    ]);
  });
});
