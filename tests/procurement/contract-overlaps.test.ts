// Contract-only overlaps on the seed estates: councils each holding live contracts with no licences for
// the same job (WAN, server and storage support) are reported with each side's contracts, suppliers,
// values where visible, end dates and the co-termination date, and counted in renewals.
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { loadSeedsIfEmpty } from "../../seeds/load.ts";
import { engines, openTestDatabase, type TestDatabase } from "../support/databases.ts";
import { graphqlClient } from "../support/graphql.ts";
import { ok, type Gql } from "../api/fixtures.ts";
import { actorWith } from "./fixture.ts";

const CONTRACT_OVERLAPS = /* GraphQL */ `
  query ($asOf: Date) {
    licenceOverlaps(kind: CONTRACTS_ONLY, asOf: $asOf) {
      id
      label
      capabilityCode
      annualCost
      valuesVisible
      hiddenFor
      contractsWithoutValue
      productLabels
      licenceIds
      contractIds
      earliestContractEnd
      latestContractEnd
      sides {
        organisation {
          code
        }
        suppliers
        annualCost
        contractsAnnualValue
        contractsWithoutValue
        valuesVisible
        contractEnds
        licences {
          id
        }
        contracts {
          reference
          title
          supplierName
          endDate
          annualValue
        }
      }
      cotermination {
        commonEndDate
        cost
        coterminable
        valuesVisible
        lines {
          contract {
            reference
          }
          extensionDays
          annualBasis
          cost
        }
        method
      }
    }
  }
`;

const ASOF = "2026-12-07";

describe.each(engines())("contract-only overlaps on the seed estates on %s", (engine) => {
  let db: TestDatabase;
  let gql: Gql;
  let overlaps: any[];

  beforeAll(async () => {
    db = await openTestDatabase(engine);
    await loadSeedsIfEmpty(db.prisma);
    gql = graphqlClient(db.prisma);
    overlaps = ok(await gql(CONTRACT_OVERLAPS, { asOf: ASOF })).licenceOverlaps;
    if (process.env.SHOW) console.log(JSON.stringify(overlaps, null, 1));
  }, 180_000);
  afterAll(() => db?.close());

  it("reports each job both councils buy through contracts without licences", () => {
    expect(overlaps.map((o) => o.id).sort()).toEqual(
      expect.arrayContaining([
        "Overlap:CONTRACTS_ONLY:HARDWARE.SERVERS_STORAGE",
        "Overlap:CONTRACTS_ONLY:NETWORK_SERVICES.WAN_INTERNET",
      ]),
    );
    for (const o of overlaps) {
      expect(o.sides.length).toBeGreaterThanOrEqual(2);
      expect(o.licenceIds).toEqual([]);
      expect(o.productLabels).toEqual([]);
      for (const s of o.sides) {
        expect(s.licences).toEqual([]);
        expect(s.contracts.length).toBeGreaterThan(0);
      }
    }
  });

  it("shows each side's contracts, suppliers, values, end dates and the co-termination date", () => {
    const wan = overlaps.find((o) => o.id === "Overlap:CONTRACTS_ONLY:NETWORK_SERVICES.WAN_INTERNET");
    expect(wan.label).toMatch(/^WAN and internet connectivity \(contracts only\): DCC .* vs SCC /);
    const scc = wan.sides.find((s: any) => s.organisation.code === "SCC");
    expect(scc.contracts.map((c: any) => c.title)).toEqual([
      "Corporate WAN and internet managed service",
      "Schools broadband and WAN",
    ]);
    expect(scc.suppliers).toEqual(["Virgin Media Business"]);
    // £393,000 + £140,000 a year.
    expect([scc.contractsAnnualValue, scc.annualCost, scc.contractsWithoutValue]).toEqual([
      "533000.00",
      "533000.00",
      0,
    ]);
    expect(scc.contractEnds).toEqual(["2027-03-31", "2028-08-31"]);
    const sum = wan.sides.reduce((n: number, s: any) => n + Number(s.contractsAnnualValue), 0);
    expect(Number(wan.annualCost)).toBe(sum);
    const ends = wan.sides.flatMap((s: any) => s.contractEnds).sort();
    expect(wan.cotermination.commonEndDate).toBe(ends[ends.length - 1]);
    expect([wan.earliestContractEnd, wan.latestContractEnd]).toEqual([ends[0], ends[ends.length - 1]]);
    // Aligning is a cost: each earlier contract extended whole at its annual value.
    const scLine = wan.cotermination.lines.find(
      (l: any) => l.contract.reference === scc.contracts[0].reference,
    );
    expect(scLine.annualBasis).toBe("393000.00");
    const days = (Date.parse(wan.cotermination.commonEndDate) - Date.parse("2027-03-31")) / 86_400_000;
    expect(scLine.extensionDays).toBe(days);
    expect(Number(scLine.cost)).toBeCloseTo((393000 * days) / 365, 2);
    expect(Number(wan.cotermination.cost)).toBeGreaterThan(0);
  });

  it("hides values from a reader without readCommercialValues, and keeps contracts and dates", async () => {
    const sccId = (await db.prisma.organisation.findUniqueOrThrow({ where: { code: "SCC" } })).id;
    const viewer = graphqlClient(db.prisma, actorWith({ [sccId]: ["VIEWER"] }));
    const seen = ok(await viewer(CONTRACT_OVERLAPS, { asOf: ASOF })).licenceOverlaps;
    expect(seen.map((o: any) => o.id)).toEqual(overlaps.map((o) => o.id).sort());
    for (const o of seen) {
      expect([o.annualCost, o.valuesVisible, o.cotermination.cost]).toEqual([null, false, null]);
      for (const s of o.sides) {
        expect([s.contractsAnnualValue, s.annualCost, s.valuesVisible]).toEqual([null, null, false]);
        expect(s.contracts.every((c: any) => c.annualValue === null && c.endDate !== undefined)).toBe(true);
      }
    }
  });

  it("counts contract-only overlaps in renewals", async () => {
    const report = ok(
      await gql(
        `{ renewals(from: "${ASOF}", to: "2029-12-31") { items { contract { reference } overlapIds } coterminations { overlapId commonEndDate } } }`,
      ),
    ).renewals;
    const wan = "Overlap:CONTRACTS_ONLY:NETWORK_SERVICES.WAN_INTERNET";
    const items = report.items.filter((i: any) => i.overlapIds.includes(wan));
    expect(items.length).toBeGreaterThanOrEqual(2);
    expect(report.coterminations.map((c: any) => c.overlapId)).toContain(wan);
  });

  it("lists no contract that ended before the date asked", async () => {
    const later = ok(await gql(CONTRACT_OVERLAPS, { asOf: "2031-01-01" })).licenceOverlaps;
    for (const o of later)
      for (const s of o.sides)
        for (const c of s.contracts) expect(c.endDate === null || c.endDate >= "2031-01-01").toBe(true);
  });
});
