// Savings timed to contract ends: every candidate is priced now and on its natural date (the day after the
// last contract that moves ends, so nothing is paid to leave early), and the better by NPV is chosen
// unless the caller asks for one. NPV follows the Green Book: 3.5% real, end-of-year discounting.
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import type { Contract, Licence } from "../../generated/prisma/client.ts";
import { npv } from "../../server/procurement/npv.ts";
import { consolidationCandidates } from "../../server/procurement/savings.ts";
import { engines, openTestDatabase, type TestDatabase } from "../support/databases.ts";
import { graphqlClient } from "../support/graphql.ts";
import { ok, type Gql } from "../api/fixtures.ts";
import { actorWith, buildProcurementFixture, type ProcurementFixture } from "./fixture.ts";

describe("npv", () => {
  it("discounts a year's saving at 3.5% at the end of the year", () => {
    // £1,035.00 a year for one year: 103,500 / 1.035 = 100,000p exactly.
    expect(npv(103_500n, 0n, 0, 1)).toBe(100_000n);
    // 1,071,225p = 1,000,000 × 1.035²: year 1 1,035,000p, year 2 1,000,000p.
    expect(npv(1_071_225n, 0n, 0, 2)).toBe(2_035_000n);
  });

  it("earns only the share of a year after a later start, and nothing for years before it", () => {
    // Starting 73 days in: 292/365 = 0.8 of year 1 → 80,000p; an exit cost comes off at once.
    expect(npv(103_500n, 0n, 73, 1)).toBe(80_000n);
    expect(npv(103_500n, 5_000n, 0, 1)).toBe(95_000n);
    expect(npv(1_071_225n, 0n, 365, 2)).toBe(1_000_000n);
    expect(npv(103_500n, 0n, 400, 1)).toBe(0n);
  });

  it("rounds once, half-up, to the penny", () => {
    // 100 / 1.035 = 96.618…p → 97p.
    expect(npv(100n, 0n, 0, 1)).toBe(97n);
    expect(() => npv(1n, 0n, 0, 0)).toThrow(/horizon/);
  });
});

const SAVINGS = /* GraphQL */ `
  query ($overlapId: ID!, $asOf: Date, $timing: TimingChoice, $horizonYears: Int) {
    consolidationSavings(overlapId: $overlapId, asOf: $asOf, timing: $timing, horizonYears: $horizonYears, leadTimeMonths: 0) {
      horizonYears
      discounting
      recommended {
        product {
          name
        }
        annualSaving
        exitCost
        paybackMonths
        consolidationDate
        chosenTiming
        chosenBecause
        npv
        method
        timings {
          kind
          date
          exitCost
          npv
          paybackMonths
          exits {
            contract {
              reference
            }
            remainingDays
          }
        }
      }
    }
  }
`;

/** The same NPV in floating point, to check the exact figure against. */
const approx = (saving: number, exit: number, delay: number, years: number) => {
  let v = -exit;
  for (let t = 1; t <= years; t++)
    v += (saving * Math.min(365, Math.max(0, t * 365 - delay))) / 365 / 1.035 ** t;
  return v / 100;
};

describe("choosing the date", () => {
  const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);
  const licence = (
    id: string,
    org: string,
    owned: number,
    used: number,
    annual: bigint,
    contractId: string,
  ) =>
    ({
      id,
      organisationId: org,
      productId: "P",
      contractId,
      metric: "USER",
      quantityOwned: owned,
      quantityUsed: used,
      unitCostPence: 1_000n,
      annualCostPence: annual,
      status: "ACTIVE",
    }) as unknown as Licence;
  const contract = (id: string, org: string, end: string) =>
    ({ id, organisationId: org, reference: id, endDate: day(end) }) as unknown as Contract;
  const ctx = (timing: "BEST" | "NOW" | "NATURAL") => ({
    contractById: new Map([
      ["KA", contract("KA", "A", "2027-12-31")],
      ["KB", contract("KB", "B", "2030-12-31")],
    ]),
    asOf: day("2027-01-01"),
    visible: () => true,
    code: (o: string) => o,
    hiddenFor: () => [],
    label: () => "Product",
    jobsOf: () => ["J"],
    timing,
    horizonYears: 5,
    leadTimeMonths: 0,
  });
  // B owns 500 seats at £10.00 but uses 100: consolidating pays for seats used, so the saving is far more
  // than what leaving A's contract early costs.
  const licences = [
    licence("LA", "A", 100, 100, 100_000n, "KA"),
    licence("LB", "B", 500, 100, 500_000n, "KB"),
  ];

  it("picks now when the saving outruns what leaving early pays", () => {
    const onB = consolidationCandidates(licences, ctx("BEST")).find((c) => c.targetLicence.id === "LB")!;
    // Onto B: N = 200 used × £10.00 = £2,000.00 < B's £5,000.00 now, so S = £6,000.00 − £2,000.00 = £4,000.00.
    expect(onB.annualSaving).toBe(400_000n);
    // Now: A's KA (ends 2027-12-31) left 365 days early at £1,000.00 a year = £1,000.00.
    expect(onB.timings.map((t) => [t.kind, t.date.toISOString().slice(0, 10), t.exitCost])).toEqual([
      ["NOW", "2027-01-01", 100_000n],
      ["NATURAL", "2028-01-01", 0n],
    ]);
    expect(onB.timings[0]!.npv! > onB.timings[1]!.npv!).toBe(true);
    expect([onB.chosenTiming, onB.exitCost, onB.chosenBecause]).toEqual([
      "NOW",
      100_000n,
      "at the earliest date: its NPV (after its exit cost) is at least as high over 5 years",
    ]);
  });
});

describe.each(engines())("consolidation timing on %s", (engine) => {
  let db: TestDatabase;
  let gql: Gql;
  let f: ProcurementFixture;
  const overlapId = "Overlap:SAME_JOB:HELPDESK";

  beforeAll(async () => {
    db = await openTestDatabase(engine);
    f = await buildProcurementFixture(db.prisma);
    gql = graphqlClient(db.prisma);
  });
  afterAll(() => db?.close());

  it("offers now and the natural date, and picks the natural date when its NPV is higher", async () => {
    const s = ok(await gql(SAVINGS, { overlapId, asOf: "2027-01-01" })).consolidationSavings;
    expect(s.horizonYears).toBe(5);
    expect(s.discounting).toContain("3.5%");
    const r = s.recommended;
    // Onto Alpha Desk saves £250.00 a year. Now: Beta's DCC-Y (ends 2027-06-30) is left 181 days early,
    // £371.92. Naturally: from 2027-07-01, nothing to pay, but the first year earns 184/365 of £250.00.
    const [now, natural] = r.timings;
    expect(now).toMatchObject({ kind: "NOW", date: "2027-01-01", exitCost: "371.92", paybackMonths: 18 });
    expect(natural).toMatchObject({
      kind: "NATURAL",
      date: "2027-07-01",
      exitCost: "0.00",
      paybackMonths: 0,
      exits: [],
    });
    expect(Number(now.npv)).toBeCloseTo(approx(25_000, 37_192, 0, 5), 2);
    expect(Number(natural.npv)).toBeCloseTo(approx(25_000, 0, 181, 5), 2);
    expect(Number(natural.npv)).toBeGreaterThan(Number(now.npv));
    expect(r).toMatchObject({
      chosenTiming: "NATURAL",
      consolidationDate: "2027-07-01",
      exitCost: "0.00",
      paybackMonths: 0,
      npv: natural.npv,
      annualSaving: "250.00",
    });
    expect(r.chosenBecause).toBe("at the natural date: its NPV is higher over 5 years");
    expect(r.method).toContain(
      `at the earliest date (2027-01-01): exit cost £371.92, NPV over 5 years £${Number(now.npv).toLocaleString("en-GB", { minimumFractionDigits: 2 })}`,
    );
    expect(r.method).toContain("at the natural date (2027-07-01): exit cost £0.00");
  });

  it("prices the date the caller asks for", async () => {
    const now = ok(await gql(SAVINGS, { overlapId, asOf: "2027-01-01", timing: "NOW" })).consolidationSavings
      .recommended;
    expect(now).toMatchObject({
      chosenTiming: "NOW",
      consolidationDate: "2027-01-01",
      exitCost: "371.92",
      paybackMonths: 18,
    });
    expect(now.chosenBecause).toBe("at the earliest date, as asked");
    const natural = ok(await gql(SAVINGS, { overlapId, asOf: "2027-01-01", timing: "NATURAL" }))
      .consolidationSavings.recommended;
    expect(natural).toMatchObject({
      chosenTiming: "NATURAL",
      consolidationDate: "2027-07-01",
      exitCost: "0.00",
    });
  });

  it("prefers the natural date whenever the saving is below what leaving early pays", async () => {
    // Close to DCC-Y's end, leaving 11 days early costs £750.00 × 11 / 365 = £22.60, more than the
    // £250.00 × 11 / 365 of saving that waiting forgoes: the natural date still wins.
    const r = ok(await gql(SAVINGS, { overlapId, asOf: "2027-06-20" })).consolidationSavings.recommended;
    expect(r.timings.map((t: any) => [t.kind, t.date, t.exitCost])).toEqual([
      ["NOW", "2027-06-20", "22.60"],
      ["NATURAL", "2027-07-01", "0.00"],
    ]);
    expect(r.chosenTiming).toBe("NATURAL");
  });

  it("offers only now once every contract that moves has ended", async () => {
    const r = ok(await gql(SAVINGS, { overlapId, asOf: "2027-08-01" })).consolidationSavings.recommended;
    expect(r.timings.map((t: any) => t.kind)).toEqual(["NOW"]);
    expect(r.chosenBecause).toMatch(/every contract that moves has ended by then/);
  });

  it("lengthens the horizon on request and refuses one outside 1 to 30 years", async () => {
    const r = ok(
      await gql(SAVINGS, { overlapId, asOf: "2027-01-01", horizonYears: 10 }),
    ).consolidationSavings;
    expect(Number(r.recommended.npv)).toBeCloseTo(approx(25_000, 0, 181, 10), 2);
    const bad = await gql(SAVINGS, { overlapId, horizonYears: 31 });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: "BAD_INPUT", field: "horizonYears" });
  });

  it("shows a caller without readCommercialValues the dates but no figure, choosing no date by them", async () => {
    const viewer = graphqlClient(db.prisma, actorWith({ [f.orgs.SCC.id]: ["VIEWER"] }));
    const s = ok(await viewer(SAVINGS, { overlapId, asOf: "2027-01-01" })).consolidationSavings;
    expect(s.recommended).toBeNull();
  });
});
