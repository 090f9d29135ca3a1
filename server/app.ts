// The HTTP surface: sign-in at /auth, GraphQL at /graphql (GraphiQL in the browser), the web app at /.
// Nothing but sign-in and the web app's static files is served to an anonymous caller. Every answer
// carries the security headers; browser requests to /auth and /graphql act only from our own pages
// (server/http/csrf.ts); CORS is off unless CORS_ORIGINS lists origins (server/http/cors.ts).
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Hono, type Context as HonoContext } from "hono";
import { bodyLimit } from "hono/body-limit";
import { serveStatic } from "@hono/node-server/serve-static";
import { createYoga } from "graphql-yoga";
import type { PrismaClient } from "../generated/prisma/client.ts";
import { buildSchema } from "./schema.ts";
import { createContext, type Context } from "./shared/context.ts";
import type { Actor } from "./shared/actor.ts";
import { errorCodesPlugin, maskError } from "./graphql-errors.ts";
import { armorPlugins, expensiveOperationLimit, mutationRateLimit } from "./graphql-limits.ts";
import { createRateLimiters } from "./shared/rate-limits.ts";
import { authenticate, authRoutes, type AuthVariables } from "./auth/http.ts";
import { accessPlugin } from "./auth/access-plugin.ts";
import { inputGuardPlugin } from "./graphql-input-guard.ts";
import { errorResponse } from "./http/errors.ts";
import { browserRequestGuard } from "./http/csrf.ts";
import { graphqlCors, parseCorsOrigins } from "./http/cors.ts";
import { parseTrustedProxies, type TrustedProxies } from "./http/client-address.ts";
import { securityHeaders } from "./http/security-headers.ts";
import { GRAPHIQL_ASSETS_PATH, graphiqlAssets, renderGraphiQLPage } from "./http/graphiql.ts";
import { IMPORT_BODY_TYPES, registerRoutes } from "./registers/http.ts";

const WEB_DIR = fileURLToPath(new URL("../web/", import.meta.url));

/** The largest request body accepted, in bytes (OCDS imports are the biggest legitimate bodies). */
export const MAX_BODY_BYTES = Number(process.env.MAX_BODY_BYTES ?? 5 * 1024 * 1024);
/** The largest body accepted under /auth (credentials only). */
export const MAX_AUTH_BODY_BYTES = 64 * 1024;

/** Options for the app. */
export interface AppOptions {
  prisma: PrismaClient;
  /** Serve GraphiQL on GET /graphql from a browser (default true). */
  graphiql?: boolean;
  /** Tests only: decide the caller without credentials (real requests use cookie or bearer token). */
  actorOverride?: (c: HonoContext) => Actor | null;
  /** Origins that may call /graphql cross-origin with an API token (default: CORS_ORIGINS; none). */
  corsOrigins?: readonly string[];
  /** Proxies whose X-Forwarded-For names the client (default: TRUSTED_PROXIES; none). */
  trustedProxies?: TrustedProxies;
}

/** Builds the yoga GraphQL server over a Prisma client. */
export function createGraphQL({ prisma, graphiql = true }: AppOptions, limiters = createRateLimiters()) {
  return createYoga<{ actor: Actor }, Context>({
    schema: buildSchema(),
    graphqlEndpoint: "/graphql",
    graphiql: graphiql ? { title: "Converge GraphQL", credentials: "same-origin" } : false,
    renderGraphiQL: renderGraphiQLPage,
    // yoga's default CORS reflects any Origin with credentials; CORS is hono's, in createApp, or none.
    cors: false,
    maskedErrors: { maskError },
    plugins: [
      ...armorPlugins(),
      accessPlugin,
      inputGuardPlugin,
      expensiveOperationLimit(limiters),
      mutationRateLimit(limiters),
      errorCodesPlugin,
    ],
    context: ({ actor }) => createContext(prisma, actor),
    landingPage: false,
    // maskError logs unexpected errors itself; errors users caused are answered, not logged.
    logging: false,
  });
}

function unauthenticated() {
  return errorResponse(
    401,
    "UNAUTHENTICATED",
    "sign in (POST /auth/sign-in) or send an API token (Authorization: Bearer cvg_…).",
    {
      headers: {
        "content-type": "application/graphql-response+json; charset=utf-8",
        "www-authenticate": 'Bearer realm="converge"',
      },
    },
  );
}

/** 413 naming the limit of the endpoint it guards. */
const tooLarge = (limit: number, where: string) => () =>
  errorResponse(
    413,
    "PAYLOAD_TOO_LARGE",
    `request body is larger than ${limit} bytes (${limit / 1024} KiB), the limit on ${where}.`,
  );

/** Builds the hono app: auth, GraphQL, the web app and its assets. */
export function createApp(options: AppOptions) {
  const limiters = createRateLimiters();
  const yoga = createGraphQL(options, limiters);
  const app = new Hono<{ Variables: AuthVariables }>();
  const graphiql = options.graphiql !== false;
  /** GraphiQL's page (as yoga decides it): served to anyone, it acts for nobody. */
  const wantsGraphiQL = (c: HonoContext) =>
    graphiql &&
    c.req.path === "/graphql" &&
    c.req.method === "GET" &&
    (c.req.header("accept") ?? "").includes("text/html");
  const cors = graphqlCors(options.corsOrigins ?? parseCorsOrigins(process.env.CORS_ORIGINS));
  // Neither GraphiQL's page nor a sign-in acts with the session a cookie may carry along.
  const guard = browserRequestGuard((c) => wantsGraphiQL(c) || c.req.path === "/auth/sign-in");

  app.use(securityHeaders(wantsGraphiQL));
  app.get("/healthz", (c) => c.json({ ok: true }));
  app.use(
    "/auth/*",
    bodyLimit({ maxSize: MAX_AUTH_BODY_BYTES, onError: tooLarge(MAX_AUTH_BODY_BYTES, "/auth") }),
    guard,
    authenticate(options.prisma, options.actorOverride),
  );
  const trustedProxies = options.trustedProxies ?? parseTrustedProxies(process.env.TRUSTED_PROXIES);
  app.route("/auth", authRoutes(options.prisma, limiters, trustedProxies));
  if (cors) app.use("/graphql", cors);
  app.use(
    "/graphql",
    bodyLimit({ maxSize: MAX_BODY_BYTES, onError: tooLarge(MAX_BODY_BYTES, "/graphql") }),
    guard,
    authenticate(options.prisma, options.actorOverride),
  );
  app.on(["GET", "POST", "OPTIONS"], "/graphql", async (c) => {
    const actor = c.get("actor");
    if (!actor && !wantsGraphiQL(c)) return unauthenticated();
    return answeredInGraphQLShape(
      await yoga.fetch(c.req.raw, { actor: actor! }),
      c.req.header("content-type"),
    );
  });
  // Register files: templates, exports, and imports whose body is the file (CSV or XLSX, never a form).
  app.use("/registers/*", browserRequestGuard(undefined, IMPORT_BODY_TYPES), authenticate(options.prisma, options.actorOverride));
  app.route("/registers", registerRoutes(options.prisma));
  if (graphiql) app.route(GRAPHIQL_ASSETS_PATH, graphiqlAssets());
  app.use(
    "/assets/*",
    serveStatic({ root: `${WEB_DIR}dist`, rewriteRequestPath: (p) => p.replace(/^\/assets/, "") }),
  );
  app.get("/", (c) => c.html(readFileSync(`${WEB_DIR}index.html`, "utf8")));
  return { app, yoga, limiters };
}

/**
 * Yoga answers a body of a media type it cannot read (a script's `text/plain`, say) with an empty 415;
 * every error answer of ours has the GraphQL shape and says what to send instead.
 */
function answeredInGraphQLShape(res: Response, contentType: string | undefined): Response {
  if (res.status !== 415 || (res.headers.get("content-type") ?? "").includes("json")) return res;
  return errorResponse(
    415,
    "BAD_INPUT",
    `cannot read a request body of type ${JSON.stringify(contentType ?? "")}: send JSON (content-type: application/json) as GraphQL over HTTP describes.`,
    { extensions: { field: "content-type" } },
  );
}
