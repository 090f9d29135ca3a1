// Anonymous callers: every GraphQL operation is refused with 401 before anything runs, whichever way it is
// sent; only sign-in and the web app's static files are served without credentials.
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { createApp } from "../../server/app.ts";
import { buildSchema } from "../../server/schema.ts";
import { engines, openTestDatabase, type TestDatabase } from "../support/databases.ts";
import { ensureWebBuilt } from "../support/web-build.ts";
import { createOrgs, newApp, resetDatabase, type App } from "./fixtures.ts";

const schema = buildSchema();

/** Every root field of the schema as the operation that calls it. */
const OPERATIONS: [kind: "query" | "mutation", field: string][] = [
  ...Object.keys(schema.getQueryType()!.getFields()).map((f) => ["query", f] as ["query", string]),
  ...Object.keys(schema.getMutationType()!.getFields()).map((f) => ["mutation", f] as ["mutation", string]),
];

/** A document calling `field` (it need not be valid: nothing may even parse it). */
const documentFor = (kind: string, field: string) => `${kind} { ${field} { __typename } }`;

async function expectUnauthenticated(res: Response): Promise<void> {
  expect(res.status).toBe(401);
  expect(res.headers.get("www-authenticate")).toMatch(/^Bearer realm=/);
  const body = (await res.json()) as { data?: unknown; errors?: { extensions?: { code?: string } }[] };
  expect(body.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  expect(body.data).toBeUndefined();
}

describe.each(engines())("anonymous callers on %s", (engine) => {
  let db: TestDatabase;
  let app: App;

  beforeAll(async () => {
    ensureWebBuilt();
    db = await openTestDatabase(engine);
    await resetDatabase(db);
    await createOrgs(db.prisma);
    app = newApp(db.prisma);
  });
  afterAll(() => db?.close());

  it.each(OPERATIONS)("refuses %s %s sent by POST with 401 UNAUTHENTICATED", async (kind, field) => {
    db.resetQueryCount();
    const res = await app.request("/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/graphql-response+json" },
      body: JSON.stringify({ query: documentFor(kind, field) }),
    });
    await expectUnauthenticated(res);
    expect(db.queries, "an anonymous request reads nothing").toEqual([]);
  });

  it.each(OPERATIONS)("refuses %s %s sent by GET with 401 UNAUTHENTICATED", async (kind, field) => {
    const res = await app.request(`/graphql?query=${encodeURIComponent(documentFor(kind, field))}`, {
      headers: { accept: "application/graphql-response+json" },
    });
    await expectUnauthenticated(res);
  });

  it("treats an unknown session cookie or bearer token as anonymous", async () => {
    const forged: Record<string, string>[] = [
      { cookie: "converge_session=s_forged", "sec-fetch-site": "same-origin" },
      { authorization: "Bearer cvg_forged" },
    ];
    for (const headers of forged) {
      const res = await app.request("/graphql", {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: JSON.stringify({ query: "{ organisations { code } }" }),
      });
      await expectUnauthenticated(res);
    }
  });

  it("serves a browser the GraphiQL page without running the query in its URL", async () => {
    const res = await app.request(`/graphql?query=${encodeURIComponent("{ organisations { name } }")}`, {
      headers: { accept: "text/html" },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/text\/html/);
    expect(await res.text()).not.toContain("Southshire County Council");
  });

  it("refuses a browser-like GET with 401 when GraphiQL is off (as in production)", async () => {
    // Bug: app.ts lets any GET whose Accept mentions text/html through to yoga even when GraphiQL is off;
    // the access plugin then reads `null.mustChangePassword` and the caller gets INTERNAL_SERVER_ERROR.
    const { app: production } = createApp({ prisma: db.prisma, graphiql: false });
    const res = await production.request(
      `/graphql?query=${encodeURIComponent("{ organisations { name } }")}`,
      {
        headers: { accept: "text/html, application/graphql-response+json" },
      },
    );
    await expectUnauthenticated(res);
  });

  it("serves the web app and its assets anonymously", async () => {
    const page = await app.request("/");
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toMatch(/text\/html/);
    const script = await app.request("/assets/app.js");
    expect(script.status).toBe(200);
    expect(script.headers.get("content-type")).toMatch(/javascript/);
  });

  it("lets an anonymous caller reach sign-in, and nothing else under /auth", async () => {
    const signIn = await app.request("/auth/sign-in", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{}",
    });
    expect(signIn.status, "sign-in answers the request itself (bad input), not with 'sign in first'").toBe(
      400,
    );
    const refused = (await signIn.json()) as { errors: { extensions: { code: string } }[] };
    expect(refused.errors[0]!.extensions.code).toBe("BAD_INPUT");
    const me = await app.request("/auth/me");
    expect(me.status).toBe(401);
  });

  it("answers the web app's /auth/session for an anonymous caller with 200 and no user (no console error)", async () => {
    const session = await app.request("/auth/session");
    expect(session.status).toBe(200);
    expect(await session.json()).toEqual({ user: null });
  });
});
