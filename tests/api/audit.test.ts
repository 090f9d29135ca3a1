// The audit trail: every create, update and retire (or removal) writes one event in the same transaction,
// with the actor, the entity, and snapshots before and after; refused mutations write none.
import { describe, it, expect, beforeAll, afterAll, beforeEach } from "vitest";
import { engines, openTestDatabase, type TestDatabase } from "../support/databases.ts";
import { graphqlClient, type GqlResult } from "../support/graphql.ts";
import {
  OPERATOR,
  auditCount,
  buildEstate,
  expectError,
  gid,
  ok,
  type Estate,
  type Gql,
} from "./fixtures.ts";
import {
  AUDIT_TRAIL,
  CREATE_ASSET,
  CREATE_CONTRACT,
  CREATE_DEPENDENCY,
  CREATE_LICENCE,
  CREATE_SITE,
  REMOVE_DEPENDENCY,
  RETIRE_ASSET,
  RETIRE_CONTRACT,
  RETIRE_LICENCE,
  RETIRE_SITE,
  UPDATE_ASSET,
  UPDATE_CONTRACT,
  UPDATE_DEPENDENCY,
  UPDATE_LICENCE,
  UPDATE_SITE,
} from "./operations.ts";

/** What the trail records as the actor: the caller's e-mail address. */
const ACTOR = OPERATOR.email;

/** The first field of a mutation's data (the entity it returns). */
const entity = (result: GqlResult) => Object.values(ok(result) as Record<string, any>)[0];

/** Create → update → end for one entity type, with a field of the audit snapshots to follow. */
interface Story {
  type: "Asset" | "Site" | "Licence" | "Contract" | "Dependency";
  organisation: string;
  create(gql: Gql, e: Estate): Promise<GqlResult>;
  update(gql: Gql, id: string): Promise<GqlResult>;
  end(gql: Gql, id: string): Promise<GqlResult>;
  endAction: "RETIRE" | "DELETE";
  /** A snapshot column and its value after create and after update. */
  follow: [column: string, created: unknown, updated: unknown];
}

const STORIES: Story[] = [
  {
    type: "Asset",
    organisation: "SCC",
    create: (gql) =>
      gql(CREATE_ASSET, {
        input: { organisation: "SCC", name: "Firewall", kind: "NETWORK", annualRunCost: "1500.50" },
      }),
    update: (gql, id) => gql(UPDATE_ASSET, { id, version: 1, patch: { annualRunCost: "99.99" } }),
    end: (gql, id) => gql(RETIRE_ASSET, { id, version: 2 }),
    endAction: "RETIRE",
    follow: ["annualRunCostPence", "150050", "9999"],
  },
  {
    type: "Site",
    organisation: "DCC",
    create: (gql) =>
      gql(CREATE_SITE, {
        input: { organisation: "DCC", name: "Depot", kind: "OFFICE", annualCost: "12000" },
      }),
    update: (gql, id) => gql(UPDATE_SITE, { id, version: 1, patch: { annualCost: "12000.01" } }),
    end: (gql, id) => gql(RETIRE_SITE, { id, version: 2 }),
    endAction: "RETIRE",
    follow: ["annualCostPence", "1200000", "1200001"],
  },
  {
    type: "Licence",
    organisation: "SCC",
    create: (gql, e) =>
      gql(CREATE_LICENCE, {
        input: {
          organisation: "SCC",
          product: gid("Product", e.product.id),
          metric: "DEVICE",
          quantityOwned: 3,
          quantityUsed: 1,
          unitCost: "0.10",
        },
      }),
    update: (gql, id) => gql(UPDATE_LICENCE, { id, version: 1, patch: { annualCost: "0.35" } }),
    end: (gql, id) => gql(RETIRE_LICENCE, { id, version: 2 }),
    endAction: "RETIRE",
    follow: ["annualCostPence", "30", "35"],
  },
  {
    type: "Contract",
    organisation: "WBC",
    create: (gql) =>
      gql(CREATE_CONTRACT, {
        input: { organisation: "WBC", reference: "WBC-9", title: "Telephony", value: "12345678901.99" },
      }),
    update: (gql, id) => gql(UPDATE_CONTRACT, { id, version: 1, patch: { value: "0.01" } }),
    end: (gql, id) => gql(RETIRE_CONTRACT, { id, version: 2 }),
    endAction: "RETIRE",
    follow: ["valuePence", "1234567890199", "1"],
  },
  {
    type: "Dependency",
    organisation: "SCC",
    create: (gql, e) =>
      gql(CREATE_DEPENDENCY, {
        input: { source: gid("Asset", e.sccApp.id), target: gid("Asset", e.dccWan.id), type: "CONNECTS_TO" },
      }),
    update: (gql, id) => gql(UPDATE_DEPENDENCY, { id, version: 1, patch: { type: "DEPENDS_ON" } }),
    end: (gql, id) => gql(REMOVE_DEPENDENCY, { id, version: 2 }),
    endAction: "DELETE",
    follow: ["type", "CONNECTS_TO", "DEPENDS_ON"],
  },
];

describe.each(engines())("audit trail on %s", (engine) => {
  let db: TestDatabase;
  let gql: Gql;
  let estate: Estate;

  beforeAll(async () => {
    db = await openTestDatabase(engine);
    gql = graphqlClient(db.prisma, OPERATOR);
  });
  afterAll(() => db?.close());
  beforeEach(async () => {
    await db.truncate();
    estate = await buildEstate(db.prisma);
  });

  const trail = async (entityId: string) => ok(await gql(AUDIT_TRAIL, { entityId })).auditTrail as any[];

  describe.each(STORIES)("$type", (story) => {
    const [column, created, updated] = story.follow;

    it("records a create with the actor, the entity, no before, and the new values", async () => {
      const { id } = entity(await story.create(gql, estate));
      const [event, ...rest] = await trail(id);
      expect(rest).toEqual([]);
      expect(event).toMatchObject({
        action: "CREATE",
        actor: ACTOR,
        entityType: story.type,
        entityId: id,
        organisation: { code: story.organisation },
        before: null,
      });
      expect(event.after).toMatchObject({ id: id.split(":")[1], version: 1, [column]: created });
    });

    it("records an update with the row as it was and as it became", async () => {
      const { id } = entity(await story.create(gql, estate));
      entity(await story.update(gql, id));
      const update = (await trail(id))[1];
      expect(update).toMatchObject({ action: "UPDATE", actor: ACTOR, entityType: story.type, entityId: id });
      expect(update.before).toMatchObject({ version: 1, [column]: created });
      expect(update.after).toMatchObject({ version: 2, [column]: updated });
    });

    it(`records the ${story.endAction === "RETIRE" ? "retirement" : "removal"} last, and returns the trail oldest first`, async () => {
      const { id } = entity(await story.create(gql, estate));
      entity(await story.update(gql, id));
      entity(await story.end(gql, id));
      const events = await trail(id);
      expect(events.map((e) => e.action)).toEqual(["CREATE", "UPDATE", story.endAction]);
      const ats = events.map((e) => Date.parse(e.at));
      expect([...ats].sort((a, b) => a - b)).toEqual(ats);
      expect(events[2].before).toMatchObject({ version: 2, [column]: updated });
      if (story.endAction === "DELETE") expect(events[2].after).toBeNull();
      else
        expect(events[2].after).toMatchObject({
          version: 3,
          ...(story.type === "Asset" || story.type === "Site"
            ? { lifecycle: "RETIRED" }
            : { status: "RETIRED" }),
        });
    });
  });

  it("keeps what a removed dependency was, readable by the ID it had", async () => {
    const id = gid("Dependency", estate.runsOn.id);
    ok(await gql(REMOVE_DEPENDENCY, { id, version: 1 }));
    expect(await db.prisma.dependency.count({ where: { id: estate.runsOn.id } })).toBe(0);
    const [event] = await trail(id);
    expect(event).toMatchObject({
      action: "DELETE",
      entityType: "Dependency",
      organisation: { code: "SCC" },
      after: null,
    });
    expect(event.before).toMatchObject({
      sourceId: estate.sccApp.id,
      targetId: estate.sccCluster.id,
      type: "RUNS_ON",
      version: 1,
    });
  });

  it("writes no audit event when a mutation is refused", async () => {
    const asset = gid("Asset", estate.sccCluster.id);
    const refused = [
      await gql(CREATE_ASSET, { input: { organisation: "SCC", name: "Bad", kind: "SERVER", storageTb: -1 } }),
      await gql(CREATE_ASSET, { input: { organisation: "SCC", name: "SCC VMware cluster", kind: "SERVER" } }),
      await gql(UPDATE_ASSET, { id: asset, version: 9, patch: { name: "Stale" } }),
      await gql(RETIRE_SITE, { id: gid("Site", estate.sccDataCentre.id), version: 1 }),
      await gql(RETIRE_CONTRACT, { id: gid("Contract", estate.sccContract.id), version: 1 }),
      await gql(CREATE_DEPENDENCY, {
        input: {
          source: gid("Asset", estate.sccApp.id),
          target: gid("Asset", estate.sccCluster.id),
          type: "RUNS_ON",
        },
      }),
      await gql(CREATE_LICENCE, {
        input: {
          organisation: "SCC",
          product: gid("Product", estate.product.id),
          contract: gid("Contract", estate.dccContract.id),
          metric: "USER",
          quantityOwned: 1,
          quantityUsed: 1,
        },
      }),
    ];
    for (const result of refused) expect(result.errors, JSON.stringify(result.data)).toBeDefined();
    expect(await auditCount(db.prisma)).toBe(0);
    expect(await trail(asset)).toEqual([]);
  });

  it("rejects a malformed entity ID", async () => {
    expectError(await gql(AUDIT_TRAIL, { entityId: "nonsense" }), "BAD_INPUT", "entityId");
  });
});
