// renewals: the window (end dates and notice deadlines), the ordering by deadline, and the
// co-termination of overlaps, with the cost worked out by hand (see fixture.ts for the estate).
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { engines, openTestDatabase, type TestDatabase } from "../support/databases.ts";
import { graphqlClient } from "../support/graphql.ts";
import { gid, ok, type Gql } from "../api/fixtures.ts";
import { actorWith, buildProcurementFixture, type ProcurementFixture } from "./fixture.ts";

const RENEWALS = /* GraphQL */ `
  query ($from: Date!, $to: Date!, $organisation: String) {
    renewals(from: $from, to: $to, organisation: $organisation) {
      from
      to
      items {
        contract {
          reference
        }
        organisation {
          code
        }
        deadline
        endDate
        noticeDeadline
        endsInWindow
        noticeDeadlineInWindow
        overlapIds
      }
      coterminations {
        overlapId
        coterminable
        alreadyCoterminous
        commonEndDate
        cost
        valuesVisible
        hiddenFor
        obstacles
        method
        lines {
          contract {
            reference
          }
          organisation {
            code
          }
          endDate
          extensionDays
          annualBasis
          cost
          valuesVisible
          obstacle
          licenceIds
        }
      }
    }
  }
`;

describe.each(engines())("renewals on %s", (engine) => {
  let db: TestDatabase;
  let gql: Gql;
  let f: ProcurementFixture;

  beforeAll(async () => {
    db = await openTestDatabase(engine);
    f = await buildProcurementFixture(db.prisma);
    gql = graphqlClient(db.prisma);
  });
  afterAll(() => db?.close());

  it("lists contracts ending or passing their notice deadline in the window, by deadline", async () => {
    const r = ok(await gql(RENEWALS, { from: "2026-12-01", to: "2027-06-30" })).renewals;
    // Deadlines (end − notice): SCC-D 2026-12-15 (no notice: its end); SCC-X 2027-03-31 − 90 = 2026-12-31;
    // SCC-B 2027-01-31 − 30 = 2027-01-01; WBC-1 2027-02-15 − 30 = 2027-01-16; SCC-G 2027-09-30 − 180 =
    // 2027-04-03 (notice only: it ends after the window); DCC-Y 2027-06-30 − 60 = 2027-05-01;
    // DCC-Z 2027-06-30 − 30 = 2027-05-31. Left out: SCC-C (deadline 2027-11-02) and the retired SCC-R.
    expect(
      r.items.map((i: any) => [i.contract.reference, i.deadline, i.endsInWindow, i.noticeDeadlineInWindow]),
    ).toEqual([
      ["SCC-D", "2026-12-15", true, false],
      ["SCC-X", "2026-12-31", true, true],
      ["SCC-B", "2027-01-01", true, true],
      ["WBC-1", "2027-01-16", true, true],
      ["SCC-G", "2027-04-03", false, true],
      ["DCC-Y", "2027-05-01", true, true],
      ["DCC-Z", "2027-05-31", true, true],
    ]);
    expect(r.items.find((i: any) => i.contract.reference === "SCC-X").overlapIds).toEqual([
      "Overlap:SAME_JOB:HELPDESK",
    ]);
    expect(r.items.find((i: any) => i.contract.reference === "SCC-D").overlapIds).toEqual([]);
  });

  it("keeps to one organisation when asked, and to the window's edges inclusively", async () => {
    const dcc = ok(
      await gql(RENEWALS, { from: "2027-05-01", to: "2027-05-31", organisation: "DCC" }),
    ).renewals;
    expect(
      dcc.items.map((i: any) => [i.contract.reference, i.endsInWindow, i.noticeDeadlineInWindow]),
    ).toEqual([
      ["DCC-Y", false, true],
      ["DCC-Z", false, true],
    ]);
    const bad = await gql(RENEWALS, { from: "2027-05-01", to: "2027-04-30" });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: "BAD_INPUT", field: "to" });
  });

  it("prices co-terminating an overlap's contracts on the later end date", async () => {
    // SCC-X must run on three months: its terms state the extension term that allows it.
    await db.prisma.contract.update({ where: { id: f.contracts.X.id }, data: { renewalTerms: "Optional 12-month extensions." } });
    const r = ok(await gql(RENEWALS, { from: "2026-12-01", to: "2027-06-30" })).renewals;
    await db.prisma.contract.update({ where: { id: f.contracts.X.id }, data: { renewalTerms: null } });
    expect(r.coterminations).toHaveLength(1);
    const c = r.coterminations[0];
    // Latest end 2027-06-30 (DCC-Y, DCC-Z). SCC-X ends 2027-03-31: 30 (April) + 31 (May) + 30 (June) = 91 days.
    // £1,250.00 × 91 / 365 = 11,375,000p / 365 = 31,164.38p → 31,164p = £311.64 (half-up: .38 rounds down).
    expect(c).toMatchObject({
      overlapId: "Overlap:SAME_JOB:HELPDESK",
      coterminable: true,
      alreadyCoterminous: false,
      commonEndDate: "2027-06-30",
      cost: "311.64",
      valuesVisible: true,
      hiddenFor: [],
      obstacles: [],
    });
    expect(c.lines.map((l: any) => [l.contract.reference, l.extensionDays, l.annualBasis, l.cost])).toEqual([
      ["DCC-Y", 0, "750.00", "0.00"],
      ["DCC-Z", 0, "400.00", "0.00"],
      ["SCC-X", 91, "1250.00", "311.64"],
    ]);
    expect(c.lines[2].licenceIds).toEqual([gid("Licence", f.licences.X.id)]);
    expect(c.method).toContain("£1,250.00 × 91 / 365 = £311.64");
  });

  it("says when an earlier contract states no extension term (as the saving's bridging does)", async () => {
    const c = ok(await gql(RENEWALS, { from: "2026-12-01", to: "2027-06-30" })).renewals.coterminations[0];
    expect(c.coterminable).toBe(false);
    expect(c.obstacles).toEqual(["SCC-X states no extension term: extending it needs the supplier's agreement"]);
  });

  it("says when an earlier contract cannot be extended", async () => {
    await db.prisma.contract.update({
      where: { id: f.contracts.X.id },
      data: { renewalTerms: "Three-year term, no extension option." },
    });
    try {
      const c = ok(await gql(RENEWALS, { from: "2026-12-01", to: "2027-06-30" })).renewals.coterminations[0];
      expect(c.coterminable).toBe(false);
      expect(c.obstacles).toEqual([`SCC-X cannot be extended: "Three-year term, no extension option."`]);
      expect(c.cost).toBe("311.64");
    } finally {
      await db.prisma.contract.update({ where: { id: f.contracts.X.id }, data: { renewalTerms: null } });
    }
  });

  it("hides the co-termination cost from a caller who may not read SCC's contract values", async () => {
    const viewer = graphqlClient(
      db.prisma,
      actorWith({ [f.orgs.SCC.id]: ["VIEWER"], [f.orgs.DCC.id]: ["PROCUREMENT"] }),
    );
    const c = ok(await viewer(RENEWALS, { from: "2026-12-01", to: "2027-06-30" })).renewals.coterminations[0];
    expect(c).toMatchObject({
      cost: null,
      valuesVisible: false,
      hiddenFor: ["SCC"],
      commonEndDate: "2027-06-30",
    });
    const scc = c.lines.find((l: any) => l.contract.reference === "SCC-X");
    expect(scc).toMatchObject({ extensionDays: 91, annualBasis: null, cost: null, valuesVisible: false });
    expect(c.lines.find((l: any) => l.contract.reference === "DCC-Y")).toMatchObject({
      annualBasis: "750.00",
    });
    expect(c.method).not.toContain("311.64");
  });
});
