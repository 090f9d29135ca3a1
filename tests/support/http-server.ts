// A real HTTP server on loopback around the hono app, for tests that need sockets (load, concurrency).
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import type { PrismaClient } from "../../generated/prisma/client.ts";
import { createApp } from "../../server/app.ts";
import type { RateLimiters } from "../../server/shared/rate-limits.ts";

/** A running server: its base URL, its limiters (to see what they did) and how to stop it. */
export interface LoopbackServer {
  url: string;
  limiters: RateLimiters;
  close(): Promise<void>;
}

/** Serves the app over `prisma` on 127.0.0.1 at a free port, exactly as `npm start` does. */
export async function serveOnLoopback(prisma: PrismaClient): Promise<LoopbackServer> {
  const { app, limiters } = createApp({ prisma, graphiql: false });
  const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" });
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    limiters,
    close: () =>
      new Promise<void>((resolve) => {
        if ("closeAllConnections" in server) server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
