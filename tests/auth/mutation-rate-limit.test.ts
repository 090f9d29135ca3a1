// The per-user mutation allowance: with RATE_LIMIT_MUTATIONS_PER_MINUTE set small (before the app's modules
// load, hence vi.hoisted), the mutation after the allowance is refused with RATE_LIMITED and HTTP 429,
// while queries still run and other users keep their own allowance. Every mutation field counts —
// aliases and fragments included — and a request whose fields do not all fit runs none of them.
import { describe, it, expect, beforeAll, afterAll, beforeEach, vi } from "vitest";

const ALLOWANCE = vi.hoisted(() => {
  process.env.RATE_LIMIT_MUTATIONS_PER_MINUTE = "3";
  return 3;
});

import { LIMITS } from "../../server/shared/rate-limits.ts";
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
  withToken,
  type App,
  type Credentials,
} from "./fixtures.ts";

const CREATE_SITE = `mutation ($name: String!) { createSite(input: { organisation: "SCC", name: $name, kind: OFFICE }) { id } }`;

/** `n` aliased createSite fields, each with `directives`. */
const siteFields = (n: number, prefix: string, directives = "") =>
  Array.from(
    { length: n },
    (_v, i) =>
      `s${i}: createSite(input: { organisation: "SCC", name: "${prefix} ${i}", kind: OFFICE }) ${directives} { id }`,
  ).join(" ");

/** One request creating `n` sites through aliased createSite fields. */
const createSites = (n: number, prefix: string) => `mutation { ${siteFields(n, prefix)} }`;

describe.each(engines())("mutation rate limit on %s", (engine) => {
  let db: TestDatabase;
  let app: App;
  let alex: Credentials;
  let blair: Credentials;

  beforeAll(async () => {
    db = await openTestDatabase(engine);
    await resetDatabase(db);
    const orgs = await createOrgs(db.prisma);
    await createUser(db.prisma, "alex@southshire.gov.uk", [[orgs.SCC, "EDITOR"]]);
    await createUser(db.prisma, "blair@southshire.gov.uk", [[orgs.SCC, "EDITOR"]]);
    const signInApp = newApp(db.prisma);
    alex = await signIn(signInApp, "alex@southshire.gov.uk");
    blair = await signIn(signInApp, "blair@southshire.gov.uk");
  });
  afterAll(async () => {
    await db?.close();
    delete process.env.RATE_LIMIT_MUTATIONS_PER_MINUTE;
  });
  beforeEach(async () => {
    // Sessions live in the database; the allowance lives in the app, so each test gets a fresh app.
    await db.prisma.$executeRawUnsafe(`TRUNCATE "AuditEvent", "Site", "ApiToken" CASCADE`);
    app = newApp(db.prisma);
  });

  it("takes its allowance from the environment", () => {
    expect(LIMITS.mutationsPerMinute).toBe(ALLOWANCE);
  });

  it(`refuses the mutation after ${ALLOWANCE} in a minute with RATE_LIMITED, HTTP 429 and Retry-After`, async () => {
    for (let i = 1; i <= ALLOWANCE; i++) ok(await gql(app, alex, CREATE_SITE, { name: `Site ${i}` }));
    const refused = await gql(app, alex, CREATE_SITE, { name: "One too many" });
    expect(refused.status).toBe(429);
    const error = expectCode(refused, "RATE_LIMITED");
    const retryAfter = Number(refused.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(error.extensions?.retryAfterSeconds).toBe(retryAfter);
    expect(error.message).toMatch(/too many changes/);
    expect(await db.prisma.site.count(), "the refused mutation wrote nothing").toBe(ALLOWANCE);
  });

  it("keeps answering the limited user's queries", async () => {
    for (let i = 1; i <= ALLOWANCE; i++) ok(await gql(app, alex, CREATE_SITE, { name: `Site ${i}` }));
    expectCode(await gql(app, alex, CREATE_SITE, { name: "One too many" }), "RATE_LIMITED");
    const res = await gql(app, alex, `{ sites { totalCount } }`);
    expect(res.status).toBe(200);
    expect(ok(res).sites.totalCount).toBe(ALLOWANCE);
  });

  it("leaves other users their own allowance", async () => {
    for (let i = 1; i <= ALLOWANCE; i++) ok(await gql(app, alex, CREATE_SITE, { name: `Site ${i}` }));
    expectCode(await gql(app, alex, CREATE_SITE, { name: "One too many" }), "RATE_LIMITED");
    for (let i = 1; i <= ALLOWANCE; i++) ok(await gql(app, blair, CREATE_SITE, { name: `Blair ${i}` }));
  });

  it("counts a user's mutations across sessions and tokens alike", async () => {
    const { token } = ok(
      await gql(app, alex, `mutation { createApiToken(name: "script") { token } }`),
    ).createApiToken;
    for (let i = 2; i <= ALLOWANCE; i++)
      ok(await gql(app, withToken(token), CREATE_SITE, { name: `Site ${i}` }));
    expectCode(await gql(app, alex, CREATE_SITE, { name: "One too many" }), "RATE_LIMITED");
  });

  it("refuses one request of 20 aliased createSite fields as a whole, writing nothing and keeping the allowance", async () => {
    const refused = await gql(app, alex, createSites(20, "Alias"));
    expect(refused.status).toBe(429);
    const error = expectCode(refused, "RATE_LIMITED");
    expect(error.message).toMatch(
      /makes 20 changes, more than the 3 allowed per minute; send them in smaller requests/,
    );
    expect(refused.data ?? null).toBeNull();
    expect(await db.prisma.site.count(), "none of the 20 ran").toBe(0);
    for (let i = 1; i <= ALLOWANCE; i++) ok(await gql(app, alex, CREATE_SITE, { name: `Site ${i}` }));
  });

  it(`runs ${ALLOWANCE} aliased createSite fields in one request, and counts them all`, async () => {
    ok(await gql(app, alex, createSites(ALLOWANCE, "Alias")));
    expect(await db.prisma.site.count()).toBe(ALLOWANCE);
    expectCode(await gql(app, alex, CREATE_SITE, { name: "One too many" }), "RATE_LIMITED");
  });

  it("refuses a request whose fields do not all fit in what is left, and runs one that does", async () => {
    ok(await gql(app, alex, CREATE_SITE, { name: "First" }));
    const refused = await gql(app, alex, createSites(ALLOWANCE, "Too many"));
    expect(expectCode(refused, "RATE_LIMITED").message).toMatch(/this request makes 3/);
    expect(await db.prisma.site.count(), "the refused request wrote nothing").toBe(1);
    ok(await gql(app, alex, createSites(ALLOWANCE - 1, "Fits")));
    expect(await db.prisma.site.count()).toBe(ALLOWANCE);
  });

  it("counts the mutation fields a fragment brings", async () => {
    const viaFragment = `mutation { ...Two } fragment Two on Mutation {
      a: createSite(input: { organisation: "SCC", name: "Fragment A", kind: OFFICE }) { id }
      b: createSite(input: { organisation: "SCC", name: "Fragment B", kind: OFFICE }) { id } }`;
    ok(await gql(app, alex, viaFragment));
    expectCode(await gql(app, alex, viaFragment), "RATE_LIMITED");
    expect(await db.prisma.site.count()).toBe(2);
  });

  it("does not count mutation fields that @skip leaves out", async () => {
    const query = `mutation ($skip: Boolean!) {
      kept: createSite(input: { organisation: "SCC", name: "Kept", kind: OFFICE }) { id }
      ${siteFields(ALLOWANCE, "Skipped", "@skip(if: $skip)")} }`;
    ok(await gql(app, alex, query, { skip: true }));
    expect(await db.prisma.site.count()).toBe(1);
    for (let i = 2; i <= ALLOWANCE; i++) ok(await gql(app, alex, CREATE_SITE, { name: `Site ${i}` }));
  });
});
