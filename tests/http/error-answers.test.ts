// Every answer the server writes itself, outside GraphQL execution, uses the one error shape of the API,
// `{ errors: [{ message, extensions: { code } }] }`; each body limit names its own size.
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { MAX_AUTH_BODY_BYTES, MAX_BODY_BYTES } from "../../server/app.ts";
import { LIMITS } from "../../server/shared/rate-limits.ts";
import { engines, openTestDatabase, type TestDatabase } from "../support/databases.ts";
import {
  createOrgs,
  createUser,
  gql,
  newApp,
  ok,
  postSignIn,
  resetDatabase,
  signIn,
  type App,
  type GqlError,
} from "../auth/fixtures.ts";

/** The single error of an answer in the API's shape, after checking its status and code. */
async function expectError(res: Response, status: number, code: string): Promise<GqlError> {
  expect(res.status).toBe(status);
  expect(res.headers.get("content-type")).toMatch(/^application\/(graphql-response\+)?json/);
  const body = (await res.json()) as Record<string, unknown>;
  expect(Object.keys(body)).toEqual(["errors"]);
  const errors = body.errors as GqlError[];
  expect(errors).toHaveLength(1);
  expect(errors[0]!.extensions?.code).toBe(code);
  expect(errors[0]!.message.length).toBeGreaterThan(10);
  return errors[0]!;
}

describe.each(engines())("answers the server writes itself on %s", (engine) => {
  let db: TestDatabase;
  let app: App;

  beforeAll(async () => {
    db = await openTestDatabase(engine);
    await resetDatabase(db);
    const orgs = await createOrgs(db.prisma);
    await createUser(db.prisma, "sam.lee@southshire.gov.uk", [[orgs.SCC, "VIEWER"]]);
    app = newApp(db.prisma);
  });
  afterAll(() => db?.close());

  const post = (path: string, body: string) =>
    app.request(path, { method: "POST", headers: { "content-type": "application/json" }, body });

  it("answers a sign-in without e-mail and password 400 BAD_INPUT, saying what to send", async () => {
    const error = await expectError(await post("/auth/sign-in", "{}"), 400, "BAD_INPUT");
    expect(error.message).toBe('send JSON {"email": "...", "password": "..."}.');
  });

  it("answers a wrong password 401 UNAUTHENTICATED", async () => {
    await expectError(
      await postSignIn(app, "sam.lee@southshire.gov.uk", "not the password"),
      401,
      "UNAUTHENTICATED",
    );
  });

  it("answers /auth/me without a session 401 UNAUTHENTICATED", async () => {
    const error = await expectError(await app.request("/auth/me"), 401, "UNAUTHENTICATED");
    expect(error.message).toBe("not signed in.");
  });

  it("answers a refused browser request 403 FORBIDDEN", async () => {
    const res = await app.request("/auth/sign-in", {
      method: "POST",
      headers: { "content-type": "text/plain" },
      body: "{}",
    });
    await expectError(res, 403, "FORBIDDEN");
  });

  it(`names the 64 KiB limit of /auth (${MAX_AUTH_BODY_BYTES} bytes) in its 413`, async () => {
    const error = await expectError(
      await post("/auth/sign-in", "x".repeat(MAX_AUTH_BODY_BYTES + 1)),
      413,
      "PAYLOAD_TOO_LARGE",
    );
    expect(error.message).toBe("request body is larger than 65536 bytes (64 KiB), the limit on /auth.");
  });

  it(`names the limit of /graphql (${MAX_BODY_BYTES} bytes) in its 413`, async () => {
    const error = await expectError(
      await post("/graphql", "x".repeat(MAX_BODY_BYTES + 1)),
      413,
      "PAYLOAD_TOO_LARGE",
    );
    expect(error.message).toBe(
      `request body is larger than ${MAX_BODY_BYTES} bytes (${MAX_BODY_BYTES / 1024} KiB), the limit on /graphql.`,
    );
  });

  it("answers a script's body of a type GraphQL cannot read 415 BAD_INPUT naming content-type, not an empty 415", async () => {
    const session = await signIn(app, "sam.lee@southshire.gov.uk");
    const token = ok(await gql(app, session, `mutation { createApiToken(name: "415") { token } }`))
      .createApiToken.token as string;
    const res = await app.request("/graphql", {
      method: "POST",
      headers: { "content-type": "text/plain", authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: "{ me { email } }" }),
    });
    const error = await expectError(res, 415, "BAD_INPUT");
    expect(error.extensions?.field).toBe("content-type");
    expect(error.message).toContain('"text/plain"');
  });

  it("answers too many sign-ins from one address 429 RATE_LIMITED with the wait in Retry-After and extensions", async () => {
    for (let i = 0; i < LIMITS.signInsPerMinute; i++) await post("/auth/sign-in", "{}");
    const res = await post("/auth/sign-in", "{}");
    const wait = Number(res.headers.get("retry-after"));
    expect(wait).toBeGreaterThan(0);
    const error = await expectError(res, 429, "RATE_LIMITED");
    expect(error.extensions?.retryAfterSeconds).toBe(wait);
  });
});
