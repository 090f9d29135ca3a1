// Security headers on every answer (API, /auth, static files, the web app, GraphiQL), through hono's
// secure-headers middleware: a strict Content-Security-Policy (our own origin only, no inline script,
// no plugins, no <base>, forms post only to us, no framing), X-Content-Type-Options: nosniff,
// Referrer-Policy: no-referrer and X-Frame-Options: DENY for browsers older than frame-ancestors.
import { createHash } from "node:crypto";
import type { Context as HonoContext, MiddlewareHandler } from "hono";
import { secureHeaders } from "hono/secure-headers";

/** The one inline style anything we serve writes: cytoscape's container rule (allowed by its hash). */
export const CYTOSCAPE_CONTAINER_STYLE = ".__________cytoscape_container { position: relative; }";

const sha256 = (text: string) => `'sha256-${createHash("sha256").update(text).digest("base64")}'`;

/** The web app's policy, which every answer but GraphiQL's page carries. */
export const APP_CSP = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", sha256(CYTOSCAPE_CONTAINER_STYLE)],
  imgSrc: ["'self'", "data:"],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

/**
 * GraphiQL's page: the same, plus what its prebuilt bundle needs: Monaco's workers from our origin,
 * its fonts and icons inlined as data: URLs, and styles it writes into the page at run time.
 */
export const GRAPHIQL_CSP = {
  ...APP_CSP,
  styleSrc: ["'self'", "'unsafe-inline'"],
  fontSrc: ["'self'", "data:"],
  workerSrc: ["'self'"],
};

const COMMON = {
  xFrameOptions: "DENY",
  referrerPolicy: "no-referrer",
  xContentTypeOptions: true,
} as const;

/** The middleware: GraphiQL's policy for requests `isGraphiQLPage` names, the app's for the rest. */
export function securityHeaders(isGraphiQLPage: (c: HonoContext) => boolean): MiddlewareHandler {
  const app = secureHeaders({ ...COMMON, contentSecurityPolicy: APP_CSP });
  const graphiql = secureHeaders({ ...COMMON, contentSecurityPolicy: GRAPHIQL_CSP });
  return (c, next) => (isGraphiQLPage(c) ? graphiql : app)(c, next);
}
