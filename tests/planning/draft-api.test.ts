// draftConvergence through the API: a planner who may not read the other council's prices cannot learn
// them by moving their own price and drafting again; one who may read both gets the cost-based choice.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Licence } from "../../generated/prisma/client.ts";
import { engines, openTestDatabase, type TestDatabase } from "../support/databases.ts";
import { graphqlClient } from "../support/graphql.ts";
import { createContract, createLicence, createProduct, ok, type Gql } from "../api/fixtures.ts";
import { actor, buildPlanningEstate, gid, type PlanningEstate } from "./fixtures.ts";

const DRAFT = `mutation ($input: DraftConvergenceInput!) { draftConvergence(input: $input) {
  decisions { subject decision reason move { kind asset { name } targetAsset { name } targetSite { name }
    licences { organisation { code } } targetLicence { organisation { code } } } }
  unplaced { subject reason }
  scenario {
    validation { valid violations { rule message } }
    plan { waveCount waves { number moves { move { kind asset { name } } } } }
    financials { valuesVisible hiddenFor organisations { organisation { code } partial baseline { assets sites licences } totalSaving npv finalRunRate }
      totals { partial totalSaving npv finalRunRate } changes { organisation { code } annual source note } }
  } } }`;

describe.each(engines())("draftConvergence and prices the caller may not read, on %s", (engine) => {
  let db: TestDatabase;
  let e: PlanningEstate;
  let sccOracle: Licence;
  let dccOracle: Licence;
  /** Plans in SCC only: may read SCC's prices, not DCC's. */
  let sccPlanner: Gql;
  /** Plans in both councils: may read both councils' prices. */
  let bothPlanner: Gql;

  beforeAll(async () => {
    db = await openTestDatabase(engine);
  }, 120_000);
  afterAll(() => db?.close(), 60_000);
  beforeEach(async () => {
    await db.truncate();
    e = await buildPlanningEstate(db.prisma);
    // Both councils license Oracle by the core; Durham's contract runs longer.
    const { product } = await createProduct(db.prisma, "Oracle Database");
    const dccContract = await createContract(db.prisma, e.orgs.DCC, { reference: "DCC-ORA", endDate: new Date("2028-03-31") });
    const sccContract = await createContract(db.prisma, e.orgs.SCC, { reference: "SCC-ORA", endDate: new Date("2027-03-31") });
    sccOracle = await createLicence(db.prisma, e.orgs.SCC, product, { contractId: sccContract.id, metric: "CORE", quantityOwned: 16, quantityUsed: 16, unitCostPence: 600_00n, annualCostPence: 9_600_00n });
    dccOracle = await createLicence(db.prisma, e.orgs.DCC, product, { contractId: dccContract.id, metric: "CORE", quantityOwned: 8, quantityUsed: 8, unitCostPence: 730_00n, annualCostPence: 5_840_00n });
    sccPlanner = graphqlClient(db.prisma, actor("scc-planner", [[e.orgs.SCC, "PLANNER"]]));
    bothPlanner = graphqlClient(db.prisma, actor("both-planner", [[e.orgs.SCC, "PLANNER"], [e.orgs.DCC, "PLANNER"]]));
  });

  const draft = async (who: Gql) =>
    ok(
      await who(DRAFT, {
        input: {
          name: "Converge onto Southshire",
          startDate: "2027-01-01",
          organisations: ["SCC", "DCC"],
          targetSites: [gid("Site", e.sccDc.id)],
          closingSites: [gid("Site", e.dccDc.id)],
        },
      }),
    ).draftConvergence;
  /** Sets a licence's price per seat (its annual cost follows: seats owned × price). */
  const price = async (l: Licence, pencePerSeat: bigint) =>
    db.prisma.licence.update({ where: { id: l.id }, data: { unitCostPence: pencePerSeat, annualCostPence: pencePerSeat * BigInt(l.quantityOwned) } });
  const choiceOf = (d: any) => {
    const replace = d.decisions.find((x: any) => x.move?.kind === "REPLACE");
    const renegotiate = d.decisions.find((x: any) => x.move?.kind === "RENEGOTIATE");
    return { kept: replace.move.targetAsset.name, replaceReason: replace.reason, target: renegotiate.move.targetLicence.organisation.code, renegotiateReason: renegotiate.reason };
  };

  it("gives an SCC planner the same choice whatever SCC's own price (no bisection of DCC's), saying prices were not compared", async () => {
    // DCC's CRM costs £116.25 a seat used, its Oracle core £730. SCC's CRM costs 1.25 × its seat price per seat
    // used, its Oracle core 10 ×: by price the kept CRM would flip at £93 a seat, the Oracle target at £73.
    const seen = [];
    for (const pounds of [1n, 60n, 72n, 74n, 92n, 94n, 500n]) {
      const salesforce = (await db.prisma.licence.findFirst({ where: { organisationId: e.orgs.SCC.id, metric: "USER" } }))!;
      await price(salesforce, pounds * 100n);
      await price(sccOracle, pounds * 1000n);
      seen.push(choiceOf(await draft(sccPlanner)));
    }
    expect(new Set(seen.map((s) => JSON.stringify(s))).size).toBe(1);
    const [c] = seen;
    // Without prices: same criticality, and DCC's contracts run longer.
    expect(c).toMatchObject({ kept: "DCC CRM", target: "DCC" });
    expect(c!.replaceReason).toContain("its contract runs longer (to 2027-06-30)");
    expect(c!.replaceReason).toContain("Prices were not compared: you may not read DCC's prices");
    expect(c!.replaceReason).toContain("someone who may read the prices of DCC and SCC gets the one costing least per seat used");
    expect(c!.renegotiateReason).toContain("onto the licence whose contract runs latest (to 2028-03-31)");
    expect(c!.renegotiateReason).toContain("Prices were not compared: you may not read DCC's prices");
  });

  it("shows an SCC planner the same draft, reasons and figures whatever DCC's hidden prices", async () => {
    // Moves in a wave and changes are listed in move id order (ids are new each draft): compare them as sets.
    const bySelf = (x: unknown, y: unknown) => (JSON.stringify(x) < JSON.stringify(y) ? -1 : 1);
    const strip = (d: any) => {
      for (const w of d.scenario.plan.waves) w.moves.sort(bySelf);
      d.scenario.financials.changes.sort(bySelf);
      return d;
    };
    const before = strip(await draft(sccPlanner));
    await price((await db.prisma.licence.findFirst({ where: { organisationId: e.orgs.DCC.id, metric: "USER" } }))!, 1_00n);
    await price(dccOracle, 5_00n);
    const after = strip(await draft(sccPlanner));
    expect(after).toEqual(before);
    // What the SCC planner is shown of the figures leaves DCC's prices out, and says so.
    expect(before.scenario.financials).toMatchObject({ valuesVisible: false, hiddenFor: ["DCC"] });
  });

  it("chooses by cost for a planner who may read both councils' prices", async () => {
    // SCC's CRM: £30,000 ÷ 400 seats used = £75 against DCC's £116.25; SCC's Oracle core £600 against £730.
    const cheap = choiceOf(await draft(bothPlanner));
    expect(cheap).toMatchObject({ kept: "SCC CRM", target: "SCC" });
    expect(cheap.replaceReason).toContain("it costs less per seat used");
    expect(cheap.replaceReason).not.toContain("Prices were not compared");
    expect(cheap.renegotiateReason).toContain("onto the best unit price");
    // SCC dearer than DCC: DCC's are chosen, for their price.
    await price((await db.prisma.licence.findFirst({ where: { organisationId: e.orgs.SCC.id, metric: "USER" } }))!, 94_00n);
    await price(sccOracle, 740_00n);
    const dear = choiceOf(await draft(bothPlanner));
    expect(dear).toMatchObject({ kept: "DCC CRM", target: "DCC" });
    expect(dear.replaceReason).toContain("it costs less per seat used");
  });
});
