// The consolidation-saving formula on a hand-built estate whose figures are worked out by hand below
// (see fixture.ts), including rounding, an early-exit cost, payback, and the hiding of commercial figures.
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { engines, openTestDatabase, type TestDatabase } from "../support/databases.ts";
import { graphqlClient } from "../support/graphql.ts";
import { gid, ok, type Gql } from "../api/fixtures.ts";
import { actorWith, buildProcurementFixture, type ProcurementFixture } from "./fixture.ts";

const SAVINGS = /* GraphQL */ `
  query ($overlapId: ID, $capability: String, $asOf: Date, $timing: TimingChoice = NOW) {
    consolidationSavings(overlapId: $overlapId, capability: $capability, asOf: $asOf, timing: $timing, leadTimeMonths: 0) {
      overlapId
      capabilityCode
      asOf
      currentAnnualCost
      valuesVisible
      hiddenFor
      formula
      rounding
      sides {
        organisation {
          code
        }
        currentAnnualCost
        valuesVisible
        licenceIds
      }
      recommended {
        product {
          name
        }
      }
      candidates {
        product {
          name
        }
        metric
        recommended
        targetLicence {
          id
        }
        targetContract {
          reference
        }
        targetUnitPrice
        seatsNeeded
        seatsBySide {
          organisationCode
          used
          licenceIds
        }
        seatCost
        targetFixedCharge
        duplicateFixedCharges
        keptLicenceIds
        keptAnnualCost
        consolidatedAnnualCost
        currentAnnualCost
        annualSaving
        exitCost
        exits {
          contract {
            reference
          }
          remainingDays
          annualBasis
          cost
          valuesVisible
          licenceIds
        }
        paybackMonths
        valuesVisible
        hiddenFor
        problems
        method
        licenceIds
        contractIds
      }
    }
  }
`;

describe.each(engines())("consolidationSavings on %s", (engine) => {
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

  it("works out both candidates by hand and recommends the cheaper one", async () => {
    const { consolidationSavings: s } = ok(await gql(SAVINGS, { overlapId, asOf: "2027-01-01" }));
    // Current: X £1,250.00 + Y £750.00 + Z £400.00 = £2,400.00 (SCC £1,250.00, DCC £1,150.00).
    expect(s.currentAnnualCost).toBe("2400.00");
    expect(s.sides.map((x: any) => [x.organisation.code, x.currentAnnualCost])).toEqual([
      ["DCC", "1150.00"],
      ["SCC", "1250.00"],
    ]);
    // Z is the only SITE licence: nothing could move onto it, so it is no candidate.
    expect(s.candidates.map((c: any) => c.product.name)).toEqual(["Alpha Desk", "Beta Desk"]);
    const [x, y] = s.candidates;

    // Onto X (SCC-X): seats needed = used, not owned: 80 + 70 = 150; 150 × £10.00 = £1,500.00;
    // X's fixed charge £1,250.00 − £10.00 × 100 = £250.00 is kept; Z (SITE) is kept at £400.00.
    // K = £1,500.00 + £250.00 + £400.00 = £2,150.00; S = £2,400.00 − £2,150.00 = £250.00.
    // Exit: Y leaves DCC-Y (ends 2027-06-30) from 2027-01-01: 31+28+31+30+31+30 = 181 days;
    // £750.00 × 181 / 365 = 13,575,000p / 365 = 37,191.78p → 37,192p = £371.92 (half-up: .78 rounds up).
    // Payback ⌈37,192 × 12 / 25,000⌉ = ⌈17.85⌉ = 18 months.
    expect(x).toMatchObject({
      metric: "USER",
      recommended: true,
      targetLicence: { id: gid("Licence", f.licences.X.id) },
      targetContract: { reference: "SCC-X" },
      targetUnitPrice: "10.00",
      seatsNeeded: 150,
      seatsBySide: [
        { organisationCode: "DCC", used: 70, licenceIds: [gid("Licence", f.licences.Y.id)] },
        { organisationCode: "SCC", used: 80, licenceIds: [gid("Licence", f.licences.X.id)] },
      ],
      seatCost: "1500.00",
      targetFixedCharge: "250.00",
      duplicateFixedCharges: "0.00",
      keptLicenceIds: [gid("Licence", f.licences.Z.id)],
      keptAnnualCost: "400.00",
      consolidatedAnnualCost: "2150.00",
      currentAnnualCost: "2400.00",
      annualSaving: "250.00",
      exitCost: "371.92",
      exits: [
        {
          contract: { reference: "DCC-Y" },
          remainingDays: 181,
          annualBasis: "750.00",
          cost: "371.92",
          valuesVisible: true,
          licenceIds: [gid("Licence", f.licences.Y.id)],
        },
      ],
      paybackMonths: 18,
      valuesVisible: true,
      hiddenFor: [],
      problems: [],
    });
    expect(x.contractIds.sort()).toEqual(
      [gid("Contract", f.contracts.X.id), gid("Contract", f.contracts.Y.id)].sort(),
    );

    // Onto Y (DCC-Y): 150 × £12.50 = £1,875.00; Y has no fixed charge; + Z £400.00 → K = £2,275.00;
    // S = £125.00, which includes X's £250.00 of duplicate support no longer paid.
    // Exit: X leaves SCC-X (ends 2027-03-31): 31+28+31 = 90 days; £1,250.00 × 90 / 365 =
    // 11,250,000p / 365 = 30,821.92p → 30,822p = £308.22. Payback ⌈30,822 × 12 / 12,500⌉ = ⌈29.59⌉ = 30.
    expect(y).toMatchObject({
      recommended: false,
      targetUnitPrice: "12.50",
      seatCost: "1875.00",
      targetFixedCharge: "0.00",
      duplicateFixedCharges: "250.00",
      consolidatedAnnualCost: "2275.00",
      annualSaving: "125.00",
      exitCost: "308.22",
      exits: [
        { contract: { reference: "SCC-X" }, remainingDays: 90, annualBasis: "1250.00", cost: "308.22" },
      ],
      paybackMonths: 30,
    });
    expect(s.recommended.product.name).toBe("Alpha Desk");
    expect(x.method).toContain("80 = 150");
    expect(x.method).toContain("£750.00 × 181 / 365 = £371.92");
    expect(s.formula).toContain("seats needed N = Σ s_l");
    expect(s.rounding).toContain("half-up");
  });

  it("gives the same answer for the capability as for its overlap", async () => {
    const byCapability = ok(
      await gql(SAVINGS, { capability: "helpdesk", asOf: "2027-01-01" }),
    ).consolidationSavings;
    const byOverlap = ok(await gql(SAVINGS, { overlapId, asOf: "2027-01-01" })).consolidationSavings;
    expect(byCapability.capabilityCode).toBe("HELPDESK");
    expect(byCapability.candidates).toEqual(byOverlap.candidates);
  });

  it("counts no exit cost for a contract that has ended by the consolidation date", async () => {
    // From 2027-07-01 both DCC-Y and SCC-X have ended: E = 0, payback immediate.
    const s = ok(await gql(SAVINGS, { overlapId, asOf: "2027-07-01" })).consolidationSavings;
    expect(s.candidates[0]).toMatchObject({
      exitCost: "0.00",
      exits: [],
      paybackMonths: 0,
      annualSaving: "250.00",
    });
  });

  it("hides every figure spanning DCC from a caller who may see SCC's commercial figures but not DCC's", async () => {
    const buyer = graphqlClient(
      db.prisma,
      actorWith({ [f.orgs.DCC.id]: ["VIEWER"], [f.orgs.SCC.id]: ["PROCUREMENT"] }),
    );
    const s = ok(await buyer(SAVINGS, { overlapId, asOf: "2027-01-01" })).consolidationSavings;
    expect(s).toMatchObject({
      currentAnnualCost: null,
      valuesVisible: false,
      hiddenFor: ["DCC"],
      recommended: null,
    });
    // Its own side stays visible; DCC's, and the total that would reveal it, do not.
    expect(s.sides.map((x: any) => [x.organisation.code, x.currentAnnualCost, x.valuesVisible])).toEqual([
      ["DCC", null, false],
      ["SCC", "1250.00", true],
    ]);
    // No ranking by cost either: candidates by product name, and none is recommended.
    expect(s.candidates.map((c: any) => [c.product.name, c.recommended])).toEqual([
      ["Alpha Desk", false],
      ["Beta Desk", false],
    ]);
    const hiddenFigures = {
      targetUnitPrice: null,
      seatCost: null,
      targetFixedCharge: null,
      duplicateFixedCharges: null,
      keptAnnualCost: null,
      consolidatedAnnualCost: null,
      currentAnnualCost: null,
      annualSaving: null,
      exitCost: null,
      paybackMonths: null,
      valuesVisible: false,
      hiddenFor: ["DCC"],
    };
    const [x, y] = s.candidates;
    expect(x).toMatchObject({ ...hiddenFigures, seatsNeeded: 150 });
    expect(x.exits[0]).toMatchObject({
      annualBasis: null,
      cost: null,
      valuesVisible: false,
      remainingDays: 181,
    });
    // Leaving SCC's contract is SCC's business, which this caller may see.
    expect(y).toMatchObject(hiddenFigures);
    expect(y.exits[0]).toMatchObject({ annualBasis: "1250.00", cost: "308.22", valuesVisible: true });
    for (const c of s.candidates) {
      expect(c.method).toContain("hidden");
      // The only amounts the text gives are SCC's own: its current cost and its exit line.
      expect(c.method.match(/£[\d,]+\.\d\d/g) ?? []).toEqual(
        c === x ? ["£1,250.00"] : ["£1,250.00", "£1,250.00", "£308.22"],
      );
    }
  });

  it("shows no figure at all to a caller with no commercial rights", async () => {
    const viewer = graphqlClient(
      db.prisma,
      actorWith({ [f.orgs.DCC.id]: ["VIEWER"], [f.orgs.SCC.id]: ["EDITOR"] }),
    );
    const s = ok(await viewer(SAVINGS, { overlapId, asOf: "2027-01-01" })).consolidationSavings;
    expect(s).toMatchObject({ currentAnnualCost: null, hiddenFor: ["DCC", "SCC"], recommended: null });
    expect(s.sides.map((x: any) => x.currentAnnualCost)).toEqual([null, null]);
    for (const c of s.candidates) {
      expect(c).toMatchObject({
        annualSaving: null,
        exitCost: null,
        paybackMonths: null,
        hiddenFor: ["DCC", "SCC"],
      });
      expect(c.exits.map((e: any) => [e.annualBasis, e.cost])).toEqual([[null, null]]);
      expect(c.method).not.toMatch(/£/);
    }
  });

  it("refuses a request naming neither or both of overlapId and capability", async () => {
    const neither = await gql(SAVINGS, {});
    expect(neither.errors?.[0]?.extensions).toMatchObject({ code: "BAD_INPUT", field: "overlapId" });
    const both = await gql(SAVINGS, { overlapId, capability: "HELPDESK" });
    expect(both.errors?.[0]?.extensions).toMatchObject({ code: "BAD_INPUT", field: "overlapId" });
    const unknown = await gql(SAVINGS, { overlapId: "Overlap:SAME_JOB:NOTHING" });
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: "NOT_FOUND", field: "overlapId" });
    const malformed = await gql(SAVINGS, { overlapId: "Product:123" });
    expect(malformed.errors?.[0]?.extensions).toMatchObject({ code: "BAD_INPUT", field: "overlapId" });
  });

  it("answers licenceOverlap for an id that cannot name an overlap as consolidationSavings does, not with null", async () => {
    const Q = `query ($id: ID!) { licenceOverlap(id: $id) { id } }`;
    const notUuid = await gql(Q, { id: "Overlap:SAME_PRODUCT:not-a-uuid" });
    expect(notUuid.errors?.[0]?.extensions).toMatchObject({ code: "BAD_INPUT", field: "id" });
    const noJob = await gql(Q, { id: "Overlap:SAME_JOB:NOPE" });
    expect(noJob.errors?.[0]?.extensions).toMatchObject({ code: "NOT_FOUND", field: "id" });
    // A well-formed id of an overlap that does not exist today is simply none.
    const none = await gql(Q, { id: "Overlap:SAME_PRODUCT:00000000-0000-4000-8000-000000000000" });
    expect(none.errors).toBeUndefined();
    expect(none.data?.licenceOverlap).toBeNull();
  });
});
