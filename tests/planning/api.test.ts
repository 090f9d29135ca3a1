// The planning API end to end on a real database: scenarios and moves with their rules, the computed plan,
// the business case and who may see it, governance for two and three organisations, copies and comparison.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { engines, openTestDatabase, type TestDatabase } from "../support/databases.ts";
import { graphqlClient } from "../support/graphql.ts";
import { auditCount, expectError, expectRefused, ok, unknownId, type Gql } from "../api/fixtures.ts";
import { actor, buildPlanningEstate, gid, ownedActor, SCENARIO, type PlanningEstate } from "./fixtures.ts";
import { actorForUser } from "../../server/auth/actors.ts";

const CREATE = `mutation ($input: CreateScenarioInput!) { createScenario(input: $input) { ${SCENARIO} } }`;
const ADD = `mutation ($s: ID!, $input: MoveInput!) { addMove(scenarioId: $s, input: $input) { id kind version scenario { version } } }`;
const PROPOSE = `mutation ($id: ID!, $v: Int!) { proposeScenario(id: $id, version: $v) { id status version proposedVersion } }`;
const APPROVE = `mutation ($id: ID!, $v: Int!, $o: String!) { approveScenario(id: $id, version: $v, organisation: $o) { status approval { complete pending { code } approvals { organisation { code } } } } }`;
const REJECT = `mutation ($id: ID!, $v: Int!, $o: String!, $r: String!) { rejectScenario(id: $id, version: $v, organisation: $o, reason: $r) { status version decisions { decision reason organisation { code } } } }`;

describe.each(engines())("planning API on %s", (engine) => {
  let db: TestDatabase;
  let e: PlanningEstate;
  let as: (who: ReturnType<typeof actor>) => Gql;
  let planner: Gql;

  beforeAll(async () => {
    db = await openTestDatabase(engine);
  }, 120_000);
  afterAll(() => db?.close(), 60_000);
  beforeEach(async () => {
    await db.truncate();
    e = await buildPlanningEstate(db.prisma);
    as = (who) => graphqlClient(db.prisma, who);
    planner = as(actor("planner", [[e.orgs.SCC, "PLANNER"], [e.orgs.DCC, "PLANNER"]]));
  });

  async function scenario(orgs = ["SCC", "DCC"], input: Record<string, unknown> = {}) {
    return ok(await planner(CREATE, { input: { name: "Converge", startDate: "2027-01-01", horizonYears: 3, organisations: orgs, ...input } })).createScenario;
  }
  const add = async (s: { id: string }, input: Record<string, unknown>, who = planner) => ok(await who(ADD, { s: s.id, input })).addMove;

  describe("scenarios", () => {
    it("creates a draft with each organisation's default savings target, audited", async () => {
      const s = await scenario();
      expect(s).toMatchObject({ status: "DRAFT", version: 1, revision: 1 });
      expect(s.targets).toHaveLength(2);
      expect(s.targets).toEqual(
        expect.arrayContaining([
          { organisation: { code: "SCC" }, target: "50000.00" },
          { organisation: { code: "DCC" }, target: "20000.00" },
        ]),
      );
      expect(await auditCount(db.prisma, s.id.split(":")[1])).toBe(1);
    });

    it.each([
      [{ horizonYears: 0 }, "input.horizonYears"],
      [{ horizonYears: 16 }, "input.horizonYears"],
      [{ waveLengthMonths: 0 }, "input.waveLengthMonths"],
      [{ maxMovesPerWave: 0 }, "input.maxMovesPerWave"],
      [{ discountRatePercent: 3.555 }, "input.discountRatePercent"],
      [{ discountRatePercent: -1 }, "input.discountRatePercent"],
      [{ name: "  " }, "input.name"],
      [{ organisations: [] }, "input.organisations"],
    ])("refuses %j, naming the field, and writes nothing", async (over, field) => {
      await expectRefused(
        db,
        () => planner(CREATE, { input: { name: "X", startDate: "2027-01-01", organisations: ["SCC"], ...over } }),
        "BAD_INPUT",
        field,
      );
    });

    it("refuses an unknown organisation with NOT_FOUND", async () => {
      await expectRefused(db, () => planner(CREATE, { input: { name: "X", startDate: "2027-01-01", organisations: ["XYZ"] } }), "NOT_FOUND", "input.organisations");
    });

    it("lets each council's planners set only their own council's savings target, in both directions", async () => {
      const s = await scenario();
      const UPDATE = `mutation ($id: ID!, $v: Int!, $patch: UpdateScenarioPatch!) { updateScenario(id: $id, version: $v, patch: $patch) { version targets { organisation { code } target } } }`;
      const sccPlanner = as(actor("scc-planner", [[e.orgs.SCC, "PLANNER"]]));
      const dccPlanner = as(actor("dcc-planner", [[e.orgs.DCC, "PLANNER"]]));
      for (const [who, other] of [[sccPlanner, "DCC"], [dccPlanner, "SCC"]] as const) {
        const r = await expectRefused(db, () => who(UPDATE, { id: s.id, v: s.version, patch: { targets: [{ organisation: other, target: "1.00" }] } }), "FORBIDDEN");
        expect(r.errors![0]!.message).toContain(`may not set ${other}'s savings target`);
      }
      // Each sets its own; sending the other's unchanged target back (as a form does) is no change.
      const one = ok(await sccPlanner(UPDATE, { id: s.id, v: s.version, patch: { targets: [{ organisation: "SCC", target: "61000.00" }, { organisation: "DCC", target: "20000.00" }] } })).updateScenario;
      const two = ok(await dccPlanner(UPDATE, { id: s.id, v: one.version, patch: { targets: [{ organisation: "DCC", target: "25000.00" }] } })).updateScenario;
      expect(two.targets).toEqual(
        expect.arrayContaining([
          { organisation: { code: "SCC" }, target: "61000.00" },
          { organisation: { code: "DCC" }, target: "25000.00" },
        ]),
      );
      // Nor at creation: an SCC planner cannot start a joint scenario with DCC's target set for it.
      await expectRefused(
        db,
        () => sccPlanner(CREATE, { input: { name: "X", startDate: "2027-01-01", organisations: ["SCC", "DCC"], targets: [{ organisation: "DCC", target: "5.00" }] } }),
        "FORBIDDEN",
      );
    });

    it("lets only planners of a taking-part organisation create one", async () => {
      const viewer = as(actor("viewer", [[e.orgs.SCC, "VIEWER"]]));
      await expectRefused(db, () => viewer(CREATE, { input: { name: "X", startDate: "2027-01-01", organisations: ["SCC"] } }), "FORBIDDEN");
      const wbcPlanner = as(actor("wbc", [[e.orgs.WBC, "PLANNER"]]));
      await expectRefused(db, () => wbcPlanner(CREATE, { input: { name: "X", startDate: "2027-01-01", organisations: ["SCC"] } }), "FORBIDDEN");
    });
  });

  describe("moves", () => {
    it("adds a move, bumps the scenario's version, audits it and adds the organisations it touches", async () => {
      const s = await scenario(["SCC"]);
      const m = await add(s, { kind: "MIGRATE", asset: gid("Asset", e.dccServer.id), targetSite: gid("Site", e.sccDc.id), oneOffCost: "1500.00" });
      expect(m).toMatchObject({ kind: "MIGRATE", version: 1, scenario: { version: 2 } });
      expect(await auditCount(db.prisma, m.id.split(":")[1])).toBe(1);
      const read = ok(await planner(`query ($id: ID!) { scenario(id: $id) { targets { organisation { code } } } }`, { id: s.id }));
      expect(read.scenario.targets.map((t: any) => t.organisation.code).sort()).toEqual(["DCC", "SCC"]);
    });

    it.each([
      ["a move on a retired asset", { kind: "RETIRE", asset: "retired" }, "BAD_INPUT", "input.asset"],
      ["a migration onto a server", { kind: "MIGRATE", asset: "dccServer", targetAsset: "dccDb" }, "BAD_INPUT", "input.targetAsset"],
      ["a migration with two targets", { kind: "MIGRATE", asset: "dccServer", targetAsset: "dccDb", targetSite: "sccDc" }, "BAD_INPUT", "input.targetSite"],
      ["a migration to where it is", { kind: "MIGRATE", asset: "dccServer", targetSite: "dccDc" }, "BAD_INPUT", "input.targetSite"],
      ["a consolidation into another kind", { kind: "CONSOLIDATE", asset: "dccServer", targetAsset: "dccDb" }, "BAD_INPUT", "input.targetAsset"],
      ["a replacement by an application doing another job", { kind: "REPLACE", asset: "dccCrm", targetAsset: "sccFinance" }, "BAD_INPUT", "input.targetAsset"],
      ["a negative one-off cost", { kind: "RETIRE", asset: "dccServer", oneOffCost: "-5.00" }, "BAD_INPUT", "input.oneOffCost"],
      ["a field its kind does not use", { kind: "RETIRE", asset: "dccServer", targetSite: "sccDc" }, "BAD_INPUT", "input.targetSite"],
      ["a pinned wave of 0", { kind: "RETIRE", asset: "dccServer", pinnedWave: 0 }, "BAD_INPUT", "input.pinnedWave"],
      ["an override without a reason", { kind: "RETIRE", asset: "dccServer", savingOverride: "100" }, "BAD_INPUT", "input.savingOverrideReason"],
      // Fuzz regression P4: the reason was dropped and the move stored without it.
      ["a reason without an override", { kind: "RETIRE", asset: "dccServer", savingOverrideReason: "leased" }, "BAD_INPUT", "input.savingOverrideReason"],
      ["an unknown asset", { kind: "RETIRE", asset: "unknown" }, "NOT_FOUND", "input.asset"],
    ])("refuses %s, naming the field, and writes nothing", async (_what, input, code, field) => {
      const s = await scenario();
      const ref = (v: string, type: string) =>
        v === "unknown" ? unknownId(type) : gid(type, ((e as unknown as Record<string, { id: string }>)[v])!.id);
      const resolved: Record<string, unknown> = { ...input };
      for (const k of ["asset", "targetAsset"] as const) if (typeof resolved[k] === "string") resolved[k] = ref(resolved[k] as string, "Asset");
      for (const k of ["site", "targetSite"] as const) if (typeof resolved[k] === "string") resolved[k] = ref(resolved[k] as string, "Site");
      await expectRefused(db, () => planner(ADD, { s: s.id, input: resolved }), code as "BAD_INPUT", field);
    });

    it("refuses a second move on the same asset with CONFLICT", async () => {
      const s = await scenario();
      await add(s, { kind: "RETIRE", asset: gid("Asset", e.dccServer.id) });
      await expectRefused(db, () => planner(ADD, { s: s.id, input: { kind: "MIGRATE", asset: gid("Asset", e.dccServer.id), targetSite: gid("Site", e.sccDc.id) } }), "CONFLICT", "input.asset");
    });

    it("adds many moves at once, or none when one is wrong", async () => {
      const s = await scenario();
      await expectRefused(
        db,
        () =>
          planner(`mutation ($s: ID!, $input: [MoveInput!]!) { addMoves(scenarioId: $s, input: $input) { id } }`, {
            s: s.id,
            input: [
              { kind: "RETIRE", asset: gid("Asset", e.dccServer.id) },
              { kind: "RETIRE", asset: gid("Asset", e.retired.id) },
            ],
          }),
        "BAD_INPUT",
        "input[1].asset",
      );
    });

    it("offers applications of the same job as replacements, and accepts one", async () => {
      const found = ok(await planner(`query ($a: ID!) { replacementCandidates(assetId: $a) { name } }`, { a: gid("Asset", e.dccCrm.id) }));
      expect(found.replacementCandidates).toEqual([{ name: "SCC CRM" }]);
      const s = await scenario();
      await add(s, { kind: "REPLACE", asset: gid("Asset", e.dccCrm.id), targetAsset: gid("Asset", e.sccCrm.id) });
    });

    it("lets a suite replace a point product of one of its jobs, never a point product replace the suite", async () => {
      // A suite doing CRM and finance, at Westbrook.
      const [crm, fin] = await Promise.all(["CRM", "FINANCE"].map((code) => db.prisma.capability.findUniqueOrThrow({ where: { code } })));
      const vendor = await db.prisma.vendor.findFirstOrThrow();
      const suite = await db.prisma.product.create({ data: { id: crypto.randomUUID(), vendorId: vendor.id, name: "Everything 365", capabilityId: crm!.id } });
      await db.prisma.productJob.createMany({ data: [crm!, fin!].map((c) => ({ productId: suite.id, capabilityId: c.id })) });
      const wbcSuite = await db.prisma.asset.create({
        data: { id: crypto.randomUUID(), organisationId: e.orgs.WBC.id, name: "WBC suite", kind: "APPLICATION", productId: suite.id },
      });
      const candidates = async (a: { id: string }) =>
        ok(await planner(`query ($a: ID!) { replacementCandidates(assetId: $a) { name } }`, { a: gid("Asset", a.id) })).replacementCandidates;
      expect(await candidates(e.sccFinance)).toEqual([{ name: "WBC suite" }]);
      expect(await candidates(e.dccCrm)).toEqual([{ name: "SCC CRM" }, { name: "WBC suite" }]);
      expect(await candidates(wbcSuite)).toEqual([]);
      const s = await scenario(["SCC", "DCC", "WBC"]);
      await add(s, { kind: "REPLACE", asset: gid("Asset", e.sccFinance.id), targetAsset: gid("Asset", wbcSuite.id) });
      const r = await expectRefused(
        db,
        () => planner(ADD, { s: s.id, input: { kind: "REPLACE", asset: gid("Asset", wbcSuite.id), targetAsset: gid("Asset", e.sccCrm.id) } }),
        "BAD_INPUT",
        "input.targetAsset",
      );
      expect(r.errors![0]!.message).toContain("does not do every job of WBC suite");
    });

    it("changes and removes a move with its version, refusing a stale one", async () => {
      const s = await scenario();
      const m = await add(s, { kind: "RETIRE", asset: gid("Asset", e.dccServer.id) });
      const U = `mutation ($id: ID!, $v: Int!, $p: MovePatch!) { updateMove(id: $id, version: $v, patch: $p) { version effortDays pinnedWave } }`;
      expect(ok(await planner(U, { id: m.id, v: 1, p: { effortDays: 5, pinnedWave: 2 } })).updateMove).toEqual({ version: 2, effortDays: 5, pinnedWave: 2 });
      await expectRefused(db, () => planner(U, { id: m.id, v: 1, p: { effortDays: 6 } }), "CONFLICT", "version");
      const R = `mutation ($id: ID!, $v: Int!) { removeMove(id: $id, version: $v) }`;
      expect(ok(await planner(R, { id: m.id, v: 2 })).removeMove).toBe(m.id);
    });
  });

  describe("the computed plan", () => {
    it("plans waves, validates and costs the scenario, each council against its target", async () => {
      const s = await scenario();
      await add(s, { kind: "MIGRATE", asset: gid("Asset", e.dccServer.id), targetSite: gid("Site", e.sccDc.id), oneOffCost: "3000" });
      await add(s, { kind: "MIGRATE", asset: gid("Asset", e.dccDb.id), targetSite: gid("Site", e.sccDc.id) });
      await add(s, { kind: "CLOSE_SITE", site: gid("Site", e.dccDc.id) });
      const q = ok(
        await planner(
          `query ($id: ID!) { scenario(id: $id) {
            plan { waveCount lowerBound { waves chain } waves { number startDate effectDate moves { move { kind } why { code } } } }
            validation { valid violations { rule message } }
            financials { valuesVisible organisations { organisation { code } target finalRunRate totalOneOff years { year saving oneOff net runRate againstTarget } } }
            energy { organisations { organisation { code } points { wave kw } } }
            risk { moves { move { kind } score level } }
          } }`,
          { id: s.id },
        ),
      ).scenario;
      // The kit moves in wave 1; the site closes a wave later.
      expect(q.plan.waveCount).toBe(2);
      expect(q.plan.lowerBound).toEqual({ waves: 2, chain: 2 });
      expect(q.plan.waves.map((w: any) => [w.number, w.startDate, w.effectDate, w.moves.map((m: any) => m.move.kind).sort()])).toEqual([
        [1, "2027-01-01", "2027-04-01", ["MIGRATE", "MIGRATE"]],
        [2, "2027-04-01", "2027-07-01", ["CLOSE_SITE"]],
      ]);
      expect(q.validation).toEqual({ valid: true, violations: [] });
      const dcc = q.financials.organisations.find((o: any) => o.organisation.code === "DCC");
      // DCC stops paying £60,000 a year for its site from July 2027 (month 6): £30,000 in year 1.
      expect(dcc.years[0]).toMatchObject({ saving: "30000.00", runRate: "60000.00", againstTarget: "40000.00" });
      expect(dcc).toMatchObject({ target: "20000.00", finalRunRate: "60000.00" });
      // The one-off cost is shared in proportion to baseline run costs (the default rule).
      const oneOffs = q.financials.organisations.map((o: any) => BigInt(o.totalOneOff.replace(".", "")));
      expect(oneOffs.reduce((a: bigint, b: bigint) => a + b, 0n)).toBe(3000_00n);
      // Energy counts to the kit's owner: DCC's 3 kW of servers still count to DCC at SCC's data centre.
      expect(q.energy.organisations.find((o: any) => o.organisation.code === "DCC").points.map((p: any) => [p.wave, p.kw])).toEqual([[0, 8], [1, 8], [2, 3]]);
      expect(q.energy.organisations.find((o: any) => o.organisation.code === "SCC").points.map((p: any) => [p.wave, p.kw])).toEqual([[0, 20], [1, 20], [2, 20]]);
      expect(q.risk.moves[0].move.kind).toBe("CLOSE_SITE");
    });

    it("shows a viewer the plan but not the figures built from licence costs", async () => {
      const s = await scenario();
      await add(s, { kind: "RETIRE", asset: gid("Asset", e.dccCrm.id), acceptExitCost: true });
      const viewer = as(actor("viewer", [[e.orgs.SCC, "VIEWER"], [e.orgs.DCC, "VIEWER"]]));
      const q = ok(await viewer(`query ($id: ID!) { scenarioFinancials(scenarioId: $id) { valuesVisible hiddenFor hidden { organisation { code } moves { kind } } organisations { organisation { code } partial hiddenBecause baseline { assets licences } npv meetsTarget years { baseline plan saving } } changes { source annual } oneOffCosts { source amount } } }`, { id: s.id })).scenarioFinancials;
      expect(q.valuesVisible).toBe(false);
      // DCC's figures use its licence costs; SCC's baseline includes its licence spend.
      expect(q.hiddenFor).toEqual(["DCC", "SCC"]);
      expect(q.hidden).toEqual([{ organisation: { code: "DCC" }, moves: [{ kind: "RETIRE" }] }]);
      const dcc = q.organisations.find((o: any) => o.organisation.code === "DCC");
      // Only what uses DCC's prices is left out: the CRM's £2,000 run cost stops from April 2027 (9 months
      // of year 1 = £1,500) and is shown; the licences that end and the exit cost are not, so the sums are
      // partial and the plan (which would include them) is null.
      expect(dcc).toMatchObject({ partial: true, baseline: { assets: "12000.00", licences: null }, meetsTarget: null });
      expect(dcc.hiddenBecause).toContain("use prices of DCC");
      expect(dcc.years[0]).toEqual({ baseline: null, plan: null, saving: "1500.00" });
      expect(dcc.npv).not.toBeNull();
      expect(q.changes).toEqual([
        { source: "ASSET_RUN_COST", annual: "2000.00" },
        { source: "LICENCES", annual: null },
      ]);
      expect(q.oneOffCosts).toEqual([{ source: "EXIT", amount: null }]);
      // The planner, who may read both councils' commercial values, sees them.
      const mine = ok(await planner(`query ($id: ID!) { scenarioFinancials(scenarioId: $id) { valuesVisible oneOffCosts { amount } } }`, { id: s.id })).scenarioFinancials;
      // Effect 2027-04-01; the contract runs to 2027-06-30: 91 days × £7,300 ÷ 365 = £1,820.00.
      expect(mine).toEqual({ valuesVisible: true, oneOffCosts: [{ amount: "1820.00" }] });
    });
  });

  describe("figures that use another council's confidential prices", () => {
    it("hides from an SCC planner only the renegotiation priced with DCC's licence, not the rest of SCC's figures", async () => {
      const sccOld = await db.prisma.asset.create({
        data: { id: crypto.randomUUID(), organisationId: e.orgs.SCC.id, name: "SCC old server", kind: "SERVER", siteId: e.sccDc.id, annualRunCostPence: 5_000_00n },
      });
      const [dccLicence, sccLicence] = await Promise.all(
        [e.orgs.DCC, e.orgs.SCC].map((o) => db.prisma.licence.findFirstOrThrow({ where: { organisationId: o.id } })),
      );
      const s = await scenario();
      await add(s, { kind: "RETIRE", asset: gid("Asset", sccOld.id) });
      const reneg = await add(s, { kind: "RENEGOTIATE", licences: [gid("Licence", sccLicence!.id)], targetLicence: gid("Licence", dccLicence!.id), acceptExitCost: true });
      const Q = `query ($id: ID!) { scenarioFinancials(scenarioId: $id) {
        valuesVisible hiddenFor hidden { organisation { code } moves { id } reason }
        organisations { organisation { code } partial hiddenMoves { id } hiddenBecause finalRunRate totalSaving npv meetsTarget years { baseline plan saving runRate } }
        totals { partial finalRunRate years { saving plan } }
        changes { move { id } organisation { code } source annual } } }`;
      const sccOnly = as(actor("scc-planner", [[e.orgs.SCC, "PLANNER"]]));
      const mine = ok(await sccOnly(Q, { id: s.id })).scenarioFinancials;
      const full = ok(await planner(Q, { id: s.id })).scenarioFinancials;
      const org = (f: any, code: string) => f.organisations.find((o: any) => o.organisation.code === code);
      // Full view (planner in both): SCC saves the old server's £5,000 and, renegotiated at DCC's £73 a
      // seat, pays 400 × £73 = £29,200 instead of £30,000: £800 more.
      expect(full.valuesVisible).toBe(true);
      expect(org(full, "SCC")).toMatchObject({ partial: false, hiddenMoves: [], hiddenBecause: null, finalRunRate: "5800.00" });
      // SCC's planner: only the renegotiation is hidden, and named, with DCC as whose prices.
      expect(mine.valuesVisible).toBe(false);
      expect(mine.hiddenFor).toEqual(["DCC"]);
      expect(mine.hidden).toEqual([{ organisation: { code: "DCC" }, moves: [{ id: reneg.id }], reason: expect.stringContaining("DCC's licence or contract prices") }]);
      const scc = org(mine, "SCC");
      expect(scc).toMatchObject({ partial: true, hiddenMoves: [{ id: reneg.id }], finalRunRate: "5000.00", meetsTarget: null });
      expect(scc.hiddenBecause).toContain("use prices of DCC");
      // SCC's own baseline is still shown; the plan (which would include the hidden £800) is not.
      expect(scc.years[0].baseline).not.toBeNull();
      expect(scc.years[0].plan).toBeNull();
      // No figure shown includes the hidden part, so no difference gives it away.
      const sccChanges = mine.changes.filter((c: any) => c.organisation.code === "SCC");
      expect(sccChanges).toEqual(
        expect.arrayContaining([
          { move: { id: reneg.id }, organisation: { code: "SCC" }, source: "RENEGOTIATION", annual: null },
          expect.objectContaining({ source: "ASSET_RUN_COST", annual: "5000.00" }),
        ]),
      );
      const shownFinal = BigInt(scc.finalRunRate.replace(".", ""));
      const visibleSum = sccChanges.filter((c: any) => c.annual !== null).reduce((t: bigint, c: any) => t + BigInt(c.annual.replace(".", "")), 0n);
      expect(shownFinal).toBe(visibleSum);
      expect(mine.totals.partial).toBe(true);
      expect(mine.totals.years[0].plan).toBeNull();
      // DCC's planner sees DCC's figures in full; SCC's renegotiation change is priced with DCC's own price, but
      // SCC's licence spend is SCC's: it is hidden from DCC the same way.
      const dccOnly = as(actor("dcc-planner", [[e.orgs.DCC, "PLANNER"]]));
      const theirs = ok(await dccOnly(Q, { id: s.id })).scenarioFinancials;
      expect(theirs.hiddenFor).toEqual(["SCC"]);
      expect(org(theirs, "SCC").partial).toBe(true);
    });
  });

  describe("replacement seats", () => {
    const Q = `query ($id: ID!) { scenarioFinancials(scenarioId: $id) { changes { organisation { code } source annual note } } }`;

    it("charges the new seats to the organisation whose users move, at the replacing organisation's unit price", async () => {
      const s = await scenario();
      await add(s, { kind: "REPLACE", asset: gid("Asset", e.dccCrm.id), targetAsset: gid("Asset", e.sccCrm.id), acceptExitCost: true });
      const changes = ok(await planner(Q, { id: s.id })).scenarioFinancials.changes.map((c: any) => [c.organisation.code, c.source, c.annual]);
      // DCC's CRM stops (£2,000) and its Dynamics licences end (£7,300); its 80 users take Salesforce seats at
      // SCC's £60: 80 × £60 = £4,800 a year, paid by DCC. SCC, which gains the users, pays nothing more.
      expect(changes).toEqual([
        ["DCC", "ASSET_RUN_COST", "2000.00"],
        ["DCC", "LICENCES", "7300.00"],
        ["DCC", "REPLACEMENT_SEATS", "-4800.00"],
      ]);
    });

    it("adds no per-seat cost when the replacing organisation licenses the product flat (ENTERPRISE)", async () => {
      // Both councils' CRM licences are enterprise-wide; DCC's records its 80 users.
      await db.prisma.licence.updateMany({
        where: { organisationId: e.orgs.SCC.id },
        data: { metric: "ENTERPRISE", quantityOwned: 1, quantityUsed: 1, unitCostPence: 30_000_00n, annualCostPence: 30_000_00n },
      });
      await db.prisma.licence.updateMany({ where: { organisationId: e.orgs.DCC.id }, data: { metric: "ENTERPRISE" } });
      const s = await scenario();
      await add(s, { kind: "REPLACE", asset: gid("Asset", e.dccCrm.id), targetAsset: gid("Asset", e.sccCrm.id), acceptExitCost: true });
      const changes = ok(await planner(Q, { id: s.id })).scenarioFinancials.changes.map((c: any) => [c.organisation.code, c.source, c.annual]);
      // Before the fix: 80 seats × £30,000 (the whole licence as a "unit") = £2,400,000 a year.
      expect(changes).toEqual([
        ["DCC", "ASSET_RUN_COST", "2000.00"],
        ["DCC", "LICENCES", "7300.00"],
      ]);
    });

    it("adds no whole extra subscription when the replacing organisation's SUBSCRIPTION is one organisation-wide term", async () => {
      // SCC holds Salesforce as one subscription (£30,000 a year); DCC's Dynamics is either one subscription
      // too, or a per-seat subscription of 100 with 80 used.
      await db.prisma.licence.updateMany({
        where: { organisationId: e.orgs.SCC.id },
        data: { metric: "SUBSCRIPTION", quantityOwned: 1, quantityUsed: 1, unitCostPence: 30_000_00n, annualCostPence: 30_000_00n },
      });
      for (const dcc of [
        { quantityOwned: 1, quantityUsed: 1, unitCostPence: 7_300_00n },
        { quantityOwned: 100, quantityUsed: 80, unitCostPence: 73_00n },
      ]) {
        await db.prisma.licence.updateMany({ where: { organisationId: e.orgs.DCC.id }, data: { metric: "SUBSCRIPTION", annualCostPence: 7_300_00n, ...dcc } });
        const s = await scenario();
        await add(s, { kind: "REPLACE", asset: gid("Asset", e.dccCrm.id), targetAsset: gid("Asset", e.sccCrm.id), acceptExitCost: true });
        const changes = ok(await planner(Q, { id: s.id })).scenarioFinancials.changes.map((c: any) => [c.organisation.code, c.source, c.annual]);
        // Before the fix: 1 "seat" × £30,000 — a whole extra subscription — or 80 × £30,000 = £2,400,000.
        expect(changes, `DCC owns ${dcc.quantityOwned}`).toEqual([
          ["DCC", "ASSET_RUN_COST", "2000.00"],
          ["DCC", "LICENCES", "7300.00"],
        ]);
      }
    });

    it("charges a per-seat SUBSCRIPTION per seat, to the penny", async () => {
      // SCC's Salesforce: a subscription of 500 seats at £61.37; DCC's Dynamics: 100 seats at £73, 80 used.
      await db.prisma.licence.updateMany({
        where: { organisationId: e.orgs.SCC.id },
        data: { metric: "SUBSCRIPTION", quantityOwned: 500, quantityUsed: 400, unitCostPence: 61_37n, annualCostPence: 30_685_00n },
      });
      await db.prisma.licence.updateMany({ where: { organisationId: e.orgs.DCC.id }, data: { metric: "SUBSCRIPTION" } });
      const s = await scenario();
      await add(s, { kind: "REPLACE", asset: gid("Asset", e.dccCrm.id), targetAsset: gid("Asset", e.sccCrm.id), acceptExitCost: true });
      const f = ok(
        await planner(`query ($id: ID!) { scenarioFinancials(scenarioId: $id) { changes { organisation { code } source annual } organisations { organisation { code } finalRunRate years { saving } } } }`, { id: s.id }),
      ).scenarioFinancials;
      // 80 seats × £61.37 = £4,909.60 a year, paid by DCC.
      expect(f.changes.map((c: any) => [c.organisation.code, c.source, c.annual])).toEqual([
        ["DCC", "ASSET_RUN_COST", "2000.00"],
        ["DCC", "LICENCES", "7300.00"],
        ["DCC", "REPLACEMENT_SEATS", "-4909.60"],
      ]);
      // £2,000 + £7,300 − £4,909.60 = £4,390.40 a year from April 2027: 9 months of year 1 = £3,292.80.
      const dcc = f.organisations.find((o: any) => o.organisation.code === "DCC");
      expect(dcc.finalRunRate).toBe("4390.40");
      expect(dcc.years.map((y: any) => y.saving)).toEqual(["3292.80", "4390.40", "4390.40"]);
    });
  });

  describe("governance", () => {
    // Approvers are real accounts, each owned by the council it approves for.
    let sccApproverGql: Gql;
    let dccApproverGql: Gql;
    beforeEach(async () => {
      sccApproverGql = as(await ownedActor(db.prisma, "scc-approver", e.orgs.SCC, [[e.orgs.SCC, "APPROVER"]]));
      dccApproverGql = as(await ownedActor(db.prisma, "dcc-approver", e.orgs.DCC, [[e.orgs.DCC, "APPROVER"]]));
    });
    const sccApprover = () => sccApproverGql;
    const dccApprover = () => dccApproverGql;

    async function proposable() {
      const s = await scenario();
      await add(s, { kind: "MIGRATE", asset: gid("Asset", e.dccServer.id), targetSite: gid("Site", e.sccDc.id) });
      const v = ok(await planner(`query ($id: ID!) { scenario(id: $id) { version } }`, { id: s.id })).scenario.version;
      return ok(await planner(PROPOSE, { id: s.id, v })).proposeScenario;
    }

    // A race needs concurrent transactions: PGlite runs one statement at a time, so only PostgreSQL shows
    // whether the proposal's version check and the edit's conditional write hold together.
    it.skipIf(engine !== "postgres")(
      "never lets a proposal and a concurrent edit that breaks the plan both succeed, 20 times over",
      async () => {
        for (let round = 0; round < 20; round++) {
          const s = await scenario();
          await add(s, { kind: "MIGRATE", asset: gid("Asset", e.dccServer.id), targetSite: gid("Site", e.sccDc.id) });
          // Closing DCC's data centre with its database still on it is an ERROR violation.
          const [proposal, edit] = await Promise.all([
            planner(PROPOSE, { id: s.id, v: 2 }),
            planner(ADD, { s: s.id, input: { kind: "CLOSE_SITE", site: gid("Site", e.dccDc.id) } }),
          ]);
          const won = [proposal, edit].filter((r) => !r.errors);
          expect(won.length, `round ${round}: one of the proposal and the edit wins`).toBe(1);
          const lost = (proposal.errors ?? edit.errors)![0]!.extensions;
          expect(["CONFLICT"]).toContain(lost?.code);
          const after = ok(
            await planner(`query ($id: ID!) { scenario(id: $id) { status moves { totalCount } validation { valid } } }`, { id: s.id }),
          ).scenario;
          if (!proposal.errors) expect(after).toMatchObject({ status: "PROPOSED", moves: { totalCount: 1 }, validation: { valid: true } });
          else expect(after).toMatchObject({ status: "DRAFT", moves: { totalCount: 2 }, validation: { valid: false } });
        }
      },
      120_000,
    );

    it("refuses to propose a scenario with violations, naming the first", async () => {
      const s = await scenario();
      await add(s, { kind: "CLOSE_SITE", site: gid("Site", e.dccDc.id) });
      const r = await expectRefused(db, () => planner(PROPOSE, { id: s.id, v: 2 }), "BAD_INPUT", "id");
      expect(r.errors![0]!.message).toContain("SITE_CLOSED_WITH_TENANTS");
    });

    it("takes a scenario through approval by both councils, each for itself", async () => {
      const p = await proposable();
      expect(p).toMatchObject({ status: "PROPOSED" });
      // Frozen: no edits while proposed.
      await expectRefused(db, () => planner(ADD, { s: p.id, input: { kind: "RETIRE", asset: gid("Asset", e.dccDb.id) } }), "CONFLICT", "status");
      // A shared-service admin may do everything else, but not decide for a council.
      const sharedAdmin = as(actor("admin", [], true));
      await expectRefused(db, () => sharedAdmin(APPROVE, { id: p.id, v: p.version, o: "SCC" }), "FORBIDDEN");
      // An SCC approver cannot approve for DCC.
      await expectRefused(db, () => sccApprover()(APPROVE, { id: p.id, v: p.version, o: "DCC" }), "FORBIDDEN");
      const first = ok(await sccApprover()(APPROVE, { id: p.id, v: p.version, o: "SCC" })).approveScenario;
      expect(first).toMatchObject({ status: "PROPOSED", approval: { complete: false, pending: [{ code: "DCC" }] } });
      await expectRefused(db, () => sccApprover()(APPROVE, { id: p.id, v: p.version, o: "SCC" }), "CONFLICT", "organisation");
      const second = ok(await dccApprover()(APPROVE, { id: p.id, v: p.version, o: "DCC" })).approveScenario;
      expect(second).toMatchObject({ status: "APPROVED", approval: { complete: true, pending: [] } });
      // Changing an approved plan means a new draft revision; the approved one stays readable.
      await expectRefused(db, () => planner(ADD, { s: p.id, input: { kind: "RETIRE", asset: gid("Asset", e.dccDb.id) } }), "CONFLICT", "status");
      const r2 = ok(await planner(`mutation ($id: ID!, $v: Int!) { reviseScenario(id: $id, version: $v) { id status revision previousRevision { id status } moves { totalCount } } }`, { id: p.id, v: p.version })).reviseScenario;
      expect(r2).toMatchObject({ status: "DRAFT", revision: 2, previousRevision: { id: p.id, status: "APPROVED" }, moves: { totalCount: 1 } });
      // Once revision 2 is approved, revision 1 is superseded.
      const v2 = ok(await planner(PROPOSE, { id: r2.id, v: 1 })).proposeScenario;
      ok(await sccApprover()(APPROVE, { id: r2.id, v: v2.version, o: "SCC" }));
      ok(await dccApprover()(APPROVE, { id: r2.id, v: v2.version, o: "DCC" }));
      const old = ok(await planner(`query ($id: ID!) { scenario(id: $id) { status revisions { revision status } } }`, { id: p.id })).scenario;
      expect(old).toEqual({ status: "SUPERSEDED", revisions: [{ revision: 1, status: "SUPERSEDED" }, { revision: 2, status: "APPROVED" }] });
    });

    it("refuses a shared-service admin who granted itself APPROVER in both councils: each council decides through its own accounts", async () => {
      const shs = await db.prisma.organisation.create({
        data: { id: crypto.randomUUID(), code: "SHS", name: "Shared ICT Service", kind: "SHARED_SERVICE", annualIctBudgetPence: 0n, staffFte: "1" },
      });
      const admin = await ownedActor(db.prisma, "shs-admin", shs, [[shs, "ADMIN"]]);
      await db.prisma.roleAssignment.create({ data: { id: crypto.randomUUID(), userId: admin.id, organisationId: shs.id, role: "ADMIN" } });
      const asAdmin = async () => as((await actorForUser(db.prisma, admin.id, "session", "test"))!);
      // The admin may grant roles anywhere, itself included.
      for (const code of ["SCC", "DCC"])
        ok(await (await asAdmin())(`mutation ($u: ID!, $o: String!) { grantRole(user: $u, organisation: $o, role: APPROVER) { id } }`, { u: gid("User", admin.id), o: code }));
      const p = await proposable();
      const granted = await asAdmin();
      for (const code of ["SCC", "DCC"]) {
        const r = await expectRefused(db, () => granted(APPROVE, { id: p.id, v: p.version, o: code }), "FORBIDDEN");
        expect(r.errors![0]!.message).toContain(`needs an account owned by ${code}`);
        expect(r.errors![0]!.message).toContain("belongs to SHS");
      }
      // The same holds for a council's own admin granting itself APPROVER in the other council.
      const sccAdmin = await ownedActor(db.prisma, "scc-admin", e.orgs.SCC, [[e.orgs.SCC, "ADMIN"], [e.orgs.DCC, "APPROVER"]]);
      await expectRefused(db, () => as(sccAdmin)(APPROVE, { id: p.id, v: p.version, o: "DCC" }), "FORBIDDEN");
      const state = ok(await planner(`query ($id: ID!) { scenario(id: $id) { status decisions { decision } } }`, { id: p.id })).scenario;
      expect(state).toEqual({ status: "PROPOSED", decisions: [] });
    });

    it("approves a three-organisation scenario with one approver owned by each", async () => {
      const s = await scenario(["SCC", "DCC", "WBC"]);
      await add(s, { kind: "MIGRATE", asset: gid("Asset", e.wbcServer.id), targetSite: gid("Site", e.sccDc.id) });
      const p = ok(await planner(PROPOSE, { id: s.id, v: 2 })).proposeScenario;
      const wbc = as(await ownedActor(db.prisma, "wbc-approver", e.orgs.WBC, [[e.orgs.WBC, "APPROVER"]]));
      expect(ok(await sccApprover()(APPROVE, { id: p.id, v: p.version, o: "SCC" })).approveScenario.status).toBe("PROPOSED");
      expect(ok(await wbc(APPROVE, { id: p.id, v: p.version, o: "WBC" })).approveScenario.status).toBe("PROPOSED");
      expect(ok(await dccApprover()(APPROVE, { id: p.id, v: p.version, o: "DCC" })).approveScenario).toMatchObject({ status: "APPROVED", approval: { complete: true, pending: [] } });
    });

    it("keeps what was proposed and approved, and says when the live figures have drifted from it", async () => {
      const s = await scenario();
      await add(s, { kind: "RETIRE", asset: gid("Asset", e.dccServer.id) });
      const p = ok(await planner(PROPOSE, { id: s.id, v: 2 })).proposeScenario;
      const SNAP = `version valid errorCount waveCount moveCount drifted differences organisations { organisation { code } visible baseline planRunCost finalRunRate target againstTarget npv totalOneOff }`;
      const Q = `query ($id: ID!) { scenario(id: $id) { status driftedSinceApproval proposedSnapshot { takenAt ${SNAP} } approvedSnapshot { takenAt ${SNAP} } financials { organisations { organisation { code } finalRunRate } } } }`;
      const proposed = ok(await planner(Q, { id: s.id })).scenario;
      expect(proposed).toMatchObject({ status: "PROPOSED", driftedSinceApproval: null, approvedSnapshot: null });
      const dccThen = { organisation: { code: "DCC" }, visible: true, finalRunRate: "10000.00", target: "20000.00", againstTarget: "-10000.00" };
      expect(proposed.proposedSnapshot).toMatchObject({ version: p.version, valid: true, errorCount: 0, waveCount: 1, moveCount: 1, drifted: false, differences: [] });
      expect(proposed.proposedSnapshot.organisations).toEqual(expect.arrayContaining([expect.objectContaining(dccThen)]));
      ok(await sccApprover()(APPROVE, { id: p.id, v: p.version, o: "SCC" }));
      ok(await dccApprover()(APPROVE, { id: p.id, v: p.version, o: "DCC" }));
      const approved = ok(await planner(Q, { id: s.id })).scenario;
      expect(approved).toMatchObject({ status: "APPROVED", driftedSinceApproval: false, approvedSnapshot: { version: p.version, drifted: false } });
      expect(approved.approvedSnapshot.organisations).toEqual(expect.arrayContaining([expect.objectContaining(dccThen)]));
      // The estate changes after the approval: the server now costs £12,000 a year to run.
      await db.prisma.asset.update({ where: { id: e.dccServer.id }, data: { annualRunCostPence: 12_000_00n } });
      const later = ok(await planner(Q, { id: s.id })).scenario;
      expect(later.financials.organisations.find((o: any) => o.organisation.code === "DCC").finalRunRate).toBe("12000.00");
      expect(later.approvedSnapshot.takenAt).toBe(approved.approvedSnapshot.takenAt);
      expect(later.approvedSnapshot.organisations).toEqual(approved.approvedSnapshot.organisations);
      expect(later.driftedSinceApproval).toBe(true);
      expect(later.approvedSnapshot).toMatchObject({ drifted: true });
      expect(later.approvedSnapshot.differences).toEqual(expect.arrayContaining(["DCC baseline", "DCC finalRunRate", "DCC againstTarget", "DCC npv"]));
      expect(later.approvedSnapshot.differences).not.toContain("valid");
      // A viewer sees the snapshot's open figures; those built from licence prices follow the commercial rule:
      // DCC's baseline includes its licence spend (hidden), while retiring the server uses no price.
      const viewer = as(actor("viewer", [[e.orgs.SCC, "VIEWER"], [e.orgs.DCC, "VIEWER"]]));
      const seen = ok(await viewer(Q, { id: s.id })).scenario.approvedSnapshot.organisations;
      expect(seen.find((o: any) => o.organisation.code === "DCC")).toMatchObject({ visible: false, baseline: null, planRunCost: null, finalRunRate: "10000.00", target: "20000.00" });
      // It is told that the figures it sees drifted, but not whether the baseline (and plan run cost) did:
      // DCC's baseline includes its licence spend, which it may not read.
      const viewed = ok(await viewer(Q, { id: s.id })).scenario;
      expect(viewed.approvedSnapshot.differences).toEqual(["DCC finalRunRate", "DCC againstTarget", "DCC npv", "DCC totalSaving"]);
      expect(viewed.driftedSinceApproval).toBe(true);
      // The audit trail keeps the snapshots, blanked by the same rule: the viewer reads no money of DCC's.
      const AUDIT = `query ($e: ID!) { auditEvents(filter: { entityId: $e }, first: 50) { edges { node { action valuesVisible after } } } }`;
      const trail = (await viewer(AUDIT, { e: s.id })) as any;
      const events = ok(trail).auditEvents.edges.map((x: any) => x.node);
      const withSnapshots = events.filter((n: any) => n.after?.proposedSnapshot || n.after?.approvedSnapshot);
      expect(withSnapshots.map((n: any) => n.action)).toContain("PROPOSE");
      for (const n of withSnapshots) {
        expect(n.valuesVisible).toBe(false);
        for (const key of ["proposedSnapshot", "approvedSnapshot"])
          for (const o of n.after[key]?.organisations ?? [])
            if (o.organisationId === e.orgs.DCC.id)
              expect(o).toMatchObject({ baselinePence: null, npvPence: null, finalRunRatePence: null, paybackDate: null, targetPence: null });
      }
      // The planner, who may read every price used, sees them.
      const plannerTrail = ok(await planner(AUDIT, { e: s.id })).auditEvents.edges.map((x: any) => x.node);
      const dccProposed = plannerTrail.find((n: any) => n.action === "PROPOSE").after.proposedSnapshot.organisations.find((o: any) => o.organisationId === e.orgs.DCC.id);
      expect(dccProposed.finalRunRatePence).toBe("1000000");
      // Each governance step is its own audit action.
      const actions = await db.prisma.auditEvent.findMany({ where: { entityId: s.id.split(":")[1] }, orderBy: { seq: "asc" }, select: { action: true } });
      expect(actions.map((a) => a.action).filter((a) => a !== "UPDATE")).toEqual(["CREATE", "PROPOSE", "APPROVE", "APPROVE"]);
    });

    it("records a rejection as a REJECT audit event with its reason, and a withdrawal as WITHDRAW", async () => {
      const p = await proposable();
      ok(await planner(`mutation ($id: ID!, $v: Int!) { withdrawScenario(id: $id, version: $v) { id } }`, { id: p.id, v: p.version }));
      const again = ok(await planner(PROPOSE, { id: p.id, v: p.version + 1 })).proposeScenario;
      ok(await dccApprover()(REJECT, { id: p.id, v: again.version, o: "DCC", r: "Durham's server stays until 2028" }));
      const events = await db.prisma.auditEvent.findMany({ where: { entityId: p.id.split(":")[1] }, orderBy: { seq: "asc" } });
      expect(events.map((x) => x.action)).toEqual(["CREATE", "PROPOSE", "WITHDRAW", "PROPOSE", "REJECT"]);
      expect(events.at(-1)!.after).toMatchObject({ decision: "REJECTED", reason: "Durham's server stays until 2028", organisation: "DCC" });
    });

    it("refuses one person deciding for two organisations on the same version", async () => {
      const p = await proposable();
      ok(await sccApprover()(APPROVE, { id: p.id, v: p.version, o: "SCC" }));
      // Another account with the same e-mail cannot exist, so the check is on the record itself: a
      // decision by this person for DCC already stored is what a second approval would repeat.
      const dccRow = await db.prisma.organisation.findUniqueOrThrow({ where: { code: "DCC" } });
      const sccDecision = await db.prisma.scenarioDecision.findFirstOrThrow({ where: { scenarioId: p.id.split(":")[1] } });
      await db.prisma.scenarioDecision.update({ where: { id: sccDecision.id }, data: { organisationId: dccRow.id } });
      const r = await expectRefused(db, () => sccApprover()(APPROVE, { id: p.id, v: p.version, o: "SCC" }), "FORBIDDEN");
      expect(r.errors![0]!.message).toContain("one person may not decide for two organisations");
    });

    it("needs every one of three organisations; a rejection needs a reason and returns it for editing", async () => {
      const s = await scenario(["SCC", "DCC", "WBC"]);
      await add(s, { kind: "MIGRATE", asset: gid("Asset", e.wbcServer.id), targetSite: gid("Site", e.sccDc.id) });
      const p = ok(await planner(PROPOSE, { id: s.id, v: 2 })).proposeScenario;
      ok(await sccApprover()(APPROVE, { id: p.id, v: p.version, o: "SCC" }));
      ok(await dccApprover()(APPROVE, { id: p.id, v: p.version, o: "DCC" }));
      const wbc = as(await ownedActor(db.prisma, "wbc-approver", e.orgs.WBC, [[e.orgs.WBC, "APPROVER"]]));
      await expectRefused(db, () => wbc(REJECT, { id: p.id, v: p.version, o: "WBC", r: "  " }), "BAD_INPUT", "reason");
      const rejected = ok(await wbc(REJECT, { id: p.id, v: p.version, o: "WBC", r: "Westbrook's server must stay until the 2028 refresh" })).rejectScenario;
      expect(rejected.status).toBe("REJECTED");
      expect(rejected.decisions[0]).toEqual({ decision: "REJECTED", reason: "Westbrook's server must stay until the 2028 refresh", organisation: { code: "WBC" } });
      // Editing a rejected scenario makes it a draft again; approvals of the old version do not count.
      await add(s, { kind: "RETAIN", asset: gid("Asset", e.dccDb.id) });
      const after = ok(await planner(`query ($id: ID!) { scenario(id: $id) { status version approval { complete approvals { organisation { code } } } } }`, { id: s.id })).scenario;
      expect(after).toMatchObject({ status: "DRAFT", approval: { complete: false, approvals: [] } });
    });
  });

  describe("audit of moves written with their scenario (fuzz regressions)", () => {
    const events = (entityId: string) =>
      db.prisma.auditEvent.findMany({ where: { entityType: "Move", entityId }, select: { action: true, organisationId: true } });

    it("a copy records a CREATE for each move it copies, and a deletion a DELETE for each move it takes", async () => {
      const s = await scenario();
      await add(s, { kind: "MIGRATE", asset: gid("Asset", e.dccServer.id), targetSite: gid("Site", e.sccDc.id) });
      await add(s, { kind: "RETAIN", asset: gid("Asset", e.sccCrm.id) });
      const copy = ok(await planner(`mutation ($id: ID!) { copyScenario(id: $id, name: "What if") { id version moves { edges { node { id asset { name } } } } } }`, { id: s.id })).copyScenario;
      const owners = { "DCC server": e.orgs.DCC.id, "SCC CRM": e.orgs.SCC.id } as Record<string, string>;
      for (const { node } of copy.moves.edges)
        expect(await events(node.id.split(":")[1])).toEqual([{ action: "CREATE", organisationId: owners[node.asset.name] }]);
      ok(await planner(`mutation ($id: ID!, $v: Int!) { deleteScenario(id: $id, version: $v) }`, { id: copy.id, v: copy.version }));
      for (const { node } of copy.moves.edges)
        expect((await events(node.id.split(":")[1])).map((x) => x.action)).toEqual(["CREATE", "DELETE"]);
    });
  });

  describe("node(id:) (fuzz regression)", () => {
    it("finds a scenario and a move by their global IDs, as every Node", async () => {
      const s = await scenario();
      const m = await add(s, { kind: "RETAIN", asset: gid("Asset", e.sccCrm.id) });
      const NODE = `query ($id: ID!) { node(id: $id) { __typename id ... on Scenario { name moves { totalCount } } ... on Move { kind scenario { id } } } }`;
      expect(ok(await planner(NODE, { id: s.id })).node).toEqual({ __typename: "Scenario", id: s.id, name: "Converge", moves: { totalCount: 1 } });
      expect(ok(await planner(NODE, { id: m.id })).node).toEqual({ __typename: "Move", id: m.id, kind: "RETAIN", scenario: { id: s.id } });
    });
  });

  describe("scenario settings (fuzz regressions)", () => {
    const UPDATE = `mutation ($id: ID!, $v: Int!, $patch: UpdateScenarioPatch!) { updateScenario(id: $id, version: $v, patch: $patch) { id } }`;

    it.each(["carbonFactorGramsPerKwh", "carbonFactorYear", "horizonYears", "name"])(
      "refuses to clear %s, naming it under patch, rather than ignoring the null",
      async (field) => {
        const s = await scenario();
        await expectRefused(db, () => planner(UPDATE, { id: s.id, v: s.version, patch: { [field]: null } }), "BAD_INPUT", `patch.${field}`);
      },
    );

    it("names the field under input when a new scenario's setting is out of range", async () => {
      await expectRefused(db, () => planner(CREATE, { input: { name: "X", startDate: "2027-01-01", organisations: ["SCC"], carbonFactorYear: 1800 } }), "BAD_INPUT", "input.carbonFactorYear");
    });

    it("takes the documented default carbon factor when none (or null) is given", async () => {
      for (const input of [{}, { carbonFactorGramsPerKwh: null, carbonFactorYear: null }]) {
        const s = await scenario(["SCC"], input);
        const row = await db.prisma.scenario.findUniqueOrThrow({ where: { id: s.id.split(":")[1] } });
        expect([row.carbonFactorGPerKwh, row.carbonFactorYear]).toEqual([207.05, 2024]);
      }
    });
  });

  describe("what-if copies", () => {
    it("copies a scenario with its moves, and compares the two showing the moves that differ", async () => {
      const s = await scenario();
      await add(s, { kind: "MIGRATE", asset: gid("Asset", e.dccServer.id), targetSite: gid("Site", e.sccDc.id) });
      await add(s, { kind: "RETIRE", asset: gid("Asset", e.dccDb.id) });
      const copy = ok(await planner(`mutation ($id: ID!) { copyScenario(id: $id, name: "What if we keep the database") { id status copiedFrom { id } moves { totalCount edges { node { id kind version asset { name } } } } } }`, { id: s.id })).copyScenario;
      expect(copy).toMatchObject({ status: "DRAFT", copiedFrom: { id: s.id }, moves: { totalCount: 2 } });
      const retire = copy.moves.edges.find((x: any) => x.node.kind === "RETIRE").node;
      ok(await planner(`mutation ($id: ID!, $v: Int!) { removeMove(id: $id, version: $v) }`, { id: retire.id, v: retire.version }));
      const cmp = ok(await planner(`query ($ids: [ID!]!) { compareScenarios(ids: $ids) { scenarios { scenario { id } moveCount waveCount errorCount } differences { subject moves { kind } } sameCount } }`, { ids: [s.id, copy.id] })).compareScenarios;
      expect(cmp.scenarios.map((x: any) => x.moveCount)).toEqual([2, 1]);
      expect(cmp.differences).toEqual([{ subject: "DCC database", moves: [{ kind: "RETIRE" }, null] }]);
      expect(cmp.sameCount).toBe(1);
      expectError(await planner(`query ($ids: [ID!]!) { compareScenarios(ids: $ids) { sameCount } }`, { ids: [s.id] }), "BAD_INPUT", "ids");
    });
  });

  describe("query counts", () => {
    it("lists scenarios with their moves and plans in the same number of statements for 1 and for 5", async () => {
      const Q = `{ scenarios(first: 10) { edges { node { name targets { organisation { code } } moves(first: 5) { edges { node { kind asset { name } targetSite { name } } } } decisions { reason } approval { pending { code } } } } } }`;
      const count = async () => {
        db.resetQueryCount();
        ok(await planner(Q));
        return db.queries.length;
      };
      const one = await scenario();
      await add(one, { kind: "MIGRATE", asset: gid("Asset", e.dccServer.id), targetSite: gid("Site", e.sccDc.id) });
      const forOne = await count();
      for (let i = 0; i < 4; i++) {
        const s = await scenario();
        await add(s, { kind: "RETIRE", asset: gid("Asset", e.dccDb.id) });
      }
      expect(await count()).toBe(forOne);
    });
  });
});
