// Who sees which planning figures: a planner's override of a move's saving is a commercial figure of the
// organisation the saving accrues to, hidden wherever it could be read (the move, the business case,
// comparisons, snapshots and the audit trail); snapshots and comparisons show each organisation's figures
// to whoever may read that organisation's prices, partial where another's are hidden, as scenarioFinancials
// does; and a snapshot's drift is unknown, not false, to a caller who cannot see what it would compare.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { engines, openTestDatabase, type TestDatabase } from "../support/databases.ts";
import { graphqlClient } from "../support/graphql.ts";
import { ok, type Gql } from "../api/fixtures.ts";
import { actor, buildPlanningEstate, gid, ownedActor, SCENARIO, type PlanningEstate } from "./fixtures.ts";

const CREATE = `mutation ($input: CreateScenarioInput!) { createScenario(input: $input) { ${SCENARIO} } }`;
const ADD = `mutation ($s: ID!, $input: MoveInput!) { addMove(scenarioId: $s, input: $input) { id kind version } }`;
const PROPOSE = `mutation ($id: ID!, $v: Int!) { proposeScenario(id: $id, version: $v) { id status version } }`;
const APPROVE = `mutation ($id: ID!, $v: Int!, $o: String!) { approveScenario(id: $id, version: $v, organisation: $o) { status } }`;

describe.each(engines())("commercial planning figures on %s", (engine) => {
  let db: TestDatabase;
  let e: PlanningEstate;
  let as: (who: ReturnType<typeof actor>) => Gql;
  let planner: Gql;
  let viewer: Gql;

  beforeAll(async () => {
    db = await openTestDatabase(engine);
  }, 120_000);
  afterAll(() => db?.close(), 60_000);
  beforeEach(async () => {
    await db.truncate();
    e = await buildPlanningEstate(db.prisma);
    as = (who) => graphqlClient(db.prisma, who);
    planner = as(actor("planner", [[e.orgs.SCC, "PLANNER"], [e.orgs.DCC, "PLANNER"]]));
    viewer = as(actor("viewer", [[e.orgs.SCC, "VIEWER"], [e.orgs.DCC, "VIEWER"]]));
  });

  async function scenario(orgs = ["SCC", "DCC"]) {
    return ok(await planner(CREATE, { input: { name: "Converge", startDate: "2027-01-01", horizonYears: 3, organisations: orgs } })).createScenario;
  }
  const add = async (s: { id: string }, input: Record<string, unknown>) => ok(await planner(ADD, { s: s.id, input })).addMove;
  const version = async (s: { id: string }) => ok(await planner(`query ($id: ID!) { scenario(id: $id) { version } }`, { id: s.id })).scenario.version as number;

  describe("a planner's override of a move's saving", () => {
    const OVERRIDE = "1234.56";
    const REASON = "Leased kit handed back early under the lessor's buy-out quote";
    const SCENARIO_Q = `query ($id: ID!) { scenario(id: $id) {
      moves { edges { node { valuesVisible savingOverride savingOverrideReason } } }
      financials { hidden { organisation { code } moves { kind } } organisations { organisation { code } partial finalRunRate totalSaving years { saving runRate } } changes { organisation { code } source annual note } }
      proposedSnapshot { organisations { organisation { code } finalRunRate totalSaving } }
    } }`;
    const AUDIT = `query ($e: ID!) { auditEvents(filter: { entityId: $e }, first: 50) { edges { node { action valuesVisible before after } } } }`;
    const COMPARE = `query ($ids: [ID!]!) { compareScenarios(ids: $ids) { differences { moves { valuesVisible savingOverride savingOverrideReason } } } }`;

    it("is set, changed or cleared only by the planners of the organisation it accrues to (no blind write by another council's)", async () => {
      const s = await scenario();
      const m = await add(s, { kind: "RETIRE", asset: gid("Asset", e.dccServer.id), savingOverride: OVERRIDE, savingOverrideReason: REASON });
      const UPDATE = `mutation ($id: ID!, $v: Int!, $p: MovePatch!) { updateMove(id: $id, version: $v, patch: $p) { id } }`;
      const sccPlanner = as(actor("scc-planner", [[e.orgs.SCC, "PLANNER"]]));
      for (const p of [{ savingOverride: "1.00", savingOverrideReason: "scc tamper" }, { savingOverride: null }]) {
        const r = await sccPlanner(UPDATE, { id: m.id, v: m.version, p });
        expect(r.errors?.[0]?.extensions?.code, JSON.stringify(r)).toBe("FORBIDDEN");
        expect(r.errors?.[0]?.message).toMatch(/the saving accrues to DCC, so only DCC's planners/);
      }
      const ADD_ONE = await sccPlanner(ADD, { s: s.id, input: { kind: "RETIRE", asset: gid("Asset", e.dccServer.id), savingOverride: "1.00", savingOverrideReason: "x" } });
      expect(ADD_ONE.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
      const stored = await db.prisma.move.findUniqueOrThrow({ where: { id: m.id.split(":").pop()! } });
      expect(stored.savingOverridePence).toBe(123456n);
      expect(stored.savingOverrideReason).toBe(REASON);
      // The SCC planner may still change the move's other fields (the scenario is theirs too).
      ok(await sccPlanner(UPDATE, { id: m.id, v: m.version, p: { effortDays: 3 } }));
    });

    it("is shown only to callers who may read the prices of the organisation it accrues to: not on the move, in the business case, a snapshot, a comparison or the audit trail", async () => {
      const s = await scenario();
      // DCC's server costs £10,000 a year to run; the planner says retiring it saves £1,234.56 instead.
      const m = await add(s, { kind: "RETIRE", asset: gid("Asset", e.dccServer.id), savingOverride: "2000", savingOverrideReason: "first guess" });
      ok(await planner(`mutation ($id: ID!, $v: Int!, $p: MovePatch!) { updateMove(id: $id, version: $v, patch: $p) { id } }`, { id: m.id, v: m.version, p: { savingOverride: OVERRIDE, savingOverrideReason: REASON } }));
      const copy = ok(await planner(`mutation ($id: ID!) { copyScenario(id: $id, name: "What if") { id moves { edges { node { id version } } } } }`, { id: s.id })).copyScenario;
      const copied = copy.moves.edges[0].node;
      ok(await planner(`mutation ($id: ID!, $v: Int!) { removeMove(id: $id, version: $v) }`, { id: copied.id, v: copied.version }));
      ok(await planner(PROPOSE, { id: s.id, v: await version(s) }));

      // The planner, who may read DCC's prices, sees the override everywhere.
      const full = ok(await planner(SCENARIO_Q, { id: s.id })).scenario;
      expect(full.moves.edges[0].node).toEqual({ valuesVisible: true, savingOverride: OVERRIDE, savingOverrideReason: REASON });
      expect(full.financials.changes).toEqual([{ organisation: { code: "DCC" }, source: "OVERRIDE", annual: OVERRIDE, note: `set by the planner: ${REASON}` }]);
      expect(full.financials.organisations.find((o: any) => o.organisation.code === "DCC")).toMatchObject({ partial: false, finalRunRate: OVERRIDE });
      expect(full.proposedSnapshot.organisations.find((o: any) => o.organisation.code === "DCC").finalRunRate).toBe(OVERRIDE);
      const plannerTrail = ok(await planner(AUDIT, { e: m.id })).auditEvents.edges.map((x: any) => x.node);
      expect(plannerTrail.find((n: any) => n.action === "UPDATE")).toMatchObject({ valuesVisible: true, after: { savingOverridePence: "123456", savingOverrideReason: REASON } });

      // A viewer of both councils, and a planner of SCC only, may not read DCC's prices.
      const sccPlanner = as(actor("scc-planner", [[e.orgs.SCC, "PLANNER"]]));
      for (const who of [viewer, sccPlanner]) {
        const seen = ok(await who(SCENARIO_Q, { id: s.id })).scenario;
        expect(seen.moves.edges[0].node).toEqual({ valuesVisible: false, savingOverride: null, savingOverrideReason: null });
        // The override is the move's whole saving: hidden, named as hidden, and left out of DCC's sums.
        expect(seen.financials.hidden).toEqual([{ organisation: { code: "DCC" }, moves: [{ kind: "RETIRE" }] }]);
        expect(seen.financials.changes).toEqual([{ organisation: { code: "DCC" }, source: "OVERRIDE", annual: null, note: expect.not.stringContaining(REASON) }]);
        const dcc = seen.financials.organisations.find((o: any) => o.organisation.code === "DCC");
        expect(dcc).toMatchObject({ partial: true, finalRunRate: "0.00", totalSaving: "0.00" });
        expect(seen.proposedSnapshot.organisations.find((o: any) => o.organisation.code === "DCC").finalRunRate).not.toBe(OVERRIDE);
        const differences = ok(await who(COMPARE, { ids: [s.id, copy.id] })).compareScenarios.differences;
        expect(differences).toEqual([{ moves: [{ valuesVisible: false, savingOverride: null, savingOverrideReason: null }, null] }]);
        for (const id of [m.id, copied.id]) {
          const trail = ok(await who(AUDIT, { e: id })).auditEvents.edges.map((x: any) => x.node);
          expect(trail.length).toBeGreaterThan(0);
          for (const n of trail) {
            expect(n.valuesVisible).toBe(false);
            for (const row of [n.before, n.after].filter(Boolean)) {
              expect(row).toMatchObject({ savingOverridePence: null, savingOverrideReason: null });
              // What is not commercial stays: the move's own one-off cost, its kind.
              expect(row).toMatchObject({ kind: "RETIRE", oneOffCostPence: "0" });
            }
          }
        }
        // Nothing in any answer carries the figure or the reason.
        const everything = JSON.stringify([seen, differences, ...(await Promise.all([m.id, copied.id].map((id) => who(AUDIT, { e: id }))))]);
        for (const leak of [OVERRIDE, "123456", REASON, "first guess", "200000"]) expect(everything).not.toContain(leak);
      }

      // DCC's own approver, who may read DCC's prices (and not SCC's), sees it.
      const dccApprover = as(await ownedActor(db.prisma, "dcc-approver", e.orgs.DCC, [[e.orgs.DCC, "APPROVER"]]));
      const theirs = ok(await dccApprover(SCENARIO_Q, { id: s.id })).scenario;
      expect(theirs.moves.edges[0].node).toEqual({ valuesVisible: true, savingOverride: OVERRIDE, savingOverrideReason: REASON });
      expect(theirs.financials.organisations.find((o: any) => o.organisation.code === "DCC")).toMatchObject({ partial: false, finalRunRate: OVERRIDE });
    });
  });

  describe("snapshots", () => {
    const FIGURES = `finalRunRate npv paybackDate totalOneOff totalSaving`;
    const Q = `query ($id: ID!) { scenario(id: $id) {
      proposedSnapshot { organisations { organisation { code } visible partial hiddenBecause baseline planRunCost target againstTarget ${FIGURES} } }
      financials { organisations { organisation { code } partial baseline { licences } target ${FIGURES} } }
    } }`;

    /** SCC retires a server (£5,000 a year) and renegotiates its Salesforce seats onto DCC's licence, priced at DCC's rate; proposed. */
    async function proposedWithDccPrices() {
      const sccOld = await db.prisma.asset.create({
        data: { id: crypto.randomUUID(), organisationId: e.orgs.SCC.id, name: "SCC old server", kind: "SERVER", siteId: e.sccDc.id, annualRunCostPence: 5_000_00n },
      });
      const [dccLicence, sccLicence] = await Promise.all(
        [e.orgs.DCC, e.orgs.SCC].map((o) => db.prisma.licence.findFirstOrThrow({ where: { organisationId: o.id } })),
      );
      const s = await scenario();
      await add(s, { kind: "RETIRE", asset: gid("Asset", sccOld.id), oneOffCost: "1500" });
      await add(s, { kind: "RENEGOTIATE", licences: [gid("Licence", sccLicence!.id)], targetLicence: gid("Licence", dccLicence!.id), acceptExitCost: true });
      ok(await planner(PROPOSE, { id: s.id, v: await version(s) }));
      return s;
    }
    const org = (list: any[], code: string) => list.find((o: any) => o.organisation.code === code);

    it("shows an approver who may read only their own council's prices that council's figures, partial, as the live figures show them", async () => {
      const s = await proposedWithDccPrices();
      const sccApprover = as(await ownedActor(db.prisma, "scc-approver", e.orgs.SCC, [[e.orgs.SCC, "APPROVER"]]));
      const seen = ok(await sccApprover(Q, { id: s.id })).scenario;
      const scc = org(seen.proposedSnapshot.organisations, "SCC");
      // Baseline: the old server £5,000 + Salesforce £30,000. Full figures: SCC saves £5,000 + £800 (400 seats at DCC's £73 instead of £30,000) = £5,800 a year.
      // Without the renegotiation (DCC's price): £5,000 a year from April 2027 (wave 1 ends 2027-03-31),
      // 9 months of year 1 = £3,750, then £5,000 and £5,000: £13,750 over the 3 years, less the £1,500
      // one-off cost in January 2027 (month 0); payback when the saving (£416.66⅔ a month from April) has
      // covered £1,500: end of July 2027, i.e. from 2027-08-01.
      expect(scc).toMatchObject({
        visible: false,
        partial: true,
        baseline: "35000.00",
        planRunCost: null,
        target: "50000.00",
        finalRunRate: "5000.00",
        againstTarget: "-45000.00",
        totalOneOff: "1500.00",
        totalSaving: "13750.00",
        paybackDate: "2027-08-01",
      });
      expect(scc.hiddenBecause).toContain("prices of DCC");
      // NPV at 3.5%: (3,750 − 1,500) ÷ 1.035 + 5,000 ÷ 1.035² + 5,000 ÷ 1.035³ = £11,351.18.
      expect(scc.npv).toBe("11351.18");
      // DCC's figures all use DCC's prices (its licence spend, the renegotiation at its rate).
      expect(org(seen.proposedSnapshot.organisations, "DCC")).toMatchObject({ partial: true, baseline: null, planRunCost: null });
      // The planner, who may read both, sees SCC's figures whole.
      const full = org(ok(await planner(Q, { id: s.id })).scenario.proposedSnapshot.organisations, "SCC");
      expect(full).toMatchObject({ visible: true, partial: false, hiddenBecause: null, finalRunRate: "5800.00", planRunCost: "29200.00" });
    });

    it("agrees with scenarioFinancials for every caller and organisation", async () => {
      const s = await proposedWithDccPrices();
      const callers = [
        planner,
        viewer,
        as(await ownedActor(db.prisma, "scc-approver", e.orgs.SCC, [[e.orgs.SCC, "APPROVER"]])),
        as(await ownedActor(db.prisma, "dcc-approver", e.orgs.DCC, [[e.orgs.DCC, "APPROVER"]])),
      ];
      for (const who of callers) {
        const { proposedSnapshot, financials } = ok(await who(Q, { id: s.id })).scenario;
        for (const live of financials.organisations) {
          const stored = org(proposedSnapshot.organisations, live.organisation.code);
          const pick = (o: any) => ({ partial: o.partial, target: o.target, finalRunRate: o.finalRunRate, npv: o.npv, paybackDate: o.paybackDate, totalOneOff: o.totalOneOff, totalSaving: o.totalSaving });
          expect(pick(stored), live.organisation.code).toEqual(pick(live));
          expect(stored.baseline === null, live.organisation.code).toBe(live.baseline.licences === null);
        }
      }
    });

    it("blanks in the audit trail only the parts of a snapshot that use prices the reader may not read", async () => {
      const s = await proposedWithDccPrices();
      const sccApprover = as(await ownedActor(db.prisma, "scc-approver", e.orgs.SCC, [[e.orgs.SCC, "APPROVER"]]));
      const AUDIT = `query ($e: ID!) { auditEvents(filter: { entityId: $e }, first: 50) { edges { node { action after } } } }`;
      const propose = ok(await sccApprover(AUDIT, { e: s.id })).auditEvents.edges.map((x: any) => x.node).find((n: any) => n.action === "PROPOSE");
      const scc = propose.after.proposedSnapshot.organisations.find((o: any) => o.organisationId === e.orgs.SCC.id);
      // The whole figures use DCC's price: blanked; the parts priced by SCC alone (or by nobody) stay.
      expect(scc).toMatchObject({ finalRunRatePence: null, npvPence: null, paybackDate: null });
      const parts = scc.parts.map((p: any) => [p.sources.length, p.changes.map((c: any) => c.annualPence)]);
      expect(parts).toEqual(
        expect.arrayContaining([
          [0, ["500000"]],
          [2, [null]],
        ]),
      );
      expect(JSON.stringify(propose.after)).not.toContain('"80000"');
    });
  });

  describe("drift of a snapshot", () => {
    const Q = `query ($id: ID!) { scenario(id: $id) { driftedSinceApproval approvedSnapshot { drifted driftUnknownBecause differences } } }`;

    it("is unknown, not false, to a caller who cannot see the figures that would tell, and true once a figure it sees moves", async () => {
      const sccOld = await db.prisma.asset.create({
        data: { id: crypto.randomUUID(), organisationId: e.orgs.SCC.id, name: "SCC old server", kind: "SERVER", siteId: e.sccDc.id, annualRunCostPence: 5_000_00n },
      });
      const [dccLicence, sccLicence] = await Promise.all(
        [e.orgs.DCC, e.orgs.SCC].map((o) => db.prisma.licence.findFirstOrThrow({ where: { organisationId: o.id } })),
      );
      const s = await scenario();
      await add(s, { kind: "RETIRE", asset: gid("Asset", sccOld.id) });
      await add(s, { kind: "RENEGOTIATE", licences: [gid("Licence", sccLicence!.id)], targetLicence: gid("Licence", dccLicence!.id), acceptExitCost: true });
      const p = ok(await planner(PROPOSE, { id: s.id, v: await version(s) })).proposeScenario;
      const sccApprover = as(await ownedActor(db.prisma, "scc-approver", e.orgs.SCC, [[e.orgs.SCC, "APPROVER"]]));
      const dccApprover = as(await ownedActor(db.prisma, "dcc-approver", e.orgs.DCC, [[e.orgs.DCC, "APPROVER"]]));
      ok(await sccApprover(APPROVE, { id: p.id, v: p.version, o: "SCC" }));
      ok(await dccApprover(APPROVE, { id: p.id, v: p.version, o: "DCC" }));
      // Nothing has changed: the planner, who may read every price, knows it; SCC's approver cannot tell
      // for the renegotiation, priced at DCC's rate.
      expect(ok(await planner(Q, { id: s.id })).scenario).toEqual({ driftedSinceApproval: false, approvedSnapshot: { drifted: false, driftUnknownBecause: null, differences: [] } });
      const unknown = ok(await sccApprover(Q, { id: s.id })).scenario;
      expect(unknown).toMatchObject({ driftedSinceApproval: null, approvedSnapshot: { drifted: null, differences: [] } });
      expect(unknown.approvedSnapshot.driftUnknownBecause).toContain("figures of DCC, SCC use prices you may not read");
      // DCC's price per seat moves (£73 → £75): only the renegotiation changes, which SCC's approver may not see.
      await db.prisma.licence.update({ where: { id: dccLicence!.id }, data: { unitCostPence: 75_00n, annualCostPence: 7_500_00n } });
      const plannerNow = ok(await planner(Q, { id: s.id })).scenario;
      expect(plannerNow.approvedSnapshot.drifted).toBe(true);
      expect(plannerNow.approvedSnapshot.differences).toContain("SCC finalRunRate");
      expect(ok(await sccApprover(Q, { id: s.id })).scenario).toMatchObject({ driftedSinceApproval: null, approvedSnapshot: { drifted: null, differences: [] } });
      // The old server's run cost moves: a figure SCC's approver sees (as a partial sum) in both places.
      await db.prisma.asset.update({ where: { id: sccOld.id }, data: { annualRunCostPence: 6_000_00n } });
      const seen = ok(await sccApprover(Q, { id: s.id })).scenario;
      expect(seen).toMatchObject({ driftedSinceApproval: true, approvedSnapshot: { drifted: true, driftUnknownBecause: null } });
      expect(seen.approvedSnapshot.differences).toEqual(["SCC baseline", "SCC finalRunRate", "SCC againstTarget", "SCC npv", "SCC totalSaving"]);
    });
  });

  describe("comparisons", () => {
    it("sum what the caller may see, partial with the hidden moves named, exactly as scenarioFinancials' totals", async () => {
      const sccOld = await db.prisma.asset.create({
        data: { id: crypto.randomUUID(), organisationId: e.orgs.SCC.id, name: "SCC old server", kind: "SERVER", siteId: e.sccDc.id, annualRunCostPence: 5_000_00n },
      });
      const [dccLicence, sccLicence] = await Promise.all(
        [e.orgs.DCC, e.orgs.SCC].map((o) => db.prisma.licence.findFirstOrThrow({ where: { organisationId: o.id } })),
      );
      const s = await scenario();
      await add(s, { kind: "RETIRE", asset: gid("Asset", sccOld.id), oneOffCost: "1500" });
      const reneg = await add(s, { kind: "RENEGOTIATE", licences: [gid("Licence", sccLicence!.id)], targetLicence: gid("Licence", dccLicence!.id), acceptExitCost: true });
      const other = await scenario();
      await add(other, { kind: "RETIRE", asset: gid("Asset", e.dccServer.id) });
      const TOTALS = `totalOneOff npv paybackMonths finalRunRate`;
      const COMPARE = `query ($ids: [ID!]!) { compareScenarios(ids: $ids) { scenarios { partial hidden { organisation { code } moves { id } } ${TOTALS} organisations { organisation { code } partial finalRunRate } } } }`;
      const FIN = `query ($id: ID!) { scenarioFinancials(scenarioId: $id) { hidden { organisation { code } moves { id } } totals { partial ${TOTALS} } } }`;
      const sccPlanner = as(actor("scc-planner", [[e.orgs.SCC, "PLANNER"]]));
      const [first, second] = ok(await sccPlanner(COMPARE, { ids: [s.id, other.id] })).compareScenarios.scenarios;
      // The renegotiation is priced at DCC's rate: left out. What SCC's planner sees of the first scenario:
      // the old server's £5,000 a year (from April 2027) less its £1,500 one-off cost.
      expect(first).toMatchObject({
        partial: true,
        hidden: [{ organisation: { code: "DCC" }, moves: [{ id: reneg.id }] }],
        totalOneOff: "1500.00",
        finalRunRate: "5000.00",
        npv: "11351.18",
        paybackMonths: 7,
      });
      for (const [summary, id] of [[first, s.id], [second, other.id]] as const) {
        const f = ok(await sccPlanner(FIN, { id })).scenarioFinancials;
        const { partial, ...totals } = f.totals;
        expect(summary).toMatchObject({ partial, hidden: f.hidden, ...totals });
      }
      // Retiring DCC's server uses no price: its sums are whole, though DCC's licence spend is not readable.
      expect(second).toMatchObject({ partial: false, hidden: [], finalRunRate: "10000.00" });
      // The planner, who may read both, sees the whole sums: SCC £5,800 (£800 more from the renegotiation),
      // and DCC £1,460 (paying for its 80 seats used at £73 instead of its £7,300 for 100).
      const whole = ok(await planner(COMPARE, { ids: [s.id, other.id] })).compareScenarios.scenarios[0];
      expect(whole).toMatchObject({ partial: false, hidden: [], finalRunRate: "7260.00" });
    });
  });
});
