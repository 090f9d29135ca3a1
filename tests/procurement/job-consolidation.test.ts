// On the seed estates, every overlap compares products doing its job, and every consolidation target
// (recommended or not) does every job of each product whose licences it takes over: no one is moved
// from a telecare platform onto a scheduling tool.
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { loadSeedsIfEmpty } from "../../seeds/load.ts";
import { engines, openTestDatabase, type TestDatabase } from "../support/databases.ts";
import { graphqlClient } from "../support/graphql.ts";
import { ok, type Gql } from "../api/fixtures.ts";

const OVERLAPS = /* GraphQL */ `
  {
    licenceOverlaps {
      id
      kind
      capabilityCode
      products {
        id
        name
        jobs {
          code
        }
      }
      sides {
        licences {
          id
          product {
            id
          }
        }
      }
    }
  }
`;

const SAVINGS = /* GraphQL */ `
  query ($overlapId: ID!) {
    consolidationSavings(overlapId: $overlapId, asOf: "2026-12-07") {
      candidates {
        recommended
        method
        product {
          id
          name
          jobs {
            code
          }
        }
        licenceIds
        keptLicenceIds
      }
    }
  }
`;

describe.each(engines())("consolidation by job on the seed estates on %s", (engine) => {
  let db: TestDatabase;
  let gql: Gql;
  let overlaps: any[];
  const productOfLicence = new Map<string, string>();
  const jobsOfProduct = new Map<string, string[]>();

  beforeAll(async () => {
    db = await openTestDatabase(engine);
    await loadSeedsIfEmpty(db.prisma);
    gql = graphqlClient(db.prisma);
    overlaps = ok(await gql(OVERLAPS)).licenceOverlaps;
    if (process.env.SHOW)
      for (const o of overlaps) console.log(o.id, o.products.map((p: any) => p.name).join(" | "));
    for (const o of overlaps) {
      for (const p of o.products)
        jobsOfProduct.set(
          p.id,
          p.jobs.map((j: any) => j.code),
        );
      for (const s of o.sides) for (const l of s.licences) productOfLicence.set(l.id, l.product.id);
    }
  }, 180_000);
  afterAll(() => db?.close());

  it("compares only products that do the overlap's job", () => {
    const jobOverlaps = overlaps.filter((o) => o.kind === "SAME_JOB");
    expect(jobOverlaps.length).toBeGreaterThan(20);
    for (const o of jobOverlaps) {
      for (const p of o.products)
        expect(jobsOfProduct.get(p.id), `${o.id} ${p.name}`).toContain(o.capabilityCode);
    }
  });

  it("never puts telecare, equipment loans, scheduling, call monitoring and case management in one overlap", () => {
    const adult = overlaps.filter((o) => o.capabilityCode?.startsWith("SOCIAL_CARE_ADULTS."));
    const names = (o: any) => o.products.map((p: any) => p.name);
    const withTotalmobile = adult.filter((o) => names(o).includes("Totalmobile Scheduling"));
    for (const o of withTotalmobile) expect(o.capabilityCode).toBe("SOCIAL_CARE_ADULTS.HOMECARE_SCHEDULING");
    const caseManagement = adult.find((o) => o.capabilityCode === "SOCIAL_CARE_ADULTS.CASE_MANAGEMENT");
    expect(names(caseManagement).sort()).toEqual(["Liquidlogic Adults' Social Care System", "Mosaic"]);
  });

  it("recommends, and offers, only targets that do every job of what they replace", async () => {
    let checked = 0;
    for (const o of overlaps.filter((x) => x.kind !== "CONTRACTS_ONLY")) {
      const { candidates } = ok(await gql(SAVINGS, { overlapId: o.id })).consolidationSavings;
      for (const c of candidates) {
        const target = new Set(c.product.jobs.map((j: any) => j.code));
        for (const licenceId of c.licenceIds) {
          const productId = productOfLicence.get(licenceId)!;
          if (productId === c.product.id) continue;
          for (const job of jobsOfProduct.get(productId)!) {
            expect(target.has(job), `${o.id}: ${c.product.name} replaces a product doing ${job}`).toBe(true);
          }
          checked++;
        }
      }
      expect(candidates.filter((c: any) => c.recommended).length).toBeLessThanOrEqual(1);
    }
    expect(checked).toBeGreaterThan(20);
  }, 300_000);

  it("keeps a suite when a point product is the target, and says why", async () => {
    const o = overlaps.find((x) => x.capabilityCode === "SOCIAL_CARE_CHILDREN.EARLY_HELP");
    if (!o) return; // only when the councils hold different early-help products
    const { candidates } = ok(await gql(SAVINGS, { overlapId: o.id })).consolidationSavings;
    for (const c of candidates.filter((x: any) => x.product.name === "Liquidlogic Early Help Module")) {
      expect(c.keptLicenceIds.length).toBeGreaterThan(0);
      expect(c.method).toContain(
        "Kept, because the target does not do every job they do: Servelec Mosaic Children's",
      );
    }
  });
});
