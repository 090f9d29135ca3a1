// A password reset and a deactivation end every credential the user holds: browser sessions and API
// tokens, each token's revocation audited. Reactivating the user brings none of them back, and a token
// cannot be minted through a credential that has just been ended.
import { describe, it, expect, beforeAll, afterAll, beforeEach } from "vitest";
import type { User } from "../../generated/prisma/client.ts";
import { actorForUser } from "../../server/auth/actors.ts";
import { createApiToken } from "../../server/auth/tokens.ts";
import { setUserActive } from "../../server/auth/accounts.ts";
import { ForbiddenError } from "../../server/shared/errors.ts";
import { engines, openTestDatabase, type TestDatabase } from "../support/databases.ts";
import {
  createOrgs,
  createUser,
  expectCode,
  gid,
  gql,
  newApp,
  ok,
  resetDatabase,
  signIn,
  withToken,
  type App,
  type Credentials,
  type Orgs,
} from "./fixtures.ts";

const ME = `{ me { email } }`;
const NEW_TOKEN = `mutation ($name: String!) { createApiToken(name: $name, expiresInDays: 30) { token apiToken { id } } }`;
const RESET = `mutation ($user: ID!) { resetUserPassword(user: $user) { oneTimePassword } }`;
const SET_ACTIVE = `mutation ($user: ID!, $active: Boolean!) { setUserActive(user: $user, active: $active) { active } }`;

describe.each(engines())("ending a user's credentials on %s", (engine) => {
  let db: TestDatabase;
  let app: App;
  let orgs: Orgs;
  let admin: Credentials;
  let user: User;
  let session: Credentials;
  let tokens: { secret: string; id: string }[];

  beforeAll(async () => {
    db = await openTestDatabase(engine);
    await resetDatabase(db);
    orgs = await createOrgs(db.prisma);
    app = newApp(db.prisma);
    await createUser(db.prisma, "admin@southshire.gov.uk", [[orgs.SCC, "ADMIN"]]);
    admin = await signIn(app, "admin@southshire.gov.uk");
  });
  afterAll(() => db?.close());
  beforeEach(async () => {
    await db.prisma.user.deleteMany({ where: { email: "script.owner@southshire.gov.uk" } });
    user = await createUser(db.prisma, "script.owner@southshire.gov.uk", [[orgs.SCC, "EDITOR"]]);
    session = await signIn(app, user.email);
    tokens = [];
    for (const name of ["nightly export", "monitoring"]) {
      const made = ok(await gql(app, session, NEW_TOKEN, { name })).createApiToken;
      tokens.push({ secret: made.token, id: made.apiToken.id });
    }
    for (const t of tokens) ok(await gql(app, withToken(t.secret), ME));
  });

  /** Every credential the user had is refused, and every token row carries its revocation. */
  const expectAllEnded = async () => {
    expectCode(await gql(app, session, ME), "UNAUTHENTICATED");
    for (const t of tokens) expectCode(await gql(app, withToken(t.secret), ME), "UNAUTHENTICATED");
    const rows = await db.prisma.apiToken.findMany({ where: { userId: user.id } });
    expect(rows).toHaveLength(tokens.length);
    for (const row of rows) expect(row.revokedAt, `token ${row.name}`).not.toBeNull();
    expect(await db.prisma.session.count({ where: { userId: user.id, revokedAt: null } })).toBe(0);
  };

  /** One RETIRE audit event per token, by the admin, saying why. */
  const expectTokenRevocationsAudited = async (reason: string) => {
    for (const t of tokens) {
      const events = await db.prisma.auditEvent.findMany({
        where: { entityType: "ApiToken", entityId: t.id.split(":")[1], action: "RETIRE" },
      });
      expect(events, `audit of token ${t.id}`).toHaveLength(1);
      expect(events[0]!.actor).toBe("admin@southshire.gov.uk");
      expect(events[0]!.after).toMatchObject({ reason });
    }
  };

  it("a password reset ends the user's sessions and revokes their API tokens, each audited", async () => {
    ok(await gql(app, admin, RESET, { user: gid("User", user.id) }));
    await expectAllEnded();
    await expectTokenRevocationsAudited("password reset");
    const event = await db.prisma.auditEvent.findFirstOrThrow({
      where: { entityType: "User", entityId: user.id, action: "UPDATE" },
      orderBy: { seq: "desc" },
    });
    expect(event.after).toMatchObject({ passwordReset: true, sessionsEnded: 1, tokensRevoked: 2 });
  });

  it("a deactivation revokes the tokens, and reactivation brings none of them back", async () => {
    ok(await gql(app, admin, SET_ACTIVE, { user: gid("User", user.id), active: false }));
    await expectAllEnded();
    await expectTokenRevocationsAudited("deactivation");
    expect(
      ok(await gql(app, admin, SET_ACTIVE, { user: gid("User", user.id), active: true })).setUserActive
        .active,
    ).toBe(true);
    await expectAllEnded();
    // Signing in again works and gives new credentials only.
    ok(await gql(app, await signIn(app, user.email), ME));
  });

  it("revokes nothing of other users", async () => {
    const other = await createUser(db.prisma, `colleague-${Date.now()}@southshire.gov.uk`, [
      [orgs.SCC, "VIEWER"],
    ]);
    const theirs = ok(
      await gql(app, await signIn(app, other.email), NEW_TOKEN, { name: "theirs" }),
    ).createApiToken;
    ok(await gql(app, admin, SET_ACTIVE, { user: gid("User", user.id), active: false }));
    ok(await gql(app, withToken(theirs.token), ME));
  });

  it("refuses to mint a token through a session that was ended meanwhile", async () => {
    const row = await db.prisma.session.findFirstOrThrow({ where: { userId: user.id, revokedAt: null } });
    const actor = (await actorForUser(db.prisma, user.id, "session", row.id))!;
    await db.prisma.session.update({ where: { id: row.id }, data: { revokedAt: new Date() } });
    await expect(createApiToken(db.prisma, actor, "late", 30)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await db.prisma.apiToken.count({ where: { userId: user.id, name: "late" } })).toBe(0);
  });

  it("leaves no live token when tokens are created while the user is being deactivated", async () => {
    const row = await db.prisma.session.findFirstOrThrow({ where: { userId: user.id, revokedAt: null } });
    const actor = (await actorForUser(db.prisma, user.id, "session", row.id))!;
    const adminRow = await db.prisma.user.findUniqueOrThrow({ where: { email: "admin@southshire.gov.uk" } });
    const adminActor = (await actorForUser(db.prisma, adminRow.id, "session", "test"))!;
    const results = await Promise.allSettled([
      ...Array.from({ length: 6 }, (_v, i) => createApiToken(db.prisma, actor, `racer ${i}`, 30)),
      setUserActive(db.prisma, adminActor, user.id, false),
      ...Array.from({ length: 6 }, (_v, i) => createApiToken(db.prisma, actor, `late racer ${i}`, 30)),
    ]);
    for (const r of results)
      if (r.status === "rejected") expect(r.reason, String(r.reason)).toBeInstanceOf(ForbiddenError);
    expect(await db.prisma.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({
      active: false,
    });
    expect(await db.prisma.apiToken.count({ where: { userId: user.id, revokedAt: null } })).toBe(0);
  });
});
