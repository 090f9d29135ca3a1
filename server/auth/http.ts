// HTTP side of identity: who is calling (cookie or bearer token), and the sign-in/out endpoints.
import type { Context as HonoContext, MiddlewareHandler } from "hono";
import { Hono } from "hono";
import { getCookie, setCookie, deleteCookie } from "hono/cookie";
import type { PrismaClient } from "../../generated/prisma/client.ts";
import type { Actor } from "../shared/actor.ts";
import { consume, type RateLimiters } from "../shared/rate-limits.ts";
import { actorForSession, revokeSession, SESSION_COOKIE, SESSION_IDLE_MS } from "./sessions.ts";
import { actorForToken } from "./tokens.ts";
import { signIn, SignInError } from "./sign-in.ts";

/** Variables the auth middleware sets on every request. */
export type AuthVariables = { actor: Actor | null };

/** The client address, for per-address limits (loopback in in-process tests). */
export function clientAddress(c: HonoContext): string {
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  return incoming?.socket?.remoteAddress ?? "local";
}

/** Resolves the caller from `Authorization: Bearer …` or the session cookie; null when anonymous. */
export function authenticate(
  prisma: PrismaClient,
  override?: (c: HonoContext) => Actor | null,
): MiddlewareHandler<{ Variables: AuthVariables }> {
  return async (c, next) => {
    let actor: Actor | null = override ? override(c) : null;
    if (!actor) {
      const header = c.req.header("authorization");
      const bearer = header?.match(/^Bearer\s+(\S+)$/i)?.[1];
      const cookie = getCookie(c, SESSION_COOKIE);
      if (bearer) actor = await actorForToken(prisma, bearer);
      else if (cookie) actor = await actorForSession(prisma, cookie);
    }
    c.set("actor", actor);
    await next();
  };
}

function json401(message: string, retryAfter?: number) {
  return new Response(JSON.stringify({ error: { code: "UNAUTHENTICATED", message } }), {
    status: retryAfter ? 429 : 401,
    headers: {
      "content-type": "application/json",
      ...(retryAfter ? { "retry-after": String(retryAfter) } : {}),
    },
  });
}

/** /auth/sign-in, /auth/sign-out and /auth/me. */
export function authRoutes(prisma: PrismaClient, limiters: RateLimiters) {
  const routes = new Hono<{ Variables: AuthVariables }>();
  routes.post("/sign-in", async (c) => {
    const wait = await consume(limiters.signIns, clientAddress(c));
    if (wait) return json401(`too many sign-in attempts from this address; try again in ${wait} s.`, wait);
    const body = (await c.req.json().catch(() => null)) as { email?: unknown; password?: unknown } | null;
    if (!body || typeof body.email !== "string" || typeof body.password !== "string") {
      return c.json(
        { error: { code: "BAD_INPUT", message: 'send JSON {"email": "...", "password": "..."}.' } },
        400,
      );
    }
    try {
      const { user, session } = await signIn(prisma, body.email, body.password);
      setCookie(c, SESSION_COOKIE, session.secret, {
        httpOnly: true,
        sameSite: "Strict",
        secure: new URL(c.req.url).protocol === "https:" || c.req.header("x-forwarded-proto") === "https",
        path: "/",
        maxAge: Math.floor(SESSION_IDLE_MS / 1000),
      });
      return c.json({
        user: {
          email: user.email,
          displayName: user.displayName,
          mustChangePassword: user.mustChangePassword,
        },
      });
    } catch (e) {
      if (e instanceof SignInError) return json401(e.message, e.retryAfterSeconds);
      throw e;
    }
  });
  routes.post("/sign-out", async (c) => {
    const cookie = getCookie(c, SESSION_COOKIE);
    if (cookie) await revokeSession(prisma, cookie);
    deleteCookie(c, SESSION_COOKIE, { path: "/" });
    return c.json({ ok: true });
  });
  routes.get("/me", (c) => {
    const actor = c.get("actor");
    if (!actor) return json401("not signed in.");
    return c.json({
      user: {
        email: actor.email,
        displayName: actor.displayName,
        mustChangePassword: Boolean(actor.mustChangePassword),
        via: actor.via,
      },
    });
  });
  return routes;
}
