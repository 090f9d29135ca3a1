// The HTTP surface: GraphQL at /graphql (GraphiQL in the browser), the web app at /, health at /healthz.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Hono } from "hono";
import { serveStatic } from "@hono/node-server/serve-static";
import { createYoga } from "graphql-yoga";
import type { PrismaClient } from "../generated/prisma/client.ts";
import { buildSchema } from "./schema.ts";
import { createContext, type Context } from "./shared/context.ts";
import { LOCAL_OPERATOR } from "./shared/actor.ts";
import { errorCodesPlugin, maskError } from "./graphql-errors.ts";

const WEB_DIR = fileURLToPath(new URL("../web/", import.meta.url));

/** Options for the app. */
export interface AppOptions {
  prisma: PrismaClient;
  /** Serve GraphiQL on GET /graphql from a browser (default true). */
  graphiql?: boolean;
}

/** Builds the yoga GraphQL server over a Prisma client. */
export function createGraphQL({ prisma, graphiql = true }: AppOptions) {
  return createYoga<object, Context>({
    schema: buildSchema(),
    graphqlEndpoint: "/graphql",
    graphiql: graphiql ? { title: "Converge GraphQL" } : false,
    maskedErrors: { maskError },
    plugins: [errorCodesPlugin],
    context: () => createContext(prisma, LOCAL_OPERATOR),
    landingPage: false,
    // maskError logs unexpected errors itself; errors users caused are answered, not logged.
    logging: false,
  });
}

/** Builds the hono app: GraphQL, the web app and its assets. */
export function createApp(options: AppOptions) {
  const yoga = createGraphQL(options);
  const app = new Hono();
  app.get("/healthz", (c) => c.json({ ok: true }));
  app.on(["GET", "POST", "OPTIONS"], "/graphql", (c) => yoga.fetch(c.req.raw, {}));
  app.use("/assets/*", serveStatic({ root: `${WEB_DIR}dist`, rewriteRequestPath: (p) => p.replace(/^\/assets/, "") }));
  app.get("/", (c) => c.html(readFileSync(`${WEB_DIR}index.html`, "utf8")));
  return { app, yoga };
}
