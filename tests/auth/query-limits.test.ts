// Limits every operation must fit (QUERY_LIMITS), checked before anything executes: an operation over a
// limit is refused with QUERY_TOO_COMPLEX (HTTP 400) and a message naming the limit, and no SQL beyond
// identifying the caller runs. The cost limit refuses the aliased-analytics attack of the red-team report
// yet passes every full page. Page sizes and request bodies have limits of their own.
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { MAX_BODY_BYTES } from "../../server/app.ts";
import { QUERY_LIMITS } from "../../server/graphql-limits.ts";
import { MAX_PAGE_SIZE } from "../../server/shared/pagination.ts";
import { buildSchema } from "../../server/schema.ts";
import type { GraphQLObjectType, GraphQLSchema } from "graphql";
import { engines, openTestDatabase, type TestDatabase } from "../support/databases.ts";
import {
  createOrgs,
  createUser,
  expectCode,
  gql,
  newApp,
  ok,
  resetDatabase,
  signIn,
  type App,
  type Credentials,
  type GqlResponse,
} from "./fixtures.ts";

/** A query whose deepest field is `depth` fields down (up to 14): assets › edges › node › dependsOn › target … › __typename. */
function queryOfDepth(depth: number): string {
  const objects = [
    "assets(first: 1)",
    "edges",
    "node",
    "dependsOn",
    "target",
    "dependsOn",
    "target",
    "dependsOn",
    "target",
    "site",
    "organisation",
    "summary",
    "assetsByKind",
  ].slice(0, depth - 1);
  return `{ ${objects.join(" { ")} { __typename }${" }".repeat(objects.length - 1)} }`;
}

/** A query with `n` aliased root fields. */
const queryWithAliases = (n: number) =>
  `{ ${Array.from({ length: n }, (_v, i) => `o${i}: organisations { code }`).join(" ")} }`;

/** A query of well over `n` tokens. */
const queryWithTokens = (n: number) => `{ organisations { ${"code ".repeat(n)}} }`;

/** A query with `n` directives (at most one of each kind per field, as GraphQL requires). */
const queryWithDirectives = (n: number) =>
  `{ organisations { ${"code @include(if: true) @skip(if: false) ".repeat(Math.floor(n / 2))}${n % 2 ? "code @include(if: true)" : ""} } }`;

/** The attack of the report: 20 aliased licenceOverlaps, inside the depth, alias and token limits. */
const aliasedOverlaps = (n = 20) =>
  `{ ${Array.from({ length: n }, (_v, i) => `o${i}: licenceOverlaps { id label annualCost }`).join(" ")} }`;

/** graphql's class of a schema type, read without instanceof (vitest loads graphql twice). */
const kindOf = (t: unknown) => Object.prototype.toString.call(t).slice(8, -1);

/** The scalar fields of `typeName`, and its to-one relations with their scalar fields, as a selection. */
function rowSelection(schema: GraphQLSchema, typeName: string, nested = false): string {
  const type = schema.getType(typeName) as GraphQLObjectType;
  const parts: string[] = [];
  for (const field of Object.values(type.getFields())) {
    if (field.args.some((a) => String(a.type).endsWith("!") && a.defaultValue === undefined)) continue;
    let named: { ofType?: unknown; name?: string } = field.type;
    let list = false;
    while (named.ofType) {
      if (kindOf(named) === "GraphQLList") list = true;
      named = named.ofType as typeof named;
    }
    const kind = kindOf(named);
    if (kind === "GraphQLScalarType" || kind === "GraphQLEnumType") parts.push(field.name);
    else if (kind === "GraphQLObjectType" && !list && !nested)
      parts.push(`${field.name} { ${rowSelection(schema, named.name!, true)} }`);
  }
  return parts.join(" ");
}

/** Every connection on Query with a full page of rows: each scalar field and each to-one relation's. */
function fullPages(): { field: string; query: string }[] {
  const schema = buildSchema();
  return Object.values(schema.getQueryType()!.getFields())
    .filter((f) => String(f.type).replace(/!$/, "").endsWith("Connection"))
    .map((f) => {
      const connection = schema.getType(String(f.type).replace(/!$/, "")) as GraphQLObjectType;
      const edge = String(connection.getFields().edges!.type).replace(/[[\]!]/g, "");
      const node = String((schema.getType(edge) as GraphQLObjectType).getFields().node!.type).replace(
        /!$/,
        "",
      );
      return {
        field: f.name,
        query: `{ ${f.name}(first: ${MAX_PAGE_SIZE}) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { ${rowSelection(schema, node)} } } } }`,
      };
    });
}

describe.each(engines())("query limits on %s", (engine) => {
  let db: TestDatabase;
  let app: App;
  let viewer: Credentials;
  /** The SQL of identifying the caller alone (what a refused operation may cost). */
  let identifying: string[];

  beforeAll(async () => {
    db = await openTestDatabase(engine);
    await resetDatabase(db);
    const orgs = await createOrgs(db.prisma);
    await createUser(db.prisma, "viewer@southshire.gov.uk", [[orgs.SCC, "VIEWER"]]);
    app = newApp(db.prisma);
    viewer = await signIn(app, "viewer@southshire.gov.uk");
    db.resetQueryCount();
    ok(await gql(app, viewer, `{ __typename }`));
    identifying = [...db.queries];
    expect(identifying.length).toBeGreaterThan(0);
  });
  afterAll(() => db?.close());

  /** Sends `query`, asserting it was refused before execution with a message matching `message`. */
  async function expectRefusedBeforeExecution(query: string, message: RegExp): Promise<GqlResponse> {
    db.resetQueryCount();
    const res = await gql(app, viewer, query);
    expect(res.errors?.length, JSON.stringify(res.data)).toBeGreaterThan(0);
    expect(res.errors![0]!.message).toMatch(message);
    expect(res.data ?? null).toBeNull();
    expect(db.queries, "only the caller was looked up; nothing executed").toEqual(identifying);
    return res;
  }

  it(`runs a query ${QUERY_LIMITS.maxDepth} fields deep`, async () => {
    ok(await gql(app, viewer, queryOfDepth(QUERY_LIMITS.maxDepth)));
  });

  /** Asserts the refusal names its limit clearly: QUERY_TOO_COMPLEX, HTTP 400, never a "Syntax Error". */
  function expectLimitError(res: GqlResponse, limit: string) {
    expect(res.status).toBe(400);
    const error = expectCode(res, "QUERY_TOO_COMPLEX");
    expect(error.extensions).toMatchObject({ limit });
    expect(error.message).not.toMatch(/syntax/i);
    return error;
  }

  it(`refuses a query ${QUERY_LIMITS.maxDepth + 1} fields deep before executing it`, async () => {
    const res = await expectRefusedBeforeExecution(
      queryOfDepth(QUERY_LIMITS.maxDepth + 1),
      new RegExp(
        `^query depth limit of ${QUERY_LIMITS.maxDepth} exceeded \\(found ${QUERY_LIMITS.maxDepth + 1}\\): ask for fewer nested fields`,
      ),
    );
    expectLimitError(res, "maxDepth");
  });

  it(`runs a query with ${QUERY_LIMITS.maxAliases} aliases`, async () => {
    ok(await gql(app, viewer, queryWithAliases(QUERY_LIMITS.maxAliases)));
  });

  it(`refuses a query with ${QUERY_LIMITS.maxAliases + 1} aliases before executing it`, async () => {
    const res = await expectRefusedBeforeExecution(
      queryWithAliases(QUERY_LIMITS.maxAliases + 1),
      new RegExp(
        `^aliases limit of ${QUERY_LIMITS.maxAliases} exceeded \\(found ${QUERY_LIMITS.maxAliases + 1}\\)`,
      ),
    );
    expectLimitError(res, "maxAliases");
  });

  it(`refuses a query of more than ${QUERY_LIMITS.maxTokens} tokens before executing it`, async () => {
    const res = await expectRefusedBeforeExecution(
      queryWithTokens(QUERY_LIMITS.maxTokens),
      new RegExp(`^token limit of ${QUERY_LIMITS.maxTokens} exceeded: send a shorter query`),
    );
    expectLimitError(res, "maxTokens");
  });

  it(`refuses a query with more than ${QUERY_LIMITS.maxDirectives} directives before executing it`, async () => {
    ok(await gql(app, viewer, queryWithDirectives(QUERY_LIMITS.maxDirectives)));
    const res = await expectRefusedBeforeExecution(
      queryWithDirectives(QUERY_LIMITS.maxDirectives + 1),
      new RegExp(
        `^directives limit of ${QUERY_LIMITS.maxDirectives} exceeded \\(found ${QUERY_LIMITS.maxDirectives + 1}\\)`,
      ),
    );
    expectLimitError(res, "maxDirectives");
  });

  it("refuses 20 aliased licenceOverlaps before executing any, naming the cost limit and the cost", async () => {
    const res = await expectRefusedBeforeExecution(
      aliasedOverlaps(20),
      new RegExp(
        `^query cost limit of ${QUERY_LIMITS.maxCost.toLocaleString("en-GB")} exceeded: this operation costs [\\d,]+ \\(o\\d+: licenceOverlaps [\\d,]+,`,
      ),
    );
    const error = expectLimitError(res, "maxCost");
    const extensions = error.extensions as { cost: number; maxCost: number };
    expect(extensions.maxCost).toBe(QUERY_LIMITS.maxCost);
    expect(extensions.cost).toBeGreaterThan(QUERY_LIMITS.maxCost);
    expect(error.message).toContain(extensions.cost.toLocaleString("en-GB"));
    expect(error.message).toMatch(/smaller pages, fewer nested lists, or fewer analytic fields/);
  });

  it("refuses the same overlaps whether aliased inline, spread from a fragment or sized by variables", async () => {
    const fragment = `{ ${Array.from({ length: 20 }, (_v, i) => `o${i}: licenceOverlaps { ...O }`).join(" ")} } fragment O on LicenceOverlap { id }`;
    expectLimitError(await gql(app, viewer, fragment), "maxCost");
    const nested = `query ($n: Int) { assets(first: $n) { edges { node { dependsOn { target { dependsOn { target { id } } } } } } } }`;
    expectLimitError(await gql(app, viewer, nested, { n: MAX_PAGE_SIZE }), "maxCost");
  });

  it("runs the page of 450 assets with organisation and site the cost model used to refuse", async () => {
    const page = (n: number) =>
      `{ assets(first: ${n}) { edges { node { name kind organisation { code name } site { name } } } } }`;
    ok(await gql(app, viewer, page(450)));
    ok(await gql(app, viewer, page(MAX_PAGE_SIZE)));
  });

  it.each(fullPages())(
    `runs a page of ${MAX_PAGE_SIZE} $field with every scalar field and to-one relation`,
    async ({ query }) => {
      ok(await gql(app, viewer, query));
    },
  );

  it("answers every refused query with HTTP 400, like any other invalid document", async () => {
    for (const query of [
      queryOfDepth(QUERY_LIMITS.maxDepth + 1),
      queryWithAliases(QUERY_LIMITS.maxAliases + 1),
      aliasedOverlaps(20),
      queryWithTokens(QUERY_LIMITS.maxTokens),
      queryWithDirectives(QUERY_LIMITS.maxDirectives + 1),
    ]) {
      expect((await gql(app, viewer, query)).status, query.slice(0, 60)).toBe(400);
    }
  });

  it.each(["assets", "sites", "licences", "contracts", "auditEvents"])(
    `refuses %s(first: ${MAX_PAGE_SIZE + 1}) with BAD_INPUT`,
    async (field) => {
      expectCode(
        await gql(app, viewer, `{ ${field}(first: ${MAX_PAGE_SIZE + 1}) { totalCount } }`),
        "BAD_INPUT",
        "first",
      );
      ok(await gql(app, viewer, `{ ${field}(first: ${MAX_PAGE_SIZE}) { totalCount } }`));
    },
  );

  it(`refuses a request body over ${MAX_BODY_BYTES} bytes with 413 before reading who sent it`, async () => {
    const padding = " ".repeat(MAX_BODY_BYTES);
    db.resetQueryCount();
    const res = await app.request("/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", ...viewer.headers },
      body: JSON.stringify({ query: `{ __typename ${padding}}` }),
    });
    expect(res.status).toBe(413);
    expect(
      ((await res.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code,
    ).toBe("PAYLOAD_TOO_LARGE");
    expect(db.queries).toEqual([]);
  });
});
