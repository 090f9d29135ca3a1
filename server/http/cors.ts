// Cross-origin access to /graphql. Off by default: no Access-Control-* header on any answer, so a page
// on another origin can neither read an answer nor pass a preflight. CORS_ORIGINS lists exact origins
// that may call /graphql with an API token (Authorization: Bearer …); the list is never widened (no
// wildcard, no reflection of the caller's Origin) and credentials are never allowed, so cookies never
// work cross-origin, whatever the list says.
import type { MiddlewareHandler } from "hono";
import { cors } from "hono/cors";

/** The origins CORS_ORIGINS (comma-separated) allows; throws naming an entry that is not an origin. */
export function parseCorsOrigins(value: string | undefined): string[] {
  const entries = (value ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  return entries.map((entry) => {
    const wanted = entry.replace(/\/+$/, "");
    let origin: string | undefined;
    try {
      const url = new URL(wanted);
      const plainHost = /^([a-z0-9-]+\.)*[a-z0-9-]+$|^\[[0-9a-f:.]+\]$/i.test(url.hostname);
      if ((url.protocol === "http:" || url.protocol === "https:") && plainHost) origin = url.origin;
    } catch {
      // not a URL: reported below
    }
    if (origin !== wanted) {
      throw new Error(
        `CORS_ORIGINS: "${entry}" is not an origin; list exact origins such as https://planner.example.org (scheme, host and port only, no wildcard), separated by commas.`,
      );
    }
    return origin;
  });
}

/** CORS for /graphql: null (no CORS at all) when no origin is listed. */
export function graphqlCors(origins: readonly string[]): MiddlewareHandler | null {
  if (!origins.length) return null;
  return cors({
    origin: [...origins],
    credentials: false,
    allowMethods: ["GET", "POST"],
    allowHeaders: ["authorization", "content-type", "accept"],
    exposeHeaders: ["retry-after"],
    maxAge: 600,
  });
}
