// Sign-in with e-mail and password through POST /auth/sign-in: the session cookie, refusals that do not
// tell a wrong password from an unknown address or a locked account, the doubling account lock kept in the
// database, sign-out, expiry, deactivation and the per-address limit. (That refusals also take the same
// time is in sign-in-timing.test.ts.)
import { describe, it, expect, beforeAll, afterAll, beforeEach } from "vitest";
import type { User } from "../../generated/prisma/client.ts";
import { FREE_ATTEMPTS, MAX_LOCK_MS, SIGN_IN_REFUSED } from "../../server/auth/sign-in.ts";
import { LIMITS } from "../../server/shared/rate-limits.ts";
import { engines, openTestDatabase, type TestDatabase } from "../support/databases.ts";
import {
  createOrgs,
  createUser,
  gql,
  newApp,
  ok,
  PASSWORD,
  postSignIn,
  resetDatabase,
  sessionCookie,
  signIn,
  withCookie,
  type App,
  type GqlError,
} from "./fixtures.ts";

const EMAIL = "alex.morgan@southshire.gov.uk";
const WRONG = "not the password at all";
const ME = "{ me { email } }";
/** The one answer to every refused sign-in. */
const REFUSED = { errors: [{ message: SIGN_IN_REFUSED, extensions: { code: "UNAUTHENTICATED" } }] };

describe.each(engines())("sign-in on %s", (engine) => {
  let db: TestDatabase;
  let app: App;
  let user: User;

  beforeAll(async () => {
    db = await openTestDatabase(engine);
  });
  afterAll(() => db?.close());
  beforeEach(async () => {
    await resetDatabase(db);
    const orgs = await createOrgs(db.prisma);
    user = await createUser(db.prisma, EMAIL, [[orgs.SCC, "VIEWER"]]);
    app = newApp(db.prisma);
  });

  const account = () => db.prisma.user.findUniqueOrThrow({ where: { id: user.id } });
  const unlock = () =>
    db.prisma.user.update({ where: { id: user.id }, data: { lockedUntil: new Date(Date.now() - 1000) } });
  /** A sign-in attempt and the instants around it (the server's clock is this process's clock). */
  const attempt = async (password: string) => {
    const before = Date.now();
    const res = await postSignIn(app, EMAIL, password);
    return { res, before, after: Date.now() };
  };
  type Attempt = Awaited<ReturnType<typeof attempt>>;
  /** Asserts the attempt locked the account for exactly `ms` from the moment the server handled it. */
  const expectLockedFor = async (ms: number, { before, after }: Attempt) => {
    const { lockedUntil } = await account();
    expect(lockedUntil, "the account should be locked").not.toBeNull();
    expect(lockedUntil!.getTime()).toBeGreaterThanOrEqual(before + ms);
    expect(lockedUntil!.getTime()).toBeLessThanOrEqual(after + ms);
    return lockedUntil!.getTime();
  };
  /** Asserts the refusal a locked account gives: the same 401 as any wrong password, with no hint of a lock. */
  const expectLockRefusal = async ({ res }: Attempt) => {
    expect(res.status).toBe(401);
    expect(res.headers.get("retry-after")).toBeNull();
    expect(await res.json()).toEqual(REFUSED);
    expect(sessionCookie(res)).toBeUndefined();
  };

  it("signs in with the right credentials and sets an HttpOnly, SameSite=Strict session cookie for /", async () => {
    const res = await postSignIn(app, EMAIL, PASSWORD);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      user: { email: EMAIL, displayName: "alex.morgan", mustChangePassword: false },
    });
    const cookie = res.headers.get("set-cookie")!;
    expect(cookie).toMatch(/^converge_session=s_[\w-]+;/);
    expect(cookie).toMatch(/;\s*HttpOnly/i);
    expect(cookie).toMatch(/;\s*SameSite=Strict/i);
    expect(cookie).toMatch(/;\s*Path=\/(;|$)/);
    expect(cookie, "no Secure flag over plain http").not.toMatch(/;\s*Secure/i);
    expect(ok(await gql(app, withCookie(sessionCookie(res)!), ME)).me.email).toBe(EMAIL);
  });

  it("marks the cookie Secure behind a proxy that terminated https", async () => {
    const res = await postSignIn(app, EMAIL, PASSWORD, { "x-forwarded-proto": "https" });
    expect(res.status).toBe(200);
    expect(res.headers.get("set-cookie")).toMatch(/;\s*Secure/i);
  });

  it("accepts the e-mail address in any case and with surrounding spaces", async () => {
    expect((await postSignIn(app, `  ${EMAIL.toUpperCase()} `, PASSWORD)).status).toBe(200);
  });

  it("refuses a wrong password and an unknown e-mail address with the same 401", async () => {
    const wrong = await postSignIn(app, EMAIL, WRONG);
    const unknown = await postSignIn(app, "nobody@southshire.gov.uk", PASSWORD);
    expect([wrong.status, unknown.status]).toEqual([401, 401]);
    const [a, b] = [await wrong.json(), await unknown.json()];
    expect(a).toEqual(REFUSED);
    expect(b).toEqual(a);
    expect(SIGN_IN_REFUSED).toBe(
      "e-mail or password is wrong, or the account is locked for a while after failed sign-ins; try again later or ask an administrator.",
    );
    expect(sessionCookie(wrong)).toBeUndefined();
    expect(await db.prisma.session.count()).toBe(0);
  });

  it(`locks the account after ${FREE_ATTEMPTS} failures, refuses even the right password meanwhile, and doubles the lock`, async () => {
    for (let i = 1; i < FREE_ATTEMPTS; i++) {
      expect((await attempt(WRONG)).res.status).toBe(401);
      expect(await account()).toMatchObject({ failedSignIns: i, lockedUntil: null });
    }
    const third = await attempt(WRONG);
    expect(third.res.status).toBe(401);
    await expectLockedFor(1000, third);

    // Lengthen the lock in the database rather than race a one-second lock on a busy machine.
    const lockedUntil = Date.now() + 60_000;
    await db.prisma.user.update({ where: { id: user.id }, data: { lockedUntil: new Date(lockedUntil) } });
    await expectLockRefusal(await attempt(PASSWORD));
    expect((await account()).lockedUntil!.getTime(), "a refusal during the lock does not move it").toBe(
      lockedUntil,
    );
    expect((await account()).failedSignIns, "a refusal during the lock is not another failure").toBe(
      FREE_ATTEMPTS,
    );

    let last = 0;
    for (const ms of [2000, 4000, 8000]) {
      await unlock();
      const failure = await attempt(WRONG);
      expect(failure.res.status).toBe(401);
      last = await expectLockedFor(ms, failure);
    }
    expect(last).toBeGreaterThan(Date.now());
    await expectLockRefusal(await attempt(PASSWORD));
    expect(await db.prisma.session.count()).toBe(0);
  });

  it("never locks for longer than the maximum", async () => {
    await db.prisma.user.update({ where: { id: user.id }, data: { failedSignIns: 40 } });
    await expectLockedFor(MAX_LOCK_MS, await attempt(WRONG));
    await expectLockRefusal(await attempt(PASSWORD));
  });

  it("resets the failure count after a successful sign-in", async () => {
    for (let i = 0; i < FREE_ATTEMPTS; i++) await attempt(WRONG);
    await unlock();
    expect((await postSignIn(app, EMAIL, PASSWORD)).status).toBe(200);
    const after = await account();
    expect(after).toMatchObject({ failedSignIns: 0, lockedUntil: null });
    expect(after.lastSignInAt).not.toBeNull();
    expect((await postSignIn(app, EMAIL, WRONG)).status, "the next failure is the first again").toBe(401);
    expect(await account()).toMatchObject({ failedSignIns: 1, lockedUntil: null });
  });

  it("counts every failed attempt when several arrive at once, so the lock cannot be raced", async () => {
    // Each attempt is counted atomically before its password is checked; one that arrives after the lock
    // engaged is refused without being counted (with the same 401 as the others). So nothing is lost to
    // concurrent overwrites: at least the free attempts and at most all of them are counted, and the
    // account ends up locked.
    const attempts = 8;
    const results = await Promise.all(Array.from({ length: attempts }, () => postSignIn(app, EMAIL, WRONG)));
    expect(results.map((r) => r.status)).toEqual(Array(attempts).fill(401));
    const after = await account();
    expect(after.failedSignIns).toBeGreaterThanOrEqual(FREE_ATTEMPTS);
    expect(after.failedSignIns).toBeLessThanOrEqual(attempts);
    expect(after.lockedUntil).not.toBeNull();
  });

  it("signs out: the session is revoked and its cookie no longer works", async () => {
    const me = await signIn(app, EMAIL);
    ok(await gql(app, me, ME));
    const out = await app.request("/auth/sign-out", {
      method: "POST",
      headers: { ...me.headers, "content-type": "application/json" },
      body: "{}",
    });
    expect(out.status).toBe(200);
    expect(out.headers.get("set-cookie")).toMatch(/^converge_session=;/);
    expect((await gql(app, me, ME)).status).toBe(401);
    expect((await app.request("/auth/me", { headers: me.headers })).status).toBe(401);
    expect(
      (await db.prisma.session.findFirstOrThrow({ where: { userId: user.id } })).revokedAt,
    ).not.toBeNull();
  });

  it("refuses an expired session", async () => {
    const me = await signIn(app, EMAIL);
    await db.prisma.session.updateMany({
      where: { userId: user.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    const res = await gql(app, me, ME);
    expect(res.status).toBe(401);
    expect(res.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("refuses a deactivated user, both at sign-in and on an existing session", async () => {
    const me = await signIn(app, EMAIL);
    await db.prisma.user.update({ where: { id: user.id }, data: { active: false } });
    expect((await gql(app, me, ME)).status).toBe(401);
    const again = await postSignIn(app, EMAIL, PASSWORD);
    expect(again.status).toBe(401);
    expect(await again.json()).toEqual(REFUSED);
  });

  it(`refuses more than ${LIMITS.signInsPerMinute} sign-in attempts a minute from one address with 429`, async () => {
    // In process every request comes from the address "local"; bad bodies cost no password hashing.
    for (let i = 0; i < LIMITS.signInsPerMinute; i++) {
      const res = await app.request("/auth/sign-in", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: "{}",
      });
      expect(res.status).toBe(400);
    }
    const res = await postSignIn(app, EMAIL, PASSWORD);
    expect(res.status).toBe(429);
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(Number(res.headers.get("retry-after"))).toBeLessThanOrEqual(60);
    const body = (await res.json()) as { errors?: GqlError[] };
    expect(body.errors?.[0]?.extensions?.code).toBe("RATE_LIMITED");
    expect(body.errors?.[0]?.message).toMatch(/too many sign-in attempts from this address/);
    expect(await db.prisma.session.count()).toBe(0);
  });
});
