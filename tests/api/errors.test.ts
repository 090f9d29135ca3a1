// Errors at the edges of the API: invalid requests get HTTP 400 and a code, database failures are
// translated and never leaked, `node(id:)` resolves every Node type, and money stays exact end to end.
import { describe, it, expect, beforeAll, afterAll, beforeEach } from "vitest";
import { createApp } from "../../server/app.ts";
import { SYSTEM_ACTOR } from "../../server/shared/actor.ts";
import { engines, openTestDatabase, type TestDatabase } from "../support/databases.ts";
import { graphqlClient, type GqlResult } from "../support/graphql.ts";
import {
  buildEstate,
  createAsset,
  expectError,
  gid,
  ok,
  unknownId,
  type Estate,
  type Gql,
} from "./fixtures.ts";
import { CREATE_ASSET, CREATE_CONTRACT, CREATE_DEPENDENCY, CREATE_LICENCE } from "./operations.ts";

/** Words that would betray the database behind an error message. */
const LEAKS = /prisma|sql|constraint|unique|duplicate key|violat|relation "|_key\b|P20\d\d/i;

describe.each(engines())("errors and edge cases on %s", (engine) => {
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

  /** POSTs a raw body to /graphql through the hono app, as a GraphQL-over-HTTP client would. */
  const post = (body: string) =>
    createApp({ prisma: db.prisma, graphiql: false, actorOverride: () => SYSTEM_ACTOR }).app.request(
      "/graphql",
      {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/graphql-response+json" },
        body,
      },
    );

  describe("over HTTP", () => {
    it("answers a query for an unknown field with HTTP 400 and GRAPHQL_VALIDATION_FAILED", async () => {
      const res = await post(JSON.stringify({ query: "{ assets { edges { node { colour } } } }" }));
      expect(res.status).toBe(400);
      const body = (await res.json()) as GqlResult;
      expect(body.data).toBeUndefined();
      expectError(body, "GRAPHQL_VALIDATION_FAILED");
    });

    it("answers a body that is not JSON with HTTP 400", async () => {
      const res = await post('{"query": "{ organisations { code } }"');
      expect(res.status).toBe(400);
      expect(((await res.json()) as GqlResult).errors?.length).toBeGreaterThan(0);
    });

    it("answers a query that does not parse with HTTP 400", async () => {
      expect((await post(JSON.stringify({ query: "{ organisations { code " }))).status).toBe(400);
    });

    it("answers a bad variable with HTTP 400, BAD_INPUT and the variable's path", async () => {
      const res = await post(
        JSON.stringify({
          query: CREATE_ASSET,
          variables: { input: { organisation: "SCC", name: "X", kind: "TOASTER" } },
        }),
      );
      expect(res.status).toBe(400);
      expectError((await res.json()) as GqlResult, "BAD_INPUT", "input.kind");
    });

    it("answers a valid query with HTTP 200", async () => {
      const res = await post(JSON.stringify({ query: "{ organisations { code } }" }));
      expect(res.status).toBe(200);
      expect(((await res.json()) as GqlResult).data.organisations.map((o: any) => o.code)).toEqual([
        "DCC",
        "SCC",
        "WBC",
      ]);
    });
  });

  describe("database failures", () => {
    /** Asserts no response leaks the database, and returns the refused ones. */
    const refusals = (results: GqlResult[]) => {
      for (const r of results) for (const e of r.errors ?? []) expect(e.message).not.toMatch(LEAKS);
      return results.filter((r) => r.errors);
    };

    it("turns a race for the same asset name into one success and refusals that name the field, leaking nothing", async () => {
      const input = { organisation: "SCC", name: "Contested name", kind: "SERVER" };
      const results = await Promise.all(Array.from({ length: 10 }, () => gql(CREATE_ASSET, { input })));
      const refused = refusals(results);
      expect(refused).toHaveLength(9);
      for (const r of refused) {
        expect(["BAD_INPUT", "CONFLICT"]).toContain(r.errors![0]!.extensions?.code);
        expect(r.errors![0]!.extensions?.field).toBe("input.name");
      }
      expect(await db.prisma.asset.count({ where: { name: "Contested name" } })).toBe(1);
      expect(await db.prisma.auditEvent.count()).toBe(1);
    });

    it("turns a race for the same dependency into one success and CONFLICT refusals, leaking nothing", async () => {
      const input = {
        source: gid("Asset", estate.sccCluster.id),
        target: gid("Asset", estate.dccWan.id),
        type: "CONNECTS_TO",
      };
      const results = await Promise.all(Array.from({ length: 6 }, () => gql(CREATE_DEPENDENCY, { input })));
      const refused = refusals(results);
      expect(refused).toHaveLength(5);
      for (const r of refused) expectError(r, "CONFLICT", "input.type");
    });

    it("turns a race for the same ocid into one success and CONFLICT refusals, leaking nothing", async () => {
      const results = await Promise.all(
        ["SCC", "DCC", "WBC"].map((organisation, i) =>
          gql(CREATE_CONTRACT, {
            input: { organisation, reference: `R-${i}`, title: "Phones", ocid: "ocds-b5fd17-race" },
          }),
        ),
      );
      const refused = refusals(results);
      expect(refused).toHaveLength(2);
      for (const r of refused) expectError(r, "CONFLICT", "input.ocid");
    });
  });

  describe("node(id:)", () => {
    const NODE = `query ($id: ID!) { node(id: $id) { __typename id } }`;

    it("returns every type of Node by its global ID", async () => {
      const licence = ok(
        await gql(CREATE_LICENCE, {
          input: {
            organisation: "SCC",
            product: gid("Product", estate.product.id),
            metric: "CORE",
            quantityOwned: 1,
            quantityUsed: 1,
          },
        }),
      ).createLicence;
      const nodes: [string, string][] = [
        ["Organisation", estate.orgs.DCC.id],
        ["Site", estate.sccDataCentre.id],
        ["Asset", estate.dccWan.id],
        ["Dependency", estate.runsOn.id],
        ["Vendor", estate.vendor.id],
        ["Capability", estate.capability.id],
        ["Product", estate.product.id],
        ["Licence", licence.id.split(":")[1]],
        ["Contract", estate.dccContract.id],
      ];
      for (const [type, id] of nodes) {
        expect(ok(await gql(NODE, { id: gid(type, id) })).node, type).toEqual({
          __typename: type,
          id: gid(type, id),
        });
      }
    });

    it.each([["Asset"], ["Site"], ["Dependency"], ["Licence"], ["Organisation"]])(
      "returns null for an unknown %s",
      async (type) => {
        expect(ok(await gql(NODE, { id: unknownId(type) })).node).toBeNull();
      },
    );

    it("rejects an ID of a type that is not a Node, naming the field", async () => {
      expectError(await gql(NODE, { id: gid("Spaceship", estate.dccWan.id) }), "BAD_INPUT", "id");
    });

    it("rejects a malformed ID", async () => {
      expectError(await gql(NODE, { id: "Asset" }), "BAD_INPUT", "id");
    });

    it("returns null from asset(id:) given the ID of a site", async () => {
      expect(
        ok(
          await gql(`query ($id: ID!) { asset(id: $id) { id } }`, {
            id: gid("Site", estate.sccDataCentre.id),
          }),
        ).asset,
      ).toBeNull();
    });
  });

  describe("organisation(code:)", () => {
    const ORGANISATION = `query ($code: String!) { organisation(code: $code) { code } }`;

    it("finds an organisation by its code in any case", async () => {
      expect(ok(await gql(ORGANISATION, { code: " dcc " })).organisation).toEqual({ code: "DCC" });
    });

    it.each([["%"], ["_CC"]])("returns null for %j, which no organisation has as its code", async (code) => {
      expect(ok(await gql(ORGANISATION, { code })).organisation).toBeNull();
    });
  });

  describe("money", () => {
    const SUMMARY = `query ($code: String!) { organisation(code: $code) { summary { annualRunCost assetCount licenceSpend } } }`;

    it("adds 0.10 and 0.20 to exactly 0.30 in the organisation summary", async () => {
      await gql(CREATE_ASSET, {
        input: { organisation: "WBC", name: "Ten pence", kind: "SERVER", annualRunCost: "0.10" },
      });
      await gql(CREATE_ASSET, {
        input: { organisation: "WBC", name: "Twenty pence", kind: "SERVER", annualRunCost: "0.20" },
      });
      expect(ok(await gql(SUMMARY, { code: "WBC" })).organisation.summary).toMatchObject({
        annualRunCost: "0.30",
        assetCount: 2,
      });
    });

    it("leaves retired assets out of the summary's run cost", async () => {
      await createAsset(db.prisma, estate.orgs.WBC, {
        name: "Gone",
        annualRunCostPence: 500n,
        lifecycle: "RETIRED",
      });
      await createAsset(db.prisma, estate.orgs.WBC, { name: "Here", annualRunCostPence: 1n });
      expect(ok(await gql(SUMMARY, { code: "WBC" })).organisation.summary).toMatchObject({
        annualRunCost: "0.01",
        assetCount: 1,
      });
    });

    it.each([["12345678901.99"], ["999999999999999.99"], ["0.01"], ["0.00"]])(
      "keeps %s exact from input to output",
      async (value) => {
        const { createContract: contract } = ok(
          await gql(CREATE_CONTRACT, {
            input: { organisation: "SCC", reference: "BIG", title: "Big", value },
          }),
        );
        expect(contract.value).toBe(value);
        const read = ok(await gql(`query ($id: ID!) { contract(id: $id) { value } }`, { id: contract.id }));
        expect(read.contract.value).toBe(value);
      },
    );

    it.each([
      ["a whole number of pounds", 12, "12.00"],
      ["one decimal place", "0.5", "0.50"],
    ])("accepts %s and answers with two decimals", async (_what, annualRunCost, expected) => {
      expect(
        ok(
          await gql(CREATE_ASSET, {
            input: { organisation: "SCC", name: "Rounded", kind: "SERVER", annualRunCost },
          }),
        ).createAsset.annualRunCost,
      ).toBe(expected);
    });

    it.each([
      ["a fractional JSON number", 12.5],
      ["sixteen digits of pounds", "1234567890123456"],
      ["an exponent", "1e3"],
    ])("rejects %s as money", async (_what, annualRunCost) => {
      expectError(
        await gql(CREATE_ASSET, {
          input: { organisation: "SCC", name: "Odd", kind: "SERVER", annualRunCost },
        }),
        "BAD_INPUT",
        "input.annualRunCost",
      );
    });

    it("multiplies a unit cost of 0.10 by 3 to an annual cost of exactly 0.30", async () => {
      const input = {
        organisation: "SCC",
        product: gid("Product", estate.product.id),
        metric: "DEVICE",
        quantityOwned: 3,
        quantityUsed: 0,
        unitCost: "0.10",
      };
      expect(ok(await gql(CREATE_LICENCE, { input })).createLicence.annualCost).toBe("0.30");
    });
  });
});
