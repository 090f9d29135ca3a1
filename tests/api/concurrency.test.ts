// Optimistic concurrency: writers say which version they read; when two race from the same version,
// exactly one wins, the other gets CONFLICT on "version", and the row and audit trail show only the winner.
import { describe, it, expect, beforeAll, afterAll, beforeEach } from "vitest";
import { engines, openTestDatabase, type TestDatabase } from "../support/databases.ts";
import { graphqlClient, type GqlResult } from "../support/graphql.ts";
import {
  buildEstate,
  createContract,
  createSite,
  expectError,
  expectRefused,
  gid,
  ok,
  type Estate,
  type Gql,
} from "./fixtures.ts";
import {
  CREATE_ASSET,
  CREATE_LICENCE,
  RETIRE_ASSET,
  RETIRE_CONTRACT,
  RETIRE_SITE,
  UPDATE_ASSET,
  UPDATE_LICENCE,
  UPDATE_SITE,
} from "./operations.ts";

const READ = `query ($id: ID!) { node(id: $id) {
  ... on Asset { name criticality annualRunCost version }
  ... on Site { racksUsed description version }
  ... on Licence { quantityUsed notes version } } }`;

/** One versioned entity of the estate, and two different patches to race. */
interface Case {
  type: "Asset" | "Site" | "Licence";
  mutation: string;
  rowId: (e: Estate) => string;
  patches: [Record<string, unknown>, Record<string, unknown>];
}

const CASES: Case[] = [
  {
    type: "Asset",
    mutation: UPDATE_ASSET,
    rowId: (e) => e.sccCluster.id,
    patches: [
      { name: "Cluster from writer A", criticality: "HIGH", annualRunCost: "1.10" },
      { name: "Cluster from writer B", criticality: "LOW", annualRunCost: "2.20" },
    ],
  },
  {
    type: "Site",
    mutation: UPDATE_SITE,
    rowId: (e) => e.sccDataCentre.id,
    patches: [
      { racksUsed: 11, description: "writer A" },
      { racksUsed: 12, description: "writer B" },
    ],
  },
  {
    type: "Licence",
    mutation: UPDATE_LICENCE,
    rowId: (e) => e.sccLicence.id,
    patches: [
      { quantityUsed: 3, notes: "writer A" },
      { quantityUsed: 9, notes: "writer B" },
    ],
  },
];

describe.each(engines())("optimistic concurrency on %s", (engine) => {
  let db: TestDatabase;
  let gql: Gql;
  let estate: Estate;

  beforeAll(async () => {
    db = await openTestDatabase(engine);
    gql = graphqlClient(db.prisma);
  });
  afterAll(() => db?.close());
  beforeEach(async () => {
    await db.truncate();
    estate = await buildEstate(db.prisma);
  });

  /** Splits racing results into the one that succeeded and the ones refused. */
  const outcome = (results: GqlResult[]) => ({
    winners: results.map((r, i) => ({ r, i })).filter(({ r }) => !r.errors),
    losers: results.filter((r) => r.errors),
  });

  describe.each(CASES)("$type", ({ type, mutation, rowId, patches }) => {
    it("lets exactly one of two writers that both read version 1 win, and keeps only the winner's change", async () => {
      const id = gid(type, rowId(estate));
      const results = await Promise.all(patches.map((patch) => gql(mutation, { id, version: 1, patch })));
      const { winners, losers } = outcome(results);
      expect(winners).toHaveLength(1);
      expect(losers).toHaveLength(1);
      expectError(losers[0]!, "CONFLICT", "version");
      const winner = patches[winners[0]!.i]!;
      expect(ok(await gql(READ, { id })).node).toEqual(expect.objectContaining({ ...winner, version: 2 }));
      expect(await db.prisma.auditEvent.count({ where: { entityId: rowId(estate), action: "UPDATE" } })).toBe(
        1,
      );
    });

    it("rejects a write of a version someone else has since changed, and writes nothing", async () => {
      const id = gid(type, rowId(estate));
      ok(await gql(mutation, { id, version: 1, patch: patches[0] }));
      await expectRefused(
        db,
        () => gql(mutation, { id, version: 1, patch: patches[1] }),
        "CONFLICT",
        "version",
      );
      expect(ok(await gql(READ, { id })).node).toEqual(
        expect.objectContaining({ ...patches[0], version: 2 }),
      );
    });

    it("accepts the next write when it names the current version", async () => {
      const id = gid(type, rowId(estate));
      ok(await gql(mutation, { id, version: 1, patch: patches[0] }));
      ok(await gql(mutation, { id, version: 2, patch: patches[1] }));
      expect(ok(await gql(READ, { id })).node).toEqual(
        expect.objectContaining({ ...patches[1], version: 3 }),
      );
    });
  });

  it("lets exactly one of five concurrent writers of version 1 update an asset", async () => {
    const id = gid("Asset", estate.sccCluster.id);
    const patches = [1, 2, 3, 4, 5].map((n) => ({ name: `Cluster v${n}`, annualRunCost: `${n}.00` }));
    const { winners, losers } = outcome(
      await Promise.all(patches.map((patch) => gql(UPDATE_ASSET, { id, version: 1, patch }))),
    );
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(4);
    for (const loser of losers) expectError(loser, "CONFLICT", "version");
    expect(ok(await gql(READ, { id })).node).toEqual({
      ...patches[winners[0]!.i],
      criticality: "MEDIUM",
      version: 2,
    });
    expect(await db.prisma.auditEvent.count({ where: { entityId: estate.sccCluster.id } })).toBe(1);
  });

  it("lets exactly one of a retire and an update that both read version 1 win", async () => {
    const id = gid("Asset", estate.sccCluster.id);
    const { winners, losers } = outcome(
      await Promise.all([
        gql(RETIRE_ASSET, { id, version: 1 }),
        gql(UPDATE_ASSET, { id, version: 1, patch: { criticality: "CRITICAL" } }),
      ]),
    );
    expect(winners).toHaveLength(1);
    expectError(losers[0]!, "CONFLICT", "version");
    const row = await db.prisma.asset.findUniqueOrThrow({ where: { id: estate.sccCluster.id } });
    const retired = winners[0]!.i === 0;
    expect(row).toMatchObject(
      retired
        ? { lifecycle: "RETIRED", criticality: "MEDIUM", version: 2 }
        : { lifecycle: "ACTIVE", criticality: "CRITICAL", version: 2 },
    );
    expect(await db.prisma.auditEvent.count({ where: { entityId: estate.sccCluster.id } })).toBe(1);
  });

  describe("rules that span two rows", () => {
    const ROUNDS = 8;

    it("never leaves an active asset at a retired site when retiring the site races creating the asset", async () => {
      const sites = [];
      for (let i = 0; i < ROUNDS; i++)
        sites.push(await createSite(db.prisma, estate.orgs.SCC, { name: `Race room ${i}` }));
      await Promise.all(
        sites.flatMap((site, i) => [
          gql(RETIRE_SITE, { id: gid("Site", site.id), version: 1 }),
          gql(CREATE_ASSET, {
            input: { organisation: "SCC", name: `Racer ${i}`, kind: "SERVER", site: gid("Site", site.id) },
          }),
        ]),
      );
      const stranded = await db.prisma.asset.findMany({
        where: { lifecycle: { not: "RETIRED" }, site: { lifecycle: "RETIRED" } },
        select: { name: true, site: { select: { name: true } } },
      });
      expect(stranded).toEqual([]);
    });

    it("never leaves an active licence on a retired contract when retiring the contract races creating the licence", async () => {
      const contracts = [];
      for (let i = 0; i < ROUNDS; i++)
        contracts.push(await createContract(db.prisma, estate.orgs.SCC, { reference: `RACE-${i}` }));
      await Promise.all(
        contracts.flatMap((contract) => [
          gql(RETIRE_CONTRACT, { id: gid("Contract", contract.id), version: 1 }),
          gql(CREATE_LICENCE, {
            input: {
              organisation: "SCC",
              product: gid("Product", estate.product.id),
              contract: gid("Contract", contract.id),
              metric: "USER",
              quantityOwned: 1,
              quantityUsed: 1,
            },
          }),
        ]),
      );
      const stranded = await db.prisma.licence.findMany({
        where: { status: "ACTIVE", contract: { status: "RETIRED" } },
        select: { id: true },
      });
      expect(stranded).toEqual([]);
    });
  });
});
