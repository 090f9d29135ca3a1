// The overlap detail (consolidationSavings by overlap id) and the overlaps table (licenceOverlaps.saving)
// give one recommendation, on the seed estates: point products a suite already owned covers are retired
// on both, with the same saving and the same sentence; a consolidation target that is not recommended is
// never named beside such retirements; an empty capability is refused rather than meaning every one.
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { loadSeedsIfEmpty } from "../../seeds/load.ts";
import { engines, openTestDatabase, type TestDatabase } from "../support/databases.ts";
import { graphqlClient } from "../support/graphql.ts";
import { ok, type Gql } from "../api/fixtures.ts";

const ASOF = "2026-12-07";

const OVERLAPS = /* GraphQL */ `
  {
    licenceOverlaps(asOf: "${ASOF}") {
      id
      saving {
        status
        reason
        summary
        product {
          name
        }
        annualSaving
        consolidationSaving
        date
        targetContract {
          reference
        }
        coveredBySuite {
          organisation {
            code
          }
          product {
            name
          }
          annualSaving
          date
        }
      }
    }
  }
`;

const DETAIL = /* GraphQL */ `
  query ($id: ID!) {
    consolidationSavings(overlapId: $id, asOf: "${ASOF}") {
      annualSaving
      summary
      recommended {
        product {
          name
        }
        annualSaving
      }
      candidates {
        licenceIds
      }
      coveredBySuite {
        organisation {
          code
        }
        product {
          name
        }
        suite {
          name
          edition
        }
        licence {
          id
        }
        annualSaving
        date
        exitCost
        npv
        method
      }
    }
  }
`;

const pence = (m: string | null) => (m === null ? null : BigInt(m.replace(".", "")));

describe.each(engines())("the overlap detail agrees with the overlaps table on %s", (engine) => {
  let db: TestDatabase;
  let gql: Gql;
  let overlaps: any[];
  const detail = async (id: string) => ok(await gql(DETAIL, { id })).consolidationSavings;

  beforeAll(async () => {
    db = await openTestDatabase(engine);
    await loadSeedsIfEmpty(db.prisma);
    gql = graphqlClient(db.prisma);
    overlaps = ok(await gql(OVERLAPS, {})).licenceOverlaps;
  }, 180_000);
  afterAll(() => db?.close());

  it("retires Ivanti and Workspace ONE (covered by Microsoft 365 E3) on the detail, not consolidating onto Ivanti", async () => {
    const row = overlaps.find((o) => o.id === "Overlap:SAME_JOB:ENDPOINT_SECURITY.DEVICE_MANAGEMENT");
    const d = await detail(row.id);
    const names = (xs: any[]) => xs.map((c) => `${c.organisation.code} ${c.product.name}`).sort();
    expect(names(d.coveredBySuite)).toEqual(names(row.saving.coveredBySuite));
    expect(names(d.coveredBySuite).join(" ")).toMatch(/DCC Ivanti/);
    expect(d.annualSaving).toBe(row.saving.annualSaving);
    expect(d.summary).toBe(row.saving.summary);
    expect(d.summary).toMatch(/retire DCC Ivanti Endpoint Manager \(DCC\/ICT\/058\) — covered by Microsoft 365 E3 it already owns/);
    expect(d.recommended?.product.name ?? null).not.toBe("Ivanti Endpoint Manager");
    // The candidates consolidate only what no suite retires.
    const retired = new Set(d.coveredBySuite.map((c: any) => c.licence.id));
    for (const c of d.candidates) for (const id of c.licenceIds) expect(retired.has(id)).toBe(false);
    for (const c of d.coveredBySuite) {
      expect(c.method).toContain("already holds");
      expect(c.npv).not.toBeNull();
    }
  });

  it("gives the same saving and sentence on the detail as on the table wherever a suite covers a point product", async () => {
    const covered = overlaps.filter((o) => o.saving?.coveredBySuite.length);
    expect(covered.length).toBeGreaterThan(1);
    for (const o of covered) {
      const d = await detail(o.id);
      expect(d.annualSaving, o.id).toBe(o.saving.annualSaving);
      expect(d.summary, o.id).toBe(o.saving.summary);
      expect(d.coveredBySuite.map((c: any) => c.date), o.id).toEqual(o.saving.coveredBySuite.map((c: any) => c.date));
    }
  });

  it("names no consolidation target that is not recommended beside suite retirements (SEND: EHCP Hub covered by Capita One)", async () => {
    for (const o of overlaps.filter((o) => o.saving?.status === "RECOMMENDED")) {
      const s = o.saving;
      if (s.consolidationSaving !== null) expect(pence(s.consolidationSaving)! > 0n, o.id).toBe(true);
      else {
        expect(s.product, o.id).toBeNull();
        expect(s.targetContract, o.id).toBeNull();
        expect(s.coveredBySuite.length, o.id).toBeGreaterThan(0);
      }
    }
    const send = overlaps.find((o) => o.id === "Overlap:SAME_JOB:EDUCATION.SEND_CASE_MANAGEMENT");
    expect(send.saving).toMatchObject({ status: "RECOMMENDED", annualSaving: "7500.00", product: null, consolidationSaving: null });
    expect(send.saving.date).toBe(send.saving.coveredBySuite[0].date);
    expect(send.saving.summary).toMatch(/^Retire DCC Invision360 EHCP Hub \(DCC\/ICT\/021\) — covered by Capita One it already owns — at its contract's end, 2028-07-01, saving £7,500\.00 a year; no consolidation of the rest/);
    expect(send.saving.reason).toMatch(/Consolidation: no saving: the cheapest target \(Capita One\) would cost £3,955\.76 a year more/);
    const d = await detail(send.id);
    expect(d.summary).toBe(send.saving.summary);
    expect(d.annualSaving).toBe("7500.00");
    expect(d.recommended).toBeNull();
  });

  it("refuses an empty capability, naming it, and says a capability that does not exist does not exist", async () => {
    for (const q of [
      `{ licenceOverlaps(capability: "") { id } }`,
      `{ licenceOverlapTotals(capability: " ") { overlaps } }`,
      `{ licencePositions(capability: "") { valuesVisible } }`,
      `{ consolidationSavings(capability: "") { asOf } }`,
    ]) {
      const r = await gql(q);
      expect(r.errors?.[0]?.extensions, q).toMatchObject({ code: "BAD_INPUT", field: "capability" });
    }
    const r = await gql(`{ consolidationSavings(capability: "NOPE") { asOf } }`);
    expect(r.errors?.[0]?.message).toMatch(/no capability or job NOPE in the taxonomy/);
  });
});
