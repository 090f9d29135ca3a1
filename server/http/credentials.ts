// What credentials a request presents, read from its headers only (no database): the API token of
// `Authorization: Bearer …` and the session cookie. One place, so the request guard and the
// authentication middleware agree on which one a request uses (the bearer token wins).
import type { Context as HonoContext } from "hono";
import { getCookie } from "hono/cookie";
import { SESSION_COOKIE } from "../auth/sessions.ts";

/** The secret of `Authorization: Bearer <secret>`, or undefined. */
export function bearerToken(c: HonoContext): string | undefined {
  return c.req.header("authorization")?.match(/^Bearer\s+(\S+)$/i)?.[1];
}

/** The session cookie's value, when the request authenticates with it (no bearer token). */
export function sessionCookie(c: HonoContext): string | undefined {
  if (bearerToken(c)) return undefined;
  return getCookie(c, SESSION_COOKIE) || undefined;
}

/** True when the request reached us over https (directly, or through a proxy that says so). */
export function isHttps(c: HonoContext): boolean {
  const forwarded = c.req.header("x-forwarded-proto")?.split(",")[0]?.trim().toLowerCase();
  return new URL(c.req.url).protocol === "https:" || forwarded === "https";
}

/** This server's own origin as a browser names it: the request's scheme and host. */
export function ownOrigin(c: HonoContext): string {
  return `${isHttps(c) ? "https" : "http"}://${new URL(c.req.url).host}`;
}
