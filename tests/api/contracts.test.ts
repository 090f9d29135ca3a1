// Contracts through the API: the rules of createContract/updateContract/retireContract.
import { describe, it, expect, beforeAll, afterAll, beforeEach } from "vitest";
import { engines, openTestDatabase, type TestDatabase } from "../support/databases.ts";
import { graphqlClient } from "../support/graphql.ts";
import {
  buildEstate,
  createContract,
  createLicence,
  expectRefused,
  gid,
  ok,
  unknownId,
  type Estate,
  type Gql,
} from "./fixtures.ts";
import { CREATE_CONTRACT, RETIRE_CONTRACT, RETIRE_LICENCE, UPDATE_CONTRACT } from "./operations.ts";

describe.each(engines())("contracts on %s", (engine) => {
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

  /** A valid three-year DCC contract from a public procurement record. */
  const validInput = () => ({
    organisation: "DCC",
    reference: "DCC-0002",
    title: "Wide area network",
    supplierName: "Openreach",
    startDate: "2025-04-01",
    endDate: "2028-03-31",
    noticePeriodDays: 90,
    value: "360000.00",
    annualValue: "120000",
    cpvCode: "64200000-8",
    ocid: "ocds-b5fd17-dcc-0002",
  });
  const create = (over: Record<string, unknown> = {}) =>
    gql(CREATE_CONTRACT, { input: { ...validInput(), ...over } });
  const refuseCreate = (
    over: Record<string, unknown>,
    code: "BAD_INPUT" | "NOT_FOUND" | "CONFLICT",
    field: string,
  ) => expectRefused(db, () => create(over), code, field);

  describe("createContract", () => {
    it("refuses an annual value above the total value over a term of a year or more, naming annualValue", async () => {
      const r = await refuseCreate({ value: "100000.00", annualValue: "120000.00" }, "BAD_INPUT", "input.annualValue");
      expect(JSON.stringify(r.errors)).toContain("total value over the term");
      // A six-month contract's annualised value may exceed its total.
      ok(await create({ startDate: "2025-04-01", endDate: "2025-09-30", value: "60000.00", annualValue: "120000.00" }));
    });

    it("creates a contract and works out its notice deadline", async () => {
      const { createContract: contract } = ok(await create());
      expect(contract).toMatchObject({
        reference: "DCC-0002",
        startDate: "2025-04-01",
        endDate: "2028-03-31",
        noticeDeadline: "2028-01-01",
        value: "360000.00",
        annualValue: "120000.00",
        status: "ACTIVE",
        version: 1,
        organisation: { code: "DCC" },
      });
    });

    it("rejects an end date before the start date", async () => {
      await refuseCreate({ startDate: "2028-04-01", endDate: "2028-03-31" }, "BAD_INPUT", "input.endDate");
    });

    it("accepts a contract that starts and ends on the same day", async () => {
      ok(await create({ startDate: "2028-03-31", endDate: "2028-03-31" }));
    });

    it.each([["4800000"], ["48000000-88"], ["ABCDEFGH"]])("rejects %j as a CPV code", async (cpvCode) => {
      await refuseCreate({ cpvCode }, "BAD_INPUT", "input.cpvCode");
    });

    it("accepts a CPV code without its check digit", async () => {
      expect(ok(await create({ cpvCode: "64200000" })).createContract.cpvCode).toBe("64200000");
    });

    it("rejects an ocid that is not an OCDS ocid", async () => {
      await refuseCreate({ ocid: "tender-123" }, "BAD_INPUT", "input.ocid");
    });

    it("rejects an ocid another contract already has, even in another organisation", async () => {
      await createContract(db.prisma, estate.orgs.SCC, {
        reference: "SCC-0100",
        ocid: "ocds-b5fd17-dcc-0002",
      });
      await refuseCreate({}, "CONFLICT", "input.ocid");
    });

    it("rejects a reference the organisation already uses, in any case", async () => {
      await refuseCreate({ reference: "dcc-0001" }, "CONFLICT", "input.reference");
    });

    it("allows a reference another organisation uses", async () => {
      ok(await create({ reference: "SCC-0001" }));
    });

    it("does not read an underscore in a new reference as a wildcard matching another reference", async () => {
      await createContract(db.prisma, estate.orgs.DCC, { reference: "NET-2025" });
      expect(ok(await create({ reference: "NET_2025" })).createContract.reference).toBe("NET_2025");
    });

    it.each([["value"], ["annualValue"]])("rejects a negative %s", async (field) => {
      await refuseCreate({ [field]: "-1" }, "BAD_INPUT", `input.${field}`);
    });

    it("rejects a value with three decimal places", async () => {
      await refuseCreate({ value: "360000.001" }, "BAD_INPUT", "input.value");
    });

    it("rejects an impossible start date", async () => {
      await refuseCreate({ startDate: "2027-02-30" }, "BAD_INPUT", "input.startDate");
    });

    it("rejects a negative notice period", async () => {
      await refuseCreate({ noticePeriodDays: -30 }, "BAD_INPUT", "input.noticePeriodDays");
    });

    it("rejects an empty title", async () => {
      await refuseCreate({ title: " " }, "BAD_INPUT", "input.title");
    });

    it("rejects an unknown organisation code", async () => {
      await refuseCreate({ organisation: "QQQ" }, "NOT_FOUND", "input.organisation");
    });
  });

  describe("updateContract", () => {
    const update = (patch: Record<string, unknown>, version = 1) =>
      gql(UPDATE_CONTRACT, { id: gid("Contract", estate.sccContract.id), version, patch });

    it("changes the fields in the patch and bumps the version", async () => {
      const { updateContract: contract } = ok(
        await update({ endDate: "2027-03-31", noticePeriodDays: 30, value: "1000.10" }),
      );
      expect(contract).toMatchObject({
        reference: "SCC-0001",
        endDate: "2027-03-31",
        noticeDeadline: "2027-03-01",
        value: "1000.10",
        version: 2,
      });
    });

    it.each([["reference"], ["title"]])(
      "rejects a patch setting the required field %s to null",
      async (field) => {
        await expectRefused(db, () => update({ [field]: null }), "BAD_INPUT", `patch.${field}`);
      },
    );

    it("rejects an end date before the start date already stored", async () => {
      ok(await update({ startDate: "2026-04-01" }));
      await expectRefused(db, () => update({ endDate: "2026-03-31" }, 2), "BAD_INPUT", "patch.endDate");
    });

    it("rejects taking another contract's ocid", async () => {
      await createContract(db.prisma, estate.orgs.SCC, { reference: "SCC-0100", ocid: "ocds-b5fd17-taken" });
      await expectRefused(db, () => update({ ocid: "ocds-b5fd17-taken" }), "CONFLICT", "patch.ocid");
    });
  });

  describe("retireContract", () => {
    const retire = (version = 1) =>
      gql(RETIRE_CONTRACT, { id: gid("Contract", estate.sccContract.id), version });

    it("refuses to retire a contract while an active licence points at it", async () => {
      await expectRefused(db, () => retire(), "BAD_INPUT", "id");
    });

    it("retires the contract once its licences are retired", async () => {
      ok(await gql(RETIRE_LICENCE, { id: gid("Licence", estate.sccLicence.id), version: 1 }));
      expect(ok(await retire()).retireContract).toMatchObject({ status: "RETIRED", version: 2 });
    });

    it("is not held up by retired licences that still point at it", async () => {
      const other = await createContract(db.prisma, estate.orgs.SCC, { reference: "SCC-0200" });
      await createLicence(db.prisma, estate.orgs.SCC, estate.product, {
        contractId: other.id,
        status: "RETIRED",
      });
      expect(
        ok(await gql(RETIRE_CONTRACT, { id: gid("Contract", other.id), version: 1 })).retireContract.status,
      ).toBe("RETIRED");
    });

    it("rejects retiring a contract that does not exist", async () => {
      await expectRefused(
        db,
        () => gql(RETIRE_CONTRACT, { id: unknownId("Contract"), version: 1 }),
        "NOT_FOUND",
        "id",
      );
    });
  });

  describe("contracts query", () => {
    const CONTRACTS = `query ($filter: ContractFilter) { contracts(filter: $filter) { totalCount edges { node { reference } } } }`;
    const references = async (filter: object) =>
      ok(await gql(CONTRACTS, { filter })).contracts.edges.map((e: any) => e.node.reference);

    it("filters by end date, organisation, status and a case-insensitive search", async () => {
      await createContract(db.prisma, estate.orgs.DCC, {
        reference: "DCC-0100",
        title: "Printers",
        supplierName: "Canon",
        endDate: new Date("2027-06-30"),
      });
      await createContract(db.prisma, estate.orgs.SCC, {
        reference: "SCC-0100",
        title: "Firewalls",
        endDate: new Date("2029-01-31"),
        status: "RETIRED",
      });
      expect(await references({ endsAfter: "2027-06-30" })).toEqual(["DCC-0100", "SCC-0100"]);
      expect(await references({ endsBefore: "2028-12-31" })).toEqual(["DCC-0100"]);
      expect(await references({ organisation: ["SCC"], status: ["ACTIVE"] })).toEqual(["SCC-0001"]);
      expect(await references({ search: "CANON" })).toEqual(["DCC-0100"]);
    });
  });
});
