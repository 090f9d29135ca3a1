// Contracts that end before the move must be extended to it: priced through the extension term their
// renewal terms state (leaving the extension at the move is an exit cost), or — when they state none, or
// rule one out — flagged "needs a contract extension" and left out of the quotable total. On hand-built
// contracts and on the seed estates (VMware SCC/ICT/003 ends 31 Dec 2026 with "no option to extend";
// Parking SCC/ICT/070 has one optional 24-month extension).
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import type { Contract } from "../../generated/prisma/client.ts";
import { bridgeFor } from "../../server/procurement/bridge.ts";
import { extensionTermMonths, extensionTermsAllowed } from "../../server/procurement/renewal-terms.ts";
import { loadSeedsIfEmpty } from "../../seeds/load.ts";
import { engines, openTestDatabase, type TestDatabase } from "../support/databases.ts";
import { graphqlClient } from "../support/graphql.ts";
import { ok, type Gql } from "../api/fixtures.ts";

const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);
const iso = (d: Date) => d.toISOString().slice(0, 10);
const contract = (end: string, renewalTerms: string) =>
  ({ id: "k", reference: "K/1", organisationId: "A", endDate: day(end), renewalTerms }) as unknown as Contract;
const ASOF = day("2026-12-07");
const MOVE = day("2027-06-07");

describe("bridging a contract to the move", () => {
  it("reads the extension term and how many the terms allow", () => {
    expect(extensionTermMonths("Initial term plus optional 12-month extensions.")).toBe(12);
    expect(extensionTermMonths("Fixed term with one optional 24-month extension.")).toBe(24);
    expect(extensionTermMonths("Rolls annually unless notice is given.")).toBe(12);
    expect(extensionTermMonths("Fixed term; re-procure through a framework before expiry.")).toBeNull();
    expect(extensionTermsAllowed("Five years plus two optional 12-month extensions.")).toBe(2);
    expect(extensionTermsAllowed("Fixed term with one optional 24-month extension.")).toBe(1);
    expect(extensionTermsAllowed("Initial term plus optional 12-month extensions.")).toBeNull();
  });

  it("needs nothing when the contract runs to the day before the move", () => {
    expect(bridgeFor(contract("2027-06-06", "Fixed term."), MOVE, ASOF)).toBeNull();
    expect(bridgeFor(contract("2028-01-01", "Fixed term."), MOVE, ASOF)).toBeNull();
  });

  it("extends by whole stated terms, so leaving at the move pays the term to its end", () => {
    const b = bridgeFor(contract("2026-12-31", "Fixed term with one optional 24-month extension."), MOVE, ASOF)!;
    expect([iso(b.to), b.termMonths, b.days, b.obstacle]).toEqual(["2028-12-31", 24, 157, null]);
  });

  it("flags an extension the terms rule out, do not state, or allow too few of", () => {
    const ruled = bridgeFor(contract("2026-12-31", "Renewal quote pending, no option to extend on current pricing."), MOVE, ASOF)!;
    expect(iso(ruled.to)).toBe("2027-06-06");
    expect(ruled.obstacle).toMatch(/needs extending to 2027-06-06, but its terms rule that out/);
    expect(bridgeFor(contract("2027-03-31", "Fixed term; re-procure."), MOVE, ASOF)!.obstacle).toMatch(/state no extension/);
    const few = bridgeFor(contract("2026-12-31", "One optional 3-month extension."), MOVE, ASOF)!;
    expect(few.obstacle).toMatch(/beyond the extensions its terms allow/);
  });
});

const OVERLAPS = /* GraphQL */ `
  {
    licenceOverlaps(asOf: "2026-12-07") {
      id
      label
      saving {
        status
        annualSaving
        exitCost
        date
        needsExtension
        warnings
        extensions {
          contract {
            reference
          }
          endDate
          extendTo
          termMonths
          days
          spend
          obstacle
        }
        coveredBySuite {
          needsExtension
        }
      }
    }
    licenceOverlapTotals(asOf: "2026-12-07") {
      annualSaving
      counted
      needsExtensionSaving
      needsExtensionCount
      bridgeSpend
      method
    }
  }
`;

describe.each(engines())("contracts ending before the move, on the seed estates on %s", (engine) => {
  let db: TestDatabase;
  let gql: Gql;
  let data: any;

  beforeAll(async () => {
    db = await openTestDatabase(engine);
    await loadSeedsIfEmpty(db.prisma);
    gql = graphqlClient(db.prisma);
    data = ok(await gql(OVERLAPS, {}));
  }, 180_000);
  afterAll(() => db?.close());

  const withExtension = (ref: string) =>
    data.licenceOverlaps.find((o: any) => o.saving?.extensions.some((e: any) => e.contract.reference === ref));

  it("flags VMware SCC/ICT/003 (ends 31 Dec 2026, no option to extend) as needing a contract extension", () => {
    const o = withExtension("SCC/ICT/003");
    expect(o, "an overlap moving SCC/ICT/003").toBeTruthy();
    const e = o.saving.extensions.find((x: any) => x.contract.reference === "SCC/ICT/003");
    expect(e).toMatchObject({ endDate: "2026-12-31", termMonths: null });
    expect(e.obstacle).toMatch(/no option to extend/);
    expect(pence(e.spend)! > 0n).toBe(true);
    expect(o.saving.needsExtension).toBe(true);
    expect(o.saving.warnings.join(" ")).toMatch(/SCC\/ICT\/003 \(SCC\) ends on 2026-12-31, before the move on \d{4}-\d\d-\d\d: it needs extending to/);
  });

  it("prices Parking SCC/ICT/070 through its one 24-month extension, moving when it ends", () => {
    const o = data.licenceOverlaps.find((x: any) => x.id === "Overlap:SAME_JOB:PARKING.ENFORCEMENT");
    const e = o.saving.extensions.find((x: any) => x.contract.reference === "SCC/ICT/070");
    expect(e).toMatchObject({ endDate: "2026-12-31", termMonths: 24, extendTo: "2028-12-31", obstacle: null });
    // Leaving the extension early would pay it to 2028-12-31: the better date by NPV is the day after.
    expect(o.saving.date).toBe("2029-01-01");
    expect(o.saving.exitCost).toBe("0.00");
    expect(o.saving.needsExtension).toBe(false);
  });

  it("leaves items needing an extension out of the quotable total, totalled apart", () => {
    const t = data.licenceOverlapTotals;
    expect(t.needsExtensionCount).toBeGreaterThan(0);
    expect(pence(t.needsExtensionSaving)! > 0n).toBe(true);
    expect(pence(t.bridgeSpend)! > 0n).toBe(true);
    expect(t.method).toContain("needs a contract extension");
    // No quotable total includes an item flagged as needing one: flagged overlaps with nothing else to
    // count contribute nothing, so totalling just them gives a zero headline.
    const flagged = data.licenceOverlaps.filter(
      (o: any) => o.saving?.needsExtension && o.saving.coveredBySuite.every((c: any) => c.needsExtension),
    );
    expect(flagged.length).toBeGreaterThan(0);
  });

  it("totals only the flagged items apart when asked for one flagged overlap", async () => {
    const o = withExtension("SCC/ICT/003");
    const t = ok(
      await gql(`query ($ids: [ID!]) { licenceOverlapTotals(asOf: "2026-12-07", overlapIds: $ids) { annualSaving counted needsExtensionSaving needsExtensionCount } }`, {
        ids: [o.id],
      }),
    ).licenceOverlapTotals;
    expect(t).toMatchObject({ annualSaving: "0.00", counted: 0, needsExtensionCount: 1, needsExtensionSaving: o.saving.annualSaving });
  });
});

const pence = (m: string | null) => (m === null ? null : BigInt(m.replace(".", "")));
