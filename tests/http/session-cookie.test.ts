// The session cookie lives as long as the session: when a request slides the session's idle expiry in
// the database, the answer re-issues the cookie with the same lifetime, so an active user is not signed
// out 12 hours after signing in.
import { describe, it, expect, beforeAll, afterAll, beforeEach } from "vitest";
import { SESSION_IDLE_MS, SLIDE_EVERY_MS } from "../../server/auth/sessions.ts";
import { engines, openTestDatabase, type TestDatabase } from "../support/databases.ts";
import {
  createOrgs,
  createUser,
  gql,
  newApp,
  resetDatabase,
  sessionCookie,
  signIn,
  type App,
  type Credentials,
} from "../auth/fixtures.ts";

const IDLE_S = SESSION_IDLE_MS / 1000;

describe.each(engines())("the session cookie on %s", (engine) => {
  let db: TestDatabase;
  let app: App;
  let session: Credentials;

  beforeAll(async () => {
    db = await openTestDatabase(engine);
    await resetDatabase(db);
    const orgs = await createOrgs(db.prisma);
    await createUser(db.prisma, "sam.lee@southshire.gov.uk", [[orgs.SCC, "VIEWER"]]);
    app = newApp(db.prisma);
  });
  afterAll(() => db?.close());

  beforeEach(async () => {
    await db.prisma.session.deleteMany();
    session = await signIn(app, "sam.lee@southshire.gov.uk");
  });

  /** Makes the session look as if it was last used `ms` ago (its expiry as the server set it then). */
  const idleFor = (ms: number) => {
    const lastSeenAt = new Date(Date.now() - ms);
    return db.prisma.session.updateMany({
      data: { lastSeenAt, expiresAt: new Date(lastSeenAt.getTime() + SESSION_IDLE_MS) },
    });
  };

  it("re-issues the cookie for a full idle period when a request slides the session, 11 hours after sign-in", async () => {
    await idleFor(11 * 60 * 60 * 1000);
    const started = Date.now();
    const res = await gql(app, session, "{ me { email } }");
    expect(res.status).toBe(200);
    const cookie = res.headers.get("set-cookie") ?? "";
    expect(sessionCookie({ headers: res.headers } as Response), "the same session, not a new one").toBe(
      session.headers.cookie!.split("=")[1],
    );
    const maxAge = Number(/;\s*Max-Age=(\d+)/i.exec(cookie)?.[1]);
    expect(maxAge).toBeGreaterThan(IDLE_S - 5);
    expect(maxAge).toBeLessThanOrEqual(IDLE_S);
    expect(cookie).toMatch(/;\s*HttpOnly/i);
    expect(cookie).toMatch(/;\s*SameSite=Strict/i);
    expect(cookie).toMatch(/;\s*Path=\/(;|$)/);
    const stored = await db.prisma.session.findFirstOrThrow();
    expect(stored.expiresAt.getTime()).toBeGreaterThanOrEqual(started + SESSION_IDLE_MS);
    expect(stored.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(maxAge * 1000 + 1000);
  });

  it("re-issues it on /auth too, Secure behind an https proxy", async () => {
    await idleFor(2 * SLIDE_EVERY_MS);
    const res = await app.request("/auth/me", {
      headers: { ...session.headers, "x-forwarded-proto": "https" },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("set-cookie")).toMatch(/^converge_session=s_[\w-]+;.*Max-Age=\d+.*;\s*Secure/i);
  });

  it("leaves the cookie alone while the session has not slid (used within the last minute)", async () => {
    const res = await gql(app, session, "{ me { email } }");
    expect(res.status).toBe(200);
    expect(res.headers.get("set-cookie")).toBeNull();
  });
});
