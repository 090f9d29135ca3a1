// Overlap detection on the seed estates: every planted same-product overlap is found and nothing else
// is reported as one; the same-capability overlaps are exactly those seeds/overlap-analysis.ts finds.
// Also the OCDS records the seeds load, and the hiding of commercial figures in overlap results.
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { buildSeedEstate } from "../../seeds/estate.ts";
import { loadSeedsIfEmpty } from "../../seeds/load.ts";
import { findOverlaps } from "../../seeds/overlap-analysis.ts";
import { PLANTED_OVERLAPS } from "../../seeds/overlaps.ts";
import { productLabel } from "../../seeds/catalogue-spec.ts";
import { engines, openTestDatabase, type TestDatabase } from "../support/databases.ts";
import { graphqlClient } from "../support/graphql.ts";
import { ok, type Gql } from "../api/fixtures.ts";
import { actorWith } from "./fixture.ts";

const OVERLAPS = /* GraphQL */ `
  query ($organisations: [String!], $capability: String, $minAnnualSpend: Money, $kind: OverlapKind) {
    licenceOverlaps(
      organisations: $organisations
      capability: $capability
      minAnnualSpend: $minAnnualSpend
      kind: $kind
    ) {
      id
      kind
      capabilityCode
      label
      annualCost
      valuesVisible
      hiddenFor
      organisationCodes
      licenceIds
      contractIds
      earliestContractEnd
      products {
        name
        edition
        vendor {
          name
        }
      }
      sides {
        organisation {
          code
        }
        annualCost
        valuesVisible
        licenceIds
        contractIds
        contractEnds
        licences {
          id
          annualCost
        }
        contracts {
          id
          reference
          annualValue
          valuesVisible
        }
        relatedContracts {
          reference
          ocid
        }
        seats {
          metric
          owned
          used
        }
      }
      cotermination {
        cost
        valuesVisible
        hiddenFor
        commonEndDate
      }
    }
  }
`;

const estate = buildSeedEstate();
const label = (p: { name: string; edition: string; vendor: { name: string } }) =>
  productLabel({ vendor: p.vendor.name, name: p.name, edition: p.edition });
const expected = findOverlaps(estate, "SCC", "DCC");

describe.each(engines())("licence overlaps on the seed estates on %s", (engine) => {
  let db: TestDatabase;
  let gql: Gql;
  let overlaps: any[];

  beforeAll(async () => {
    db = await openTestDatabase(engine);
    await loadSeedsIfEmpty(db.prisma);
    gql = graphqlClient(db.prisma);
    overlaps = ok(await gql(OVERLAPS)).licenceOverlaps;
  }, 180_000);
  afterAll(() => db?.close());

  it("finds every planted same-product overlap and no other", () => {
    const found = overlaps
      .filter((o) => o.kind === "SAME_PRODUCT")
      .map((o) => label(o.products[0]))
      .sort();
    const planted = PLANTED_OVERLAPS.filter((p) => p.kind === "SAME_PRODUCT")
      .map((p) => p.products[0]!)
      .sort();
    expect(found).toEqual(planted);
    for (const o of overlaps.filter((x) => x.kind === "SAME_PRODUCT")) {
      expect(o.id).toMatch(/^Overlap:SAME_PRODUCT:[0-9a-f-]{36}$/);
      expect(o.organisationCodes).toEqual(["DCC", "SCC"]);
      expect(o.capabilityCode).toBe(
        PLANTED_OVERLAPS.find((p) => p.products[0] === label(o.products[0]))!.job,
      );
    }
  });

  it("finds exactly the same-job overlaps of findOverlaps, planted ones included", () => {
    const found = overlaps
      .filter((o) => o.kind === "SAME_JOB")
      .map((o) => ({ capability: o.capabilityCode, products: o.products.map(label).sort() }))
      .sort((a, b) => (a.capability < b.capability ? -1 : 1));
    const analysed = expected
      .filter((o) => o.kind === "SAME_JOB")
      .map((o) => ({ capability: o.job, products: o.products }))
      .sort((a, b) => (a.capability! < b.capability! ? -1 : 1));
    expect(found).toEqual(analysed);
    for (const planted of PLANTED_OVERLAPS.filter((p) => p.kind === "SAME_JOB")) {
      const o = found.find((x) => x.capability === planted.job);
      expect(o, planted.job).toBeDefined();
      for (const product of planted.products) expect(o!.products, planted.job).toContain(product);
    }
    const crm = overlaps.find((o) => o.capabilityCode === "CRM.CUSTOMER_CASE_MANAGEMENT");
    expect(crm.id).toBe("Overlap:SAME_JOB:CRM.CUSTOMER_CASE_MANAGEMENT");
  });

  it("traces every figure to licences and contracts", () => {
    const m365 = overlaps.find((o) => o.label === "Microsoft 365 E3");
    // SCC 3,200 × £262.00 = £838,400.00; DCC 2,900 × £262.00 = £759,800.00.
    expect(m365.sides.map((s: any) => [s.organisation.code, s.annualCost, s.seats])).toEqual([
      ["DCC", "759800.00", [{ metric: "USER", owned: 2900, used: 2987 }]],
      ["SCC", "838400.00", [{ metric: "USER", owned: 3200, used: 3084 }]],
    ]);
    expect(m365.annualCost).toBe("1598200.00");
    for (const o of overlaps.filter((x) => x.kind !== "CONTRACTS_ONLY")) {
      expect(o.licenceIds.sort()).toEqual(
        o.sides.flatMap((s: any) => s.licences.map((l: any) => l.id)).sort(),
      );
      for (const s of o.sides) {
        expect(s.contractIds.sort()).toEqual(s.contracts.map((c: any) => c.id).sort());
        const total = s.licences.reduce((n: bigint, l: any) => n + BigInt(l.annualCost.replace(".", "")), 0n);
        expect(BigInt(s.annualCost.replace(".", ""))).toBe(total);
      }
    }
  });

  it("filters by organisations, capability, kind and minimum annual spend", async () => {
    expect(ok(await gql(OVERLAPS, { organisations: ["SCC"] })).licenceOverlaps).toEqual([]);
    expect(ok(await gql(OVERLAPS, { organisations: ["SCC", "SHARED"] })).licenceOverlaps).toEqual([]);
    expect(
      ok(await gql(OVERLAPS, { organisations: ["scc", "dcc"] })).licenceOverlaps.map((o: any) => o.id),
    ).toEqual(overlaps.map((o) => o.id));
    const web = ok(await gql(OVERLAPS, { capability: "web_filtering" })).licenceOverlaps;
    expect(web.map((o: any) => o.id)).toEqual(["Overlap:SAME_JOB:WEB_FILTERING.WEB_FILTER"]);
    const database = ok(
      await gql(OVERLAPS, { capability: "DATABASE", kind: "SAME_PRODUCT" }),
    ).licenceOverlaps;
    expect(database.map((o: any) => label(o.products[0])).sort()).toEqual([
      "Microsoft SQL Server Standard",
      "Oracle Database Enterprise Edition",
    ]);
    const big = ok(await gql(OVERLAPS, { minAnnualSpend: "500000" })).licenceOverlaps;
    expect(big.length).toBeGreaterThan(0);
    expect(big.every((o: any) => Number(o.annualCost) >= 500000)).toBe(true);
    expect(big.map((o: any) => o.id)).toEqual(
      overlaps.filter((o) => Number(o.annualCost) >= 500000).map((o) => o.id),
    );
    // Largest annual cost first.
    const costs = overlaps.map((o) => BigInt(o.annualCost.replace(".", "")));
    expect(costs).toEqual([...costs].sort((a, b) => (a > b ? -1 : a < b ? 1 : 0)));
    const unknown = await gql(OVERLAPS, { organisations: ["NOPE"] });
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: "NOT_FOUND", field: "organisations" });
  });

  it("lists the live OCDS contracts of the same job beside an overlap", async () => {
    const web = overlaps.find((o) => o.id === "Overlap:SAME_JOB:WEB_FILTERING.WEB_FILTER");
    const scc = web.sides.find((s: any) => s.organisation.code === "SCC");
    // The record's contract period ended on 31 October 2024: not live today, live on 1 June 2024.
    expect(scc.relatedContracts).toEqual([]);
    const then = ok(
      await gql(`{ licenceOverlap(id: "Overlap:SAME_JOB:WEB_FILTERING.WEB_FILTER", asOf: "2024-06-01") {
        sides { organisation { code } relatedContracts { reference ocid } } } }`),
    ).licenceOverlap;
    expect(then.sides.find((s: any) => s.organisation.code === "SCC").relatedContracts).toEqual([
      { reference: "SUN001-DN553865-90979232", ocid: "ocds-b5fd17-e22a4e5f-3db6-46be-8a9d-e1fd9ffec03c" },
    ]);
  });

  it("loaded the identifiable OCDS records with the seeds: 12 Durham, 5 Sunderland", async () => {
    const rows = await db.prisma.contract.findMany({
      where: { ocid: { not: null } },
      include: { organisation: { select: { code: true } } },
    });
    const count = (code: string) => rows.filter((r) => r.organisation.code === code).length;
    expect([count("DCC"), count("SCC"), rows.length]).toEqual([12, 5, 17]);
    const capability = ok(
      await gql(
        `{ contracts(filter: { search: "Web Filtering Software" }) { edges { node { ocid capability { code method evidence capability { name } } } } } }`,
      ),
    );
    expect(capability.contracts.edges[0].node.capability).toEqual({
      code: "WEB_FILTERING.WEB_FILTER",
      method: "PHRASE",
      evidence: "Web Filtering",
      capability: { name: "Web content filtering" },
    });
  });

  it("answers one overlap and all of them in the same number of SQL statements", async () => {
    db.resetQueryCount();
    const one = ok(await gql(OVERLAPS, { capability: "WEB_FILTERING", kind: "SAME_JOB" })).licenceOverlaps;
    const forOne = db.queries.length;
    db.resetQueryCount();
    const all = ok(await gql(OVERLAPS)).licenceOverlaps;
    const forAll = db.queries.length;
    expect([one.length, all.length > 30]).toEqual([1, true]);
    expect(forAll).toBe(forOne);
  });

  it("hides every commercial figure of an overlap from a caller without readCommercialValues", async () => {
    const sccId = (await db.prisma.organisation.findUniqueOrThrow({ where: { code: "SCC" } })).id;
    const viewer = graphqlClient(db.prisma, actorWith({ [sccId]: ["VIEWER"] }));
    const m365 = ok(await viewer(OVERLAPS, { capability: "PRODUCTIVITY", kind: "SAME_PRODUCT" }))
      .licenceOverlaps[0];
    expect(m365).toMatchObject({ annualCost: null, valuesVisible: false, hiddenFor: ["DCC", "SCC"] });
    expect(m365.sides.map((s: any) => [s.organisation.code, s.annualCost, s.valuesVisible])).toEqual([
      ["DCC", null, false],
      ["SCC", null, false],
    ]);
    expect(m365.sides.flatMap((s: any) => s.licences.map((l: any) => l.annualCost))).toEqual([null, null]);
    expect(
      m365.sides.flatMap((s: any) => s.contracts.map((c: any) => [c.valuesVisible, c.annualValue])),
    ).toEqual([
      [false, null],
      [false, null],
    ]);
    expect(m365.cotermination).toMatchObject({
      cost: null,
      valuesVisible: false,
      hiddenFor: ["SCC"],
      commonEndDate: "2027-06-30",
    });
  });

  it("shows a PROCUREMENT user of SCC its own side's figures, but no total that would reveal DCC's", async () => {
    const sccId = (await db.prisma.organisation.findUniqueOrThrow({ where: { code: "SCC" } })).id;
    const buyer = graphqlClient(db.prisma, actorWith({ [sccId]: ["PROCUREMENT"] }));
    const m365 = ok(await buyer(OVERLAPS, { capability: "PRODUCTIVITY", kind: "SAME_PRODUCT" }))
      .licenceOverlaps[0];
    expect(m365).toMatchObject({ annualCost: null, valuesVisible: false, hiddenFor: ["DCC"] });
    expect(m365.sides.map((s: any) => [s.organisation.code, s.annualCost, s.valuesVisible])).toEqual([
      ["DCC", null, false],
      ["SCC", "838400.00", true],
    ]);
    // Only SCC's agreement is extended (to DCC's end date), so the cost of aligning is SCC's own figure:
    // £838,400.00 × 91 days / 365 = £209,025.75.
    expect(m365.cotermination).toMatchObject({ cost: "209025.75", valuesVisible: true, hiddenFor: [] });
  });

  it("neither orders nor filters overlaps by a total the caller may not see", async () => {
    const sccId = (await db.prisma.organisation.findUniqueOrThrow({ where: { code: "SCC" } })).id;
    const viewer = graphqlClient(db.prisma, actorWith({ [sccId]: ["VIEWER"] }));
    const listed = ok(await viewer(OVERLAPS)).licenceOverlaps.map((o: any) => o.id);
    expect(listed).toEqual(overlaps.map((o) => o.id).sort());
    expect(ok(await viewer(OVERLAPS, { minAnnualSpend: "0" })).licenceOverlaps).toEqual([]);
  });
});
