// Browser requests may act only from Converge's own pages. A browser sends the session cookie with any
// request to this host, whoever's page starts it (SameSite=Strict does not separate ports of one host), so
// every request that is not a script's (no `Authorization: Bearer …`) is checked before anything runs:
//
// 1. hono's `csrf` middleware: a form-like body (urlencoded, multipart, text/plain: what HTML forms and
//    no-cors fetches can send without a preflight) is accepted only from our own origin (Sec-Fetch-Site:
//    same-origin, or an Origin equal to ours).
// 2. A POST's body must be JSON (application/json, or yoga's application/graphql+json): form, multipart
//    and text bodies are refused even from our own pages, so yoga's non-JSON parsers never run for a
//    browser. Any other cross-origin request needs a CORS preflight, which fails (see cors.ts).
// 3. A request presenting the session cookie must show where it comes from: Sec-Fetch-Site when the
//    browser sends it (only "same-origin" is accepted; "none", a typed address or bookmark, for reading
//    only); otherwise Origin, which must equal ours. A request with neither header (old browsers, curl)
//    may read (GET) but not act (POST): scripts use API tokens, or send `Origin: <our origin>`.
//
// API-token requests pass untouched: a page on another origin cannot add an Authorization header
// without a preflight, so they cannot be forged by a browser, and scripts may send any body yoga reads.
import type { Context as HonoContext, MiddlewareHandler } from "hono";
import { csrf } from "hono/csrf";
import { HTTPException } from "hono/http-exception";
import { errorResponse } from "./errors.ts";
import { bearerToken, ownOrigin, sessionCookie } from "./credentials.ts";

/** Media types of the JSON bodies a browser may POST (yoga parses both as JSON). */
export const JSON_BODY_TYPES = ["application/json", "application/graphql+json"];

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
const SCRIPTS = "scripts send an API token instead (Authorization: Bearer cvg_…)";

const formGuard = csrf({
  origin: (origin, c) => origin === ownOrigin(c),
  secFetchSite: "same-origin",
});

/** True when hono's csrf middleware refuses the request (a form-like body from another origin). */
async function refusedByCsrf(c: HonoContext): Promise<boolean> {
  try {
    await formGuard(c, async () => {});
    return false;
  } catch (e) {
    if (e instanceof HTTPException && e.status === 403) return true;
    throw e;
  }
}

/** Where a request says it comes from: our own origin, another one, the user (typed address), or unknown. */
function provenance(c: HonoContext): "same-origin" | "cross-origin" | "user" | "unknown" {
  const site = c.req.header("sec-fetch-site");
  if (site !== undefined) {
    if (site === "same-origin") return "same-origin";
    return site === "none" ? "user" : "cross-origin";
  }
  const origin = c.req.header("origin");
  if (origin !== undefined) return origin === ownOrigin(c) ? "same-origin" : "cross-origin";
  return "unknown";
}

const mediaType = (c: HonoContext) => (c.req.header("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
const isJsonBody = (c: HonoContext) => JSON_BODY_TYPES.includes(mediaType(c));

function forbidden(message: string): Response {
  return errorResponse(403, "FORBIDDEN", message);
}

/**
 * The browser-request guard for /graphql and /auth/*. `exempt` names requests that never act with the
 * session even when the cookie comes along (GraphiQL's page, which any page may link to; sign-in, which
 * rules 1 and 2 still cover): rule 3 does not apply to them.
 */
export function browserRequestGuard(
  exempt?: (c: HonoContext) => boolean,
  /** Further body types a route takes from our own pages (never a CORS-safelisted one: those need no preflight). */
  bodyTypes: readonly string[] = [],
): MiddlewareHandler {
  return async (c, next) => {
    if (bearerToken(c) || c.req.method === "OPTIONS") return next();
    const acts = !SAFE_METHODS.has(c.req.method);
    const own = ownOrigin(c);
    const from = provenance(c);
    const crossOrigin = () =>
      forbidden(
        `cross-origin request refused: a signed-in browser session works only from Converge's own pages at ${own}; ${SCRIPTS}.`,
      );
    const notJson = () =>
      forbidden(
        `send the request body as JSON (content-type: application/json); form, multipart and text bodies are refused from browsers; ${SCRIPTS}.`,
      );
    // A form-like body that names no origin at all is a script's: its fix is JSON, not another origin.
    if (acts && (await refusedByCsrf(c))) return from === "unknown" ? notJson() : crossOrigin();
    if (acts && !isJsonBody(c) && !bodyTypes.includes(mediaType(c))) return notJson();
    if (sessionCookie(c) && !exempt?.(c)) {
      if (from === "cross-origin" || (acts && from === "user")) return crossOrigin();
      if (acts && from === "unknown") {
        return forbidden(
          `a request that acts with the session cookie must come from Converge's own pages (browsers send Origin or Sec-Fetch-Site themselves; otherwise send "Origin: ${own}"); ${SCRIPTS}.`,
        );
      }
    }
    return next();
  };
}
