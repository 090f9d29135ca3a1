// Dependencies through the API: edges "<source> <type> <target>" stored once and read both ways, and
// the rules of createDependency/updateDependency/removeDependency.
import { describe, it, expect, beforeAll, afterAll, beforeEach } from "vitest";
import { engines, openTestDatabase, type TestDatabase } from "../support/databases.ts";
import { graphqlClient } from "../support/graphql.ts";
import {
  buildEstate,
  createDependency,
  expectRefused,
  gid,
  ok,
  unknownId,
  type Estate,
  type Gql,
} from "./fixtures.ts";
import { CREATE_DEPENDENCY, REMOVE_DEPENDENCY, UPDATE_DEPENDENCY } from "./operations.ts";

const EDGES = `query ($id: ID!) { asset(id: $id) {
  dependsOn { type target { name } }
  dependencyOf { type source { name } } } }`;

describe.each(engines())("dependencies on %s", (engine) => {
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

  const asset = (row: { id: string }) => gid("Asset", row.id);
  /** A valid edge: SCC's cluster CONNECTS_TO DCC's WAN link (edges may cross organisations). */
  const validInput = () => ({
    source: asset(estate.sccCluster),
    target: asset(estate.dccWan),
    type: "CONNECTS_TO",
    description: "Via the PSN",
  });
  const create = (over: Record<string, unknown> = {}) =>
    gql(CREATE_DEPENDENCY, { input: { ...validInput(), ...over } });

  describe("createDependency", () => {
    it("creates an edge that both of its assets can read", async () => {
      const { createDependency: edge } = ok(await create());
      expect(edge).toMatchObject({
        type: "CONNECTS_TO",
        description: "Via the PSN",
        version: 1,
        source: { name: "SCC VMware cluster" },
        target: { name: "DCC WAN link" },
      });
      expect(ok(await gql(EDGES, { id: asset(estate.sccCluster) })).asset.dependsOn).toEqual([
        { type: "CONNECTS_TO", target: { name: "DCC WAN link" } },
      ]);
      expect(ok(await gql(EDGES, { id: asset(estate.dccWan) })).asset.dependencyOf).toEqual([
        { type: "CONNECTS_TO", source: { name: "SCC VMware cluster" } },
      ]);
    });

    it("rejects a dependency of an asset on itself", async () => {
      await expectRefused(
        db,
        () => create({ target: asset(estate.sccCluster) }),
        "BAD_INPUT",
        "input.target",
      );
    });

    it("rejects a dependency on itself written with the ID in another case", async () => {
      await expectRefused(
        db,
        () => create({ target: `Asset:${estate.sccCluster.id.toUpperCase()}` }),
        "BAD_INPUT",
        "input.target",
      );
    });

    it("rejects a dependency on an asset that does not exist", async () => {
      await expectRefused(db, () => create({ target: unknownId("Asset") }), "NOT_FOUND", "input.target");
    });

    it("rejects a dependency of an asset that does not exist", async () => {
      await expectRefused(db, () => create({ source: unknownId("Asset") }), "NOT_FOUND", "input.source");
    });

    it("rejects a malformed target ID", async () => {
      await expectRefused(db, () => create({ target: "Asset:42" }), "BAD_INPUT", "input.target");
    });

    it("rejects the ID of a site as a target", async () => {
      await expectRefused(
        db,
        () => create({ target: gid("Site", estate.dccDataCentre.id) }),
        "BAD_INPUT",
        "input.target",
      );
    });

    it("rejects an unknown dependency type given in variables", async () => {
      await expectRefused(db, () => create({ type: "LIKES" }), "BAD_INPUT", "input.type");
    });

    it("rejects a second edge with the same source, target and type", async () => {
      await expectRefused(
        db,
        () => create({ source: asset(estate.sccApp), target: asset(estate.sccCluster), type: "RUNS_ON" }),
        "CONFLICT",
        "input.type",
      );
    });

    it("allows a second edge between the same assets of another type, and one in the opposite direction", async () => {
      ok(
        await create({
          source: asset(estate.sccApp),
          target: asset(estate.sccCluster),
          type: "STORES_DATA_ON",
        }),
      );
      ok(await create({ source: asset(estate.sccCluster), target: asset(estate.sccApp), type: "RUNS_ON" }));
      expect(await db.prisma.dependency.count()).toBe(3);
    });

    it("rejects a dependency of a retired asset", async () => {
      await db.prisma.asset.update({ where: { id: estate.sccCluster.id }, data: { lifecycle: "RETIRED" } });
      await expectRefused(db, () => create(), "BAD_INPUT", "input.source");
    });

    it("rejects a description longer than 4000 characters", async () => {
      await expectRefused(
        db,
        () => create({ description: "d".repeat(4001) }),
        "BAD_INPUT",
        "input.description",
      );
    });
  });

  describe("updateDependency", () => {
    const update = (patch: Record<string, unknown>, version = 1) =>
      gql(UPDATE_DEPENDENCY, { id: gid("Dependency", estate.runsOn.id), version, patch });

    it("changes the type and description and bumps the version", async () => {
      const { updateDependency: edge } = ok(
        await update({ type: "HOSTED_IN", description: "Moved to containers" }),
      );
      expect(edge).toMatchObject({ type: "HOSTED_IN", description: "Moved to containers", version: 2 });
    });

    it("rejects a type the same two assets already have an edge of", async () => {
      await createDependency(db.prisma, estate.sccApp, "HOSTED_IN", estate.sccCluster);
      await expectRefused(db, () => update({ type: "HOSTED_IN" }), "CONFLICT", "patch.type");
    });

    it("rejects a patch setting the type to null", async () => {
      await expectRefused(db, () => update({ type: null }), "BAD_INPUT", "patch.type");
    });

    it("rejects a stale version", async () => {
      ok(await update({ description: "first" }));
      await expectRefused(db, () => update({ description: "second" }, 1), "CONFLICT", "version");
    });
  });

  describe("removeDependency", () => {
    const remove = (version = 1, id = gid("Dependency", estate.runsOn.id)) =>
      gql(REMOVE_DEPENDENCY, { id, version });

    it("removes the edge from both of its assets and returns what it was", async () => {
      const { removeDependency: edge } = ok(await remove());
      expect(edge).toMatchObject({
        type: "RUNS_ON",
        source: { name: "Mosaic social care" },
        target: { name: "SCC VMware cluster" },
      });
      expect(ok(await gql(EDGES, { id: asset(estate.sccApp) })).asset.dependsOn).toEqual([]);
      expect(ok(await gql(EDGES, { id: asset(estate.sccCluster) })).asset.dependencyOf).toEqual([]);
    });

    it("rejects a stale version", async () => {
      await expectRefused(db, () => remove(7), "CONFLICT", "version");
    });

    it("rejects removing an edge that does not exist", async () => {
      await expectRefused(db, () => remove(1, unknownId("Dependency")), "NOT_FOUND", "id");
    });

    it("rejects removing the same edge twice", async () => {
      ok(await remove());
      await expectRefused(db, () => remove(), "NOT_FOUND", "id");
    });
  });
});
