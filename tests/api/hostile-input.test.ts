// Hostile input that once reached the database or blew the stack and came back INTERNAL_SERVER_ERROR:
// forged cursors, instants outside what PostgreSQL holds, prototype names as ID types, deeply nested
// JSON. Each is now refused as BAD_INPUT naming the field, and the API keeps answering.
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { createApp } from "../../server/app.ts";
import { SYSTEM_ACTOR } from "../../server/shared/actor.ts";
import { engines, openTestDatabase, type TestDatabase } from "../support/databases.ts";
import { graphqlClient, type GqlResult } from "../support/graphql.ts";
import { buildEstate, expectError, ok, type Gql } from "./fixtures.ts";

const UUID = "00000000-0000-0000-0000-000000000000";
/** A cursor as the API encodes them (base64url JSON of [value, id]) holding any value. */
const forge = (value: unknown, id: unknown = UUID) =>
  Buffer.from(
    `[${typeof value === "string" && value.startsWith("RAW:") ? value.slice(4) : JSON.stringify(value)},${JSON.stringify(id)}]`,
  ).toString("base64url");

const AUDIT = `query ($after: String, $filter: AuditFilter) { auditEvents(filter: $filter, first: 5, after: $after) { totalCount edges { cursor } } }`;
const ASSETS = `query ($orderBy: AssetOrder, $after: String) { assets(orderBy: $orderBy, first: 5, after: $after) { totalCount edges { cursor } } }`;
const NODE = `query ($id: ID!) { node(id: $id) { id } }`;

describe.each(engines())("hostile input on %s", (engine) => {
  let db: TestDatabase;
  let gql: Gql;

  beforeAll(async () => {
    db = await openTestDatabase(engine);
    await buildEstate(db.prisma);
    gql = graphqlClient(db.prisma);
    // Audit events to page through.
    for (const name of ["Probe A", "Probe B"]) {
      const org = "SCC";
      ok(
        await gql(`mutation ($i: CreateSiteInput!) { createSite(input: $i) { id } }`, {
          i: { organisation: org, name, kind: "OFFICE" },
        }),
      );
    }
  });
  afterAll(() => db?.close());

  /** POSTs a raw body (for JSON no client library would build) through the hono app. */
  const post = async (body: string) => {
    const res = await createApp({
      prisma: db.prisma,
      graphiql: false,
      actorOverride: () => SYSTEM_ACTOR,
    }).app.request("/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/graphql-response+json" },
      body,
    });
    return { status: res.status, body: (await res.json()) as GqlResult };
  };

  describe("forged cursors", () => {
    it.each([
      ["a string", "abc"],
      ["an object", { a: 1 }],
      ["a float", 1.5],
      ["1e400", "RAW:1e400"],
      ["a 400-digit bigint", { bigint: "9".repeat(400) }],
      ["a bigint of another shape", { bigint: {} }],
      ["a bigint wrapper with extra keys", { bigint: "1", date: "x" }],
      ["a date outside PostgreSQL's range", { date: "-271821-04-20T00:00:00.000Z" }],
      ["null", null],
    ])("refuses an auditEvents cursor whose value is %s", async (_what, value) => {
      expectError(await gql(AUDIT, { after: forge(value) }), "BAD_INPUT", "after");
    });

    it("refuses a cursor whose id is not a UUID, or that has extra elements", async () => {
      const real = ok(await gql(AUDIT)).auditEvents.edges[0].cursor as string;
      const [seq] = JSON.parse(Buffer.from(real, "base64url").toString()) as [unknown];
      expectError(await gql(AUDIT, { after: forge(seq, { id: UUID }) }), "BAD_INPUT", "after");
      const three = Buffer.from(JSON.stringify([seq, UUID, 1])).toString("base64url");
      expectError(await gql(AUDIT, { after: three }), "BAD_INPUT", "after");
    });

    it("still follows a real auditEvents cursor", async () => {
      const first = ok(await gql(AUDIT)).auditEvents;
      const next = ok(await gql(AUDIT, { after: first.edges[0].cursor })).auditEvents;
      expect(next.edges.length).toBe(first.edges.length - 1);
    });

    it.each([
      ["a 400-digit number", { bigint: "9".repeat(400) }],
      ["one past PostgreSQL's int8", { bigint: (2n ** 63n).toString() }],
      ["a number in exponent form", { bigint: "1e3" }],
      ["a bare JSON number", "RAW:1e400"],
      ["a date", { date: "2026-01-01T00:00:00.000Z" }],
    ])("refuses an assets ANNUAL_RUN_COST_DESC cursor holding %s", async (_what, value) => {
      expectError(
        await gql(ASSETS, { orderBy: "ANNUAL_RUN_COST_DESC", after: forge(value) }),
        "BAD_INPUT",
        "after",
      );
    });

    it.each([
      ["a NUL", "a\u0000b"],
      ["a lone surrogate", "\uD800"],
      ["1,001 characters", "x".repeat(1001)],
    ])("refuses an assets NAME_ASC cursor whose name holds %s", async (_what, value) => {
      expectError(await gql(ASSETS, { orderBy: "NAME_ASC", after: forge(value) }), "BAD_INPUT", "after");
    });

    it("refuses an UPDATED_AT_DESC cursor whose instant does not round-trip", async () => {
      for (const date of ["2026-02-30T00:00:00.000Z", "+275760-09-13T00:00:00.000Z", "2026-01-01"])
        expectError(
          await gql(ASSETS, { orderBy: "UPDATED_AT_DESC", after: forge({ date }) }),
          "BAD_INPUT",
          "after",
        );
    });
  });

  describe("instants", () => {
    it.each([
      ["the earliest instant JavaScript holds", "-271821-04-20T00:00:00Z"],
      ["a six-digit year", "+275760-09-13T00:00:00Z"],
      ["year 0 after its offset", "0001-01-01T00:00:00+01:00"],
      ["a day that does not exist", "2026-02-30T00:00:00Z"],
      ["hour 25", "2026-01-01T25:00:00Z"],
      ["no offset", "2026-01-01T09:00:00"],
    ])("refuses %s as auditEvents filter.from, sent as a variable", async (_what, from) => {
      expectError(await gql(AUDIT, { filter: { from } }), "BAD_INPUT", "filter.from");
    });

    it("refuses an out-of-range instant sent inline, naming filter.from", async () => {
      const r = await gql(`{ auditEvents(filter: { from: "-271821-04-20T00:00:00Z" }) { totalCount } }`);
      expectError(r, "BAD_INPUT", "filter.from");
      expect(r.errors![0]!.message).toMatch(/RFC 3339/);
    });

    it("accepts the instants clients send: offsets, fractions, a date alone", async () => {
      for (const from of ["2020-01-01T00:00:00Z", "2020-01-01T01:00:00.123456+01:00", "2020-01-01"])
        expect(ok(await gql(AUDIT, { filter: { from } })).auditEvents.totalCount).toBe(2);
      for (const from of ["9999-12-31T23:59:59.999Z", "0001-01-01T00:00:00Z"])
        ok(await gql(AUDIT, { filter: { from } }));
    });
  });

  describe("global IDs", () => {
    it.each(["__proto__", "constructor", "toString", "hasOwnProperty", "Spaceship", "asset", "ASSET"])(
      "refuses node(id:) with the type %s, naming id",
      async (type) => {
        const r = await gql(NODE, { id: `${type}:${UUID}` });
        expectError(r, "BAD_INPUT", "id");
        expect(r.errors![0]!.message).toMatch(/is not a type with IDs/);
      },
    );

    it("refuses an unknown type in every other place that takes an ID", async () => {
      expectError(
        await gql(`query ($id: ID!) { asset(id: $id) { id } }`, { id: `__proto__:${UUID}` }),
        "BAD_INPUT",
        "id",
      );
      expectError(
        await gql(`query ($id: ID!) { auditTrail(entityId: $id) { id } }`, { id: `constructor:${UUID}` }),
        "BAD_INPUT",
        "entityId",
      );
    });
  });

  describe("deeply nested JSON", () => {
    const IMPORT = "mutation ($json: JSON!) { importOcds(json: $json, dryRun: true) { created } }";
    /** A request body with `json` nested `depth` objects deep (built as text: JSON.stringify would recurse). */
    const nested = (depth: number, open = '{"a":', close = "}") =>
      `{"query":${JSON.stringify(IMPORT)},"variables":{"json":${open.repeat(depth)}1${close.repeat(depth)}}}`;

    it.each([
      ["objects", '{"a":', "}"],
      ["lists", "[", "]"],
    ])(
      "refuses importOcds JSON of %s nested 5,000 deep with BAD_INPUT on json, HTTP 400",
      async (_what, open, close) => {
        const { status, body } = await post(nested(5000, open, close));
        expect(status).toBe(400);
        expectError(body, "BAD_INPUT", "json");
        expect(body.errors![0]!.message).toMatch(/nested more than 64 levels/);
      },
    );

    it("refuses 64 levels plus one and lets 64 through to the import's own checks", async () => {
      expectError((await post(nested(65))).body, "BAD_INPUT", "json");
      const at64 = (await post(nested(64))).body;
      expect(at64.errors?.[0]?.message).toMatch(/not an OCDS package/);
    });

    it("answers other requests normally afterwards", async () => {
      await post(nested(50_000));
      expect(ok(await gql(`{ organisations { code } }`)).organisations).toHaveLength(3);
    });
  });
});
