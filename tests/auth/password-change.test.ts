// Changing your password signs out your other browser sessions, but not the one you changed it in, and
// not your API tokens.
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { engines, openTestDatabase, type TestDatabase } from "../support/databases.ts";
import { createApiToken } from "../../server/auth/tokens.ts";
import { actorForUser } from "../../server/auth/actors.ts";
import {
  createOrgs,
  createUser,
  expectCode,
  gql,
  newApp,
  ok,
  PASSWORD,
  resetDatabase,
  signIn,
  withToken,
  type App,
} from "./fixtures.ts";

const CHANGE = `mutation ($current: String!, $next: String!) { changePassword(currentPassword: $current, newPassword: $next) { email } }`;
const ME = `{ me { email } }`;
const EMAIL = "pat.jones@southshire.gov.uk";

describe.each(engines())("changing a password on %s", (engine) => {
  let db: TestDatabase;
  let app: App;

  beforeAll(async () => {
    db = await openTestDatabase(engine);
    await resetDatabase(db);
    const orgs = await createOrgs(db.prisma);
    await createUser(db.prisma, EMAIL, [[orgs.SCC, "VIEWER"]]);
    app = newApp(db.prisma);
  });
  afterAll(() => db?.close());

  it("ends the user's other sessions and keeps the one that changed it and the user's tokens", async () => {
    const laptop = await signIn(app, EMAIL);
    const phone = await signIn(app, EMAIL);
    const user = await db.prisma.user.findUniqueOrThrow({ where: { email: EMAIL } });
    const actor = (await actorForUser(db.prisma, user.id, "session", "none"))!;
    const { secret } = await createApiToken(db.prisma, actor, "nightly export", 30);
    const token = withToken(secret);

    ok(await gql(app, laptop, CHANGE, { current: PASSWORD, next: "a brand new passphrase" }));

    expect(ok(await gql(app, laptop, ME)).me.email).toBe(EMAIL);
    expectCode(await gql(app, phone, ME), "UNAUTHENTICATED");
    expect(ok(await gql(app, token, ME)).me.email).toBe(EMAIL);
  });
});
