// Assets through the API: every rule of createAsset/updateAsset/retireAsset, one broken thing per test,
// each refusal proven to write nothing.
import { describe, it, expect, beforeAll, afterAll, beforeEach } from "vitest";
import { engines, openTestDatabase, type TestDatabase } from "../support/databases.ts";
import { graphqlClient } from "../support/graphql.ts";
import {
  buildEstate,
  createAsset,
  createSite,
  expectRefused,
  gid,
  ok,
  unknownId,
  type Estate,
  type Gql,
} from "./fixtures.ts";
import { ASSET, CREATE_ASSET, CREATE_DEPENDENCY, RETIRE_ASSET, UPDATE_ASSET } from "./operations.ts";

describe.each(engines())("assets on %s", (engine) => {
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

  /** A valid SAN array for SCC at SCC's data centre. */
  const validInput = () => ({
    organisation: "SCC",
    site: gid("Site", estate.sccDataCentre.id),
    name: "SCC SAN array",
    kind: "STORAGE",
    subtype: "SAN array",
    annualRunCost: "1500.50",
    bookValue: "20000",
    supportEnd: "2028-03-31",
    storageTb: 200,
    storageUsedTb: 150,
    ramGb: 64,
    ramUsedGb: 32,
    bandwidthMbps: 10000,
    bandwidthUsedMbps: 2000,
    vcpu: 8,
    vcpuUsed: 4,
    powerKw: 2.5,
    rackUnits: 4,
  });
  const create = (over: Record<string, unknown> = {}) =>
    gql(CREATE_ASSET, { input: { ...validInput(), ...over } });
  const refuseCreate = (
    over: Record<string, unknown>,
    code: "BAD_INPUT" | "NOT_FOUND" | "CONFLICT",
    field: string,
  ) => expectRefused(db, () => create(over), code, field);

  describe("createAsset", () => {
    it("creates an asset from a valid input, with money as exact decimal strings", async () => {
      const { createAsset: asset } = ok(await create());
      expect(asset).toMatchObject({
        name: "SCC SAN array",
        kind: "STORAGE",
        lifecycle: "ACTIVE",
        criticality: "MEDIUM",
        annualRunCost: "1500.50",
        bookValue: "20000.00",
        supportEnd: "2028-03-31",
        storageUsedTb: 150,
        version: 1,
        organisation: { code: "SCC" },
        site: { name: "Southshire Data Centre" },
      });
      expect(await db.prisma.asset.count()).toBe(4);
    });

    it.each([["kind"], ["lifecycle"], ["criticality"]])(
      "rejects an unknown %s value given in variables",
      async (field) => {
        await refuseCreate({ [field]: "SPACESHIP" }, "BAD_INPUT", `input.${field}`);
      },
    );

    it.each([
      ["storageTb", -1],
      ["vcpu", -1],
      ["ramGb", -1],
      ["bandwidthMbps", -1],
      ["powerKw", -0.5],
      ["rackUnits", -1],
    ])("rejects a negative capacity %s", async (field, value) => {
      await refuseCreate(
        { [field]: value, storageUsedTb: null, ramUsedGb: null, bandwidthUsedMbps: null },
        "BAD_INPUT",
        `input.${field}`,
      );
    });

    it.each([
      ["annualRunCost", "-1"],
      ["bookValue", "-0.01"],
    ])("rejects a negative amount of money in %s", async (field, value) => {
      await refuseCreate({ [field]: value }, "BAD_INPUT", `input.${field}`);
    });

    it.each([["1.234"], ["abc"], ["12,50"], [""]])("rejects %j as an amount of money", async (value) => {
      await refuseCreate({ annualRunCost: value }, "BAD_INPUT", "input.annualRunCost");
    });

    it.each([
      ["storageUsedTb", "storageTb", 200.5, 200],
      ["ramUsedGb", "ramGb", 65, 64],
      ["bandwidthUsedMbps", "bandwidthMbps", 10001, 10000],
    ])(
      "rejects %s above %s, which is physically impossible",
      async (used, capacity, usedValue, capacityValue) => {
        await refuseCreate({ [used]: usedValue, [capacity]: capacityValue }, "BAD_INPUT", `input.${used}`);
      },
    );

    it("accepts usage exactly equal to capacity", async () => {
      const { createAsset: asset } = ok(
        await create({ storageUsedTb: 200, ramUsedGb: 64, bandwidthUsedMbps: 10000 }),
      );
      expect(asset).toMatchObject({ storageUsedTb: 200, ramUsedGb: 64, bandwidthUsedMbps: 10000 });
    });

    it("accepts more vCPUs in use than provisioned, because vCPUs are overcommitted", async () => {
      const { createAsset: asset } = ok(await create({ vcpu: 8, vcpuUsed: 32 }));
      expect(asset).toMatchObject({ vcpu: 8, vcpuUsed: 32 });
    });

    it("rejects usage given without the capacity it is a share of", async () => {
      await refuseCreate({ storageTb: null }, "BAD_INPUT", "input.storageUsedTb");
    });

    it.each([
      ["an empty name", ""],
      ["a blank name", "   "],
      ["a 201-character name", "x".repeat(201)],
      ["a name with a newline", "SCC SAN\narray"],
      ["a name with a tab", "SCC\tSAN"],
    ])("rejects %s", async (_what, name) => {
      await refuseCreate({ name }, "BAD_INPUT", "input.name");
    });

    it("accepts a 200-character name and trims surrounding spaces", async () => {
      const name = "x".repeat(200);
      expect(ok(await create({ name: `  ${name}  ` })).createAsset.name).toBe(name);
    });

    it("rejects a name another asset of the same organisation already has", async () => {
      await refuseCreate({ name: "SCC VMware cluster" }, "BAD_INPUT", "input.name");
    });

    it("rejects a name that differs from another asset's only in case or surrounding spaces", async () => {
      await refuseCreate({ name: "  scc vmware CLUSTER " }, "BAD_INPUT", "input.name");
    });

    it("allows the same name in another organisation", async () => {
      const { createAsset: asset } = ok(
        await create({ organisation: "DCC", site: null, name: "SCC VMware cluster" }),
      );
      expect(asset.organisation.code).toBe("DCC");
    });

    it("does not read an underscore in a new name as a wildcard matching another asset's name", async () => {
      await createAsset(db.prisma, estate.orgs.SCC, { name: "Web-01" });
      const { createAsset: asset } = ok(await create({ name: "Web_01" }));
      expect(asset.name).toBe("Web_01");
    });

    it("rejects an unknown organisation code", async () => {
      await refuseCreate({ organisation: "XYZ" }, "NOT_FOUND", "input.organisation");
    });

    it("does not read % in an organisation code as a wildcard matching some organisation", async () => {
      await refuseCreate({ organisation: "%" }, "NOT_FOUND", "input.organisation");
    });

    it("accepts an organisation code in any case", async () => {
      expect(ok(await create({ organisation: "scc" })).createAsset.organisation.code).toBe("SCC");
    });

    it("rejects an asset at a retired site", async () => {
      const retired = await createSite(db.prisma, estate.orgs.SCC, {
        name: "Old comms room",
        lifecycle: "RETIRED",
      });
      await refuseCreate({ site: gid("Site", retired.id) }, "BAD_INPUT", "input.site");
    });

    it("rejects an asset at a site that does not exist", async () => {
      await refuseCreate({ site: unknownId("Site") }, "NOT_FOUND", "input.site");
    });

    it("rejects a malformed site ID", async () => {
      await refuseCreate({ site: "Site:not-a-uuid" }, "BAD_INPUT", "input.site");
    });

    it("rejects the ID of something other than a site as the site", async () => {
      await refuseCreate({ site: gid("Asset", estate.sccCluster.id) }, "BAD_INPUT", "input.site");
    });

    it("rejects a product that does not exist", async () => {
      await refuseCreate({ product: unknownId("Product") }, "NOT_FOUND", "input.product");
    });

    it.each([["2027-02-30"], ["2027-13-01"], ["31/03/2027"]])(
      "rejects %j as a support end date",
      async (supportEnd) => {
        await refuseCreate({ supportEnd }, "BAD_INPUT", "input.supportEnd");
      },
    );
  });

  describe("updateAsset", () => {
    const update = (patch: Record<string, unknown>, version = 1) =>
      gql(UPDATE_ASSET, { id: gid("Asset", estate.sccCluster.id), version, patch });

    it("changes only the fields in the patch and bumps the version", async () => {
      const { updateAsset: asset } = ok(await update({ criticality: "HIGH", annualRunCost: "99.99" }));
      expect(asset).toMatchObject({
        name: "SCC VMware cluster",
        kind: "COMPUTE_CLUSTER",
        criticality: "HIGH",
        annualRunCost: "99.99",
        vcpu: 256,
        storageUsedTb: 60,
        site: { name: "Southshire Data Centre" },
        version: 2,
      });
    });

    it("clears an optional field set to null", async () => {
      const { updateAsset: asset } = ok(await update({ site: null, vcpuUsed: null }));
      expect(asset).toMatchObject({ site: null, vcpuUsed: null, vcpu: 256 });
    });

    it.each([["name"], ["kind"], ["lifecycle"], ["criticality"], ["annualRunCost"], ["bookValue"]])(
      "rejects a patch setting the required field %s to null",
      async (field) => {
        await expectRefused(db, () => update({ [field]: null }), "BAD_INPUT", `patch.${field}`);
      },
    );

    it("rejects a patch whose usage exceeds the capacity already stored", async () => {
      await expectRefused(db, () => update({ storageUsedTb: 100.1 }), "BAD_INPUT", "patch.storageUsedTb");
    });

    it("rejects a patch lowering capacity below the usage already stored", async () => {
      await expectRefused(db, () => update({ ramGb: 1024 }), "BAD_INPUT", "patch.ramUsedGb");
    });

    it("rejects a negative capacity in a patch", async () => {
      await expectRefused(db, () => update({ vcpu: -4 }), "BAD_INPUT", "patch.vcpu");
    });

    it("rejects a rename to the name of another asset of the organisation", async () => {
      await expectRefused(db, () => update({ name: "mosaic SOCIAL care" }), "BAD_INPUT", "patch.name");
    });

    it("allows renaming an asset to another case of its own name", async () => {
      expect(ok(await update({ name: "SCC VMWARE CLUSTER" })).updateAsset.name).toBe("SCC VMWARE CLUSTER");
    });

    it("rejects a move to a retired site", async () => {
      const retired = await createSite(db.prisma, estate.orgs.SCC, {
        name: "Old comms room",
        lifecycle: "RETIRED",
      });
      await expectRefused(db, () => update({ site: gid("Site", retired.id) }), "BAD_INPUT", "patch.site");
    });

    it("refuses to make a retired asset at a retired site active again", async () => {
      const room = await createSite(db.prisma, estate.orgs.SCC, {
        name: "Old comms room",
        lifecycle: "RETIRED",
      });
      const old = await createAsset(db.prisma, estate.orgs.SCC, {
        name: "Old switch",
        siteId: room.id,
        lifecycle: "RETIRED",
      });
      await expectRefused(
        db,
        () => gql(UPDATE_ASSET, { id: gid("Asset", old.id), version: 1, patch: { lifecycle: "ACTIVE" } }),
        "BAD_INPUT",
        "patch.lifecycle",
      );
    });

    it("rejects an update of an asset that does not exist", async () => {
      await expectRefused(
        db,
        () => gql(UPDATE_ASSET, { id: unknownId("Asset"), version: 1, patch: { criticality: "LOW" } }),
        "NOT_FOUND",
        "id",
      );
    });

    it("rejects an update given a malformed ID", async () => {
      await expectRefused(
        db,
        () => gql(UPDATE_ASSET, { id: "Asset:123", version: 1, patch: { criticality: "LOW" } }),
        "BAD_INPUT",
        "id",
      );
    });
  });

  describe("retireAsset", () => {
    it("retires an asset and keeps its dependency edges as history", async () => {
      const { retireAsset: asset } = ok(
        await gql(RETIRE_ASSET, { id: gid("Asset", estate.sccApp.id), version: 1 }),
      );
      expect(asset).toMatchObject({ lifecycle: "RETIRED", version: 2 });
      expect(await db.prisma.dependency.count({ where: { sourceId: estate.sccApp.id } })).toBe(1);
    });

    it("rejects a new dependency on a retired asset", async () => {
      ok(await gql(RETIRE_ASSET, { id: gid("Asset", estate.sccCluster.id), version: 1 }));
      const input = {
        source: gid("Asset", estate.sccApp.id),
        target: gid("Asset", estate.sccCluster.id),
        type: "BACKS_UP_TO",
      };
      await expectRefused(db, () => gql(CREATE_DEPENDENCY, { input }), "BAD_INPUT", "input.target");
    });
  });

  it("reads an asset back by ID exactly as it was written", async () => {
    const { createAsset: created } = ok(await create());
    expect(ok(await gql(ASSET, { id: created.id })).asset).toEqual(created);
  });
});
