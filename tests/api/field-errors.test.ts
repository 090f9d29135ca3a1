// A save with several wrong fields is refused with every one of them at once — one GraphQL error each,
// with its code and field — for assets, sites, licences and contracts, created or updated; a single wrong
// field still comes back as one error, and nothing is written either way.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { engines, openTestDatabase, type TestDatabase } from "../support/databases.ts";
import { graphqlClient, type GqlResult } from "../support/graphql.ts";
import { buildEstate, gid, unknownId, type Estate, type Gql } from "./fixtures.ts";
import {
  CREATE_ASSET,
  CREATE_CONTRACT,
  CREATE_LICENCE,
  CREATE_SITE,
  UPDATE_ASSET,
  UPDATE_SITE,
} from "./operations.ts";

/** Each error's code and field, in the order given. */
const fieldsOf = (r: GqlResult) =>
  (r.errors ?? []).map((e) => ({ code: e.extensions?.code, field: e.extensions?.field }));

describe.each(engines())("every wrong field at once on %s", (engine) => {
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

  it("refuses a new asset with an empty name, a negative cost, storage over capacity and an unknown site, naming all four", async () => {
    const before = await db.prisma.asset.count();
    const r = await gql(CREATE_ASSET, {
      input: {
        organisation: "SCC",
        name: "  ",
        kind: "SERVER",
        annualRunCost: "-5.00",
        storageTb: 10,
        storageUsedTb: 12,
        site: unknownId("Site"),
      },
    });
    expect(fieldsOf(r)).toEqual([
      { code: "BAD_INPUT", field: "input.name" },
      { code: "BAD_INPUT", field: "input.annualRunCost" },
      { code: "BAD_INPUT", field: "input.storageUsedTb" },
      { code: "NOT_FOUND", field: "input.site" },
    ]);
    expect(r.errors![0]!.message).toBe("must not be empty.");
    expect(r.errors![2]!.message).toMatch(/storageUsedTb \(12\) cannot exceed storageTb \(10\)/);
    expect(r.errors!.every((e) => (e.path ?? []).join(".") === "createAsset")).toBe(true);
    expect(await db.prisma.asset.count()).toBe(before);
  });

  it("still answers a single wrong field as one error", async () => {
    const r = await gql(CREATE_ASSET, { input: { organisation: "SCC", name: "", kind: "SERVER" } });
    expect(fieldsOf(r)).toEqual([{ code: "BAD_INPUT", field: "input.name" }]);
  });

  it("refuses an asset update on every wrong field, a taken name among them", async () => {
    const r = await gql(UPDATE_ASSET, {
      id: gid("Asset", estate.sccApp.id),
      version: estate.sccApp.version,
      patch: { name: estate.sccCluster.name, ramGb: 8, ramUsedGb: 16, criticality: null },
    });
    expect(fieldsOf(r)).toEqual([
      { code: "BAD_INPUT", field: "patch.criticality" },
      { code: "BAD_INPUT", field: "patch.ramUsedGb" },
      { code: "BAD_INPUT", field: "patch.name" },
    ]);
    const after = await db.prisma.asset.findUniqueOrThrow({ where: { id: estate.sccApp.id } });
    expect(after.version).toBe(estate.sccApp.version);
  });

  it("refuses a new site and a site update on every wrong field", async () => {
    const created = await gql(CREATE_SITE, {
      input: {
        organisation: "SCC",
        name: "Hub",
        kind: "DATA_CENTRE",
        pue: 0.5,
        tier: 0,
        racks: 2,
        racksUsed: 3,
      },
    });
    expect(fieldsOf(created).map((e) => e.field)).toEqual(["input.pue", "input.tier", "input.racksUsed"]);
    const updated = await gql(UPDATE_SITE, {
      id: gid("Site", estate.sccDataCentre.id),
      version: estate.sccDataCentre.version,
      patch: {
        name: estate.dccDataCentre.name.slice(0, 0),
        postcode: "TOO LONG A POSTCODE",
        annualCost: "-1.00",
      },
    });
    expect(fieldsOf(updated).map((e) => e.field)).toEqual([
      "patch.name",
      "patch.postcode",
      "patch.annualCost",
    ]);
  });

  it("refuses a new licence and a new contract on every wrong field", async () => {
    const licence = await gql(CREATE_LICENCE, {
      input: {
        organisation: "SCC",
        product: gid("Product", estate.product.id),
        contract: unknownId("Contract"),
        metric: "USER",
        quantityOwned: -1,
        quantityUsed: 2,
        unitCost: "-1.00",
      },
    });
    expect(fieldsOf(licence).map((e) => e.field)).toEqual([
      "input.contract",
      "input.quantityOwned",
      "input.unitCost",
    ]);
    const contract = await gql(CREATE_CONTRACT, {
      input: {
        organisation: "SCC",
        reference: "",
        title: "Support",
        cpvCode: "123",
        startDate: "2027-04-01",
        endDate: "2026-04-01",
        noticePeriodDays: 5000,
      },
    });
    expect(fieldsOf(contract).map((e) => e.field)).toEqual([
      "input.reference",
      "input.noticePeriodDays",
      "input.cpvCode",
      "input.endDate",
    ]);
  });
});
