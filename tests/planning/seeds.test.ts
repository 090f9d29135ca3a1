// The planner's journey on the seed estates, as the README tells it: draft convergence onto Sunderland's
// data centres and private cloud, closing Durham's County Hall data centre and Annand House comms room;
// get valid waves and each council's savings against its target; edit; compare with a what-if copy; and
// take it through approval by both councils.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { engines, openTestDatabase, type TestDatabase } from "../support/databases.ts";
import { graphqlClient } from "../support/graphql.ts";
import { loadSeedsIfEmpty } from "../../seeds/load.ts";
import { ok, type Gql } from "../api/fixtures.ts";
import type { Actor } from "../../server/shared/actor.ts";
import type { Role } from "../../generated/prisma/client.ts";
import { SCC } from "../../seeds/scc-names.ts";
import { DCC } from "../../seeds/dcc-names.ts";

describe.each(engines())("convergence of the seed estates on %s", (engine) => {
  let db: TestDatabase;
  let as: (roles: [string, Role][], name: string) => Promise<Gql>;
  let planner: Gql;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    db = await openTestDatabase(engine);
    await loadSeedsIfEmpty(db.prisma);
    const orgs = await db.prisma.organisation.findMany();
    const org = (code: string) => orgs.find((o) => o.code === code)!.id;
    as = async (roles, name) => {
      const map = new Map<string, Set<Role>>();
      for (const [code, role] of roles) map.set(org(code), new Set([...(map.get(org(code)) ?? []), role]));
      const who: Actor = { id: randomUUID(), email: `${name}@seed.test`, displayName: name, roles: map, sharedAdmin: false, via: "session" };
      // A real account owned by the organisation of its first role (decisions count only from owned accounts).
      await db.prisma.user.create({ data: { id: who.id, email: who.email, displayName: name, organisationId: org(roles[0]![0]), passwordHash: "not-used-by-these-tests" } });
      return graphqlClient(db.prisma, who);
    };
    planner = await as([["SCC", "PLANNER"], ["DCC", "PLANNER"]], "planner");
    const sites = ok(await planner(`{ sites(first: 50) { edges { node { id name } } } }`)).sites.edges;
    for (const { node } of sites) ids[node.name] = node.id;
    const assets = ok(await planner(`{ assets(filter: { kind: [CLOUD_PLATFORM, STORAGE] }, first: 200) { edges { node { id name } } } }`)).assets.edges;
    for (const { node } of assets) ids[node.name] = node.id;
  }, 240_000);
  afterAll(() => db?.close(), 60_000);

  let draftId = "";
  let draftVersion = 0;

  it("drafts a valid scenario: everything leaves the closing sites, duplicates are replaced by the same job only", async () => {
    const r = ok(
      await planner(
        `mutation ($input: DraftConvergenceInput!) { draftConvergence(input: $input) {
          scenario { id version } decisions { subject decision reason move { id } } unplaced { subject reason } } }`,
        {
          input: {
            name: "Converge onto Sunderland",
            startDate: "2027-04-01",
            targetSites: [ids[SCC.dc], ids[SCC.drSite], ids[DCC.schoolsHub]],
            targetPlatforms: [ids[SCC.privateCloud], ids["SCC Primary SAN (Doxford)"]],
            closingSites: [ids[DCC.dc], ids[DCC.annand]],
          },
        },
      ),
    ).draftConvergence;
    const read = async (fields: string) => ok(await planner(`query ($id: ID!) { scenario(id: $id) { ${fields} } }`, { id: r.scenario.id })).scenario;
    r.scenario = {
      ...r.scenario,
      ...(await read(`moves(first: 500) { totalCount edges { node { kind asset { name product { capability { code } } } targetAsset { name product { capability { code } } } site { name } } } }`)),
      ...(await read(`validation { valid violations { rule message } } plan { waveCount lowerBound { waves } distanceFromBound }`)),
      ...(await read(`financials { valuesVisible organisations { organisation { code } target finalRunRate meetsTarget } }`)),
      ...(await read(`energy { organisations { organisation { code } points { wave tco2ePerYear } } }`)),
    };
    const s = r.scenario;
    draftId = s.id;
    draftVersion = s.version;
    expect(r.unplaced).toEqual([]);
    expect(s.validation).toEqual({ valid: true, violations: [] });
    const moves = s.moves.edges.map((e: any) => e.node);
    expect(moves.filter((m: any) => m.kind === "CLOSE_SITE").map((m: any) => m.site.name).sort()).toEqual([DCC.annand, DCC.dc].sort());
    // Every replacement is by an application doing the same job.
    for (const m of moves.filter((x: any) => x.kind === "REPLACE"))
      expect(m.targetAsset.product.capability.code).toBe(m.asset.product.capability.code);
    // Production stays out of the DR platforms: Durham's Oracle cluster is not consolidated into Sunderland's DR
    // cluster (first fit took it, having the most room) nor onto Doxford, where its Data Guard standby runs.
    const oracle = r.decisions.find((d: any) => d.subject === DCC.oracleCluster);
    expect(oracle.decision).toBe(`migrate to ${SCC.drSite}`);
    expect(oracle.reason).toContain("not into DCC VMware cluster DR (Doxford) (a recovery platform: it runs DCC ORACLE01 standby (Doxford)");
    expect(oracle.reason).toContain("SCC vSphere cluster DR (Washington) (a recovery platform: it receives SCC Private Cloud's recovery copy)");
    // And no other production asset (by the seeds' names) goes into a DR platform.
    const recoveryNamed = /\bDR\b|standby|replica|backup|tape/i;
    for (const m of moves.filter((x: any) => x.targetAsset && x.asset && !recoveryNamed.test(x.asset.name)))
      expect(`${m.asset.name} → ${m.targetAsset.name}`).not.toMatch(/→ .*\bDR\b/);
    // Every decision with a move says why.
    for (const d of r.decisions) expect(d.reason.length).toBeGreaterThan(20);
    expect(s.plan.distanceFromBound).toBe(0);
    const fin = Object.fromEntries(s.financials.organisations.map((o: any) => [o.organisation.code, o]));
    expect(Object.keys(fin).sort()).toEqual(["DCC", "SCC"]);
    expect(fin.DCC.target).toBe("590000.00");
    expect(fin.SCC.target).toBe("760000.00");
    // Closing County Hall saves Durham its site, run and licence costs: a saving that grows year on year.
    expect(BigInt(fin.DCC.finalRunRate.replace(".", ""))).toBeGreaterThan(100_000_00n);
    const dccCarbon = s.energy.organisations.find((o: any) => o.organisation.code === "DCC").points;
    expect(dccCarbon.at(-1).tco2ePerYear).toBeLessThan(dccCarbon[0].tco2ePerYear);
  });

  it("is edited, copied as a what-if, compared, and approved by both councils", async () => {
    // Edit: pin the first migration to wave 2 and give it a cost.
    const first = ok(await planner(`query ($id: ID!) { scenario(id: $id) { moves(first: 1, filter: { kind: [MIGRATE] }) { edges { node { id version } } } } }`, { id: draftId })).scenario.moves.edges[0].node;
    ok(await planner(`mutation ($id: ID!, $v: Int!) { updateMove(id: $id, version: $v, patch: { oneOffCost: "25000", effortDays: 20 }) { id } }`, { id: first.id, v: first.version }));
    const copy = ok(await planner(`mutation ($id: ID!) { copyScenario(id: $id, name: "What if we only close Annand House") { id moves(first: 10, filter: { kind: [CLOSE_SITE] }) { edges { node { id version kind site { name } } } } } }`, { id: draftId })).copyScenario;
    const close = copy.moves.edges.map((e: any) => e.node).find((m: any) => m.kind === "CLOSE_SITE" && m.site.name === DCC.dc);
    ok(await planner(`mutation ($id: ID!, $v: Int!) { removeMove(id: $id, version: $v) }`, { id: close.id, v: close.version }));
    const cmp = ok(await planner(`query ($ids: [ID!]!) { compareScenarios(ids: $ids) { scenarios { moveCount finalRunRate } differences { subject } } }`, { ids: [draftId, copy.id] })).compareScenarios;
    expect(cmp.differences.map((d: any) => d.subject)).toContain(DCC.dc);
    expect(BigInt(cmp.scenarios[0].finalRunRate.replace(".", ""))).toBeGreaterThan(BigInt(cmp.scenarios[1].finalRunRate.replace(".", "")));

    const v = ok(await planner(`query ($id: ID!) { scenario(id: $id) { version } }`, { id: draftId })).scenario.version;
    expect(v).toBeGreaterThan(draftVersion);
    const proposed = ok(await planner(`mutation ($id: ID!, $v: Int!) { proposeScenario(id: $id, version: $v) { status version } }`, { id: draftId, v })).proposeScenario;
    const approve = async (code: string) =>
      ok(
        await (await as([[code, "APPROVER"]], `${code}-approver`))(
          `mutation ($id: ID!, $v: Int!, $o: String!) { approveScenario(id: $id, version: $v, organisation: $o) { status } }`,
          { id: draftId, v: proposed.version, o: code },
        ),
      ).approveScenario.status;
    expect(await approve("SCC")).toBe("PROPOSED");
    expect(await approve("DCC")).toBe("APPROVED");
  });
});
