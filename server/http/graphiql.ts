// GraphiQL at GET /graphql, served entirely from our own origin: the page yoga renders (through
// `renderGraphiQLPage`) loads the prebuilt GraphiQL of @graphql-yoga/graphiql (bundle, stylesheet and
// Monaco's workers) from /graphiql/*, and a small start-up script of ours, so it works without internet
// access and under a Content-Security-Policy with no inline script.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Hono } from "hono";
import { serveStatic } from "@hono/node-server/serve-static";
import type { GraphiQLOptions } from "graphql-yoga";

/** Where GraphiQL's files are served from. */
export const GRAPHIQL_ASSETS_PATH = "/graphiql";

const PACKAGE_DIST = join(
  dirname(createRequire(import.meta.url).resolve("@graphql-yoga/graphiql/package.json")),
  "dist",
);
const BOOT_SCRIPT = readFileSync(fileURLToPath(new URL("./graphiql-boot.js", import.meta.url)), "utf8");

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/**
 * GraphiQL's HTML page. The options travel as inert JSON (`type="application/json"`, `<` escaped so no
 * value can close the element); the scripts are files of our own origin, run in order by `defer`.
 */
export function renderGraphiQLPage(options: GraphiQLOptions): string {
  const title = escapeHtml(options.title ?? "GraphiQL");
  const json = JSON.stringify(options).replace(/</g, "\\u003c");
  return `<!doctype html>
<html lang="en-GB">
  <head>
    <meta charset="utf-8" />
    <title>${title}</title>
    <link rel="icon" href="data:," />
    <link rel="stylesheet" href="${GRAPHIQL_ASSETS_PATH}/graphiql.css" />
    <script defer src="${GRAPHIQL_ASSETS_PATH}/boot.js"></script>
    <script defer src="${GRAPHIQL_ASSETS_PATH}/yoga-graphiql.umd.js"></script>
  </head>
  <body>
    <div id="root">Loading ${title}…</div>
    <script type="application/json" id="graphiql-options">${json}</script>
  </body>
</html>
`;
}

/** GET /graphiql/*: the start-up script and the package's files (anonymous, like the page itself). */
export function graphiqlAssets() {
  const routes = new Hono();
  routes.get("/boot.js", (c) =>
    c.body(BOOT_SCRIPT, 200, { "content-type": "text/javascript; charset=utf-8" }),
  );
  routes.use(
    "/*",
    serveStatic({
      root: PACKAGE_DIST,
      rewriteRequestPath: (path) => path.slice(GRAPHIQL_ASSETS_PATH.length),
    }),
  );
  return routes;
}
