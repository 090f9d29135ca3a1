// HTTP side of identity: who is calling (cookie or bearer token), and the sign-in/out endpoints.
// Every /auth answer that is not a success uses the GraphQL error shape (server/http/errors.ts).
import type { Context as HonoContext, MiddlewareHandler } from "hono";
import { Hono } from "hono";
import { setCookie, deleteCookie } from "hono/cookie";
import type { PrismaClient } from "../../generated/prisma/client.ts";
import type { Actor } from "../shared/actor.ts";
import { consume, type RateLimiters } from "../shared/rate-limits.ts";
import { errorResponse } from "../http/errors.ts";
import { bearerToken, isHttps, sessionCookie } from "../http/credentials.ts";
import { clientAddress, type TrustedProxies } from "../http/client-address.ts";
import { resumeSession, revokeSession, SESSION_COOKIE } from "./sessions.ts";
import { actorForToken } from "./tokens.ts";
import { signIn, SignInError } from "./sign-in.ts";

/** Variables the auth middleware sets on every request. */
export type AuthVariables = { actor: Actor | null };

/**
 * Sets the session cookie to live as long as the session does: HttpOnly, SameSite=Strict, Secure over
 * https, for the whole site, expiring when the session would end if left idle.
 */
function issueSessionCookie(c: HonoContext, secret: string, expiresAt: Date): void {
  setCookie(c, SESSION_COOKIE, secret, {
    httpOnly: true,
    sameSite: "Strict",
    secure: isHttps(c),
    path: "/",
    maxAge: Math.max(0, Math.floor((expiresAt.getTime() - Date.now()) / 1000)),
  });
}

/**
 * Resolves the caller from `Authorization: Bearer …` or the session cookie; null when anonymous. When a
 * request slides the session's expiry, the cookie is re-issued so that it slides with it.
 */
export function authenticate(
  prisma: PrismaClient,
  override?: (c: HonoContext) => Actor | null,
): MiddlewareHandler<{ Variables: AuthVariables }> {
  return async (c, next) => {
    let actor: Actor | null = override ? override(c) : null;
    let slid: { cookie: string; until: Date } | undefined;
    if (!actor) {
      const bearer = bearerToken(c);
      const cookie = sessionCookie(c);
      if (bearer) actor = await actorForToken(prisma, bearer);
      else if (cookie) {
        const session = await resumeSession(prisma, cookie);
        actor = session?.actor ?? null;
        if (session?.slidTo) slid = { cookie, until: session.slidTo };
      }
    }
    c.set("actor", actor);
    await next();
    // On the final answer (yoga's own Response too), unless it sets the cookie itself (sign-in, sign-out).
    if (slid && !c.res.headers.getSetCookie().some((v) => v.startsWith(`${SESSION_COOKIE}=`))) {
      issueSessionCookie(c, slid.cookie, slid.until);
    }
  };
}

/** A refused sign-in or an anonymous /auth/me: 401, or 429 with Retry-After when throttled. */
function refused(code: "UNAUTHENTICATED" | "RATE_LIMITED", message: string, retryAfter?: number) {
  return errorResponse(retryAfter ? 429 : 401, code, message, {
    ...(retryAfter
      ? { extensions: { retryAfterSeconds: retryAfter }, headers: { "retry-after": String(retryAfter) } }
      : {}),
  });
}

/**
 * /auth/sign-in, /auth/sign-out, /auth/me and /auth/session. Sign-in attempts are limited per client address, read
 * through `trustedProxies` (server/http/client-address.ts).
 */
export function authRoutes(prisma: PrismaClient, limiters: RateLimiters, trustedProxies: TrustedProxies) {
  const routes = new Hono<{ Variables: AuthVariables }>();
  routes.post("/sign-in", async (c) => {
    const wait = await consume(limiters.signIns, clientAddress(c, trustedProxies));
    if (wait) {
      return refused(
        "RATE_LIMITED",
        `too many sign-in attempts from this address; try again in ${wait} s.`,
        wait,
      );
    }
    const body = (await c.req.json().catch(() => null)) as { email?: unknown; password?: unknown } | null;
    if (!body || typeof body.email !== "string" || typeof body.password !== "string") {
      return errorResponse(400, "BAD_INPUT", 'send JSON {"email": "...", "password": "..."}.');
    }
    try {
      const { user, session } = await signIn(prisma, body.email, body.password);
      issueSessionCookie(c, session.secret, session.expiresAt);
      return c.json({
        user: {
          email: user.email,
          displayName: user.displayName,
          mustChangePassword: user.mustChangePassword,
        },
      });
    } catch (e) {
      if (e instanceof SignInError) return refused("UNAUTHENTICATED", e.message);
      throw e;
    }
  });
  routes.post("/sign-out", async (c) => {
    const cookie = sessionCookie(c);
    if (cookie) await revokeSession(prisma, cookie);
    deleteCookie(c, SESSION_COOKIE, { path: "/" });
    return c.json({ ok: true });
  });
  /** The caller as /auth/me and /auth/session describe them. */
  const describe = (actor: Actor) => ({
    email: actor.email,
    displayName: actor.displayName,
    mustChangePassword: Boolean(actor.mustChangePassword),
    via: actor.via,
  });
  routes.get("/me", (c) => {
    const actor = c.get("actor");
    if (!actor) return refused("UNAUTHENTICATED", "not signed in.");
    return c.json({ user: describe(actor) });
  });
  // The web app's question at every first load: an anonymous visitor is an answer, not an error, so
  // this says {"user": null} with 200 where /auth/me says 401 (which browsers log as a console error).
  routes.get("/session", (c) => {
    const actor = c.get("actor");
    return c.json({ user: actor ? describe(actor) : null });
  });
  return routes;
}
