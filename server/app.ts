// The HTTP surface: sign-in at /auth, GraphQL at /graphql (GraphiQL in the browser), the web app at /.
// Nothing but sign-in and the web app's static files is served to an anonymous caller.
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

const WEB_DIR = fileURLToPath(new URL("../web/", import.meta.url));

/** The largest request body accepted, in bytes (OCDS imports are the biggest legitimate bodies). */
export const MAX_BODY_BYTES = Number(process.env.MAX_BODY_BYTES ?? 5 * 1024 * 1024);

/** Options for the app. */
export interface AppOptions {
  prisma: PrismaClient;
  /** Serve GraphiQL on GET /graphql from a browser (default true). */
  graphiql?: boolean;
  /** Tests only: decide the caller without credentials (real requests use cookie or bearer token). */
  actorOverride?: (c: HonoContext) => Actor | null;
}

/** Builds the yoga GraphQL server over a Prisma client. */
export function createGraphQL({ prisma, graphiql = true }: AppOptions, limiters = createRateLimiters()) {
  return createYoga<{ actor: Actor }, Context>({
    schema: buildSchema(),
    graphqlEndpoint: "/graphql",
    graphiql: graphiql ? { title: "Converge GraphQL", credentials: "same-origin" } : false,
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
  return new Response(
    JSON.stringify({
      errors: [
        {
          message: "sign in (POST /auth/sign-in) or send an API token (Authorization: Bearer cvg_…).",
          extensions: { code: "UNAUTHENTICATED" },
        },
      ],
    }),
    {
      status: 401,
      headers: {
        "content-type": "application/graphql-response+json; charset=utf-8",
        "www-authenticate": 'Bearer realm="converge"',
      },
    },
  );
}

/** Builds the hono app: auth, GraphQL, the web app and its assets. */
export function createApp(options: AppOptions) {
  const limiters = createRateLimiters();
  const yoga = createGraphQL(options, limiters);
  const app = new Hono<{ Variables: AuthVariables }>();
  const tooLarge = (c: HonoContext) =>
    c.json(
      {
        errors: [
          {
            message: `request body is larger than ${MAX_BODY_BYTES} bytes.`,
            extensions: { code: "PAYLOAD_TOO_LARGE" },
          },
        ],
      },
      413,
    );
  app.get("/healthz", (c) => c.json({ ok: true }));
  app.use(
    "/auth/*",
    bodyLimit({ maxSize: 64 * 1024, onError: tooLarge }),
    authenticate(options.prisma, options.actorOverride),
  );
  app.route("/auth", authRoutes(options.prisma, limiters));
  app.use(
    "/graphql",
    bodyLimit({ maxSize: MAX_BODY_BYTES, onError: tooLarge }),
    authenticate(options.prisma, options.actorOverride),
  );
  app.on(["GET", "POST", "OPTIONS"], "/graphql", (c) => {
    const actor = c.get("actor");
    const wantsGraphiQL =
      options.graphiql !== false &&
      c.req.method === "GET" &&
      (c.req.header("accept") ?? "").includes("text/html");
    if (!actor && !wantsGraphiQL) return unauthenticated();
    return yoga.fetch(c.req.raw, { actor: actor! });
  });
  app.use(
    "/assets/*",
    serveStatic({ root: `${WEB_DIR}dist`, rewriteRequestPath: (p) => p.replace(/^\/assets/, "") }),
  );
  app.get("/", (c) => c.html(readFileSync(`${WEB_DIR}index.html`, "utf8")));
  return { app, yoga, limiters };
}
