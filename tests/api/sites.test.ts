// Sites through the API: the rules of createSite/updateSite/retireSite, one broken thing per test, each
// refusal proven to write nothing.
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
import { CREATE_SITE, RETIRE_ASSET, RETIRE_SITE, UPDATE_SITE } from "./operations.ts";

describe.each(engines())("sites on %s", (engine) => {
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

  /** A valid comms room for DCC. */
  const validInput = () => ({
    organisation: "DCC",
    name: "Civic Centre comms room",
    kind: "COMMS_ROOM",
    address: "1 Civic Square, Downford",
    postcode: "DF1 1AA",
    racks: 6,
    racksUsed: 4,
    powerKw: 20,
    powerUsedKw: 12.5,
    floorSpaceM2: 40,
    pue: 1.8,
    tier: 2,
    leaseEnd: "2030-03-31",
    annualCost: "48000.00",
  });
  const create = (over: Record<string, unknown> = {}) =>
    gql(CREATE_SITE, { input: { ...validInput(), ...over } });
  const refuseCreate = (over: Record<string, unknown>, code: "BAD_INPUT" | "NOT_FOUND", field: string) =>
    expectRefused(db, () => create(over), code, field);

  describe("createSite", () => {
    it("creates a site from a valid input", async () => {
      const { createSite: site } = ok(await create());
      expect(site).toMatchObject({
        name: "Civic Centre comms room",
        kind: "COMMS_ROOM",
        lifecycle: "ACTIVE",
        racksUsed: 4,
        powerUsedKw: 12.5,
        leaseEnd: "2030-03-31",
        annualCost: "48000.00",
        version: 1,
        organisation: { code: "DCC" },
      });
    });

    it("rejects an unknown kind value given in variables", async () => {
      await refuseCreate({ kind: "CASTLE" }, "BAD_INPUT", "input.kind");
    });

    it.each([
      ["racks", -1],
      ["powerKw", -0.1],
      ["floorSpaceM2", -5],
    ])("rejects a negative capacity %s", async (field, value) => {
      await refuseCreate(
        { [field]: value, racksUsed: null, powerUsedKw: null },
        "BAD_INPUT",
        `input.${field}`,
      );
    });

    it("rejects a negative annual cost", async () => {
      await refuseCreate({ annualCost: "-1" }, "BAD_INPUT", "input.annualCost");
    });

    it("rejects an annual cost with three decimal places", async () => {
      await refuseCreate({ annualCost: "48000.001" }, "BAD_INPUT", "input.annualCost");
    });

    it("rejects more racks used than the site has", async () => {
      await refuseCreate({ racks: 6, racksUsed: 7 }, "BAD_INPUT", "input.racksUsed");
    });

    it("rejects more power drawn than the site supplies", async () => {
      await refuseCreate({ powerKw: 20, powerUsedKw: 20.1 }, "BAD_INPUT", "input.powerUsedKw");
    });

    it("accepts a site exactly full", async () => {
      expect(ok(await create({ racksUsed: 6, powerUsedKw: 20 })).createSite).toMatchObject({
        racksUsed: 6,
        powerUsedKw: 20,
      });
    });

    it("rejects a power usage effectiveness below 1.0", async () => {
      await refuseCreate({ pue: 0.9 }, "BAD_INPUT", "input.pue");
    });

    it.each([[0], [5]])("rejects data centre tier %i", async (tier) => {
      await refuseCreate({ tier }, "BAD_INPUT", "input.tier");
    });

    it.each([
      ["an empty name", ""],
      ["a 201-character name", "s".repeat(201)],
      ["a name with a newline", "Civic\nCentre"],
    ])("rejects %s", async (_what, name) => {
      await refuseCreate({ name }, "BAD_INPUT", "input.name");
    });

    it("rejects a name another site of the same organisation already has, in any case", async () => {
      await refuseCreate({ name: "DOWNFORD data centre" }, "BAD_INPUT", "input.name");
    });

    it("allows the same name in another organisation", async () => {
      expect(
        ok(await create({ organisation: "WBC", name: "Downford Data Centre" })).createSite.organisation.code,
      ).toBe("WBC");
    });

    it("does not read an underscore in a new site name as a wildcard matching another site's name", async () => {
      await createSite(db.prisma, estate.orgs.DCC, { name: "Hub-1" });
      expect(ok(await create({ name: "Hub_1" })).createSite.name).toBe("Hub_1");
    });

    it("rejects an unknown organisation code", async () => {
      await refuseCreate({ organisation: "NOPE" }, "NOT_FOUND", "input.organisation");
    });

    it("rejects an impossible lease end date", async () => {
      await refuseCreate({ leaseEnd: "2027-02-30" }, "BAD_INPUT", "input.leaseEnd");
    });
  });

  describe("updateSite", () => {
    const update = (patch: Record<string, unknown>, version = 1) =>
      gql(UPDATE_SITE, { id: gid("Site", estate.sccDataCentre.id), version, patch });

    it("changes only the fields in the patch and bumps the version", async () => {
      const { updateSite: site } = ok(await update({ racksUsed: 12, description: "Main DC" }));
      expect(site).toMatchObject({
        name: "Southshire Data Centre",
        racks: 20,
        racksUsed: 12,
        powerKw: 100,
        description: "Main DC",
        version: 2,
      });
    });

    it.each([["name"], ["kind"], ["lifecycle"], ["annualCost"]])(
      "rejects a patch setting the required field %s to null",
      async (field) => {
        await expectRefused(db, () => update({ [field]: null }), "BAD_INPUT", `patch.${field}`);
      },
    );

    it("rejects retiring a site through a patch, which would skip the check of its assets", async () => {
      await expectRefused(db, () => update({ lifecycle: "RETIRED" }), "BAD_INPUT", "patch.lifecycle");
    });

    it("rejects a patch using more racks than the site has", async () => {
      await expectRefused(db, () => update({ racksUsed: 21 }), "BAD_INPUT", "patch.racksUsed");
    });

    it("rejects a patch clearing the racks while racks are in use", async () => {
      await expectRefused(db, () => update({ racks: null }), "BAD_INPUT", "patch.racksUsed");
    });

    it("rejects a rename to the name of another site of the organisation", async () => {
      await createSite(db.prisma, estate.orgs.SCC, { name: "Brook House" });
      await expectRefused(db, () => update({ name: "brook house" }), "BAD_INPUT", "patch.name");
    });

    it("rejects an update of a site that does not exist", async () => {
      await expectRefused(
        db,
        () => gql(UPDATE_SITE, { id: unknownId("Site"), version: 1, patch: { racksUsed: 1 } }),
        "NOT_FOUND",
        "id",
      );
    });
  });

  describe("retireSite", () => {
    const retire = (version = 1) => gql(RETIRE_SITE, { id: gid("Site", estate.sccDataCentre.id), version });

    it("refuses to retire a site while an active asset is located there", async () => {
      const result = await expectRefused(db, () => retire(), "BAD_INPUT", "id");
      expect(result.errors![0]!.message).toContain("SCC VMware cluster");
    });

    it("refuses to retire a site while a decommissioning asset is still located there", async () => {
      await db.prisma.asset.update({
        where: { id: estate.sccCluster.id },
        data: { lifecycle: "DECOMMISSIONING" },
      });
      await expectRefused(db, () => retire(), "BAD_INPUT", "id");
    });

    it("retires the site once the assets located there are retired", async () => {
      ok(await gql(RETIRE_ASSET, { id: gid("Asset", estate.sccCluster.id), version: 1 }));
      const { retireSite: site } = ok(await retire());
      expect(site).toMatchObject({ lifecycle: "RETIRED", version: 2 });
    });

    it("retires a site with no assets while the organisation has active assets elsewhere", async () => {
      const empty = await createSite(db.prisma, estate.orgs.SCC, { name: "Empty store room" });
      expect(ok(await gql(RETIRE_SITE, { id: gid("Site", empty.id), version: 1 })).retireSite.lifecycle).toBe(
        "RETIRED",
      );
    });

    it("rejects retiring a site that does not exist", async () => {
      await expectRefused(
        db,
        () => gql(RETIRE_SITE, { id: unknownId("Site"), version: 1 }),
        "NOT_FOUND",
        "id",
      );
    });
  });

  describe("sites query", () => {
    const SITES = `query ($filter: SiteFilter) { sites(filter: $filter) { totalCount edges { node { name organisation { code } } } } }`;
    const names = async (filter: Record<string, unknown>) =>
      ok(await gql(SITES, { filter })).sites.edges.map((e: any) => e.node.name);

    it("filters by organisation, kind, lifecycle and case-insensitive name", async () => {
      await createSite(db.prisma, estate.orgs.WBC, {
        name: "Westbrook School",
        kind: "SCHOOL",
        lifecycle: "PLANNED",
      });
      expect(await names({ organisation: ["SCC", "WBC"] })).toEqual([
        "Southshire Data Centre",
        "Westbrook School",
      ]);
      expect(await names({ kind: ["SCHOOL"] })).toEqual(["Westbrook School"]);
      expect(await names({ lifecycle: ["PLANNED"] })).toEqual(["Westbrook School"]);
      expect(await names({ search: "DATA centre" })).toEqual([
        "Downford Data Centre",
        "Southshire Data Centre",
      ]);
    });
  });
});
