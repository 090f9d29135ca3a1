// CORS (server/http/cors.ts): off unless CORS_ORIGINS lists origins, and then an exact allow-list for
// API-token callers that never reflects other origins and never allows credentials.
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { createApp } from "../../server/app.ts";
import { parseCorsOrigins } from "../../server/http/cors.ts";
import { engines, openTestDatabase, type TestDatabase } from "../support/databases.ts";
import {
  createOrgs,
  createUser,
  gql,
  newApp,
  ok,
  resetDatabase,
  signIn,
  type App,
} from "../auth/fixtures.ts";

const PLANNER = "https://planner.example.org";
const EVIL = "http://localhost:8666";

/** Every Access-Control-* header of a response. */
const corsHeaders = (res: Response) =>
  Object.fromEntries([...res.headers].filter(([name]) => name.startsWith("access-control-")));

describe("CORS_ORIGINS", () => {
  it("reads a comma-separated list of exact origins, with or without a trailing slash", () => {
    expect(parseCorsOrigins(undefined)).toEqual([]);
    expect(parseCorsOrigins(" ")).toEqual([]);
    expect(parseCorsOrigins(`${PLANNER}/, http://localhost:5173`)).toEqual([
      PLANNER,
      "http://localhost:5173",
    ]);
  });

  it.each([
    "*",
    "null",
    "https://*.example.org",
    "planner.example.org",
    "https://planner.example.org/app",
    "file:///x",
  ])("refuses %s, naming the entry and what an origin looks like", (entry) => {
    expect(() => parseCorsOrigins(`${PLANNER},${entry}`)).toThrow(
      new RegExp(
        `CORS_ORIGINS: "${entry.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}" is not an origin; list exact origins`,
      ),
    );
  });
});

describe.each(engines())("CORS on %s", (engine) => {
  let db: TestDatabase;
  let token: string;

  beforeAll(async () => {
    db = await openTestDatabase(engine);
    await resetDatabase(db);
    const orgs = await createOrgs(db.prisma);
    await createUser(db.prisma, "sam.lee@southshire.gov.uk", [[orgs.SCC, "VIEWER"]]);
    const app = newApp(db.prisma);
    const session = await signIn(app, "sam.lee@southshire.gov.uk");
    token = ok(await gql(app, session, `mutation { createApiToken(name: "cors") { token } }`)).createApiToken
      .token;
  });
  afterAll(() => db?.close());

  const preflight = (app: App, origin: string) =>
    app.request("/graphql", {
      method: "OPTIONS",
      headers: {
        origin,
        "access-control-request-method": "POST",
        "access-control-request-headers": "authorization, content-type",
      },
    });
  const query = (app: App, origin: string, headers: Record<string, string> = {}) =>
    app.request("/graphql", {
      method: "POST",
      headers: { origin, "content-type": "application/json", authorization: `Bearer ${token}`, ...headers },
      body: JSON.stringify({ query: "{ me { email } }" }),
    });

  it("sends no Access-Control-* header at all by default: not to a preflight, a token call or a signed-in page", async () => {
    const app = createApp({ prisma: db.prisma, corsOrigins: [] }).app;
    const answers = [
      await preflight(app, EVIL),
      await query(app, EVIL),
      await query(app, PLANNER),
      await app.request("/auth/me", { headers: { origin: EVIL } }),
    ];
    for (const res of answers) expect(corsHeaders(res)).toEqual({});
    expect(answers[1]!.status, "the token call itself runs; only reading its answer is blocked").toBe(200);
  });

  it("allows exactly the listed origins, without credentials, and tells every other origin nothing", async () => {
    const app = createApp({ prisma: db.prisma, corsOrigins: [PLANNER] }).app;
    const allowed = await preflight(app, PLANNER);
    expect(allowed.status).toBe(204);
    expect(corsHeaders(allowed)).toMatchObject({
      "access-control-allow-origin": PLANNER,
      "access-control-allow-headers": "authorization,content-type,accept",
    });
    expect(allowed.headers.get("access-control-allow-credentials")).toBeNull();

    const answered = await query(app, PLANNER);
    expect(answered.status).toBe(200);
    expect(answered.headers.get("access-control-allow-origin")).toBe(PLANNER);
    expect(answered.headers.get("access-control-allow-credentials")).toBeNull();
    expect(answered.headers.get("vary")).toMatch(/Origin/i);

    for (const res of [await preflight(app, EVIL), await query(app, EVIL)]) {
      expect(res.headers.get("access-control-allow-origin")).toBeNull();
      expect(res.headers.get("access-control-allow-credentials")).toBeNull();
    }
  });

  it("does not open /auth to the listed origins", async () => {
    const app = createApp({ prisma: db.prisma, corsOrigins: [PLANNER] }).app;
    const res = await app.request("/auth/sign-in", {
      method: "OPTIONS",
      headers: { origin: PLANNER, "access-control-request-method": "POST" },
    });
    expect(corsHeaders(res)).toEqual({});
  });
});
