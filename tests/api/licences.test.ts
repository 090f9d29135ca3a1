// Licences through the API: the rules of createLicence/updateLicence/retireLicence, above all that a
// licence's contract is its own organisation's and still active.
import { describe, it, expect, beforeAll, afterAll, beforeEach } from "vitest";
import { engines, openTestDatabase, type TestDatabase } from "../support/databases.ts";
import { graphqlClient } from "../support/graphql.ts";
import {
  buildEstate,
  createContract,
  expectRefused,
  gid,
  ok,
  unknownId,
  type Estate,
  type Gql,
} from "./fixtures.ts";
import { CREATE_LICENCE, RETIRE_LICENCE, UPDATE_LICENCE } from "./operations.ts";

describe.each(engines())("licences on %s", (engine) => {
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

  /** A valid SCC licence under SCC's contract, with more seats used than owned. */
  const validInput = () => ({
    organisation: "SCC",
    product: gid("Product", estate.product.id),
    contract: gid("Contract", estate.sccContract.id),
    metric: "USER",
    quantityOwned: 10,
    quantityUsed: 12,
    unitCost: "12.50",
    notes: "True-up due in April",
  });
  const create = (over: Record<string, unknown> = {}) =>
    gql(CREATE_LICENCE, { input: { ...validInput(), ...over } });
  const refuseCreate = (over: Record<string, unknown>, code: "BAD_INPUT" | "NOT_FOUND", field: string) =>
    expectRefused(db, () => create(over), code, field);

  describe("createLicence", () => {
    it("creates a licence whose annual cost defaults to unit cost × quantity owned", async () => {
      const { createLicence: licence } = ok(await create());
      expect(licence).toMatchObject({
        metric: "USER",
        quantityOwned: 10,
        quantityUsed: 12,
        shelfware: 0,
        shortfall: 2,
        unitCost: "12.50",
        annualCost: "125.00",
        status: "ACTIVE",
        version: 1,
        organisation: { code: "SCC" },
        product: { name: "Mosaic" },
        contract: { reference: "SCC-0001" },
      });
    });

    it("keeps an annual cost given explicitly", async () => {
      expect(ok(await create({ annualCost: "99.99" })).createLicence.annualCost).toBe("99.99");
    });

    it("rejects a contract that belongs to another organisation", async () => {
      await refuseCreate({ contract: gid("Contract", estate.dccContract.id) }, "BAD_INPUT", "input.contract");
    });

    it("rejects a retired contract", async () => {
      const old = await createContract(db.prisma, estate.orgs.SCC, {
        reference: "SCC-OLD",
        status: "RETIRED",
      });
      await refuseCreate({ contract: gid("Contract", old.id) }, "BAD_INPUT", "input.contract");
    });

    it("rejects a contract that does not exist", async () => {
      await refuseCreate({ contract: unknownId("Contract") }, "NOT_FOUND", "input.contract");
    });

    it("rejects a malformed contract ID", async () => {
      await refuseCreate({ contract: "Contract:SCC-0001" }, "BAD_INPUT", "input.contract");
    });

    it("rejects a product that does not exist", async () => {
      await refuseCreate({ product: unknownId("Product") }, "NOT_FOUND", "input.product");
    });

    it("rejects an unknown metric given in variables", async () => {
      await refuseCreate({ metric: "PER_SEAT" }, "BAD_INPUT", "input.metric");
    });

    it.each([["unitCost"], ["annualCost"]])("rejects a negative %s", async (field) => {
      await refuseCreate({ [field]: "-0.01" }, "BAD_INPUT", `input.${field}`);
    });

    it("rejects a unit cost with three decimal places", async () => {
      await refuseCreate({ unitCost: "12.505" }, "BAD_INPUT", "input.unitCost");
    });

    it.each([["quantityOwned"], ["quantityUsed"]])("rejects a negative %s", async (field) => {
      await refuseCreate({ [field]: -1 }, "BAD_INPUT", `input.${field}`);
    });

    it("rejects an unknown organisation code", async () => {
      await refuseCreate({ organisation: "ZZZ" }, "NOT_FOUND", "input.organisation");
    });
  });

  describe("updateLicence", () => {
    const update = (patch: Record<string, unknown>, version = 1) =>
      gql(UPDATE_LICENCE, { id: gid("Licence", estate.sccLicence.id), version, patch });

    it("changes the quantities, keeps the annual cost unless given, and bumps the version", async () => {
      const { updateLicence: licence } = ok(await update({ quantityOwned: 20, quantityUsed: 5 }));
      expect(licence).toMatchObject({
        quantityOwned: 20,
        quantityUsed: 5,
        shelfware: 15,
        shortfall: 0,
        unitCost: "10.00",
        annualCost: "100.00",
        version: 2,
      });
    });

    it.each([["metric"], ["quantityOwned"], ["quantityUsed"], ["unitCost"], ["annualCost"]])(
      "rejects a patch setting the required field %s to null",
      async (field) => {
        await expectRefused(db, () => update({ [field]: null }), "BAD_INPUT", `patch.${field}`);
      },
    );

    it("rejects moving a licence to another organisation's contract", async () => {
      await expectRefused(
        db,
        () => update({ contract: gid("Contract", estate.dccContract.id) }),
        "BAD_INPUT",
        "patch.contract",
      );
    });

    it("detaches a licence from its contract when the contract is set to null", async () => {
      expect(ok(await update({ contract: null })).updateLicence.contract).toBeNull();
    });

    it("rejects a negative unit cost in a patch", async () => {
      await expectRefused(db, () => update({ unitCost: "-5" }), "BAD_INPUT", "patch.unitCost");
    });
  });

  describe("retireLicence", () => {
    it("retires a licence and bumps its version", async () => {
      const { retireLicence: licence } = ok(
        await gql(RETIRE_LICENCE, { id: gid("Licence", estate.sccLicence.id), version: 1 }),
      );
      expect(licence).toMatchObject({ status: "RETIRED", version: 2 });
    });

    it("rejects retiring a licence that does not exist", async () => {
      await expectRefused(
        db,
        () => gql(RETIRE_LICENCE, { id: unknownId("Licence"), version: 1 }),
        "NOT_FOUND",
        "id",
      );
    });
  });

  describe("licences query", () => {
    const LICENCES = `query ($filter: LicenceFilter) { licences(filter: $filter) { totalCount edges { node { id } } } }`;
    const found = async (filter: object) =>
      ok(await gql(LICENCES, { filter }))
        .licences.edges.map((e: any) => e.node.id)
        .sort();

    it("filters by shelfware, metric, status, capability and vendor name", async () => {
      const { createLicence: spare } = ok(
        await create({ metric: "DEVICE", quantityOwned: 50, quantityUsed: 10, contract: null }),
      );
      const { createLicence: short } = ok(
        await create({
          organisation: "DCC",
          metric: "CORE",
          quantityOwned: 1,
          quantityUsed: 4,
          contract: null,
        }),
      );
      const fixture = gid("Licence", estate.sccLicence.id);
      expect(await found({ shelfwareOnly: true })).toEqual([fixture, spare.id].sort());
      expect(await found({ metric: ["CORE"] })).toEqual([short.id]);
      expect(await found({ organisation: ["DCC"] })).toEqual([short.id]);
      expect(await found({ capability: ["mosaic"] })).toHaveLength(3);
      expect(await found({ search: "mosaic LTD" })).toHaveLength(3);
      ok(await gql(RETIRE_LICENCE, { id: spare.id, version: 1 }));
      expect(await found({ status: ["RETIRED"] })).toEqual([spare.id]);
    });
  });
});
