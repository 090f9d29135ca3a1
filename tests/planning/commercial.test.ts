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
});
